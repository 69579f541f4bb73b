import {
  activeOutOfOffice,
  outOfOfficeForDays,
  validateSpocProfile,
  withoutPastOutOfOffice,
} from './spoc-profile';
import { anOutOfOffice, aSpocProfile } from './testing/spoc-profile-builders';

const ms = (s: string): number => Date.parse(s);

describe('out of office', () => {
  const profile = aSpocProfile({
    outOfOffice: [anOutOfOffice({ from: '2025-11-24T00:00:00Z', until: '2025-11-28T00:00:00Z' })],
  });

  it('starts at its first instant and ends at its last (the end is exclusive)', () => {
    expect(activeOutOfOffice(profile, ms('2025-11-23T23:59:59Z'))).toBeNull();
    expect(activeOutOfOffice(profile, ms('2025-11-24T00:00:00Z'))).not.toBeNull();
    expect(activeOutOfOffice(profile, ms('2025-11-27T23:59:59Z'))).not.toBeNull();
    expect(activeOutOfOffice(profile, ms('2025-11-28T00:00:00Z'))).toBeNull();
  });

  it('turns whole local days into instants, across a daylight-saving change', () => {
    // London: Fri 28 Mar is GMT, Mon 31 Mar is BST.
    expect(outOfOfficeForDays('Europe/London', '2025-03-28', '2025-03-30', 'acc-tom')).toEqual({
      ok: true,
      value: {
        from: '2025-03-28T00:00:00.000Z',
        until: '2025-03-30T23:00:00.000Z',
        delegateAccountId: 'acc-tom',
      },
    });
    expect(outOfOfficeForDays('Asia/Kolkata', '2025-06-02', '2025-06-02', null)).toEqual({
      ok: true,
      value: { from: '2025-06-01T18:30:00.000Z', until: '2025-06-02T18:30:00.000Z', delegateAccountId: null },
    });
  });

  it('refuses impossible days and a last day before the first', () => {
    expect(outOfOfficeForDays('Europe/London', '2025-02-30', '2025-03-01', null).ok).toBe(false);
    expect(outOfOfficeForDays('Europe/London', '2025-03-05', '2025-03-01', null)).toEqual({
      ok: false,
      problems: [{ path: 'lastDay', message: 'The last day away cannot be before the first.' }],
    });
  });

  it('forgets absences that are over', () => {
    const pruned = withoutPastOutOfOffice(
      aSpocProfile({
        outOfOffice: [
          anOutOfOffice({ from: '2025-01-01T00:00:00Z', until: '2025-01-05T00:00:00Z' }),
          anOutOfOffice({ from: '2025-11-24T00:00:00Z', until: '2025-11-28T00:00:00Z' }),
        ],
      }),
      '2025-06-01T00:00:00Z',
    );
    expect(pruned.outOfOffice.map((p) => p.from)).toEqual(['2025-11-24T00:00:00Z']);
  });
});

describe('validateSpocProfile', () => {
  const messages = (overrides: Record<string, unknown>): string[] => {
    const result = validateSpocProfile({ ...aSpocProfile(), ...overrides });
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts a good profile and normalises instants to UTC', () => {
    const result = validateSpocProfile({
      ...aSpocProfile(),
      outOfOffice: [
        { from: '2025-11-24T09:00:00+01:00', until: '2025-11-25T00:00:00Z', delegateAccountId: 'acc-tom' },
      ],
    });
    expect(result.ok && result.value.outOfOffice[0]).toEqual({
      from: '2025-11-24T08:00:00.000Z',
      until: '2025-11-25T00:00:00.000Z',
      delegateAccountId: 'acc-tom',
    });
  });

  it('refuses a bad zone, capacity and shifts with clear messages', () => {
    expect(messages({ timeZone: 'GMT+1', capacity: 2.5 })).toEqual([
      'timeZone: "GMT+1" is not an IANA time zone such as Europe/London.',
      'capacity: Capacity must be a whole number from 0 to 500, or empty for the default.',
    ]);
    expect(messages({ capacity: null })).toEqual([]);
    expect(messages({ workingHours: [{ day: 'mon', start: '9', end: '17:00' }] })).toEqual([
      'workingHours[0].start: Start "9" is not a time such as 09:00.',
    ]);
  });

  it('refuses a SPOC as their own delegate, absences that end before they start, and overlaps', () => {
    expect(
      messages({
        outOfOffice: [
          { from: '2025-11-24T00:00:00Z', until: '2025-11-28T00:00:00Z', delegateAccountId: 'acc-priya' },
          { from: '2025-12-05T00:00:00Z', until: '2025-12-01T00:00:00Z', delegateAccountId: null },
          { from: '2025-11-27T00:00:00Z', until: '2025-11-30T00:00:00Z', delegateAccountId: null },
        ],
      }),
    ).toEqual([
      'outOfOffice[0].delegateAccountId: A SPOC cannot be their own delegate.',
      'outOfOffice[1].until: The end of an absence must be after its start.',
    ]);
    expect(
      messages({
        outOfOffice: [
          { from: '2025-11-24T00:00:00Z', until: '2025-11-28T00:00:00Z', delegateAccountId: null },
          { from: '2025-11-27T00:00:00Z', until: '2025-11-30T00:00:00Z', delegateAccountId: null },
        ],
      }),
    ).toEqual([
      'outOfOffice: Absences 2025-11-24T00:00:00.000Z – 2025-11-28T00:00:00.000Z and 2025-11-27T00:00:00.000Z – ' +
        '2025-11-30T00:00:00.000Z overlap; merge them into one.',
    ]);
  });

  it('refuses a profile without an account or name', () => {
    expect(messages({ accountId: '', displayName: ' ' })).toEqual([
      'accountId: The SPOC must be a Jira account id.',
      'displayName: The SPOC needs a display name of at most 255 characters.',
    ]);
  });
});

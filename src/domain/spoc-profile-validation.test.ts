import { validateSpocProfile } from './spoc-profile-validation';
import { aSpocProfile } from './testing/spoc-profile-builders';

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

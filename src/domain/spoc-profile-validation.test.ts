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
      'timeZone: "GMT+1" is not a time zone; choose one such as Europe/London.',
      "capacity: Capacity is a whole number of client issues from 0 to 500, or empty for the policy's default.",
    ]);
    expect(messages({ capacity: null })).toEqual([]);
    expect(messages({ workingHours: [{ day: 'mon', start: '9', end: '17:00' }] })).toEqual([
      'workingHours[0].start: Working hours: Monday\'s shift starts at "9", which is not a time such as 09:00.',
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
      'outOfOffice[0].delegateAccountId: Absence 1: a SPOC cannot cover their own absence; choose someone else.',
      'outOfOffice[1].until: Absence 2 ends before it starts; its last day must be after its first.',
    ]);
    expect(
      messages({
        outOfOffice: [
          { from: '2025-11-24T00:00:00Z', until: '2025-11-28T00:00:00Z', delegateAccountId: null },
          { from: '2025-11-27T00:00:00Z', until: '2025-11-30T00:00:00Z', delegateAccountId: null },
        ],
      }),
    ).toEqual(['outOfOffice: Absences from 2025-11-24 and from 2025-11-27 overlap; merge them into one.']);
  });

  it('refuses a profile without an account or name', () => {
    expect(messages({ accountId: '', displayName: ' ' })).toEqual([
      'accountId: The SPOC must be a Jira account id.',
      'displayName: The SPOC needs a name of at most 255 characters.',
    ]);
  });
});

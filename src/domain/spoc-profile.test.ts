import { activeOutOfOffice, withoutPastOutOfOffice } from './spoc-profile';
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

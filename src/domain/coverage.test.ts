import { coverageGaps, zoneCity } from './coverage';
import { officeHours, shiftsOn } from './testing/calendar-builders';
import { aRosterVersion } from './testing/roster-builders';
import { aSpocProfile } from './testing/spoc-profile-builders';

// Globex is supported 09:00–20:00 New York time on weekdays; Priya works 09:00–17:00 in London and Ana,
// her backup, 08:00–17:00 in New York from Monday to Thursday. Kenji, the second backup, has no profile.
const globex = aRosterVersion({
  clientId: 'globex',
  supportHours: officeHours('America/New_York', '09:00', '20:00'),
});
const profiles = [
  aSpocProfile(),
  aSpocProfile({
    accountId: 'acc-ana',
    displayName: 'Ana',
    timeZone: 'America/New_York',
    workingHours: shiftsOn('08:00', '17:00', ['mon', 'tue', 'wed', 'thu']),
  }),
];
const texts = (weekOf: string) =>
  coverageGaps({ version: globex, profiles, weekOfMs: Date.parse(weekOf) }).gaps.map((g) => g.text);

describe('coverage gaps of a client across time zones', () => {
  it('a week on standard time on both sides: London covers New York 09:00–12:00', () => {
    expect(texts('2025-03-05T12:00:00Z')).toEqual([
      'Mon 17:00–20:00 New York: nobody',
      'Tue 17:00–20:00 New York: nobody',
      'Wed 17:00–20:00 New York: nobody',
      'Thu 17:00–20:00 New York: nobody',
      'Fri 12:00–20:00 New York: nobody',
    ]);
  });

  it('New York on summer time, London not yet: Priya’s day ends at 13:00 on New York’s clock', () => {
    expect(texts('2025-03-12T12:00:00Z').at(-1)).toBe('Fri 13:00–20:00 New York: nobody');
  });

  it('both on summer time again: back to 12:00', () => {
    expect(texts('2025-04-02T12:00:00Z').at(-1)).toBe('Fri 12:00–20:00 New York: nobody');
  });

  it('sums the hours and names who has no working hours', () => {
    const coverage = coverageGaps({
      version: globex,
      profiles,
      weekOfMs: Date.parse('2025-03-05T12:00:00Z'),
      names: { 'acc-kenji': 'Kenji' },
    });
    expect(coverage.supportHours).toBe(55);
    expect(coverage.uncoveredHours).toBe(20);
    expect(coverage.weekStart).toBe('2025-03-03T05:00:00.000Z');
    expect(coverage.withoutHours).toEqual(['acc-kenji']);
    expect(coverage.summary).toBe(
      '20 of 55 support hours in the week of 2025-03-03 have nobody on the roster working. Kenji has no working hours set, so count as not working.',
    );
  });

  it('support around the clock splits a gap at the client’s midnights', () => {
    const allWeek = aRosterVersion({
      clientId: 'initech',
      supportHours: officeHours('Europe/London', '00:00', '24:00', ['sat', 'sun']),
      backupAccountIds: [],
    });
    const coverage = coverageGaps({
      version: allWeek,
      profiles,
      weekOfMs: Date.parse('2025-03-26T12:00:00Z'),
    });
    // The clocks go forward on Sunday 30 March: that day has 23 hours.
    expect(coverage.gaps.map((g) => g.text)).toEqual([
      'Sat 00:00–24:00 London: nobody',
      'Sun 00:00–24:00 London: nobody',
    ]);
    expect(coverage.uncoveredHours).toBe(47);
  });

  it('a roster that covers every support hour has no gaps; no support hours, nothing to cover', () => {
    const covered = aRosterVersion({ supportHours: officeHours('Europe/London', '10:00', '16:00') });
    expect(
      coverageGaps({ version: covered, profiles, weekOfMs: Date.parse('2025-03-05T12:00:00Z') }).gaps,
    ).toEqual([]);
    const none = coverageGaps({ version: aRosterVersion(), profiles, weekOfMs: 0 });
    expect(none.gaps).toEqual([]);
    expect(none.summary).toMatch(/No support hours/);
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});

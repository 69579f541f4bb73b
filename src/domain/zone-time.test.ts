import {
  addDays,
  describeLocalMoment,
  describeUtc,
  formatLocalDate,
  instantAtLocal,
  isValidTimeZone,
  localDateOf,
  weekdayOf,
} from './zone-time';

const ms = (s: string): number => Date.parse(s);

describe('zone time', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(3)).toBe(false);
  });

  it('finds the local date, which may differ from the UTC one', () => {
    expect(localDateOf(ms('2025-06-01T23:30:00Z'), 'Asia/Tokyo')).toEqual({ year: 2025, month: 6, day: 2 });
    expect(localDateOf(ms('2025-06-01T02:30:00Z'), 'America/New_York')).toEqual({
      year: 2025,
      month: 5,
      day: 31,
    });
  });

  it('does date arithmetic across months and years, and names weekdays', () => {
    expect(addDays({ year: 2024, month: 12, day: 31 }, 1)).toEqual({ year: 2025, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(weekdayOf({ year: 2025, month: 3, day: 30 })).toBe(7);
    expect(weekdayOf({ year: 2025, month: 3, day: 31 })).toBe(1);
  });

  it('moves a wall-clock time skipped by spring forward ahead by the gap', () => {
    // 01:30 does not exist in London on 30 Mar 2025; it becomes 02:30 BST = 01:30Z.
    expect(instantAtLocal('Europe/London', { year: 2025, month: 3, day: 30 }, 90)).toBe(
      ms('2025-03-30T01:30:00Z'),
    );
    // 1440 minutes is the next midnight.
    expect(instantAtLocal('UTC', { year: 2025, month: 3, day: 30 }, 1440)).toBe(ms('2025-03-31T00:00:00Z'));
  });

  it('describes a moment as the person would say it', () => {
    const now = ms('2025-06-02T20:00:00Z'); // Tue 05:00 in Tokyo
    expect(describeLocalMoment(ms('2025-06-03T00:00:00Z'), 'Asia/Tokyo', now)).toBe('09:00 Asia/Tokyo');
    expect(describeLocalMoment(ms('2025-06-04T00:00:00Z'), 'Asia/Tokyo', now)).toBe(
      'tomorrow 09:00 Asia/Tokyo',
    );
    expect(describeLocalMoment(ms('2025-06-09T00:00:00Z'), 'Asia/Tokyo', now)).toBe(
      'Mon 9 Jun 09:00 Asia/Tokyo',
    );
    expect(describeUtc(ms('2025-06-03T00:00:00Z'), 'Asia/Tokyo')).toBe('00:00 UTC');
    expect(describeUtc(ms('2025-06-02T23:30:00Z'), 'Asia/Tokyo')).toBe('Mon 2 Jun 23:30 UTC');
    expect(formatLocalDate(ms('2026-01-05T00:00:00Z'), 'UTC', now)).toBe('5 Jan 2026');
  });
});

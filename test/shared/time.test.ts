import {
  formatClock,
  formatDate,
  formatDayAndTime,
  formatMoment,
  formatRelative,
  viewerOf,
} from '../../static/shared/time';

/**
 * The screens' one way to write a time (static/shared/time.ts): the viewer's locale and zone, other zones
 * named, relative words worked out at view time, daylight saving included.
 */
const berlin = viewerOf({ locale: 'de_DE', timezone: 'Europe/Berlin' });
const london = viewerOf({ locale: 'en-GB', timezone: 'Europe/London' });
const newYork = viewerOf({ locale: 'en-US', timezone: 'America/New_York' });
const at = '2026-12-08T09:05:00.000Z';

describe('the viewer', () => {
  it('comes from the Forge context, with safe defaults for anything unknown', () => {
    expect(berlin).toEqual({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(viewerOf({ locale: 'xx_not_a_locale!', timezone: 'Mars/Olympus' })).toEqual({
      locale: 'en-GB',
      timeZone: 'UTC',
    });
    expect(viewerOf(undefined)).toEqual({ locale: 'en-GB', timeZone: 'UTC' });
  });
});

describe('a moment', () => {
  it('is written in the viewer’s locale and zone', () => {
    expect(formatMoment(at, london)).toBe('8 Dec 2026, 09:05');
    expect(formatMoment(at, berlin)).toBe('08.12.2026, 10:05');
    expect(formatMoment(at, newYork)).toBe('Dec 8, 2026, 4:05 AM');
    expect(formatDate(at, newYork)).toBe('Dec 8, 2026');
  });

  it('names the zone when it is shown in someone else’s', () => {
    expect(formatMoment(at, london, 'Asia/Tokyo')).toBe('8 Dec 2026, 18:05 (Asia/Tokyo)');
    expect(formatClock(at, newYork, 'Asia/Tokyo')).toBe('6:05 PM');
  });

  it('follows daylight saving', () => {
    expect(formatClock('2026-03-29T00:30:00Z', london)).toBe('00:30');
    expect(formatClock('2026-03-29T01:30:00Z', london)).toBe('02:30');
  });
});

describe('relative words, worked out when the screen is looked at', () => {
  const now = new Date('2026-12-08T02:46:00Z');

  it('say today, tomorrow and yesterday by the viewer’s calendar', () => {
    expect(formatDayAndTime('2026-12-08T09:00:00Z', london, now)).toBe('today 09:00');
    expect(formatDayAndTime('2026-12-09T09:00:00Z', london, now)).toBe('tomorrow 09:00');
    expect(formatDayAndTime('2026-12-07T17:30:00Z', london, now)).toBe('yesterday 17:30');
    expect(formatDayAndTime('2026-12-14T09:00:00Z', london, now)).toBe('Mon 14 Dec, 09:00');
    expect(formatDayAndTime('2027-01-04T09:00:00Z', london, now)).toBe('Mon, 4 Jan 2027, 09:00');
    expect(formatDayAndTime('2026-12-09T09:00:00Z', berlin, now)).toBe('morgen 10:00');
  });

  it('count days in the zone shown, which is named', () => {
    // 02:46 in London is already 11:46 in Tokyo: 09:00 there tomorrow is tomorrow.
    expect(formatDayAndTime('2026-12-09T00:00:00Z', london, now, 'Asia/Tokyo')).toBe(
      'tomorrow 09:00 (Asia/Tokyo)',
    );
  });

  it('say how far off a moment is', () => {
    expect(formatRelative('2026-12-08T04:46:00Z', london, now)).toBe('in 2 hours');
    expect(formatRelative('2026-12-08T02:41:00Z', london, now)).toBe('5 minutes ago');
    expect(formatRelative('2026-12-08T02:46:20Z', london, now)).toBe('this minute');
  });
});

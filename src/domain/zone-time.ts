import { DateTime, IANAZone } from 'luxon';

/**
 * Local dates and times in IANA time zones, daylight saving included. Everything else in the domain works on
 * UTC milliseconds and comes here to ask "what is the wall clock there".
 */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** 1 = Monday … 7 = Sunday, as ISO 8601 and luxon count. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
}

// Reasons are written in English whatever the server's locale.
const inZone = (ms: number, zone: string): DateTime => DateTime.fromMillis(ms, { zone, locale: 'en-GB' });

export function localDateOf(ms: number, zone: string): LocalDate {
  const local = inZone(ms, zone);
  return { year: local.year, month: local.month, day: local.day };
}

/** Calendar arithmetic on dates alone, independent of any zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  const jsDay = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

export const sameLocalDate = (a: LocalDate, b: LocalDate): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * The instant when the wall clock in `zone` shows `minuteOfDay` minutes past midnight on `date` (1440 is the
 * next midnight). A time skipped by a spring-forward change moves forward by the gap (02:30 becomes 03:30);
 * a time that happens twice in an autumn change is taken at its second occurrence, as luxon does.
 */
export function instantAtLocal(zone: string, date: LocalDate, minuteOfDay: number): number {
  const day = minuteOfDay >= 1440 ? addDays(date, Math.floor(minuteOfDay / 1440)) : date;
  const minutes = minuteOfDay % 1440;
  const local = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone },
  );
  if (!local.isValid) throw new RangeError(`"${zone}" is not a time zone this app knows.`);
  return local.toMillis();
}

export const startOfLocalDay = (ms: number, zone: string): number =>
  instantAtLocal(zone, localDateOf(ms, zone), 0);

/** "09:00" on the wall clock in `zone`. */
export const formatLocalTime = (ms: number, zone: string): string => inZone(ms, zone).toFormat('HH:mm');

/** "Fri 28 Nov": the day in `zone`. The year is added when it differs from `relativeTo`'s. */
export function formatLocalDay(ms: number, zone: string, relativeTo?: number): string {
  const local = inZone(ms, zone);
  const withYear = relativeTo !== undefined && inZone(relativeTo, zone).year !== local.year;
  return local.toFormat(withYear ? 'ccc d LLL yyyy' : 'ccc d LLL');
}

/** "28 Nov" (or "28 Nov 2026" in another year than `relativeTo`). */
export function formatLocalDate(ms: number, zone: string, relativeTo?: number): string {
  const local = inZone(ms, zone);
  const withYear = relativeTo !== undefined && inZone(relativeTo, zone).year !== local.year;
  return local.toFormat(withYear ? 'd LLL yyyy' : 'd LLL');
}

/**
 * A moment as someone in `zone` would say it, seen from `now`: "09:00 Asia/Tokyo" today, "tomorrow 09:00
 * Asia/Tokyo", or "Mon 3 Mar 09:00 Asia/Tokyo".
 */
export function describeLocalMoment(ms: number, zone: string, now: number): string {
  const day = localDateOf(ms, zone);
  const today = localDateOf(now, zone);
  const time = `${formatLocalTime(ms, zone)} ${zone}`;
  if (sameLocalDate(day, today)) return time;
  if (sameLocalDate(day, addDays(today, 1))) return `tomorrow ${time}`;
  return `${formatLocalDay(ms, zone, now)} ${time}`;
}

/**
 * A moment that stays true whenever it is read, for text the app stores or writes on an issue (routing
 * reasons, comments): "Tue 8 Dec 2026 03:18 Europe/London". Screens say "tomorrow" at view time instead.
 */
export const describeMoment = (ms: number, zone: string): string =>
  `${formatFullDate(ms, zone)} ${formatLocalTime(ms, zone)} ${zone}`;

/** "Tue 8 Dec 2026": the day in `zone`, with its year, for stored text. */
export const formatFullDate = (ms: number, zone: string): string =>
  inZone(ms, zone).toFormat('ccc d LLL yyyy');

/** "00:00 UTC", with the UTC day when it differs from the local one shown beside it. */
export function describeUtc(ms: number, zone: string): string {
  const utcDay = localDateOf(ms, 'UTC');
  const localDay = localDateOf(ms, zone);
  const time = `${formatLocalTime(ms, 'UTC')} UTC`;
  return sameLocalDate(utcDay, localDay) ? time : `${formatLocalDay(ms, 'UTC')} ${time}`;
}

/** The instant as an ISO string on the local wall clock with its offset: "2025-06-03T09:00:00.000+09:00". */
export const toLocalIso = (ms: number, zone: string): string =>
  inZone(ms, zone).toISO() ?? new Date(ms).toISOString();

/** True when the instant is midnight on the wall clock in `zone`. */
export const isLocalMidnight = (ms: number, zone: string): boolean => startOfLocalDay(ms, zone) === ms;

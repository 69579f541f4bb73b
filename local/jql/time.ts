/**
 * Calendar arithmetic in the searcher's IANA time zone (Intl only, no date library), and the date forms JQL
 * accepts: "2026-11-20", "2026/11/20 14:00", periods like "-2d" or "4w 2d", and epoch milliseconds.
 */

export interface LocalDateTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PERIOD_UNITS: Readonly<Record<string, number>> = { w: 7 * DAY, d: DAY, h: HOUR, m: MINUTE };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // An unknown zone falls back to UTC rather than failing every search of that person.
      format = formatter('UTC');
    }
    formatters.set(timeZone, format);
  }
  return format;
}

export function toLocal(ms: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function utcOf(local: LocalDateTime): number {
  return Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
}

/** The instant a wall-clock time in `timeZone` names (the later offset wins in a DST gap). */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const wall = utcOf(local);
  const offsetAt = (instant: number) => utcOf(toLocal(instant, timeZone)) - instant;
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return second;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar units to a wall-clock time: y and M clamp the day to the month's length. */
export function addCalendar(
  local: LocalDateTime,
  unit: 'y' | 'M' | 'w' | 'd',
  amount: number,
): LocalDateTime {
  if (unit === 'y' || unit === 'M') {
    const months = local.year * 12 + (local.month - 1) + (unit === 'y' ? amount * 12 : amount);
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    return { ...local, year, month, day: Math.min(local.day, daysInMonth(year, month)) };
  }
  const shifted = new Date(
    Date.UTC(local.year, local.month - 1, local.day + (unit === 'w' ? 7 : 1) * amount),
  );
  return {
    ...local,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** `-2d`, `4w 2d`, `+3h`, `15m`: a signed period added to now, in milliseconds; undefined when not a period. */
export function parsePeriod(text: string): number | undefined {
  const match = /^([+-]?)\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(text.trim());
  if (!match?.[2]) return undefined;
  const body = match[2];
  if (/M/.test(body)) return undefined; // `M` is months in Jira's function offsets, never minutes here
  let total = 0;
  for (const part of body.matchAll(/(\d+)\s*([wdhm])/gi)) {
    const unit = PERIOD_UNITS[(part[2] ?? '').toLowerCase()] ?? 0;
    total += Number(part[1]) * unit;
  }
  return match[1] === '-' ? -total : total;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
}

/** `yyyy-MM-dd`, `yyyy/MM/dd`, optionally followed by ` HH:mm`; undefined when not such a date or not a real one. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (match[4] === undefined) return { year, month, day };
  const [hour, minute] = [Number(match[4]), Number(match[5])];
  if (hour > 23 || minute > 59) return undefined;
  return { year, month, day, hour, minute };
}

/** A day as a whole number (days since 1970-01-01), the comparable form of date-only values. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

export function dayNumberOfInstant(ms: number, timeZone: string): number {
  const local = toLocal(ms, timeZone);
  return dayNumber(local.year, local.month, local.day);
}

/** Parses a stored date-only value (`2026-11-20`, or the date part of an ISO date-time) into a day number. */
export function storedDayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return undefined;
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Parses a stored ISO date-time (or date, read as UTC midnight) into epoch milliseconds. */
export function storedInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

import { DAY_MS, MINUTE_MS, toIso, toMillis, type Instant } from './time';
import {
  at,
  invalid,
  isRecord,
  problem,
  quote,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';
import {
  addDays,
  instantAtLocal,
  isValidTimeZone,
  localDateOf,
  weekdayOf,
  type LocalDate,
} from './zone-time';

/**
 * Weekly working hours on a person's (or a client's) own wall clock. A shift whose end is not after its start
 * runs past midnight: Fri 22:00–06:00 ends on Saturday morning. Working time is real elapsed time inside
 * shifts, so a night shift across a daylight-saving change is an hour shorter or longer, as it is for the
 * person working it.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingShift {
  readonly day: Weekday;
  /** "HH:mm" on the local wall clock. */
  readonly start: string;
  /** "HH:mm"; "24:00" is midnight at the end of `day`; a time not after `start` is on the next day. */
  readonly end: string;
}

export interface WorkingCalendar {
  /** IANA time zone, e.g. Europe/London. */
  readonly timeZone: string;
  readonly shifts: readonly WorkingShift[];
}

/** Every hour of every day: the clock of someone without working hours (an escalation manager, say). */
export const AROUND_THE_CLOCK: WorkingCalendar = {
  timeZone: 'UTC',
  shifts: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
};

/** A stretch of working time, [start, end) in UTC milliseconds. */
export interface WorkingInterval {
  readonly start: number;
  readonly end: number;
}

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes past midnight for "HH:mm"; "24:00" only when `allowMidnightEnd`. */
export function parseClock(text: string, allowMidnightEnd = false): number | null {
  if (allowMidnightEnd && text === '24:00') return 1440;
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const shiftMinutes = (shift: WorkingShift): { start: number; end: number } => {
  const start = parseClock(shift.start) ?? 0;
  const rawEnd = parseClock(shift.end, true) ?? 0;
  return { start, end: rawEnd > start ? rawEnd : rawEnd + 1440 };
};

export const describeShift = (shift: WorkingShift): string => {
  const { end } = shiftMinutes(shift);
  return `${DAY_NAMES[shift.day]} ${shift.start}–${shift.end}${end > 1440 ? ' (next day)' : ''}`;
};

/** "Mon 09:00–17:00, Fri 22:00–06:00 (next day) (Europe/London)" */
export function describeWorkingHours(calendar: WorkingCalendar): string {
  if (calendar.shifts.length === 0) return `no working hours set (${calendar.timeZone})`;
  const sorted = [...calendar.shifts].sort(
    (a, b) =>
      WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || shiftMinutes(a).start - shiftMinutes(b).start,
  );
  return `${sorted.map(describeShift).join(', ')} (${calendar.timeZone})`;
}

export const MAX_SHIFTS = 28;
const WEEK_MINUTES = 7 * 1440;

const FULL_DAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

const isWeekday = (day: unknown): day is Weekday =>
  typeof day === 'string' && (WEEKDAYS as readonly string[]).includes(day);

/** "Monday's shift", "Monday's second shift", or "shift 3" when its day is unknown: what a person calls it. */
function shiftName(input: readonly unknown[], index: number): string {
  const dayOf = (raw: unknown) => (isRecord(raw) ? raw.day : undefined);
  const day = dayOf(input[index]);
  if (!isWeekday(day)) return `shift ${index + 1}`;
  const name = FULL_DAY_NAMES[day];
  const sameDay = input.filter((raw) => dayOf(raw) === day).length;
  const nth = input.slice(0, index).filter((raw) => dayOf(raw) === day).length;
  if (sameDay === 1) return `${name}'s shift`;
  return ORDINALS[nth] ? `${name}'s ${ORDINALS[nth]} shift` : `${name}'s shift ${nth + 1}`;
}

/**
 * Checks shifts for a calendar: known days, real clock times, some length, no overlaps within the week.
 * `what` names the hours in the messages ("Working hours", "Support hours").
 */
export function validateShifts(
  input: unknown,
  path: string,
  what = 'Working hours',
): Validated<readonly WorkingShift[]> {
  if (!Array.isArray(input)) return invalid([problem(path, `${what} must be a list of shifts.`)]);
  const problems: ValidationProblem[] = [];
  if (input.length > MAX_SHIFTS)
    problems.push(problem(path, `${what} can have at most ${MAX_SHIFTS} shifts a week.`));
  const shifts: WorkingShift[] = [];
  // Where each good shift was in the input, so an overlap is reported at the shift the screen shows.
  const places: number[] = [];
  for (const [index, raw] of input.entries()) {
    const spath = at(path, index);
    const name = `${what}: ${shiftName(input, index)}`;
    if (!isRecord(raw)) {
      problems.push(problem(spath, `${name} needs a day, a start and an end.`));
      continue;
    }
    const before = problems.length;
    const { day, start, end } = raw;
    if (!isWeekday(day)) {
      problems.push(
        problem(
          at(spath, 'day'),
          `${name} is on ${quote(day)}, which is not a day of the week (mon, tue, … sun).`,
        ),
      );
    }
    if (typeof start !== 'string' || parseClock(start) === null) {
      problems.push(
        problem(at(spath, 'start'), `${name} starts at ${quote(start)}, which is not a time such as 09:00.`),
      );
    }
    if (typeof end !== 'string' || parseClock(end, true) === null) {
      problems.push(
        problem(at(spath, 'end'), `${name} ends at ${quote(end)}, which is not a time such as 17:00.`),
      );
    }
    if (problems.length === before) {
      if (start === end) {
        problems.push(
          problem(at(spath, 'end'), `${name} starts and ends at ${String(start)}, so it has no length.`),
        );
      } else {
        shifts.push({ day: day as Weekday, start: start as string, end: end as string });
        places.push(index);
      }
    }
  }
  // Overlaps on the weekly clock, a Sun night shift wrapping into Monday included.
  const spans = shifts.flatMap((shift, index) => {
    const { start, end } = shiftMinutes(shift);
    const offset = WEEKDAYS.indexOf(shift.day) * 1440;
    const s = offset + start;
    const e = offset + end;
    return e <= WEEK_MINUTES
      ? [{ s, e, index }]
      : [
          { s, e: WEEK_MINUTES, index },
          { s: 0, e: e - WEEK_MINUTES, index },
        ];
  });
  const reported = new Set<string>();
  for (const a of spans) {
    for (const b of spans) {
      if (a.index >= b.index || a.s >= b.e || b.s >= a.e) continue;
      const key = `${a.index}/${b.index}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const first = shifts[a.index] as WorkingShift;
      const second = shifts[b.index] as WorkingShift;
      problems.push(
        problem(
          at(path, places[b.index] as number),
          `${what}: ${describeShift(second)} overlaps ${describeShift(first)}; join them or move one.`,
        ),
      );
    }
  }
  return problems.length ? invalid(problems) : valid(shifts);
}

export function validateWorkingCalendar(
  input: unknown,
  path: string,
  what = 'Working hours',
): Validated<WorkingCalendar> {
  if (!isRecord(input)) return invalid([problem(path, `${what} need a time zone and a list of shifts.`)]);
  const problems: ValidationProblem[] = [];
  if (!isValidTimeZone(input.timeZone)) {
    problems.push(
      problem(
        at(path, 'timeZone'),
        `${what}: ${quote(input.timeZone)} is not a time zone; choose one such as Europe/London.`,
      ),
    );
  }
  const shifts = validateShifts(input.shifts, at(path, 'shifts'), what);
  if (!shifts.ok) problems.push(...shifts.problems);
  if (problems.length || !shifts.ok) return invalid(problems);
  return valid({ timeZone: input.timeZone as string, shifts: shifts.value });
}

/** Working intervals that overlap [fromMs, toMs), merged where shifts touch, in time order. */
export function workingIntervalsMs(
  calendar: WorkingCalendar,
  fromMs: number,
  toMs: number,
): WorkingInterval[] {
  if (calendar.shifts.length === 0 || toMs <= fromMs) return [];
  const zone = calendar.timeZone;
  // Start a day early: yesterday's night shift may still be running at fromMs.
  const lastDay = localDateOf(toMs, zone);
  const raw: WorkingInterval[] = [];
  for (let day: LocalDate = addDays(localDateOf(fromMs, zone), -1); ; day = addDays(day, 1)) {
    const weekday = WEEKDAYS[weekdayOf(day) - 1];
    for (const shift of calendar.shifts) {
      if (shift.day !== weekday) continue;
      const { start, end } = shiftMinutes(shift);
      const startMs = instantAtLocal(zone, day, start);
      const endMs = instantAtLocal(zone, day, end);
      // A shift lying wholly inside a skipped hour has no working time.
      if (endMs > startMs) raw.push({ start: startMs, end: endMs });
    }
    if (day.year === lastDay.year && day.month === lastDay.month && day.day === lastDay.day) break;
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: WorkingInterval[] = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    } else merged.push(interval);
  }
  return merged.filter((i) => i.end > fromMs && i.start < toMs);
}

/** The working stretch containing the instant, or null when off shift. */
export function currentWorkingIntervalMs(calendar: WorkingCalendar, atMs: number): WorkingInterval | null {
  // Look a week ahead so that shifts chained back to back (24/7 cover) report where the stretch really ends.
  const around = workingIntervalsMs(calendar, atMs - DAY_MS, atMs + 8 * DAY_MS);
  return around.find((i) => i.start <= atMs && atMs < i.end) ?? null;
}

/** The instant itself when working then, else the next shift start within a week; null with no shifts. */
export function nextWorkingStartMs(calendar: WorkingCalendar, atMs: number): number | null {
  if (currentWorkingIntervalMs(calendar, atMs)) return atMs;
  const ahead = workingIntervalsMs(calendar, atMs, atMs + 8 * DAY_MS);
  const next = ahead.find((i) => i.start >= atMs);
  return next ? next.start : null;
}

// Ten years of weeks: far past any response target, and a bound on the loop.
const MAX_WEEKS = 530;

/** The instant `minutes` working minutes after `fromMs`; null when the calendar has no shifts. */
export function addWorkingMinutesMs(
  calendar: WorkingCalendar,
  fromMs: number,
  minutes: number,
): number | null {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError('Working minutes to add must be 0 or more.');
  if (minutes === 0) return fromMs;
  if (calendar.shifts.length === 0) return null;
  let remaining = minutes * MINUTE_MS;
  let cursor = fromMs;
  for (let week = 0; week < MAX_WEEKS; week += 1) {
    const windowEnd = cursor + 7 * DAY_MS;
    for (const interval of workingIntervalsMs(calendar, cursor, windowEnd)) {
      const start = Math.max(interval.start, cursor);
      const available = interval.end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
      cursor = interval.end;
    }
    cursor = Math.max(cursor, windowEnd);
  }
  throw new RangeError(`Adding ${minutes} working minutes runs past ten years of working hours.`);
}

/** Working milliseconds inside [fromMs, toMs); 0 when `toMs` is not after `fromMs`. */
export function workingMillisBetween(calendar: WorkingCalendar, fromMs: number, toMs: number): number {
  let total = 0;
  for (const interval of workingIntervalsMs(calendar, fromMs, toMs)) {
    total += Math.min(interval.end, toMs) - Math.max(interval.start, fromMs);
  }
  return total;
}

// The same operations on instants, for callers outside the domain.

export const isWorkingAt = (calendar: WorkingCalendar, instant: Instant): boolean =>
  currentWorkingIntervalMs(calendar, toMillis(instant)) !== null;

export function nextWorkingStart(calendar: WorkingCalendar, instant: Instant): string | null {
  const next = nextWorkingStartMs(calendar, toMillis(instant));
  return next === null ? null : toIso(next);
}

/** "Add N working minutes from T in this calendar": an ISO instant, or null when there are no working hours. */
export function addWorkingMinutes(calendar: WorkingCalendar, from: Instant, minutes: number): string | null {
  const due = addWorkingMinutesMs(calendar, toMillis(from, 'start time'), minutes);
  return due === null ? null : toIso(due);
}

/** Working minutes between two instants (may be fractional; 0 when `to` is not after `from`). */
export const workingMinutesBetween = (calendar: WorkingCalendar, from: Instant, to: Instant): number =>
  workingMillisBetween(calendar, toMillis(from, 'start time'), toMillis(to, 'end time')) / MINUTE_MS;

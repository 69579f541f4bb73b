import { isIsoInstant, toIso, toMillis, type Instant } from './time';
import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';
import { validateShifts, type WorkingCalendar, type WorkingShift } from './working-hours';
import { addDays, instantAtLocal, isValidTimeZone, type LocalDate } from './zone-time';

/**
 * What the app knows about a SPOC: where they are, when they work, how much client work they can hold, and
 * when they are away (and who covers). SPOCs edit their own; managers edit everyone's.
 */
export interface OutOfOffice {
  /** ISO instant the absence starts (inclusive). */
  readonly from: string;
  /** ISO instant they are back (exclusive). */
  readonly until: string;
  /** Who covers their client issues meanwhile; null for nobody. */
  readonly delegateAccountId: string | null;
  readonly note?: string;
}

export interface SpocProfile {
  readonly accountId: string;
  readonly displayName: string;
  /** IANA time zone of their working hours. */
  readonly timeZone: string;
  readonly workingHours: readonly WorkingShift[];
  /** Most open client issues that may await them at once; null means the policy's default. */
  readonly capacity: number | null;
  readonly outOfOffice: readonly OutOfOffice[];
}

export const calendarOf = (profile: SpocProfile): WorkingCalendar => ({
  timeZone: profile.timeZone,
  shifts: profile.workingHours,
});

export const MAX_CAPACITY = 500;
export const MAX_OUT_OF_OFFICE_PERIODS = 50;
const MAX_NOTE = 200;

/** The absence in force at the instant, if any (the one that started last, should two overlap). */
export function activeOutOfOffice(profile: SpocProfile, atMs: number): OutOfOffice | null {
  let active: OutOfOffice | null = null;
  for (const period of profile.outOfOffice) {
    const from = Date.parse(period.from);
    if (from <= atMs && atMs < Date.parse(period.until) && (!active || from > Date.parse(active.from))) {
      active = period;
    }
  }
  return active;
}

/** The profile without absences that ended before `now`, so stored profiles do not grow for ever. */
export function withoutPastOutOfOffice(profile: SpocProfile, now: Instant): SpocProfile {
  const nowMs = toMillis(now);
  return { ...profile, outOfOffice: profile.outOfOffice.filter((p) => Date.parse(p.until) > nowMs) };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(text: string): LocalDate | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(date, 0);
  return check.year === date.year && check.month === date.month && check.day === date.day ? date : null;
}

/**
 * Whole days away, as people enter them: from the start of `firstDay` to the end of `lastDay` on their own
 * wall clock (days given as YYYY-MM-DD), daylight-saving changes included.
 */
export function outOfOfficeForDays(
  timeZone: string,
  firstDay: string,
  lastDay: string,
  delegateAccountId: string | null,
  note?: string,
): Validated<OutOfOffice> {
  const problems: ValidationProblem[] = [];
  const first = parseDay(firstDay);
  const last = parseDay(lastDay);
  if (!isValidTimeZone(timeZone))
    problems.push(problem('timeZone', `"${timeZone}" is not an IANA time zone.`));
  if (!first) problems.push(problem('firstDay', `"${firstDay}" is not a date such as 2025-11-24.`));
  if (!last) problems.push(problem('lastDay', `"${lastDay}" is not a date such as 2025-11-27.`));
  if (problems.length || !first || !last) return invalid(problems);
  const from = instantAtLocal(timeZone, first, 0);
  const until = instantAtLocal(timeZone, addDays(last, 1), 0);
  if (until <= from) return invalid([problem('lastDay', 'The last day away cannot be before the first.')]);
  return valid({
    from: toIso(from),
    until: toIso(until),
    delegateAccountId,
    ...(note === undefined ? {} : { note }),
  });
}

function validateOutOfOffice(
  input: unknown,
  accountId: unknown,
  problems: ValidationProblem[],
): readonly OutOfOffice[] {
  const path = 'outOfOffice';
  if (!Array.isArray(input)) {
    problems.push(problem(path, 'Out-of-office periods must be a list (empty when never away).'));
    return [];
  }
  if (input.length > MAX_OUT_OF_OFFICE_PERIODS) {
    problems.push(problem(path, `At most ${MAX_OUT_OF_OFFICE_PERIODS} out-of-office periods can be kept.`));
  }
  const periods: OutOfOffice[] = [];
  for (const [index, raw] of input.entries()) {
    const p = at(path, index);
    if (!isRecord(raw)) {
      problems.push(problem(p, 'An out-of-office period needs from, until and delegateAccountId.'));
      continue;
    }
    const before = problems.length;
    const { from, until, delegateAccountId, note } = raw;
    if (!isIsoInstant(from)) problems.push(problem(at(p, 'from'), 'The start must be an ISO instant.'));
    if (!isIsoInstant(until)) problems.push(problem(at(p, 'until'), 'The end must be an ISO instant.'));
    if (isIsoInstant(from) && isIsoInstant(until) && Date.parse(until) <= Date.parse(from)) {
      problems.push(problem(at(p, 'until'), 'The end of an absence must be after its start.'));
    }
    if (delegateAccountId !== null) {
      checkAccountId(delegateAccountId, at(p, 'delegateAccountId'), 'The delegate', problems);
      if (delegateAccountId === accountId) {
        problems.push(problem(at(p, 'delegateAccountId'), 'A SPOC cannot be their own delegate.'));
      }
    }
    if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE)) {
      problems.push(problem(at(p, 'note'), `The note must be text of at most ${MAX_NOTE} characters.`));
    }
    if (problems.length === before) {
      periods.push({
        from: toIso(Date.parse(from as string)),
        until: toIso(Date.parse(until as string)),
        delegateAccountId: delegateAccountId as string | null,
        ...(note === undefined ? {} : { note: note as string }),
      });
    }
  }
  for (const [i, a] of periods.entries()) {
    for (const b of periods.slice(i + 1)) {
      if (Date.parse(a.from) < Date.parse(b.until) && Date.parse(b.from) < Date.parse(a.until)) {
        problems.push(
          problem(
            path,
            `Absences ${a.from} – ${a.until} and ${b.from} – ${b.until} overlap; merge them into one.`,
          ),
        );
      }
    }
  }
  return periods;
}

/** Checks a profile read from storage or a form. Instants come back normalised to UTC. */
export function validateSpocProfile(input: unknown): Validated<SpocProfile> {
  if (!isRecord(input)) return invalid([problem('', 'A SPOC profile must be an object.')]);
  const problems: ValidationProblem[] = [];
  const { accountId, displayName, timeZone, workingHours, capacity, outOfOffice } = input;
  checkAccountId(accountId, 'accountId', 'The SPOC', problems);
  if (!isNonEmptyString(displayName) || displayName.length > 255) {
    problems.push(problem('displayName', 'The SPOC needs a display name of at most 255 characters.'));
  }
  if (!isValidTimeZone(timeZone)) {
    problems.push(
      problem('timeZone', `"${String(timeZone)}" is not an IANA time zone such as Europe/London.`),
    );
  }
  const shifts = validateShifts(workingHours, 'workingHours');
  if (!shifts.ok) problems.push(...shifts.problems);
  if (
    capacity !== null &&
    (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0 || capacity > MAX_CAPACITY)
  ) {
    problems.push(
      problem(
        'capacity',
        `Capacity must be a whole number from 0 to ${MAX_CAPACITY}, or empty for the default.`,
      ),
    );
  }
  const periods = validateOutOfOffice(outOfOffice, accountId, problems);
  if (problems.length || !shifts.ok) return invalid(problems);
  return valid({
    accountId: accountId as string,
    displayName: (displayName as string).trim(),
    timeZone: timeZone as string,
    workingHours: shifts.value,
    capacity: capacity as number | null,
    outOfOffice: periods,
  });
}

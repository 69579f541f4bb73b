import type { OutOfOffice, SpocProfile } from './spoc-profile';
import { isIsoInstant, toIso } from './time';
import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  quote,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';
import { validateShifts } from './working-hours';
import { isValidTimeZone } from './zone-time';

/**
 * Checks a SPOC profile that arrives untrusted, from storage or the Availability screen: a real zone and
 * shifts, a capacity in range, absences that end after they start and do not overlap. Kept apart from
 * spoc-profile.ts so the profile and what it decides read on their own.
 */
export const MAX_CAPACITY = 500;
export const MAX_OUT_OF_OFFICE_PERIODS = 50;
const MAX_NOTE = 200;

function validateOutOfOffice(
  input: unknown,
  accountId: unknown,
  problems: ValidationProblem[],
): readonly OutOfOffice[] {
  const path = 'outOfOffice';
  if (!Array.isArray(input)) {
    problems.push(problem(path, 'Absences must be a list (empty when never away).'));
    return [];
  }
  if (input.length > MAX_OUT_OF_OFFICE_PERIODS) {
    problems.push(problem(path, `At most ${MAX_OUT_OF_OFFICE_PERIODS} absences can be kept; remove some.`));
  }
  const periods: OutOfOffice[] = [];
  for (const [index, raw] of input.entries()) {
    const p = at(path, index);
    const name = `Absence ${index + 1}`;
    if (!isRecord(raw)) {
      problems.push(problem(p, `${name} needs a first day, a last day and who covers it.`));
      continue;
    }
    const before = problems.length;
    const { from, until, delegateAccountId, note } = raw;
    if (!isIsoInstant(from)) {
      problems.push(
        problem(at(p, 'from'), `${name} starts at ${quote(from)}, which is not a moment in time.`),
      );
    }
    if (!isIsoInstant(until)) {
      problems.push(
        problem(at(p, 'until'), `${name} ends at ${quote(until)}, which is not a moment in time.`),
      );
    }
    if (isIsoInstant(from) && isIsoInstant(until) && Date.parse(until) <= Date.parse(from)) {
      problems.push(
        problem(at(p, 'until'), `${name} ends before it starts; its last day must be after its first.`),
      );
    }
    if (delegateAccountId !== null) {
      checkAccountId(delegateAccountId, at(p, 'delegateAccountId'), `${name}'s delegate`, problems);
      if (delegateAccountId === accountId) {
        problems.push(
          problem(
            at(p, 'delegateAccountId'),
            `${name}: a SPOC cannot cover their own absence; choose someone else.`,
          ),
        );
      }
    }
    if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE)) {
      problems.push(problem(at(p, 'note'), `${name}'s note can be at most ${MAX_NOTE} characters.`));
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
            `Absences from ${a.from.slice(0, 10)} and from ${b.from.slice(0, 10)} overlap; merge them into one.`,
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
    problems.push(problem('displayName', 'The SPOC needs a name of at most 255 characters.'));
  }
  if (!isValidTimeZone(timeZone)) {
    problems.push(
      problem('timeZone', `${quote(timeZone)} is not a time zone; choose one such as Europe/London.`),
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
        `Capacity is a whole number of client issues from 0 to ${MAX_CAPACITY}, or empty for the policy's default.`,
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

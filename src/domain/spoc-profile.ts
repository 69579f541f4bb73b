import { toMillis, type Instant } from './time';
import type { WorkingCalendar, WorkingShift } from './working-hours';

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

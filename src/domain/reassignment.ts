import type { Availability } from './availability';
import { responseDueAt } from './escalation';
import type { SpocPolicy } from './policy';
import { activeOutOfOffice, calendarOf, type SpocProfile } from './spoc-profile';
import { toIso, toMillis, type Instant } from './time';

/**
 * A person hands a client issue to another SPOC: whether the policy lets it go to them as they are now, and
 * when their response clock starts and falls due. Routing never picks someone away or full; a person may,
 * but never without being told first, and not at all when the policy says so.
 */
export type ReassignConcern = 'away' | 'at-capacity';

export interface ReassignVerdict {
  /** What makes them a poor choice right now; null when nothing does. */
  readonly concern: ReassignConcern | null;
  /** `go`: nothing to say; `warn`: the person must confirm it first; `refuse`: the policy does not allow it. */
  readonly verdict: 'go' | 'warn' | 'refuse';
}

export function judgeReassignment(
  availability: Pick<Availability, 'status'>,
  policy: Pick<SpocPolicy, 'reassignToUnavailable'>,
): ReassignVerdict {
  const concern =
    availability.status === 'away' || availability.status === 'at-capacity' ? availability.status : null;
  if (concern === null) return { concern, verdict: 'go' };
  return { concern, verdict: policy.reassignToUnavailable === 'refuse' ? 'refuse' : 'warn' };
}

export interface ResponseClock {
  /** When their clock starts: now, or when they are back from the absences in force. */
  readonly startsAt: string;
  /** `targetMinutes` of their working time after that; null when they have no working hours. */
  readonly dueAt: string | null;
}

// Back-to-back absences are followed this far; a profile holds few of them.
const MAX_CHAINED_ABSENCES = 20;

/** The new SPOC's response clock: their working hours count from when they are back, not while they are away. */
export function responseClockFor(profile: SpocProfile, now: Instant, targetMinutes: number): ResponseClock {
  let startMs = toMillis(now);
  for (let i = 0; i < MAX_CHAINED_ABSENCES; i += 1) {
    const away = activeOutOfOffice(profile, startMs);
    if (!away) break;
    startMs = Date.parse(away.until);
  }
  const startsAt = toIso(startMs);
  return { startsAt, dueAt: responseDueAt(calendarOf(profile), startsAt, targetMinutes) };
}

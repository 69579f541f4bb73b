import { activeOutOfOffice, calendarOf, type SpocProfile } from './spoc-profile';
import { formatDuration, MINUTE_MS, toIso, toMillis, type Instant } from './time';
import { currentWorkingIntervalMs, nextWorkingStartMs } from './working-hours';
import {
  describeLocalMoment,
  describeMoment,
  describeUtc,
  formatFullDate,
  formatLocalDate,
  formatLocalTime,
  isLocalMidnight,
  toLocalIso,
} from './zone-time';

/**
 * Can a SPOC take a client issue at an instant? Away beats everything (their delegate covers), then a full
 * queue, then being off shift. Each answer carries the facts behind it and a phrase that reads after the
 * person's name ("is out of office until 28 Nov").
 */
export interface SpocLoad {
  /** Open client issues awaiting them now (not yet vetted). */
  readonly openClientIssues: number;
}

export interface AvailabilityOptions {
  /** Capacity for profiles that leave theirs empty; without one there is no limit. */
  readonly defaultCapacity?: number | null;
  /** Display names of delegates, for the reasons. */
  readonly names?: Readonly<Record<string, string>>;
  /**
   * `stored`: phrases name moments absolutely ("starts Tue 8 Dec 2026 09:00 Europe/London"), for reasons that
   * are kept and read later; `live` (the default): as seen now ("starts tomorrow 09:00 …, in 14 h").
   */
  readonly wording?: 'live' | 'stored';
}

interface AvailabilityBase {
  readonly accountId: string;
  /** Follows the person's name: "Priya Shah" + " is off shift; …". */
  readonly phrase: string;
  /** Whole sentences for the issue or the panel. */
  readonly reasons: readonly string[];
}

export type Availability =
  | (AvailabilityBase & {
      readonly status: 'available';
      /** When the current stretch of working time ends. */
      readonly shiftEndsAt: string;
      readonly openClientIssues: number;
      readonly capacity: number | null;
    })
  | (AvailabilityBase & {
      readonly status: 'away';
      readonly until: string;
      readonly delegateAccountId: string | null;
    })
  | (AvailabilityBase & {
      readonly status: 'at-capacity';
      readonly openClientIssues: number;
      readonly capacity: number;
    })
  | (AvailabilityBase & {
      readonly status: 'off-shift';
      /** Next shift start in UTC, or null with no working hours. */
      readonly nextStartAt: string | null;
      /** The same instant on their own wall clock, with its offset. */
      readonly nextStartLocal: string | null;
      /** Wall-clock minutes until then. */
      readonly minutesUntilStart: number | null;
    });

export type AvailabilityStatus = Availability['status'];

/** Capacity that applies to the profile: its own, else the default, else none (null). */
export const effectiveCapacity = (profile: SpocProfile, defaultCapacity?: number | null): number | null =>
  profile.capacity ?? defaultCapacity ?? null;

const loadText = (open: number, capacity: number | null): string =>
  capacity === null
    ? `${open} open client issues (no limit set)`
    : `${open} of ${capacity} open client issues`;

function describeReturn(untilMs: number, zone: string, nowMs: number, stored: boolean): string {
  // Back at midnight means back that day: "until 28 Nov".
  const day = stored ? formatFullDate(untilMs, zone) : formatLocalDate(untilMs, zone, nowMs);
  if (isLocalMidnight(untilMs, zone)) return day;
  return `${day} ${formatLocalTime(untilMs, zone)} ${zone}`;
}

export function availabilityAt(
  profile: SpocProfile,
  now: Instant,
  load: SpocLoad,
  options: AvailabilityOptions = {},
): Availability {
  const nowMs = toMillis(now);
  const stored = options.wording === 'stored';
  const moment = (ms: number, zone: string): string =>
    stored ? describeMoment(ms, zone) : describeLocalMoment(ms, zone, nowMs);
  if (!Number.isInteger(load.openClientIssues) || load.openClientIssues < 0) {
    throw new RangeError(`Open client issues for ${profile.displayName} must be a whole number, 0 or more.`);
  }
  const name = profile.displayName;
  const zone = profile.timeZone;
  const base = { accountId: profile.accountId };

  const away = activeOutOfOffice(profile, nowMs);
  if (away) {
    const untilMs = Date.parse(away.until);
    const phrase = `is out of office until ${describeReturn(untilMs, zone, nowMs, stored)}`;
    const delegate = away.delegateAccountId;
    const delegateName = delegate === null ? null : (options.names?.[delegate] ?? delegate);
    return {
      ...base,
      status: 'away',
      until: toIso(untilMs),
      delegateAccountId: delegate,
      phrase,
      reasons: [
        `${name} ${phrase}.`,
        delegateName === null ? `${name} named no delegate.` : `${delegateName} covers for ${name}.`,
      ],
    };
  }

  const capacity = effectiveCapacity(profile, options.defaultCapacity);
  const open = load.openClientIssues;
  if (capacity !== null && open >= capacity) {
    const phrase = `has ${open} of ${capacity} open client issues: full`;
    return {
      ...base,
      status: 'at-capacity',
      openClientIssues: open,
      capacity,
      phrase,
      reasons: [`${name} ${phrase}.`],
    };
  }

  const calendar = calendarOf(profile);
  const shift = currentWorkingIntervalMs(calendar, nowMs);
  if (shift) {
    const phrase = `is working until ${moment(shift.end, zone)} with ${loadText(open, capacity)}`;
    return {
      ...base,
      status: 'available',
      shiftEndsAt: toIso(shift.end),
      openClientIssues: open,
      capacity,
      phrase,
      reasons: [`${name} ${phrase}.`],
    };
  }

  const next = nextWorkingStartMs(calendar, nowMs);
  if (next === null) {
    const phrase = 'is off shift and has no working hours set';
    return {
      ...base,
      status: 'off-shift',
      nextStartAt: null,
      nextStartLocal: null,
      minutesUntilStart: null,
      phrase,
      reasons: [`${name} ${phrase}.`],
    };
  }
  const wait = next - nowMs;
  const phrase =
    `is off shift; starts ${moment(next, zone)} (${describeUtc(next, zone)})` +
    (stored ? '' : `, in ${formatDuration(wait)}`);
  return {
    ...base,
    status: 'off-shift',
    nextStartAt: toIso(next),
    nextStartLocal: toLocalIso(next, zone),
    minutesUntilStart: Math.ceil(wait / MINUTE_MS),
    phrase,
    reasons: [`${name} ${phrase}.`, `${name} has ${loadText(open, capacity)}.`],
  };
}

/**
 * Instants and durations. The domain never reads the system clock: callers pass `now` as a Date or as an
 * ISO 8601 instant with an offset, and results carry instants as UTC ISO strings so they store as JSON.
 */
export type Instant = Date | string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// An instant must name its offset: a bare local time would silently mean the server's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch; throws a RangeError naming `what` for anything that is not an instant. */
export function toMillis(instant: Instant, what = 'time'): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`The ${what} is not a valid date.`);
    return ms;
  }
  if (!isIsoInstant(instant)) {
    throw new RangeError(
      `The ${what} "${String(instant)}" is not an ISO 8601 instant such as 2025-11-28T09:00:00Z.`,
    );
  }
  return Date.parse(instant);
}

export const toIso = (ms: number): string => new Date(ms).toISOString();

/** "3 h 10 min", "45 min", "2 d 5 h", "less than a minute": for reasons people read. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (totalMinutes === 0) return 'less than a minute';
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** A target given in minutes, as people say it: 240 → "4 h", 90 → "1 h 30 min". */
export const formatMinutes = (minutes: number): string => formatDuration(minutes * MINUTE_MS);

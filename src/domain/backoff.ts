/**
 * What the Jira client does when Jira says "not now" (429, or a failure on its side): wait and send again
 * here, hand the wait to the caller, or stop calling altogether until the quota resets. Pure: the clock and
 * the random draw come in, so every decision can be tested.
 *
 * Jira's guidance (rate-limiting page): honour `Retry-After`, back off exponentially with jitter (× 0.7–1.3),
 * about four tries; on a quota reason every request is denied until the hourly reset, so pause all calls
 * instead of hammering; on a per-issue reason only that issue's writes are slowed.
 */

/** Hourly quota reasons: nothing gets through until `X-RateLimit-Reset`. */
const QUOTA_REASONS = new Set(['jira-quota-global-based', 'jira-quota-tenant-based']);

export const isQuotaReason = (reason: string | null): boolean => reason !== null && QUOTA_REASONS.has(reason);

/** Tries of one request inside an invocation, the first included; the platform's redelivery does the rest. */
export const MAX_TRIES_IN_PROCESS = 3;

/**
 * Longest wait spent sleeping in one invocation, in seconds, over all of its retries. Trigger functions
 * get 25 s; a wait longer than this is handed back (InvocationError), which costs no function time.
 */
export const MAX_WAIT_IN_PROCESS_SECONDS = 4;

/** Wait when Jira says nothing about when to come back. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

export interface BusyAnswer {
  readonly status: number;
  /** `Retry-After` in seconds, when Jira sent a usable one. */
  readonly retryAfterSeconds: number | null;
  readonly reason: string | null;
  /** `X-RateLimit-Reset` in epoch milliseconds, when Jira sent a readable one. */
  readonly resetAtMs: number | null;
}

export type BusyDecision =
  | { readonly kind: 'retry'; readonly waitSeconds: number; readonly why: string }
  | { readonly kind: 'hand-back'; readonly retryAfterSeconds: number; readonly why: string }
  | {
      readonly kind: 'pause';
      readonly untilMs: number;
      readonly retryAfterSeconds: number;
      readonly why: string;
    };

/** A factor from 0.7 to 1.3, so that many callers told the same wait do not all come back at once. */
export const jitter = (random: () => number): number => 0.7 + 0.6 * Math.min(1, Math.max(0, random()));

/**
 * What to do after the `tries`-th failed try (1 for the first), having already waited `waitedSeconds`.
 * Exponential: 1, 2, 4… times the asked wait, jittered, and never sooner than Jira asked.
 */
export function decideOnBusy(
  answer: BusyAnswer,
  tries: number,
  waitedSeconds: number,
  nowMs: number,
  random: () => number,
): BusyDecision {
  const asked = answer.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  if (isQuotaReason(answer.reason)) {
    const untilMs = Math.max(nowMs + asked * 1000, answer.resetAtMs ?? 0);
    const retryAfterSeconds = Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
    return {
      kind: 'pause',
      untilMs,
      retryAfterSeconds,
      why: `Jira's hourly quota is used up (${answer.reason}); no call is made until it resets.`,
    };
  }
  const backoff = asked * 2 ** (tries - 1);
  const waitSeconds = Math.max(asked, backoff * jitter(random));
  // Handed back with what Jira asked; whoever waits next adds its own backoff and jitter (redelivery).
  if (tries >= MAX_TRIES_IN_PROCESS) {
    return { kind: 'hand-back', retryAfterSeconds: asked, why: `still busy after ${tries} tries` };
  }
  if (waitedSeconds + waitSeconds > MAX_WAIT_IN_PROCESS_SECONDS) {
    return {
      kind: 'hand-back',
      retryAfterSeconds: asked,
      why: `a ${waitSeconds.toFixed(1)} s wait would outrun this invocation's budget`,
    };
  }
  return {
    kind: 'retry',
    waitSeconds,
    why: `busy (${answer.reason ?? `HTTP ${answer.status}`}); try ${tries + 1}`,
  };
}

/** `Retry-After` as seconds: a number of seconds, or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - nowMs) / 1000);
}

/** `X-RateLimit-Reset` (ISO 8601, e.g. `2026-12-08T05:00Z`) as epoch milliseconds; null when unreadable. */
export function parseRateLimitReset(value: string | null): number | null {
  if (value === null) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/**
 * How long a trigger asks the platform to wait before delivering an event again (`InvocationError`,
 * 1..900 s, at most four redeliveries): what Jira asked, doubled with each redelivery and jittered, so
 * that a burst of events that failed together does not come back together.
 */
export function redeliveryDelaySeconds(asked: number, retryCount: number, random: () => number): number {
  const base = Math.max(1, asked) * 2 ** Math.max(0, Math.min(retryCount, 4));
  return Math.min(900, Math.max(1, Math.ceil(Math.max(asked, base * jitter(random)))));
}

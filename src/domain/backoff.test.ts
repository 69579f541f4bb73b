import {
  decideOnBusy,
  jitter,
  MAX_WAIT_IN_PROCESS_SECONDS,
  parseRateLimitReset,
  parseRetryAfter,
  redeliveryDelaySeconds,
  type BusyAnswer,
} from './backoff';

const NOW = Date.parse('2026-12-08T04:20:00Z');
const burst = (retryAfterSeconds: number | null): BusyAnswer => ({
  status: 429,
  retryAfterSeconds,
  reason: 'jira-burst-based',
  resetAtMs: null,
});
const middle = () => 0.5;

describe('a busy Jira', () => {
  it('is tried again after what it asked, doubled each time and jittered, within the invocation budget', () => {
    const first = decideOnBusy(burst(1), 1, 0, NOW, middle);
    expect(first).toEqual(expect.objectContaining({ kind: 'retry', waitSeconds: 1 }));
    const second = decideOnBusy(burst(1), 2, 1, NOW, middle);
    expect(second).toEqual(expect.objectContaining({ kind: 'retry', waitSeconds: 2 }));
    expect(decideOnBusy(burst(1), 3, 3, NOW, middle)).toEqual(
      expect.objectContaining({ kind: 'hand-back', why: 'still busy after 3 tries' }),
    );
  });

  it('never comes back sooner than Jira asked, whatever the draw', () => {
    for (const draw of [0, 0.1, 0.99, 1]) {
      const decision = decideOnBusy(burst(1), 1, 0, NOW, () => draw);
      expect(decision.kind === 'retry' && decision.waitSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(jitter(() => 0)).toBeCloseTo(0.7);
    expect(jitter(() => 1)).toBeCloseTo(1.3);
  });

  it('hands a wait longer than the budget back instead of sleeping through it', () => {
    const decision = decideOnBusy(burst(30), 1, 0, NOW, middle);
    expect(decision).toEqual(expect.objectContaining({ kind: 'hand-back', retryAfterSeconds: 30 }));
    const late = decideOnBusy(burst(1), 2, MAX_WAIT_IN_PROCESS_SECONDS - 0.5, NOW, middle);
    expect(late.kind).toBe('hand-back');
  });

  it('treats a 503 without Retry-After like a one-second wait', () => {
    const decision = decideOnBusy(
      { status: 503, retryAfterSeconds: null, reason: null, resetAtMs: null },
      1,
      0,
      NOW,
      middle,
    );
    expect(decision).toEqual({ kind: 'retry', waitSeconds: 1, why: 'busy (HTTP 503); try 2' });
  });

  it.each(['jira-quota-global-based', 'jira-quota-tenant-based'])(
    'pauses every call until the reset on %s, without trying again here',
    (reason) => {
      const resetAtMs = Date.parse('2026-12-08T05:00Z');
      const decision = decideOnBusy(
        { status: 429, retryAfterSeconds: 60, reason, resetAtMs },
        1,
        0,
        NOW,
        middle,
      );
      expect(decision).toEqual(
        expect.objectContaining({ kind: 'pause', untilMs: resetAtMs, retryAfterSeconds: 40 * 60 }),
      );
    },
  );

  it('reads Retry-After as seconds or an HTTP date, and X-RateLimit-Reset as Jira writes it', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7);
    expect(parseRetryAfter(new Date(NOW + 9000).toUTCString(), NOW)).toBe(9);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('-3', NOW)).toBeNull();
    expect(parseRateLimitReset('2026-12-08T05:00Z')).toBe(Date.parse('2026-12-08T05:00:00Z'));
    expect(parseRateLimitReset('whenever')).toBeNull();
  });
});

describe('redelivery of an event', () => {
  it('doubles with each redelivery, jittered, within the platform’s 1..900 seconds', () => {
    expect(redeliveryDelaySeconds(5, 0, middle)).toBe(5);
    expect(redeliveryDelaySeconds(5, 1, middle)).toBe(10);
    expect(redeliveryDelaySeconds(5, 3, middle)).toBe(40);
    expect(redeliveryDelaySeconds(3600, 0, middle)).toBe(900);
    expect(redeliveryDelaySeconds(0, 0, () => 0)).toBe(1);
    const draws = new Set([0, 0.25, 0.5, 0.75, 1].map((d) => redeliveryDelaySeconds(10, 2, () => d)));
    expect(draws.size).toBeGreaterThan(1);
  });
});

const HOUR_MS = 3_600_000;

/** Below this share of the quota left, responses carry `X-RateLimit-NearLimit: true` (documented: 20 %). */
export const NEAR_LIMIT_FRACTION = 0.2;

export interface QuotaState {
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
  readonly windowStart: string;
  readonly resetsAt: string;
  readonly secondsToReset: number;
  readonly nearLimit: boolean;
}

/**
 * The app's hourly points quota (Tier 1 "Global Pool"): one pool for the app, reset at the top of each
 * UTC hour of the site clock. Points are charged after the answer is known; once the pool is used up
 * every request is denied until the next hour ("no gradual throttling").
 */
export class PointsQuota {
  private windowStartMs = Number.NaN;
  private used = 0;

  constructor(private limit: number) {}

  setLimit(limit: number): void {
    this.limit = limit;
  }

  exhausted(nowMs: number): boolean {
    this.roll(nowMs);
    return this.used >= this.limit;
  }

  charge(points: number, nowMs: number): void {
    this.roll(nowMs);
    this.used += points;
  }

  reset(): void {
    this.windowStartMs = Number.NaN;
    this.used = 0;
  }

  state(nowMs: number): QuotaState {
    this.roll(nowMs);
    const remaining = Math.max(0, this.limit - this.used);
    const resetsAtMs = this.windowStartMs + HOUR_MS;
    return {
      limit: this.limit,
      used: this.used,
      remaining,
      windowStart: new Date(this.windowStartMs).toISOString(),
      resetsAt: new Date(resetsAtMs).toISOString(),
      secondsToReset: Math.max(1, Math.ceil((resetsAtMs - nowMs) / 1000)),
      nearLimit: remaining < this.limit * NEAR_LIMIT_FRACTION,
    };
  }

  private roll(nowMs: number): void {
    const start = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
    if (start !== this.windowStartMs) {
      this.windowStartMs = start;
      this.used = 0;
    }
  }
}

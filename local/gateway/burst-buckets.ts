export interface BucketTake {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** When denied: how long until one token is back. */
  readonly retryAfterMs: number;
}

export interface BucketState {
  readonly bucket: string;
  readonly perSecond: number;
  readonly capacity: number;
  readonly tokens: number;
}

const MAX_BUCKETS = 1000;

interface Bucket {
  tokens: number;
  lastMs: number;
  perSecond: number;
  capacity: number;
}

/**
 * Burst limits: one token bucket per endpoint and method, refilled continuously at the steady-state rate
 * (requests per second) up to its capacity (the burst buffer). `nowMs` is the rate limiter's window time
 * (real time plus site-clock moves, see `LimitClock`), so tests can move the clock instead of sleeping.
 */
export class BurstBuckets {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, perSecond: number, capacity: number, nowMs: number): BucketTake {
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.perSecond !== perSecond || bucket.capacity !== capacity) {
      if (this.buckets.size >= MAX_BUCKETS) this.dropFull(nowMs);
      bucket = { tokens: capacity, lastMs: nowMs, perSecond, capacity };
      this.buckets.set(key, bucket);
    }
    this.refill(bucket, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterMs: ((1 - bucket.tokens) / perSecond) * 1000 };
  }

  reset(): void {
    this.buckets.clear();
  }

  state(nowMs: number): BucketState[] {
    return [...this.buckets].map(([bucket, b]) => {
      this.refill(b, nowMs);
      return { bucket, perSecond: b.perSecond, capacity: b.capacity, tokens: Math.floor(b.tokens) };
    });
  }

  /** A full bucket holds no history, so it can go (keeps memory flat on a long-running site). */
  private dropFull(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      this.refill(bucket, nowMs);
      if (bucket.tokens >= bucket.capacity) this.buckets.delete(key);
    }
  }

  private refill(bucket: Bucket, nowMs: number): void {
    // A clock moved backwards refills nothing and restarts the count from now.
    const elapsedMs = Math.max(0, nowMs - bucket.lastMs);
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (elapsedMs / 1000) * bucket.perSecond);
    bucket.lastMs = nowMs;
  }
}

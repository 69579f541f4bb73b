import type { SiteClock } from '../clock';
import { jiraError } from '../http/router';
import type { SiteResponse } from '../http/types';
import { BurstBuckets, type BucketState } from './burst-buckets';
import { GatewayConfigError } from './config-error';
import { LimitClock, type MonotonicSource } from './limit-clock';
import { PerIssueWrites, type IssueWriteState, type IssueWriteWindow } from './per-issue-writes';
import { PointsQuota, type QuotaState } from './points-quota';

/**
 * Jira Cloud's three independent rate limits for apps, after
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ (page last updated Aug 12, 2026):
 * the hourly points quota (Tier 1 global pool, 65,000 points, reset at the top of each UTC hour), burst
 * token buckets per endpoint and method (GET 100/s, POST 100/s, PUT 50/s, DELETE 50/s, some endpoints
 * overridden), and per-issue writes (20 per 2 s, 100 per 30 s). Only app traffic is limited: API-token
 * traffic of people is not charged to the app.
 */
export type RateLimitReason = 'jira-quota-global-based' | 'jira-burst-based' | 'jira-per-issue-on-write';

export interface BurstOverride {
  readonly method: string;
  /** OpenAPI path template, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  readonly template: string;
  readonly perSecond: number;
}

export interface RateLimitConfig {
  /** When false nothing is denied (points are still counted). */
  readonly enabled: boolean;
  readonly hourlyPoints: number;
  /** Steady-state requests per second per endpoint, by HTTP method. Methods not listed are not limited. */
  readonly burstPerSecond: Readonly<Record<string, number>>;
  /** The burst buffer: a bucket holds this many seconds of its steady-state rate. */
  readonly burstBufferSeconds: number;
  readonly burstOverrides: readonly BurstOverride[];
  readonly perIssueWrites: readonly IssueWriteWindow[];
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  hourlyPoints: 65_000,
  burstPerSecond: { GET: 100, POST: 100, PUT: 50, DELETE: 50, PATCH: 50 },
  burstBufferSeconds: 1,
  // The documented overrides among the endpoints this site serves.
  burstOverrides: [
    { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', perSecond: 150 },
    { method: 'GET', template: '/rest/api/3/user', perSecond: 150 },
    { method: 'POST', template: '/rest/api/3/search/approximate-count', perSecond: 150 },
  ],
  perIssueWrites: [
    { writes: 20, seconds: 2 },
    { writes: 100, seconds: 30 },
  ],
};

export interface RateLimitState {
  readonly config: RateLimitConfig;
  readonly quota: QuotaState;
  readonly burst: readonly BucketState[];
  readonly perIssueWrites: readonly IssueWriteState[];
}

/** The control surface the site exposes (`/local/api/*`). */
export interface RateLimiter {
  /** Merges the given limits over the current ones (burst rates per method; lists replace). */
  configure(limits: Partial<RateLimitConfig>): RateLimitConfig;
  /** Forgets all usage; with `defaults` also restores the documented limits. */
  reset(options?: { readonly defaults?: boolean }): void;
  state(): RateLimitState;
}

export interface LimitedRequest {
  readonly method: string;
  /** Endpoint template, or the concrete path for endpoints the site does not list. */
  readonly endpoint: string;
  /** Issues the request writes (see `issuesWrittenBy`). */
  readonly issues: readonly string[];
}

export type Admission =
  | { readonly allowed: true; readonly headers: Record<string, string> }
  | { readonly allowed: false; readonly reason: RateLimitReason; readonly response: SiteResponse };

/**
 * The hourly quota runs on the site clock (it resets at the top of each UTC hour of site time); burst
 * buckets and per-issue write windows run on a `LimitClock` (real time plus site-clock moves), so they
 * refill on a frozen site clock too.
 */
export class SiteRateLimiter implements RateLimiter {
  private config: RateLimitConfig;
  private readonly quota: PointsQuota;
  private readonly buckets = new BurstBuckets();
  private readonly issueWrites = new PerIssueWrites();
  private readonly windows: LimitClock;

  constructor(
    private readonly clock: SiteClock,
    limits: Partial<RateLimitConfig> = {},
    monotonic?: MonotonicSource,
  ) {
    this.config = mergeLimits(DEFAULT_RATE_LIMITS, limits);
    this.quota = new PointsQuota(this.config.hourlyPoints);
    this.windows = new LimitClock(clock, monotonic);
  }

  configure(limits: Partial<RateLimitConfig>): RateLimitConfig {
    this.config = mergeLimits(this.config, limits);
    this.quota.setLimit(this.config.hourlyPoints);
    return this.config;
  }

  reset(options: { readonly defaults?: boolean } = {}): void {
    if (options.defaults) this.configure(DEFAULT_RATE_LIMITS);
    this.quota.reset();
    this.buckets.reset();
    this.issueWrites.reset();
  }

  state(): RateLimitState {
    const windowsNow = this.windows.nowMs();
    return {
      config: this.config,
      quota: this.quota.state(this.clock.nowMs()),
      burst: this.buckets.state(windowsNow),
      perIssueWrites: this.issueWrites.state(this.config.perIssueWrites, windowsNow),
    };
  }

  /** Checks the quota, then the endpoint's burst bucket, then the per-issue write windows. */
  admit(request: LimitedRequest): Admission {
    const now = this.clock.nowMs();
    // Read even when limits are disabled, so time spent disabled still refills the windows.
    const windowsNow = this.windows.nowMs();
    if (!this.config.enabled) return { allowed: true, headers: {} };

    if (this.quota.exhausted(now)) {
      const quota = this.quota.state(now);
      return this.deny('jira-quota-global-based', quota.limit, quota.secondsToReset * 1000, now, [
        `The app's hourly quota of ${quota.limit} points is used up until ${quota.resetsAt}.`,
      ]);
    }

    const method = request.method.toUpperCase();
    const perSecond = this.burstRate(method, request.endpoint);
    let headers: Record<string, string> = {};
    if (perSecond !== undefined) {
      const capacity = Math.max(1, Math.round(perSecond * this.config.burstBufferSeconds));
      const take = this.buckets.take(`${method} ${request.endpoint}`, perSecond, capacity, windowsNow);
      if (!take.allowed) {
        return this.deny('jira-burst-based', perSecond, take.retryAfterMs, now, [
          `Too many requests to ${method} ${request.endpoint}: the limit is ${perSecond} per second.`,
        ]);
      }
      headers = { 'X-RateLimit-Limit': String(perSecond), 'X-RateLimit-Remaining': String(take.remaining) };
    }

    const denial = this.issueWrites.admit(request.issues, this.config.perIssueWrites, windowsNow);
    if (denial) {
      const { writes, seconds } = denial.window;
      return this.deny('jira-per-issue-on-write', writes, denial.retryAfterMs, now, [
        `Too many writes to issue ${denial.issue}: the limit is ${writes} writes in ${seconds} seconds.`,
      ]);
    }
    return { allowed: true, headers };
  }

  /** Charges points to the hourly quota (after the answer is known). */
  charge(points: number): void {
    if (points > 0) this.quota.charge(points, this.clock.nowMs());
  }

  /** Quota headers for every app response: the IETF-draft pair, and the near-limit flag under 20 % left. */
  quotaHeaders(): Record<string, string> {
    const quota = this.quota.state(this.clock.nowMs());
    const headers: Record<string, string> = {
      'RateLimit-Policy': `"global-app-quota";q=${quota.limit};w=3600`,
      // `r` (remaining) is only shown once usage nears the limit, as Jira does.
      RateLimit: `"global-app-quota";${quota.nearLimit ? `r=${quota.remaining};` : ''}t=${quota.secondsToReset}`,
    };
    if (quota.nearLimit) headers['X-RateLimit-NearLimit'] = 'true';
    return headers;
  }

  private burstRate(method: string, endpoint: string): number | undefined {
    const override = this.config.burstOverrides.find(
      (o) => o.method.toUpperCase() === method && o.template === endpoint,
    );
    return override?.perSecond ?? this.config.burstPerSecond[method];
  }

  private deny(
    reason: RateLimitReason,
    limit: number,
    retryAfterMs: number,
    nowMs: number,
    messages: string[],
  ): Admission {
    const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const base = jiraError(429, ['Rate limit exceeded.', ...messages]);
    return {
      allowed: false,
      reason,
      response: {
        ...base,
        headers: {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': rateLimitReset(nowMs + retryAfter * 1000),
          'RateLimit-Reason': reason,
          ...this.quotaHeaders(),
        },
      },
    };
  }
}

/**
 * `X-RateLimit-Reset` as Jira writes it: ISO 8601 in the documented format `yyyy-MM-ddTHH:mmZ` (UTC, to the
 * minute; seconds are cut off, as formatting with that pattern does). `Retry-After` is the exact wait.
 */
export function rateLimitReset(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

const CONFIG_KEYS = new Set(Object.keys(DEFAULT_RATE_LIMITS));

/** Validates settings that may come from the control API as JSON; throws `GatewayConfigError`. */
export function mergeLimits(base: RateLimitConfig, input: unknown): RateLimitConfig {
  if (!isObject(input)) throw new GatewayConfigError('Rate limits must be an object.');
  const unknown = Object.keys(input).filter((k) => !CONFIG_KEYS.has(k));
  if (unknown.length > 0) throw new GatewayConfigError(`Unknown rate-limit setting: ${unknown.join(', ')}.`);
  const limits = input as Partial<Record<keyof RateLimitConfig, unknown>>;
  const merged: RateLimitConfig = { ...base };
  const out = merged as { -readonly [K in keyof RateLimitConfig]: RateLimitConfig[K] };
  if (limits.enabled !== undefined) {
    if (typeof limits.enabled !== 'boolean') throw new GatewayConfigError('enabled must be true or false.');
    out.enabled = limits.enabled;
  }
  if (limits.hourlyPoints !== undefined)
    out.hourlyPoints = positive(limits.hourlyPoints, 'hourlyPoints', true);
  if (limits.burstBufferSeconds !== undefined) {
    out.burstBufferSeconds = positive(limits.burstBufferSeconds, 'burstBufferSeconds', false);
  }
  if (limits.burstPerSecond !== undefined) {
    if (!isObject(limits.burstPerSecond))
      throw new GatewayConfigError('burstPerSecond must map methods to numbers.');
    const rates: Record<string, number> = { ...base.burstPerSecond };
    for (const [method, rate] of Object.entries(limits.burstPerSecond)) {
      rates[method.toUpperCase()] = positive(rate, `burstPerSecond.${method}`, false);
    }
    out.burstPerSecond = rates;
  }
  if (limits.burstOverrides !== undefined) {
    out.burstOverrides = list(limits.burstOverrides, 'burstOverrides').map((o, i) => ({
      method: text(o.method, `burstOverrides[${i}].method`).toUpperCase(),
      template: text(o.template, `burstOverrides[${i}].template`),
      perSecond: positive(o.perSecond, `burstOverrides[${i}].perSecond`, false),
    }));
  }
  if (limits.perIssueWrites !== undefined) {
    out.perIssueWrites = list(limits.perIssueWrites, 'perIssueWrites').map((w, i) => ({
      writes: positive(w.writes, `perIssueWrites[${i}].writes`, true),
      seconds: positive(w.seconds, `perIssueWrites[${i}].seconds`, false),
    }));
  }
  return merged;
}

function positive(value: unknown, name: string, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new GatewayConfigError(`${name} must be a positive ${integer ? 'integer' : 'number'}.`);
  }
  return value;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new GatewayConfigError(`${name} must be a string.`);
  return value;
}

function list(value: unknown, name: string): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every(isObject))
    throw new GatewayConfigError(`${name} must be a list of objects.`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { jiraError } from '../http/router';
import { isApp, type Principal, type SiteResponse } from '../http/types';
import { GatewayConfigError } from './config-error';
import { rateLimitReset } from './rate-limiter';

/** Whose requests a fault hits: the app's (`app`, `app-user`), people's (`user`, `anonymous`), or all. */
export type FaultCallers = 'app' | 'user' | 'all';

/** What `set` accepts (from tests or, as JSON, from the control API). */
export interface FaultSettings {
  /** Share of matching requests that fail, 0..1. Defaults to 1 when `status` is given, else 0. */
  readonly errorRate?: number;
  /** HTTP status of an injected failure (400..599); 500 by default. */
  readonly status?: number;
  /** Delay added to every matching request, in real milliseconds (keep it small in tests). */
  readonly latencyMs?: number;
  readonly methods?: readonly string[];
  readonly pathPrefix?: string;
  /** Affect only the next N matching requests (failed or delayed), then clear. */
  readonly count?: number;
  readonly callers?: FaultCallers;
  /** `Retry-After` of injected 429 and 503 answers; 1 by default. */
  readonly retryAfterSeconds?: number;
  /** `RateLimit-Reason` of an injected 429; `jira-burst-based` by default. */
  readonly rateLimitReason?: string;
}

export interface Fault {
  readonly errorRate: number;
  readonly status: number;
  readonly latencyMs: number;
  readonly methods?: readonly string[];
  readonly pathPrefix?: string;
  /** Injections left, when limited. */
  readonly remaining?: number;
  readonly callers: FaultCallers;
  readonly retryAfterSeconds: number;
  readonly rateLimitReason: string;
}

export interface FaultInjector {
  /** One fault, or a mix: each request draws once and meets at most one of them (rates add up to 1 at most). */
  set(settings: FaultSettings | readonly FaultSettings[]): Fault;
  clear(): void;
  /** The fault set, or the first of a mix. */
  current(): Fault | undefined;
  /** Every fault of the mix (one for a single fault, none when clear). */
  mix(): readonly Fault[];
  /** Failures answered since the site started or the counts were read with `reset`. */
  injected(reset?: boolean): Readonly<Record<string, number>>;
}

export interface FaultDecision {
  readonly latencyMs: number;
  /** The failure to answer instead of asking Jira, when one is injected. */
  readonly response?: SiteResponse;
}

const MESSAGES: Readonly<Record<number, string>> = {
  429: 'Rate limit exceeded.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

const SETTING_KEYS = new Set([
  'errorRate',
  'status',
  'latencyMs',
  'methods',
  'pathPrefix',
  'count',
  'callers',
  'retryAfterSeconds',
  'rateLimitReason',
]);

/**
 * A fault, or a mix of them; `set` replaces what was there. Each request draws once, so a mix of 5% 503s and
 * 20% 429s fails a quarter of the requests it matches. Random draws are injectable so tests are repeatable.
 */
export class SiteFaultInjector implements FaultInjector {
  private faults: Fault[] = [];
  private counts: Record<string, number> = {};

  constructor(
    private readonly clockMs: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  set(settings: FaultSettings | readonly FaultSettings[]): Fault {
    const list = Array.isArray(settings) ? settings : [settings];
    if (list.length === 0) throw new GatewayConfigError('A fault mix needs at least one fault.');
    const faults = list.map((one: unknown) => parseFault(one));
    const total = faults.reduce((sum, f) => sum + f.errorRate, 0);
    if (total > 1 + 1e-9) {
      throw new GatewayConfigError(`The error rates of a mix add up to ${total.toFixed(2)}; at most 1.`);
    }
    this.faults = faults;
    return faults[0]!;
  }

  clear(): void {
    this.faults = [];
  }

  current(): Fault | undefined {
    return this.faults[0];
  }

  mix(): readonly Fault[] {
    return this.faults;
  }

  injected(reset = false): Readonly<Record<string, number>> {
    const counts = { ...this.counts };
    if (reset) this.counts = {};
    return counts;
  }

  /** Whether this request is delayed or failed; undefined when no fault touches it. */
  decide(principal: Principal, method: string, path: string): FaultDecision | undefined {
    const matching = this.faults.filter((fault) => matches(fault, principal, method, path));
    if (matching.length === 0) return undefined;
    const draw = this.random();
    let below = 0;
    const failing = matching.find((fault) => {
      below += fault.errorRate;
      return fault.errorRate > 0 && draw < below;
    });
    const latencyMs = Math.max(...matching.map((fault) => fault.latencyMs));
    if (!failing && latencyMs === 0) return undefined;
    for (const fault of failing ? [failing] : matching.filter((f) => f.latencyMs > 0)) this.spend(fault);
    if (failing) {
      const key = failing.status === 429 ? `429 ${failing.rateLimitReason}` : String(failing.status);
      this.counts[key] = (this.counts[key] ?? 0) + 1;
    }
    return { latencyMs, response: failing ? this.failure(failing) : undefined };
  }

  /** A fault limited to `count` requests is used up by the requests it failed or delayed. */
  private spend(fault: Fault): void {
    if (fault.remaining === undefined) return;
    const at = this.faults.indexOf(fault);
    if (at < 0) return;
    if (fault.remaining <= 1) this.faults.splice(at, 1);
    else this.faults[at] = { ...fault, remaining: fault.remaining - 1 };
  }

  private failure(fault: Fault): SiteResponse {
    const message = MESSAGES[fault.status] ?? `Request failed with HTTP ${fault.status}.`;
    const base = jiraError(fault.status, [message, 'This failure was injected by the local site.']);
    const headers: Record<string, string> = { 'X-Local-Injected-Fault': 'true' };
    if (fault.status === 429 || fault.status === 503)
      headers['Retry-After'] = String(fault.retryAfterSeconds);
    if (fault.status === 429) {
      headers['RateLimit-Reason'] = fault.rateLimitReason;
      headers['X-RateLimit-Reset'] = rateLimitReset(this.clockMs() + fault.retryAfterSeconds * 1000);
    }
    return { ...base, headers };
  }
}

function matches(fault: Fault, principal: Principal, method: string, path: string): boolean {
  if (fault.callers === 'app' && !isApp(principal)) return false;
  if (fault.callers === 'user' && isApp(principal)) return false;
  if (fault.methods && !fault.methods.includes(method.toUpperCase())) return false;
  if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) return false;
  return true;
}

/** Validates settings that may come from the control API as JSON; throws `GatewayConfigError`. */
export function parseFault(input: unknown): Fault {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new GatewayConfigError('A fault must be an object.');
  }
  const unknown = Object.keys(input).filter((k) => !SETTING_KEYS.has(k));
  if (unknown.length > 0) throw new GatewayConfigError(`Unknown fault setting: ${unknown.join(', ')}.`);
  const s = input as Record<keyof FaultSettings, unknown>;

  const status = s.status === undefined ? 500 : integer(s.status, 'status', 400, 599);
  const errorRate = s.errorRate === undefined ? (s.status === undefined ? 0 : 1) : fraction(s.errorRate);
  const latencyMs = s.latencyMs === undefined ? 0 : integer(s.latencyMs, 'latencyMs', 0, 30_000);
  if (errorRate === 0 && latencyMs === 0) {
    throw new GatewayConfigError('A fault needs an errorRate above 0, a status, or a latencyMs above 0.');
  }
  const callers = s.callers ?? 'app';
  if (callers !== 'app' && callers !== 'user' && callers !== 'all') {
    throw new GatewayConfigError("callers must be 'app', 'user' or 'all'.");
  }
  let methods: string[] | undefined;
  if (s.methods !== undefined) {
    if (
      !Array.isArray(s.methods) ||
      s.methods.length === 0 ||
      !s.methods.every((m) => typeof m === 'string')
    ) {
      throw new GatewayConfigError('methods must be a non-empty list of HTTP methods.');
    }
    methods = s.methods.map((m: string) => m.toUpperCase());
  }
  if (s.pathPrefix !== undefined && (typeof s.pathPrefix !== 'string' || !s.pathPrefix.startsWith('/'))) {
    throw new GatewayConfigError("pathPrefix must be a path starting with '/'.");
  }
  if (
    s.rateLimitReason !== undefined &&
    (typeof s.rateLimitReason !== 'string' || s.rateLimitReason === '')
  ) {
    throw new GatewayConfigError('rateLimitReason must be a non-empty string.');
  }
  return {
    errorRate,
    status,
    latencyMs,
    callers,
    retryAfterSeconds:
      s.retryAfterSeconds === undefined ? 1 : integer(s.retryAfterSeconds, 'retryAfterSeconds', 0, 3600),
    rateLimitReason: (s.rateLimitReason as string | undefined) ?? 'jira-burst-based',
    ...(methods ? { methods } : {}),
    ...(s.pathPrefix !== undefined ? { pathPrefix: s.pathPrefix as string } : {}),
    ...(s.count !== undefined ? { remaining: integer(s.count, 'count', 1, 1_000_000) } : {}),
  };
}

function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new GatewayConfigError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function fraction(value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new GatewayConfigError('errorRate must be a number from 0 to 1.');
  }
  return value;
}

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
  set(settings: FaultSettings): Fault;
  clear(): void;
  current(): Fault | undefined;
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

/** One fault at a time; `set` replaces it. Random draws are injectable so tests are repeatable. */
export class SiteFaultInjector implements FaultInjector {
  private fault: Fault | undefined;

  constructor(
    private readonly clockMs: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  set(settings: FaultSettings): Fault {
    this.fault = parseFault(settings);
    return this.fault;
  }

  clear(): void {
    this.fault = undefined;
  }

  current(): Fault | undefined {
    return this.fault;
  }

  /** Whether this request is delayed or failed; undefined when the fault does not touch it. */
  decide(principal: Principal, method: string, path: string): FaultDecision | undefined {
    const fault = this.fault;
    if (!fault || !matches(fault, principal, method, path)) return undefined;
    const fails = fault.errorRate > 0 && this.random() < fault.errorRate;
    if (!fails && fault.latencyMs === 0) return undefined;
    if (fault.remaining !== undefined) {
      this.fault = fault.remaining <= 1 ? undefined : { ...fault, remaining: fault.remaining - 1 };
    }
    return { latencyMs: fault.latencyMs, response: fails ? this.failure(fault) : undefined };
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

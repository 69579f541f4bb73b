import type { SiteClock } from '../clock';
import { jiraError, type Router } from '../http/router';
import { isApp, type Principal, type SiteResponse } from '../http/types';
import { servedTemplate } from './endpoint-template';
import { SiteFaultInjector, type FaultInjector } from './fault-injector';
import type { MonotonicSource } from './limit-clock';
import { issuesWrittenBy } from './per-issue-writes';
import { costOf } from './point-costs';
import { SiteRateLimiter, type RateLimitConfig, type RateLimiter } from './rate-limiter';
import { callerOf, SiteRequestLog, type RequestLog } from './request-log';
import type { GatewayRequest, JiraGateway, RequestLogEntry } from './types';

/** The request as the gateway parsed it, handed to observers next to the log entry and the response. */
export interface ObservedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly principal: Principal;
}

export type GatewayObserver = (
  entry: RequestLogEntry,
  response: SiteResponse,
  request: ObservedRequest,
) => void;

export interface GatewayOptions {
  /** The Jira REST routes. */
  readonly router: Router;
  readonly clock: SiteClock;
  readonly limits?: Partial<RateLimitConfig>;
  readonly observer?: GatewayObserver;
  /**
   * Real elapsed time for the burst and per-issue write windows (default performance.now); tests pass one
   * they move by hand, so those windows stay deterministic.
   */
  readonly monotonic?: MonotonicSource;
  /** Random source for fault injection; tests pass a seeded one. */
  readonly random?: () => number;
  readonly maxLogEntries?: number;
}

export interface Gateway extends JiraGateway {
  readonly requestLog: RequestLog;
  readonly faults: FaultInjector;
  readonly rateLimits: RateLimiter;
  /** Adds an observer of every answered request; returns a function that removes it. */
  addObserver(observer: GatewayObserver): () => void;
}

/** Header the Forge host sets on the app's calls so the log can name the invocation; never routed. */
export const INVOCATION_HEADER = 'x-forge-invocation-id';

/**
 * The one door into the local Jira: parses the request, applies injected faults, then the rate limits
 * (app traffic only), asks the router, charges points, logs the request and tells the observers.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { router, clock } = options;
  const requestLog = new SiteRequestLog(options.maxLogEntries);
  const faults = new SiteFaultInjector(() => clock.nowMs(), options.random);
  const rateLimits = new SiteRateLimiter(clock, options.limits, options.monotonic);
  const observers = new Set<GatewayObserver>();
  if (options.observer) observers.add(options.observer);

  function finish(
    request: ObservedRequest,
    response: SiteResponse,
    details: { points: number; injectedFault?: boolean; invocationId?: string },
  ): SiteResponse {
    const reason = response.status === 429 ? headerValue(response, 'ratelimit-reason') : undefined;
    const entry = requestLog.record({
      at: clock.iso(),
      caller: callerOf(request.principal),
      method: request.method,
      path: request.path,
      status: response.status,
      points: details.points,
      ...(reason ? { rateLimitReason: reason } : {}),
      ...(details.injectedFault ? { injectedFault: true } : {}),
      ...(details.invocationId ? { invocationId: details.invocationId } : {}),
    });
    for (const observer of [...observers]) {
      try {
        observer(entry, response, request);
      } catch (error) {
        console.error('A gateway observer failed:', error);
      }
    }
    return response;
  }

  async function fetch(principal: Principal, input: GatewayRequest): Promise<SiteResponse> {
    const method = input.method.toUpperCase();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
    const invocationHeader = headers[INVOCATION_HEADER];
    delete headers[INVOCATION_HEADER];
    const app = isApp(principal);
    const invocationId = app ? invocationHeader : undefined;

    const target = parseTarget(input.url);
    const body = parseBody(input.body);
    const request: ObservedRequest = {
      method,
      path: target.path,
      query: target.query,
      headers,
      body: body.ok ? body.value : undefined,
      principal,
    };
    // Jira rejects these before doing any work; they cost the app what any 4xx costs.
    const malformed = target.error ?? (body.ok ? undefined : body.error);
    if (malformed) {
      if (app) rateLimits.charge(1);
      return finish(request, malformed, { points: app ? 1 : 0, invocationId });
    }

    const fault = faults.decide(principal, method, target.path);
    if (fault && fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault?.response) {
      return finish(request, fault.response, { points: 0, injectedFault: true, invocationId });
    }

    const match = servedTemplate(method, target.path);
    let limitHeaders: Record<string, string> = {};
    if (app) {
      const admission = rateLimits.admit({
        method,
        endpoint: match?.template ?? target.path,
        issues: issuesWrittenBy(method, match?.template, match?.params ?? {}, request.body),
      });
      if (!admission.allowed) return finish(request, admission.response, { points: 0, invocationId });
      limitHeaders = admission.headers;
    }

    let response: SiteResponse;
    try {
      response = await router.handle({
        method,
        path: target.path,
        query: target.query,
        headers,
        body: request.body,
        principal,
      });
    } catch (error) {
      console.error(`${method} ${target.path} failed:`, error);
      response = jiraError(
        500,
        `Internal server error: ${error instanceof Error ? error.message : String(error)}`,
      );
    }

    if (!app) return finish(request, response, { points: 0 });
    const { points } = costOf({
      method,
      template: match?.template,
      status: response.status,
      body: response.body,
    });
    rateLimits.charge(points);
    const answered = {
      ...response,
      headers: { ...response.headers, ...limitHeaders, ...rateLimits.quotaHeaders() },
    };
    return finish(request, answered, { points, invocationId });
  }

  return {
    fetch,
    requestLog,
    faults,
    rateLimits,
    addObserver(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
  };
}

interface Target {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly error?: SiteResponse;
}

function parseTarget(url: string): Target {
  if (!url.startsWith('/')) {
    return {
      path: url.split('?')[0] || '/',
      query: new URLSearchParams(),
      error: jiraError(400, `The request URL must be a path starting with '/', not '${url}'.`),
    };
  }
  try {
    const parsed = new URL(url, 'http://jira.local');
    return { path: parsed.pathname, query: parsed.searchParams };
  } catch {
    return {
      path: '/',
      query: new URLSearchParams(),
      error: jiraError(400, `The request URL '${url}' is not valid.`),
    };
  }
}

type ParsedBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: SiteResponse };

function parseBody(body: string | undefined): ParsedBody {
  if (body === undefined || body.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: jiraError(400, `The request body is not valid JSON: ${detail}`) };
  }
}

function headerValue(response: SiteResponse, name: string): string | undefined {
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

import api, { type Route } from '@forge/api';
import { JiraBusyError, JiraNotFoundError, JiraRefusedError } from '../usecases/errors';
import { decideOnBusy, parseRateLimitReset, parseRetryAfter } from '../domain/backoff';

/**
 * The raw Jira REST client of the app, over `@forge/api`. It knows who is calling (the app, or the person
 * who invoked a resolver), sends JSON, and turns Jira's answers into values or the use cases' own errors
 * (busy, refused, not found). A busy Jira is tried again here only for short waits (backoff.ts); a
 * longer wait is handed to the caller as JiraBusyError, and a trigger hands it to the platform
 * (`InvocationError` with `retryAfter`), which costs no function time.
 */
export type Caller = 'app' | 'user';

export interface JiraRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Statuses that count as success; default any 2xx. */
  readonly expect?: readonly number[];
}

export interface JiraClient {
  request<T = unknown>(caller: Caller, route: Route, request?: JiraRequest): Promise<T>;
}

export interface JiraClientOptions {
  /** Waits between tries; real time by default. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly nowMs?: () => number;
}

/** What the client has seen of Jira's limits since this module was loaded (for logs and the chaos run). */
export interface JiraClientStats {
  readonly retriesInProcess: number;
  readonly handedBack: number;
  /** Calls not made because the hourly quota was used up and has not reset yet. */
  readonly heldForQuota: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client over `@forge/api` that retries a busy Jira a few times with jittered backoff within the
 * invocation's budget (backoff.ts), hands longer waits back as JiraBusyError, and, once Jira says the hourly
 * quota is used up, makes no call at all until the reset: every request until then fails at once.
 */
export function createJiraClient(options: JiraClientOptions = {}): JiraClient & {
  stats(): JiraClientStats;
} {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const nowMs = options.nowMs ?? (() => Date.now());
  // Kept in module memory, so a warm container keeps it across invocations; the platform's redelivery
  // (retryAfter up to the reset) carries it to the others.
  let pause: { untilMs: number; reason: string | null } | null = null;
  const stats = { retriesInProcess: 0, handedBack: 0, heldForQuota: 0 };

  async function request<T>(caller: Caller, route: Route, request: JiraRequest = {}): Promise<T> {
    let waitedSeconds = 0;
    for (let tries = 1; ; tries++) {
      if (pause && nowMs() < pause.untilMs) {
        stats.heldForQuota++;
        throw new JiraBusyError(Math.max(1, Math.ceil((pause.untilMs - nowMs()) / 1000)), pause.reason);
      }
      const requester = caller === 'app' ? api.asApp() : api.asUser();
      const response = await requester.requestJira(route, {
        method: request.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      });
      const text = await response.text();
      const expected = request.expect ? request.expect.includes(response.status) : response.ok;
      if (expected) return (text ? JSON.parse(text) : undefined) as T;
      // Too many requests, or a failure on Jira's side: nothing was done, so sending it again is safe.
      if (response.status === 429 || response.status >= 500) {
        const reason = response.headers.get('ratelimit-reason');
        const decision = decideOnBusy(
          {
            status: response.status,
            retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), nowMs()),
            reason,
            resetAtMs: parseRateLimitReset(response.headers.get('x-ratelimit-reset')),
          },
          tries,
          waitedSeconds,
          nowMs(),
          random,
        );
        if (decision.kind === 'retry') {
          stats.retriesInProcess++;
          waitedSeconds += decision.waitSeconds;
          await sleep(decision.waitSeconds * 1000);
          continue;
        }
        if (decision.kind === 'pause') pause = { untilMs: decision.untilMs, reason };
        else stats.handedBack++;
        throw new JiraBusyError(Math.ceil(decision.retryAfterSeconds), reason);
      }
      const messages = errorMessages(text);
      if (response.status === 404) throw new JiraNotFoundError(messages, route.value);
      throw new JiraRefusedError(response.status, messages, route.value);
    }
  }

  return { request, stats: () => ({ ...stats }) };
}

export const forgeJiraClient = createJiraClient();

/** Jira's `{ errorMessages, errors }` as one list of sentences. */
function errorMessages(text: string): string[] {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    const list = Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
    if (body.errors && typeof body.errors === 'object') {
      for (const [field, message] of Object.entries(body.errors)) list.push(`${field}: ${String(message)}`);
    }
    if (typeof body.message === 'string') list.push(body.message);
    return list;
  } catch {
    return text ? [text.slice(0, 200)] : [];
  }
}

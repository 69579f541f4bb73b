import api, { type Route } from '@forge/api';

/**
 * The raw Jira REST client of the app, over `@forge/api`. It knows who is calling (the app, or the person
 * who invoked a resolver), sends JSON, and turns Jira's answers into values or typed errors. It does not
 * sleep through rate limits: a trigger that is told to wait hands the wait to the platform
 * (`InvocationError` with `retryAfter`), which costs no function time.
 */
export type Caller = 'app' | 'user';

export interface JiraRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Statuses that count as success; default any 2xx. */
  readonly expect?: readonly number[];
}

/** Jira refused or failed; `status` and Jira's own messages are kept for the reasons shown to people. */
export class JiraRequestError extends Error {
  constructor(
    readonly status: number,
    readonly messages: readonly string[],
    readonly path: string,
  ) {
    super(`Jira answered ${status} to ${path}${messages.length ? `: ${messages.join(' ')}` : ''}`);
    this.name = 'JiraRequestError';
  }
}

/** Jira asked the app to slow down (429), or is briefly unavailable (503 with Retry-After). */
export class JiraRateLimitedError extends JiraRequestError {
  constructor(
    status: number,
    messages: readonly string[],
    path: string,
    readonly retryAfterSeconds: number,
    readonly reason: string | null,
  ) {
    super(status, messages, path);
    this.name = 'JiraRateLimitedError';
  }
}

export interface JiraClient {
  request<T = unknown>(caller: Caller, route: Route, request?: JiraRequest): Promise<T>;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

export const forgeJiraClient: JiraClient = {
  async request<T>(caller: Caller, route: Route, request: JiraRequest = {}): Promise<T> {
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
    if (!expected) {
      const messages = errorMessages(text);
      const retryAfter = Number(response.headers.get('retry-after'));
      if (
        response.status === 429 ||
        (response.status >= 500 && Number.isFinite(retryAfter) && retryAfter > 0)
      ) {
        throw new JiraRateLimitedError(
          response.status,
          messages,
          route.value,
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS,
          response.headers.get('ratelimit-reason'),
        );
      }
      throw new JiraRequestError(response.status, messages, route.value);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  },
};

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

/**
 * Whether trying again later can succeed: Jira rate-limited the app or was unavailable. Such a request was
 * not carried out, so sending it again repeats nothing.
 */
export function isRetryableJiraError(error: unknown): error is JiraRequestError {
  return error instanceof JiraRateLimitedError || (error instanceof JiraRequestError && error.status >= 500);
}

/** Seconds to wait before trying again, from Jira's `Retry-After` when it gave one. */
export function retryAfterSecondsOf(error: unknown): number {
  return error instanceof JiraRateLimitedError ? error.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS;
}

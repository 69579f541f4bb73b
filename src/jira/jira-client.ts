import api, { type Route } from '@forge/api';
import { JiraBusyError, JiraNotFoundError, JiraRefusedError } from '../usecases/errors';

/**
 * The raw Jira REST client of the app, over `@forge/api`. It knows who is calling (the app, or the person
 * who invoked a resolver), sends JSON, and turns Jira's answers into values or the use cases' own errors
 * (busy, refused, not found). It does not sleep through rate limits: a trigger that is told to wait hands
 * the wait to the platform (`InvocationError` with `retryAfter`), which costs no function time.
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
      // Too many requests, or a failure on Jira's side: nothing was done, so sending it again later is safe.
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = Number(response.headers.get('retry-after'));
        throw new JiraBusyError(
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS,
          response.headers.get('ratelimit-reason'),
        );
      }
      if (response.status === 404) throw new JiraNotFoundError(messages, route.value);
      throw new JiraRefusedError(response.status, messages, route.value);
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

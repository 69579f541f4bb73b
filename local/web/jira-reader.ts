import type { Router } from '../http/router';
import type { Principal } from '../http/types';

/**
 * How the shell's pages read Jira: through the same REST routes, as the signed-in person, so a page never
 * shows more than that person may see. (Writes happen in the browser, over HTTP, through the gateway.)
 */
export type ReadResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number; readonly message: string };

export class JiraReader {
  constructor(
    private readonly router: Router,
    private readonly principal: Principal,
  ) {}

  get<T>(url: string): Promise<ReadResult<T>> {
    return this.call<T>('GET', url, undefined);
  }

  /** For the read-only POSTs: JQL search and approximate count. */
  post<T>(url: string, body: unknown): Promise<ReadResult<T>> {
    return this.call<T>('POST', url, body);
  }

  private async call<T>(method: string, url: string, body: unknown): Promise<ReadResult<T>> {
    const parsed = new URL(url, 'http://jira.local');
    const response = await this.router.handle({
      method,
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
      principal: this.principal,
    });
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status, body: response.body as T };
    const error = response.body as { errorMessages?: string[]; errors?: Record<string, string> } | undefined;
    const messages = [...(error?.errorMessages ?? []), ...Object.values(error?.errors ?? {})];
    return {
      ok: false,
      status: response.status,
      message: messages.join(' ') || `Jira answered ${response.status}.`,
    };
  }
}

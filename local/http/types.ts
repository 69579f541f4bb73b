/**
 * Transport-independent request and response types of the local site. The same handler serves a request
 * whether it came over HTTP (curl, the browser), from the app through `__forge_fetch__`, or from the
 * bridge's `fetchProduct`, so every path sees the same behaviour, rate limits and request log.
 */

/** Who is calling. Only the site decides this; nothing a caller sends can set it. */
export type Principal =
  | { readonly kind: 'anonymous' }
  /** A person: HTTP Basic `email:token` or a browser session. */
  | { readonly kind: 'user'; readonly accountId: string }
  /** The Forge app acting as itself: `api.asApp()`. */
  | { readonly kind: 'app'; readonly appId: string }
  /** The Forge app acting for a person: `api.asUser()`; Jira checks that person's permissions. */
  | { readonly kind: 'app-user'; readonly appId: string; readonly accountId: string };

export interface SiteRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/rest/api/3/issue/SUP-1`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or undefined when there is none. */
  readonly body: unknown;
  readonly principal: Principal;
  /** Path parameters filled in by the router, e.g. `{ issueIdOrKey: 'SUP-1' }`. */
  readonly params: Readonly<Record<string, string>>;
}

export interface SiteResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON unless it is a string (then sent as is, with the given content-type). */
  readonly body?: unknown;
}

export type Handler = (req: SiteRequest) => SiteResponse | Promise<SiteResponse>;

/** The account id a principal acts as, if any (app-user acts as the person). */
export function actingAccountId(principal: Principal): string | undefined {
  if (principal.kind === 'user' || principal.kind === 'app-user') return principal.accountId;
  return undefined;
}

export function isApp(principal: Principal): principal is Extract<Principal, { kind: 'app' | 'app-user' }> {
  return principal.kind === 'app' || principal.kind === 'app-user';
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): SiteResponse {
  return { status, body, headers };
}

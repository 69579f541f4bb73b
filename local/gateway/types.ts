import type { Principal, SiteResponse } from '../http/types';

/**
 * The one door into the local Jira's REST API. HTTP requests, the app's `__forge_fetch__` product calls
 * and the bridge's `fetchProduct` all pass through it, so rate limits, fault injection and the request log
 * apply the same way to every caller.
 */
export interface JiraGateway {
  fetch(principal: Principal, request: GatewayRequest): Promise<SiteResponse>;
}

export interface GatewayRequest {
  readonly method: string;
  /** Path with its query string, e.g. `/rest/api/3/search/jql?jql=project%3DSUP`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON string, as sent on the wire; undefined for no body. */
  readonly body?: string;
}

/** One line of `GET /local/api/requests`. */
export interface RequestLogEntry {
  readonly id: number;
  readonly at: string;
  /** `app`, `app-as-user:<accountId>`, `user:<accountId>` or `anonymous`. */
  readonly caller: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Rate-limit points charged (0 for people: API-token traffic is not charged to the app). */
  readonly points: number;
  /** Why a 429 was answered, as in Jira's `RateLimit-Reason` header. */
  readonly rateLimitReason?: string;
  /** Set when the response was a fault injected on purpose. */
  readonly injectedFault?: boolean;
  /** Forge function invocation that made the call, when the app made it. */
  readonly invocationId?: string;
}

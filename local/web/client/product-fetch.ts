/**
 * What the host makes of a frame's `fetchProduct` (`requestJira`): a request to the site's own Jira REST
 * API, sent as the signed-in person only. As on Jira, the frame cannot choose who it is: credentials it
 * puts in the headers (`Authorization`, `Cookie`) are dropped, and the path cannot leave `/rest/`
 * (`/rest/../local/api/…` is refused, not normalised into the control API). Pure, so it is unit-tested.
 */
export interface ProductRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/** Headers a frame may not set: they would choose the identity of the request. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

interface FetchProductPayload {
  readonly product?: unknown;
  readonly restPath?: unknown;
  readonly fetchRequestInit?: { method?: unknown; headers?: unknown; body?: unknown };
  readonly isMultipartFormData?: unknown;
}

export function productRequest(payload: unknown, origin: string): ProductRequest {
  const { product, restPath, fetchRequestInit, isMultipartFormData } = (payload ?? {}) as FetchProductPayload;
  if (product !== 'jira')
    throw new Error(`This local site is Jira only; request${String(product)} is not available.`);
  if (typeof restPath !== 'string' || !restPath.startsWith('/rest/')) {
    throw new Error(
      `requestJira reaches Jira's REST API only: the path must start with /rest/, not ${String(restPath)}.`,
    );
  }
  const url = new URL(restPath, origin);
  if (url.origin !== new URL(origin).origin || !url.pathname.startsWith('/rest/')) {
    throw new Error(`requestJira reaches Jira's REST API only: ${restPath} leads to ${url.pathname}.`);
  }
  if (isMultipartFormData)
    throw new Error('Multipart (attachment) uploads are not served by the local Jira site.');
  const method = typeof fetchRequestInit?.method === 'string' ? fetchRequestInit.method.toUpperCase() : 'GET';
  const headers = new Headers();
  for (const pair of headerPairs(fetchRequestInit?.headers)) {
    if (!CREDENTIAL_HEADERS.has(pair[0].toLowerCase())) headers.append(pair[0], pair[1]);
  }
  const body = fetchRequestInit?.body;
  if (body !== undefined && body !== null && typeof body !== 'string')
    throw new Error('requestJira sends a string body (JSON.stringify it).');
  return {
    url: url.pathname + url.search,
    init: {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : (body ?? undefined),
      credentials: 'same-origin',
    },
  };
}

function headerPairs(headers: unknown): Array<[string, string]> {
  if (headers === undefined || headers === null) return [];
  const pairs = Array.isArray(headers) ? headers : Object.entries(headers as Record<string, unknown>);
  return pairs.map((pair: unknown) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      throw new Error('requestJira headers must be name/value strings.');
    return [pair[0], pair[1]];
  });
}

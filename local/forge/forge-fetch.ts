import http from 'node:http';
import type { JiraGateway } from '../gateway/types';
import type { Principal, SiteResponse } from '../http/types';
import type { KvsApi } from './kvs/api';
import type { ForgeFetchInit, ForgeFetchTarget, ForgeRuntime } from './runtime';

/**
 * Routes one invocation's `__forge_fetch__(target, path, init)` the way Atlassian's proxy does:
 * - `fpp` / `jira`: the local Jira through the gateway, as the app (`asApp()`, `{ kind: 'app' }`) or as a
 *   person (`asUser()`, `{ kind: 'app-user' }`). `asUser()` with nobody to act for answers the proxy's
 *   `forge-proxy-error: NEEDS_AUTHENTICATION_ERR`, which `@forge/api` raises as `NeedsAuthenticationError`.
 * - `kvs`: the app's hosted storage.
 * - anything else (Confluence, Bitbucket, stargate GraphQL, queues, web triggers, email, external auth):
 *   a loud 501 that names the target, so a missing emulation never passes silently.
 */
export interface ForgeFetchDeps {
  readonly appId: string;
  readonly jira: JiraGateway;
  readonly kvs: Pick<KvsApi, 'handle'> & Partial<Pick<KvsApi, 'roundTripMs'>>;
  /** Whether the manifest grants `allowImpersonation` (needed for `asUser(accountId)` of someone else). */
  readonly allowImpersonation: boolean;
  readonly log: (message: string) => void;
}

export function createForgeFetch(deps: ForgeFetchDeps) {
  return async function forgeFetch(
    runtime: ForgeRuntime,
    target: ForgeFetchTarget,
    path: string,
    init: ForgeFetchInit,
  ): Promise<Response> {
    if (target.type === 'kvs') {
      const body = await bodyText(init.body);
      if (body === unsupportedBody) return notEmulated(deps, target, path, 'KVS bodies must be JSON text');
      // A simulated network round trip (benchmarks); the request is handled when it "arrives".
      const roundTripMs = deps.kvs.roundTripMs?.() ?? 0;
      if (roundTripMs > 0) await new Promise((resolve) => setTimeout(resolve, roundTripMs));
      const result = deps.kvs.handle(path, body);
      return toResponse({ status: result.status, body: result.body });
    }
    if (target.type === 'fpp' && target.remote === 'jira') {
      const principal = principalFor(target, runtime, deps);
      if (principal === 'needs-authentication') {
        return new Response(JSON.stringify({ message: 'Authentication required' }), {
          status: 401,
          headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR', 'content-type': 'application/json' },
        });
      }
      if (principal === 'impersonation-not-allowed') {
        // local: the reason string is this site's; @forge/api raises any other reason as ProxyRequestError.
        return new Response(
          JSON.stringify({
            message:
              `asUser('${target.accountId}') acts for someone other than the invoking person, which needs a scope ` +
              'with allowImpersonation: true in manifest.yml permissions.scopes.',
          }),
          {
            status: 403,
            headers: { 'forge-proxy-error': 'IMPERSONATION_NOT_ALLOWED', 'content-type': 'application/json' },
          },
        );
      }
      const body = await bodyText(init.body);
      if (body === unsupportedBody) {
        return notEmulated(
          deps,
          target,
          path,
          'request bodies other than text/JSON (FormData, streams) are not emulated',
        );
      }
      const response = await deps.jira.fetch(principal, {
        method: (init.method ?? 'GET').toUpperCase(),
        url: path,
        headers: headerRecord(init.headers),
        ...(body === undefined ? {} : { body }),
      });
      return toResponse(response);
    }
    return notEmulated(deps, target, path);
  };
}

function principalFor(
  target: ForgeFetchTarget,
  runtime: ForgeRuntime,
  deps: ForgeFetchDeps,
): Principal | 'needs-authentication' | 'impersonation-not-allowed' {
  if (target.provider === 'app') return { kind: 'app', appId: deps.appId };
  if (target.provider === 'user') {
    const accountId = target.accountId ?? runtime.aaid;
    if (!accountId) return 'needs-authentication';
    if (accountId !== runtime.aaid && !deps.allowImpersonation) return 'impersonation-not-allowed';
    return { kind: 'app-user', appId: deps.appId, accountId };
  }
  // provider 'none': the bare top-level requestJira export carries no identity.
  return { kind: 'anonymous' };
}

const unsupportedBody = Symbol('unsupported body');

async function bodyText(body: unknown): Promise<string | undefined | typeof unsupportedBody> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body))
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return unsupportedBody;
}

function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    (headers as Headers).forEach((value, name) => {
      record[name.toLowerCase()] = value;
    });
    return record;
  }
  const entries = Array.isArray(headers)
    ? (headers as Array<[string, string]>)
    : Object.entries(headers as object);
  for (const [name, value] of entries) {
    if (value !== undefined && value !== null) record[String(name).toLowerCase()] = String(value);
  }
  return record;
}

/** A site response as the WHATWG `Response` `@forge/api` hands to the app. */
export function toResponse(response: SiteResponse): Response {
  const headers = new Headers(response.headers ?? {});
  const noBody = response.status === 204 || response.status === 205 || response.status === 304;
  let body: string | null = null;
  if (!noBody && response.body !== undefined) {
    if (typeof response.body === 'string') {
      body = response.body;
    } else {
      body = JSON.stringify(response.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json;charset=UTF-8');
    }
  }
  return new Response(body, {
    status: response.status,
    statusText: http.STATUS_CODES[response.status] ?? '',
    headers,
  });
}

function notEmulated(deps: ForgeFetchDeps, target: ForgeFetchTarget, path: string, why?: string): Response {
  const description = `${target.type}/${target.provider ?? '-'}/${target.remote ?? '-'} ${path}`;
  const message = `The local Forge host does not emulate ${description}${why ? `: ${why}` : ''}.`;
  deps.log(`501 ${message}`);
  return new Response(JSON.stringify({ code: 'NOT_EMULATED', message, target, path }), {
    status: 501,
    statusText: 'Not Implemented',
    headers: { 'content-type': 'application/json' },
  });
}

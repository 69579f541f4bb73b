import { SiteClock } from '../../local/clock';
import { parseAppBundler } from '../../local/forge';
import { startSite, type Site, type SiteOptions } from '../../local/site';
import { SPOC_DEMO } from '../../local/spoc-demo';
import { createConformanceObserver, type ConformanceObserver } from './conformance-observer';

/**
 * The local site as integration tests use it: in-memory SQLite, a frozen clock at a fixed instant, SPOC for
 * Jira with its demo (local/spoc-demo) unless `profile` names another app, and every Jira answer checked
 * against the OpenAPI extract.
 */
export const TEST_START = new Date('2026-11-23T10:00:00.000Z'); // a Monday

export interface HttpAnswer<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface PersonClient {
  get<T = any>(path: string): Promise<HttpAnswer<T>>;
  post<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  put<T = any>(path: string, body?: unknown): Promise<HttpAnswer<T>>;
  delete<T = any>(path: string): Promise<HttpAnswer<T>>;
}

export interface TestSite extends Site {
  readonly conformance: ConformanceObserver;
  /** HTTP calls with Basic auth as the seeded person with this email, as a curl script would make them. */
  as(email: string): PersonClient;
  /** Calls without credentials (control API, anonymous checks). */
  readonly anonymous: PersonClient;
  /** The SPOC demo's person with a role (and client), for readable tests. */
  person(role: string, client?: string): (typeof SPOC_DEMO.seed.people)[number];
}

export async function startTestSite(options: SiteOptions = {}): Promise<TestSite> {
  const site = await startSite({
    profile: SPOC_DEMO,
    clock: new SiteClock('frozen', TEST_START),
    // The forge-cli-bundle Jest project runs the same tests on what `forge deploy` would upload.
    appBundler: parseAppBundler(process.env.APP_BUNDLER),
    ...options,
    port: 0,
  });
  const conformance = createConformanceObserver();
  site.gateway.addObserver(conformance.observe);
  const client = (authorization?: string): PersonClient => {
    const call = async (method: string, path: string, body?: unknown): Promise<HttpAnswer> => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (authorization) headers.Authorization = authorization;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(site.url + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    };
    return {
      get: (path) => call('GET', path),
      post: (path, body) => call('POST', path, body),
      put: (path, body) => call('PUT', path, body),
      delete: (path) => call('DELETE', path),
    };
  };
  return Object.assign(site, {
    conformance,
    as: (email: string) => client(`Basic ${Buffer.from(`${email}:any-token`).toString('base64')}`),
    anonymous: client(),
    person: (role: string, clientKey?: string) => {
      const found = SPOC_DEMO.seed.people.find(
        (p) =>
          (p.roles as readonly string[]).includes(role) &&
          (clientKey === undefined || p.client === clientKey),
      );
      if (!found) throw new Error(`The demo seed has no ${role}${clientKey ? ` of ${clientKey}` : ''}`);
      return found;
    },
  });
}

import { SiteClock } from '../../local/clock';
import { openDatabase, type Db } from '../../local/db/database';
import { ProductEventBus, type ProductEvent } from '../../local/events';
import type { Principal, SiteResponse } from '../../local/http/types';
import { createJira, type Jira } from '../../local/jira';
import { createJqlEngine } from '../../local/jql';
import { DEMO_SEED, PEOPLE } from '../../local/seed/demo';
import {
  createSiteConformanceChecker,
  formatViolation,
  type ConformanceChecker,
} from './openapi-conformance';

/**
 * A seeded local Jira in memory, driven through its router (no HTTP): call endpoints as any principal,
 * see the product events each change sent, and have every answer checked against Jira's OpenAPI document.
 */
export const APP_ID = 'ea349b3d-c9f0-45c8-a102-c4e9f54ca41f';
export const OTHER_APP_ID = '0b8a6c1e-7777-4e2f-9a55-2f0c1d9e0001';
export { PEOPLE };

export type Person = keyof typeof PEOPLE;

export interface JiraCall {
  readonly status: number;
  /** The body as it would arrive over the wire (JSON round trip). */
  readonly body: any;
  readonly headers: Readonly<Record<string, string>>;
}

export interface JiraHarness {
  readonly jira: Jira;
  readonly db: Db;
  readonly clock: SiteClock;
  /** Every product event sent since the harness was made (or since `events.length = 0`). */
  readonly events: ProductEvent[];
  /** The SPOC field (read-only, user) and a writable string field, both owned by APP_ID. */
  readonly fields: { readonly spoc: string; readonly note: string; readonly otherApp: string };
  call(
    principal: Principal,
    method: string,
    url: string,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
  ): Promise<JiraCall>;
  /** Shorthands: `h.as('priya').get('/rest/api/3/myself')`. */
  as(who: Person | Principal): Caller;
  /** OpenAPI differences seen in successful and error answers so far. */
  violations(): string[];
  close(): void;
}

export interface Caller {
  get(url: string): Promise<JiraCall>;
  post(url: string, body?: unknown): Promise<JiraCall>;
  put(url: string, body?: unknown): Promise<JiraCall>;
  del(url: string): Promise<JiraCall>;
}

let checker: ConformanceChecker | undefined;

export const user = (who: Person): Principal => ({ kind: 'user', accountId: PEOPLE[who] });
export const asApp = (appId = APP_ID): Principal => ({ kind: 'app', appId });
export const asAppUser = (who: Person, appId = APP_ID): Principal => ({
  kind: 'app-user',
  appId,
  accountId: PEOPLE[who],
});

export function createJiraHarness(options: { seed?: boolean } = {}): JiraHarness {
  const db = openDatabase(':memory:');
  const clock = new SiteClock('frozen', new Date(DEMO_SEED.anchor));
  const bus = new ProductEventBus();
  const events: ProductEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const jira = createJira({
    db,
    clock,
    events: bus,
    jql: createJqlEngine(),
    baseUrl: () => 'http://localhost:8080',
  });
  const [spoc, note, otherApp] = jira.registerAppFields([
    field(APP_ID, 'spoc-field', 'SPOC', 'user', true),
    field(APP_ID, 'spoc-note', 'SPOC note', 'string', false),
    field(OTHER_APP_ID, 'other-field', 'Other app field', 'string', true),
  ]);
  jira.registerPropertyIndexes([
    { propertyKey: 'spoc', path: 'state', type: 'string', searchAlias: 'spocState' },
    { propertyKey: 'spoc', path: 'level', type: 'number' },
  ]);
  jira.registerApp({ appId: APP_ID, name: 'SPOC for Jira' });
  if (options.seed !== false) jira.seed(DEMO_SEED);
  const seen: string[] = [];
  checker ??= createSiteConformanceChecker();

  const call = async (
    principal: Principal,
    method: string,
    url: string,
    body?: unknown,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<JiraCall> => {
    const [path = '', search = ''] = url.split('?');
    const response: SiteResponse = await jira.router.handle({
      method,
      path,
      query: new URLSearchParams(search),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
      body: body === undefined ? undefined : (JSON.parse(JSON.stringify(body)) as unknown),
      principal,
    });
    const wire =
      response.body === undefined ? undefined : (JSON.parse(JSON.stringify(response.body)) as unknown);
    for (const v of (checker as ConformanceChecker).check({
      method,
      path,
      status: response.status,
      body: wire,
    })) {
      seen.push(formatViolation(v));
    }
    return { status: response.status, body: wire, headers: response.headers ?? {} };
  };

  return {
    jira,
    db,
    clock,
    events,
    fields: { spoc: spoc?.id ?? '', note: note?.id ?? '', otherApp: otherApp?.id ?? '' },
    call,
    as(who) {
      const principal = typeof who === 'string' ? user(who) : who;
      return {
        get: (url) => call(principal, 'GET', url),
        post: (url, body) => call(principal, 'POST', url, body),
        put: (url, body) => call(principal, 'PUT', url, body),
        del: (url) => call(principal, 'DELETE', url),
      };
    },
    violations: () => [...new Set(seen)],
    close: () => db.close(),
  };
}

function field(appId: string, moduleKey: string, name: string, type: string, readOnly: boolean) {
  return {
    appId,
    moduleKey,
    name,
    description: `${name} (test)`,
    type,
    readOnly,
    fieldKey: `${appId}__DEVELOPMENT__${moduleKey}`,
  };
}

/** An ADF document of one paragraph. */
export function adf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

import { SiteClock } from '../../clock';
import { jiraError, Router } from '../../http/router';
import type { Principal } from '../../http/types';
import { createGateway, type Gateway, type GatewayOptions } from '../gateway';
import type { GatewayRequest } from '../types';

/** A handful of fake Jira endpoints for the gateway's unit tests: issue and user lists of any size. */
export function tinyJiraRouter(): Router {
  const issue = (key: string) => ({ id: String(10_000 + Number(key.split('-')[1] ?? 0)), key, fields: {} });
  const user = (i: number) => ({ accountId: `user-${i}`, displayName: `User ${i}`, active: true });
  const count = (query: URLSearchParams, name: string) => Number(query.get(name) ?? '0');
  return new Router()
    .get('/rest/api/3/issue/:issueIdOrKey', (req) =>
      req.params.issueIdOrKey?.startsWith('NOPE')
        ? jiraError(404, 'Issue does not exist or you do not have permission to see it.')
        : { status: 200, body: issue(req.params.issueIdOrKey as string) },
    )
    .put('/rest/api/3/issue/:issueIdOrKey', () => ({ status: 204 }))
    .post('/rest/api/3/issue', () => ({
      status: 201,
      body: { id: '10099', key: 'SUP-99', self: 'http://x/99' },
    }))
    .post('/rest/api/3/issue/:issueIdOrKey/comment', (req) => ({
      status: 201,
      body: { id: '1', body: req.body },
    }))
    .get('/rest/api/3/search/jql', (req) => ({
      status: 200,
      body: {
        issues: Array.from({ length: count(req.query, 'maxResults') }, (_, i) => issue(`SUP-${i + 1}`)),
        isLast: true,
      },
    }))
    .post('/rest/api/3/search/approximate-count', () => ({ status: 200, body: { count: 42 } }))
    .get('/rest/api/3/user/search', (req) => ({
      status: 200,
      body: Array.from({ length: count(req.query, 'n') }, (_, i) => user(i)),
    }))
    .get('/rest/api/3/group/member', (req) => ({
      status: 200,
      body: { values: Array.from({ length: count(req.query, 'n') }, (_, i) => user(i)), isLast: true },
    }))
    .get('/rest/api/3/mypermissions', () => ({
      status: 200,
      body: {
        permissions: { EDIT_ISSUES: { havePermission: true }, ASSIGN_ISSUES: { havePermission: false } },
      },
    }))
    .get('/rest/api/3/field', () => {
      throw new Error('the field store is broken');
    })
    .put('/rest/api/3/app/field/:fieldIdOrKey/value', () => ({ status: 204 }))
    .get('/rest/api/3/echo', (req) => ({ status: 200, body: { headers: req.headers, body: req.body } }));
}

export const APP: Principal = { kind: 'app', appId: 'spoc' };
export const APP_AS_ALICE: Principal = { kind: 'app-user', appId: 'spoc', accountId: 'alice' };
export const ALICE: Principal = { kind: 'user', accountId: 'alice' };

export interface TinySite {
  readonly clock: SiteClock;
  readonly gateway: Gateway;
  /** Lets real time pass for the rate limiter's burst and per-issue windows (the site clock stays put). */
  passRealTime(ms: number): void;
  /** Shorthand: a request with a JSON body given as a value. */
  call(principal: Principal, method: string, url: string, body?: unknown): ReturnType<Gateway['fetch']>;
}

/**
 * A frozen clock at 10:15 UTC and a gateway over the tiny router. Real time, as the rate limiter sees it,
 * also stands still until the test calls `passRealTime`, so the tests do not depend on how fast they run.
 */
export function tinySite(options: Partial<GatewayOptions> = {}): TinySite {
  const clock = options.clock ?? new SiteClock('frozen', new Date('2026-03-02T10:15:00.000Z'));
  let realMs = 0;
  const gateway = createGateway({ router: tinyJiraRouter(), clock, monotonic: () => realMs, ...options });
  return {
    clock,
    gateway,
    passRealTime(ms) {
      realMs += ms;
    },
    call(principal, method, url, body) {
      const request: GatewayRequest = {
        method,
        url,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      return gateway.fetch(principal, request);
    },
  };
}

/** Moves a frozen clock by milliseconds (the clock's own API moves whole minutes). */
export function advanceMs(clock: SiteClock, ms: number): void {
  clock.set(new Date(clock.nowMs() + ms));
}

/** A repeatable pseudo-random source (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

import { callerOf, SiteRequestLog } from './request-log';
import { ALICE, APP, APP_AS_ALICE, tinySite } from './testing/tiny-jira';

describe('request log', () => {
  test('names callers as the control API shows them', () => {
    expect(callerOf(APP)).toBe('app');
    expect(callerOf(APP_AS_ALICE)).toBe('app-as-user:alice');
    expect(callerOf(ALICE)).toBe('user:alice');
    expect(callerOf({ kind: 'anonymous' })).toBe('anonymous');
  });

  test('filters entries and totals requests, points and 429s by caller', async () => {
    const { gateway, call } = tinySite({ limits: { hourlyPoints: 20 } });
    await call(APP, 'GET', '/rest/api/3/search/jql?maxResults=9'); // 10 points
    await call(APP_AS_ALICE, 'GET', '/rest/api/3/user/search?n=4'); // 9 points
    await call(APP, 'PUT', '/rest/api/3/issue/SUP-1', {}); // 1 point: 20 used
    await call(APP, 'GET', '/rest/api/3/issue/SUP-1'); // 429
    await call(ALICE, 'GET', '/rest/api/3/issue/SUP-1');

    const log = gateway.requestLog;
    expect(log.entries({ caller: 'app' }).map((e) => e.id)).toEqual([1, 3, 4]);
    expect(log.entries({ callerKind: 'app' }).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(log.entries({ callerKind: 'user' }).map((e) => e.id)).toEqual([5]);
    expect(log.entries({ method: 'put' }).map((e) => e.id)).toEqual([3]);
    expect(log.entries({ pathPrefix: '/rest/api/3/issue/' }).map((e) => e.id)).toEqual([3, 4, 5]);
    expect(log.entries({ status: 429 }).map((e) => e.id)).toEqual([4]);
    expect(log.entries({ afterId: 3 }).map((e) => e.id)).toEqual([4, 5]);
    expect(log.entries({ limit: 2 }).map((e) => e.id)).toEqual([4, 5]);

    expect(log.totals()).toEqual({
      requests: 5,
      points: 20,
      rateLimited: 1,
      injectedFaults: 0,
      byCaller: {
        app: { requests: 3, points: 11, rateLimited: 1 },
        'app-as-user:alice': { requests: 1, points: 9, rateLimited: 0 },
        'user:alice': { requests: 1, points: 0, rateLimited: 0 },
      },
    });
  });

  test('clear empties the log and totals but ids keep counting', async () => {
    const { gateway, call } = tinySite();
    await call(APP, 'GET', '/rest/api/3/issue/SUP-1');
    gateway.requestLog.clear();
    expect(gateway.requestLog.entries()).toEqual([]);
    expect(gateway.requestLog.totals()).toEqual({
      requests: 0,
      points: 0,
      rateLimited: 0,
      injectedFaults: 0,
      byCaller: {},
    });
    await call(APP, 'GET', '/rest/api/3/issue/SUP-1');
    expect(gateway.requestLog.entries().map((e) => e.id)).toEqual([2]);
  });

  test('keeps only the newest entries, while totals count them all', () => {
    const log = new SiteRequestLog(3);
    for (let i = 0; i < 5; i++) {
      log.record({ at: 't', caller: 'app', method: 'GET', path: `/p/${i}`, status: 200, points: 2 });
    }
    expect(log.entries().map((e) => e.path)).toEqual(['/p/2', '/p/3', '/p/4']);
    expect(log.totals()).toMatchObject({ requests: 5, points: 10 });
  });
});

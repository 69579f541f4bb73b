import type { SiteResponse } from '../http/types';
import type { ObservedRequest } from './gateway';
import { ALICE, APP, APP_AS_ALICE, tinySite } from './testing/tiny-jira';
import type { RequestLogEntry } from './types';

describe('gateway', () => {
  test('routes a request with its parsed query, body and lower-cased headers', async () => {
    const { gateway } = tinySite();
    const response = await gateway.fetch(ALICE, {
      method: 'get',
      url: '/rest/api/3/echo?x=1',
      headers: { 'Content-Type': 'application/json', 'X-Forge-Invocation-Id': 'inv-1' },
      body: '{"a":[1,2]}',
    });
    expect(response).toEqual({
      status: 200,
      body: { headers: { 'content-type': 'application/json' }, body: { a: [1, 2] } },
    });
    // People's requests carry no invocation id and cost the app nothing.
    expect(gateway.requestLog.entries()).toEqual([
      {
        id: 1,
        at: '2026-03-02T10:15:00.000Z',
        caller: 'user:alice',
        method: 'GET',
        path: '/rest/api/3/echo',
        status: 200,
        points: 0,
      },
    ]);
  });

  test("logs the invocation id of the app's calls and strips its header before routing", async () => {
    const { gateway } = tinySite();
    const response = await gateway.fetch(APP_AS_ALICE, {
      method: 'GET',
      url: '/rest/api/3/echo',
      headers: { 'x-forge-invocation-id': 'inv-42' },
    });
    expect(response.body).toEqual({ headers: {} });
    expect(gateway.requestLog.entries()[0]).toMatchObject({
      caller: 'app-as-user:alice',
      invocationId: 'inv-42',
    });
  });

  test('invalid JSON gets a 400 in Jira’s shape and never reaches Jira', async () => {
    const { gateway } = tinySite();
    const response = await gateway.fetch(APP, {
      method: 'PUT',
      url: '/rest/api/3/issue/SUP-1',
      body: '{"fields":',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errorMessages: [expect.stringMatching(/^The request body is not valid JSON: /)],
      errors: {},
    });
    expect(gateway.requestLog.entries()).toEqual([expect.objectContaining({ status: 400, points: 1 })]);
    expect(gateway.rateLimits.state().quota.used).toBe(1);
    expect(gateway.rateLimits.state().perIssueWrites).toEqual([]);
  });

  test('a URL that is not a path gets a 400', async () => {
    const { gateway } = tinySite();
    const response = await gateway.fetch(APP, { method: 'GET', url: 'rest/api/3/issue/SUP-1' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errorMessages: [expect.stringContaining("starting with '/'")] });
  });

  test('unknown endpoints get the router’s 404 and cost the app the base point', async () => {
    const { gateway } = tinySite();
    const response = await gateway.fetch(APP, { method: 'GET', url: '/rest/api/3/nothing-here' });
    expect(response.status).toBe(404);
    expect(gateway.requestLog.entries()[0]).toMatchObject({ status: 404, points: 1 });
  });

  test('a handler that throws answers 500 in Jira’s shape', async () => {
    const { gateway } = tinySite();
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await gateway.fetch(APP, { method: 'GET', url: '/rest/api/3/field' });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        errorMessages: ['Internal server error: the field store is broken'],
        errors: {},
      });
      expect(consoleError).toHaveBeenCalled();
      expect(gateway.requestLog.entries()[0]).toMatchObject({ status: 500, points: 0 });
    } finally {
      consoleError.mockRestore();
    }
  });

  test('app responses carry the quota headers; people’s do not', async () => {
    const { call } = tinySite();
    const app = await call(APP, 'GET', '/rest/api/3/issue/SUP-1');
    expect(app.headers).toMatchObject({
      'RateLimit-Policy': '"global-app-quota";q=65000;w=3600',
      'X-RateLimit-Limit': '150',
      'X-RateLimit-Remaining': '149',
    });
    expect((await call(ALICE, 'GET', '/rest/api/3/issue/SUP-1')).headers).toBeUndefined();
  });

  test('observers see every answer with its log entry; they can be removed', async () => {
    const seen: Array<[RequestLogEntry, SiteResponse, ObservedRequest]> = [];
    const first = jest.fn();
    const { gateway, call } = tinySite({ observer: first });
    const remove = gateway.addObserver((entry, response, request) => seen.push([entry, response, request]));
    gateway.faults.set({ status: 502, count: 1 });
    await call(APP, 'GET', '/rest/api/3/issue/SUP-1');
    await call(APP, 'POST', '/rest/api/3/issue', { fields: {} });
    remove();
    await call(APP, 'GET', '/rest/api/3/issue/SUP-2');

    expect(first).toHaveBeenCalledTimes(3);
    expect(
      seen.map(([entry, response]) => [entry.id, entry.injectedFault ?? false, response.status]),
    ).toEqual([
      [1, true, 502],
      [2, false, 201],
    ]);
    expect(seen[1]?.[2]).toMatchObject({ method: 'POST', path: '/rest/api/3/issue', body: { fields: {} } });
  });

  test('a failing observer does not break the request', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { call } = tinySite({
        observer: () => {
          throw new Error('observer bug');
        },
      });
      expect((await call(APP, 'GET', '/rest/api/3/issue/SUP-1')).status).toBe(200);
      expect(consoleError).toHaveBeenCalledWith('A gateway observer failed:', expect.any(Error));
    } finally {
      consoleError.mockRestore();
    }
  });
});

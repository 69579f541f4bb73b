import { GatewayConfigError } from './config-error';
import { ALICE, APP, APP_AS_ALICE, seededRandom, tinySite } from './testing/tiny-jira';

const ISSUE = '/rest/api/3/issue/SUP-1';

describe('fault injection', () => {
  test('a status alone fails every matching app request, in Jira’s error shape, without reaching Jira', async () => {
    const { gateway, call } = tinySite();
    gateway.faults.set({ status: 503, retryAfterSeconds: 5 });
    const failed = await call(APP, 'PUT', ISSUE, { fields: {} });
    expect(failed.status).toBe(503);
    expect(failed.headers).toMatchObject({ 'Retry-After': '5', 'X-Local-Injected-Fault': 'true' });
    expect(failed.body).toEqual({
      errorMessages: expect.arrayContaining(['Service unavailable.']),
      errors: {},
    });
    expect(gateway.requestLog.entries()).toEqual([
      expect.objectContaining({ status: 503, points: 0, injectedFault: true }),
    ]);
    expect(gateway.rateLimits.state().quota.used).toBe(0);
    expect(gateway.rateLimits.state().perIssueWrites).toEqual([]);
  });

  test('an injected 429 looks like Jira’s', async () => {
    const { gateway, call } = tinySite();
    gateway.faults.set({ status: 429, rateLimitReason: 'jira-per-issue-on-write', retryAfterSeconds: 90 });
    const failed = await call(APP, 'GET', ISSUE);
    expect(failed.headers).toMatchObject({
      'Retry-After': '90',
      'RateLimit-Reason': 'jira-per-issue-on-write',
      // Jira's format, yyyy-MM-ddTHH:mmZ: 10:15:00 + 90 s = 10:16:30, written to the minute.
      'X-RateLimit-Reset': '2026-03-02T10:16Z',
    });
    expect(gateway.requestLog.entries()[0]).toMatchObject({
      rateLimitReason: 'jira-per-issue-on-write',
      injectedFault: true,
    });
  });

  test('count injects only the next N failures, then the fault clears itself', async () => {
    const { gateway, call } = tinySite();
    gateway.faults.set({ status: 500, count: 2 });
    expect(gateway.faults.current()).toMatchObject({ status: 500, remaining: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(APP, 'GET', ISSUE)).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(gateway.faults.current()).toBeUndefined();
  });

  test('a mix fails each request with at most one of its faults, in their shares, and counts them', async () => {
    const { gateway, call } = tinySite({ random: seededRandom(11), limits: { enabled: false } });
    const reasons = [
      'jira-quota-global-based',
      'jira-quota-tenant-based',
      'jira-burst-based',
      'jira-per-issue-on-write',
    ];
    gateway.faults.set([
      ...reasons.map((rateLimitReason) => ({
        status: 429,
        errorRate: 0.05,
        rateLimitReason,
        retryAfterSeconds: 2,
      })),
      { status: 503, errorRate: 0.05 },
    ]);
    expect(gateway.faults.mix()).toHaveLength(5);
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) statuses.push((await call(APP, 'GET', ISSUE)).status);
    const injected = gateway.faults.injected(true);
    expect(Object.keys(injected).sort()).toEqual(
      ['429 ' + reasons[0], ...reasons.slice(1).map((r) => `429 ${r}`), '503'].sort(),
    );
    for (const count of Object.values(injected)) {
      expect(count).toBeGreaterThan(20);
      expect(count).toBeLessThan(90);
    }
    expect(statuses.filter((s) => s !== 200)).toHaveLength(
      Object.values(injected).reduce((a, b) => a + b, 0),
    );
    expect(gateway.faults.injected()).toEqual({});
  });

  test('a mix whose rates add up to more than 1 is refused and changes nothing', () => {
    const { gateway } = tinySite();
    gateway.faults.set({ status: 500 });
    expect(() =>
      gateway.faults.set([
        { status: 503, errorRate: 0.7 },
        { status: 429, errorRate: 0.4 },
      ]),
    ).toThrow(/add up to 1.10; at most 1/);
    expect(() => gateway.faults.set([])).toThrow(GatewayConfigError);
    expect(gateway.faults.mix()).toEqual([expect.objectContaining({ status: 500 })]);
  });

  test('errorRate fails that share of matching requests', async () => {
    const { gateway, call } = tinySite({ random: seededRandom(7), limits: { enabled: false } });
    gateway.faults.set({ errorRate: 0.3, status: 502 });
    let failed = 0;
    for (let i = 0; i < 400; i++) if ((await call(APP, 'GET', ISSUE)).status === 502) failed++;
    expect(failed).toBeGreaterThan(80);
    expect(failed).toBeLessThan(160);
    expect(gateway.requestLog.totals()).toMatchObject({ requests: 400, injectedFaults: failed });

    gateway.faults.set({ errorRate: 0, latencyMs: 1 });
    for (let i = 0; i < 20; i++) expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
  });

  test('latency delays matching requests, which then succeed', async () => {
    const { gateway, call } = tinySite();
    gateway.faults.set({ latencyMs: 30, count: 1 });
    let settled = false;
    const pending = call(APP, 'GET', ISSUE).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false); // still waiting on the injected delay
    expect((await pending).status).toBe(200);
    expect(gateway.faults.current()).toBeUndefined();
  });

  test('callers: app traffic by default, people with `user`, everyone with `all`', async () => {
    const { gateway, call } = tinySite();
    gateway.faults.set({ status: 500 });
    expect((await call(APP_AS_ALICE, 'GET', ISSUE)).status).toBe(500);
    expect((await call(ALICE, 'GET', ISSUE)).status).toBe(200);
    expect((await call({ kind: 'anonymous' }, 'GET', ISSUE)).status).toBe(200);

    gateway.faults.set({ status: 500, callers: 'user' });
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    expect((await call(ALICE, 'GET', ISSUE)).status).toBe(500);

    gateway.faults.set({ status: 500, callers: 'all' });
    expect((await call(APP, 'GET', ISSUE)).status).toBe(500);
    expect((await call(ALICE, 'GET', ISSUE)).status).toBe(500);
  });

  test('methods and pathPrefix narrow the fault', async () => {
    const { gateway, call } = tinySite();
    gateway.faults.set({ status: 500, methods: ['put'], pathPrefix: '/rest/api/3/issue/' });
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    expect((await call(APP, 'POST', '/rest/api/3/issue', {})).status).toBe(201);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(500);
    gateway.faults.clear();
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
  });

  test.each([
    [{ errorRate: 1.5 }, 'errorRate must be a number from 0 to 1.'],
    [{ status: 200 }, 'status must be a whole number from 400 to 599.'],
    [{ latencyMs: -5 }, 'latencyMs must be a whole number from 0 to 30000.'],
    [{ status: 500, count: 0 }, 'count must be a whole number from 1 to 1000000.'],
    [{ status: 500, callers: 'robots' }, "callers must be 'app', 'user' or 'all'."],
    [{ status: 500, pathPrefix: 'rest' }, "pathPrefix must be a path starting with '/'."],
    [{ status: 500, colour: 'red' }, 'Unknown fault setting: colour.'],
    [{}, 'A fault needs an errorRate above 0, a status, or a latencyMs above 0.'],
  ])('rejects %j', (settings, message) => {
    const { gateway } = tinySite();
    gateway.faults.set({ status: 502 });
    expect(() => gateway.faults.set(settings as never)).toThrow(new GatewayConfigError(message));
    expect(gateway.faults.current()).toMatchObject({ status: 502 }); // unchanged
  });
});

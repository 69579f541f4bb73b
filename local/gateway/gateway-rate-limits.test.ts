import { GatewayConfigError } from './config-error';
import { ALICE, APP, APP_AS_ALICE, advanceMs, tinySite } from './testing/tiny-jira';

const ISSUE = '/rest/api/3/issue/SUP-1';

describe('hourly points quota', () => {
  test('charges the app what each answer costs', async () => {
    const { gateway, call } = tinySite();
    await call(APP, 'GET', ISSUE); // 1 + 1 issue
    await call(APP, 'GET', '/rest/api/3/search/jql?jql=project%3DSUP&maxResults=10'); // 1 + 10 issues
    await call(APP_AS_ALICE, 'GET', '/rest/api/3/group/member?groupname=spocs&n=8'); // 1 + 8 users × 2
    await call(APP, 'PUT', ISSUE, { fields: { summary: 'x' } }); // a write
    await call(APP, 'GET', '/rest/api/3/issue/NOPE-1'); // a 404: the base point
    expect(gateway.requestLog.entries().map((e) => e.points)).toEqual([2, 11, 17, 1, 1]);
    expect(gateway.rateLimits.state().quota.used).toBe(32);
  });

  test("people's API-token traffic is neither charged nor limited", async () => {
    const { gateway, call } = tinySite({ limits: { hourlyPoints: 2 } });
    await call(APP, 'GET', ISSUE);
    for (let i = 0; i < 3; i++) expect((await call(ALICE, 'GET', ISSUE)).status).toBe(200);
    expect(gateway.requestLog.entries({ caller: 'user:alice' }).map((e) => e.points)).toEqual([0, 0, 0]);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(429);
  });

  test('once used up, every app request is denied until the top of the UTC hour', async () => {
    const { gateway, clock, call, passRealTime } = tinySite({ limits: { hourlyPoints: 5 } });
    await call(APP, 'GET', ISSUE);
    await call(APP, 'GET', ISSUE);
    const third = await call(APP, 'GET', '/rest/api/3/search/jql?maxResults=1'); // 4 + 2 = 6 ≥ 5
    expect(third.status).toBe(200);

    const denied = await call(APP, 'PUT', ISSUE, {});
    expect(denied.status).toBe(429);
    expect(denied.headers).toMatchObject({
      'RateLimit-Reason': 'jira-quota-global-based',
      'Retry-After': String(45 * 60), // 10:15 → 11:00
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '2026-03-02T11:00Z',
      'X-RateLimit-NearLimit': 'true',
    });
    expect(denied.body).toEqual({
      errorMessages: expect.arrayContaining(['Rate limit exceeded.']),
      errors: {},
    });
    expect(gateway.requestLog.entries({ status: 429 })).toEqual([
      expect.objectContaining({ rateLimitReason: 'jira-quota-global-based', points: 0 }),
    ]);

    clock.advanceMinutes(44);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(429);
    passRealTime(3_600_000); // real time does not reset the quota: it follows the site clock's hours
    expect((await call(APP, 'GET', ISSUE)).status).toBe(429);
    clock.advanceMinutes(1); // 11:00 sharp
    const after = await call(APP, 'GET', ISSUE);
    expect(after.status).toBe(200);
    expect(gateway.rateLimits.state().quota).toMatchObject({
      used: 2,
      windowStart: '2026-03-02T11:00:00.000Z',
      resetsAt: '2026-03-02T12:00:00.000Z',
    });
  });

  test('flags responses once less than 20 % of the quota is left', async () => {
    const { call } = tinySite({ limits: { hourlyPoints: 10 } });
    const first = await call(APP, 'GET', '/rest/api/3/search/jql?maxResults=6'); // 7 used, 3 left (30 %)
    expect(first.headers?.['X-RateLimit-NearLimit']).toBeUndefined();
    expect(first.headers?.['RateLimit-Policy']).toBe('"global-app-quota";q=10;w=3600');
    expect(first.headers?.RateLimit).toBe('"global-app-quota";t=2700');
    const second = await call(APP, 'PUT', ISSUE, {}); // 8 used, 2 left (20 %): not under
    expect(second.headers?.['X-RateLimit-NearLimit']).toBeUndefined();
    const third = await call(APP, 'PUT', ISSUE, {}); // 9 used, 1 left (10 %)
    expect(third.headers).toMatchObject({
      'X-RateLimit-NearLimit': 'true',
      RateLimit: '"global-app-quota";r=1;t=2700',
    });
  });

  test('points still count when limits are disabled, but nothing is denied', async () => {
    const { gateway, call } = tinySite({ limits: { hourlyPoints: 1, enabled: false } });
    for (let i = 0; i < 3; i++) expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    expect(gateway.rateLimits.state().quota.used).toBe(6);
  });
});

describe('burst limits per endpoint and method', () => {
  test('GET defaults to 100 a second per endpoint, refilled continuously on the site clock', async () => {
    const { clock, call } = tinySite();
    const url = '/rest/api/3/search/jql?maxResults=0';
    for (let i = 0; i < 100; i++) expect((await call(APP, 'GET', url)).status).toBe(200);
    const denied = await call(APP, 'GET', url);
    expect(denied.status).toBe(429);
    expect(denied.headers).toMatchObject({
      'RateLimit-Reason': 'jira-burst-based',
      'Retry-After': '1',
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '2026-03-02T10:15Z',
    });
    // Another endpoint and another method on the same path have their own buckets.
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    expect((await call(APP, 'POST', '/rest/api/3/search/approximate-count', { jql: 'x' })).status).toBe(200);

    advanceMs(clock, 10); // one token back at 100 a second
    expect((await call(APP, 'GET', url)).status).toBe(200);
    expect((await call(APP, 'GET', url)).status).toBe(429);
    advanceMs(clock, 1000);
    const refilled = await call(APP, 'GET', url);
    expect(refilled.headers).toMatchObject({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '99' });
  });

  test('refill with real time while the site clock stands still (frozen, as in every test)', async () => {
    const { clock, call, passRealTime } = tinySite({
      limits: { perIssueWrites: [{ writes: 1000, seconds: 1 }] },
    });
    const put = (i: number) => call(APP, 'PUT', `/rest/api/3/issue/SUP-${i}`, {});
    for (let i = 0; i < 50; i++) expect((await put(i)).status).toBe(204);
    expect((await put(50)).status).toBe(429);
    passRealTime(20); // one token back at 50 a second
    expect((await put(51)).status).toBe(204);
    expect((await put(52)).status).toBe(429);
    passRealTime(1000);
    for (let i = 0; i < 50; i++) expect((await put(100 + i)).status).toBe(204);
    expect(clock.iso()).toBe('2026-03-02T10:15:00.000Z');
  });

  test('real time and site-clock moves both count, and moving the site clock back refills nothing', async () => {
    const { gateway, clock, call, passRealTime } = tinySite();
    gateway.rateLimits.configure({ burstPerSecond: { get: 1 }, burstOverrides: [] });
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(429);
    advanceMs(clock, 600);
    passRealTime(400); // the site clock moved 600 ms and 400 ms really passed: a full second
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    clock.advanceMinutes(-60);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(429);
    advanceMs(clock, 1000); // still an hour behind, but a second later
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
  });

  test('PUT defaults to 50 a second; writes to different issues share the endpoint bucket', async () => {
    const { call } = tinySite({ limits: { perIssueWrites: [{ writes: 1000, seconds: 1 }] } });
    for (let i = 0; i < 50; i++)
      expect((await call(APP, 'PUT', `/rest/api/3/issue/SUP-${i}`, {})).status).toBe(204);
    const denied = await call(APP, 'PUT', '/rest/api/3/issue/SUP-99', {});
    expect(denied.headers).toMatchObject({
      'RateLimit-Reason': 'jira-burst-based',
      'X-RateLimit-Limit': '50',
    });
  });

  test('documented endpoint overrides apply (GET /issue/{issueIdOrKey} 150 a second)', async () => {
    const { call } = tinySite();
    for (let i = 0; i < 150; i++)
      expect((await call(APP, 'GET', `/rest/api/3/issue/SUP-${i}`)).status).toBe(200);
    const denied = await call(APP, 'GET', ISSUE);
    expect(denied.status).toBe(429);
    expect(denied.headers).toMatchObject({ 'X-RateLimit-Limit': '150' });
  });

  test('rates, buffers and overrides can be configured', async () => {
    const { gateway, clock, call } = tinySite();
    gateway.rateLimits.configure({ burstPerSecond: { get: 2 }, burstBufferSeconds: 2, burstOverrides: [] });
    for (let i = 0; i < 4; i++) expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    const denied = await call(APP, 'GET', ISSUE);
    expect(denied.headers).toMatchObject({ 'X-RateLimit-Limit': '2', 'Retry-After': '1' });
    advanceMs(clock, 500);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    expect(gateway.rateLimits.state().burst).toEqual([
      { bucket: 'GET /rest/api/3/issue/{issueIdOrKey}', perSecond: 2, capacity: 4, tokens: 0 },
    ]);
  });
});

describe('per-issue write limits', () => {
  // Generous burst so that only the per-issue windows bite.
  const limits = { burstPerSecond: { PUT: 1000, POST: 1000 } };

  test('20 writes to one issue in 2 seconds, then 429 for that issue only', async () => {
    const { clock, call } = tinySite({ limits });
    for (let i = 0; i < 20; i++) expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
    const denied = await call(APP, 'POST', `${ISSUE}/comment`, { body: 'x' });
    expect(denied.status).toBe(429);
    expect(denied.headers).toMatchObject({
      'RateLimit-Reason': 'jira-per-issue-on-write',
      'X-RateLimit-Limit': '20',
      'Retry-After': '2',
    });
    expect((await call(APP, 'PUT', '/rest/api/3/issue/SUP-2', {})).status).toBe(204);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200); // reads are not writes

    advanceMs(clock, 1999);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(429);
    advanceMs(clock, 1);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
  });

  test('the windows slide with real time too, while the site clock stands still', async () => {
    const { clock, call, passRealTime } = tinySite({ limits });
    for (let i = 0; i < 20; i++) expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(429);
    passRealTime(1999);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(429);
    passRealTime(1);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
    expect(clock.iso()).toBe('2026-03-02T10:15:00.000Z');
  });

  test('100 writes to one issue in 30 seconds', async () => {
    const { clock, call } = tinySite({ limits });
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 20; i++) expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
      advanceMs(clock, 2000);
    }
    // 10 s after the first write: the short window is clear, the long one is full.
    const denied = await call(APP, 'PUT', ISSUE, {});
    expect(denied.headers).toMatchObject({
      'RateLimit-Reason': 'jira-per-issue-on-write',
      'X-RateLimit-Limit': '100',
    });
    expect(denied.headers?.['Retry-After']).toBe('20');
    advanceMs(clock, 20_000);
    expect((await call(APP, 'PUT', ISSUE, {})).status).toBe(204);
  });

  test('app-field value updates count against every issue they name', async () => {
    const { gateway, call } = tinySite({
      limits: { ...limits, perIssueWrites: [{ writes: 1, seconds: 2 }] },
    });
    const update = (ids: number[]) => ({ updates: [{ issueIds: ids, value: { accountId: 'bob' } }] });
    expect((await call(APP, 'PUT', '/rest/api/3/app/field/spoc/value', update([10001, 10002]))).status).toBe(
      204,
    );
    expect((await call(APP, 'PUT', '/rest/api/3/app/field/spoc/value', update([10003, 10002]))).status).toBe(
      429,
    );
    expect(gateway.rateLimits.state().perIssueWrites.map((s) => s.issue)).toEqual(['10001', '10002']);
  });
});

describe('configuration', () => {
  test('rejects bad settings with a clear error and keeps the old ones', () => {
    const { gateway } = tinySite();
    expect(() => gateway.rateLimits.configure({ hourlyPoints: -1 })).toThrow(
      new GatewayConfigError('hourlyPoints must be a positive integer.'),
    );
    expect(() => gateway.rateLimits.configure({ burst: 3 } as never)).toThrow(
      'Unknown rate-limit setting: burst.',
    );
    expect(() => gateway.rateLimits.configure({ perIssueWrites: [{ writes: 0, seconds: 2 }] })).toThrow(
      'perIssueWrites[0].writes must be a positive integer.',
    );
    expect(gateway.rateLimits.state().config.hourlyPoints).toBe(65_000);
  });

  test('reset forgets usage; reset with defaults also restores the documented limits', async () => {
    const { gateway, call } = tinySite({ limits: { hourlyPoints: 3 } });
    await call(APP, 'GET', ISSUE);
    await call(APP, 'GET', ISSUE);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(429);
    gateway.rateLimits.reset();
    expect(gateway.rateLimits.state().quota.used).toBe(0);
    expect((await call(APP, 'GET', ISSUE)).status).toBe(200);
    gateway.rateLimits.reset({ defaults: true });
    expect(gateway.rateLimits.state().config.hourlyPoints).toBe(65_000);
  });
});

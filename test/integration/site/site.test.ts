import { startTestSite, type TestSite } from '../../support/site';

/**
 * The whole local site as a newcomer and a curl script meet it: HTTP Basic like Jira Cloud, an issue filed
 * over REST firing the app's real trigger, the request log showing what the app called, and the control API.
 */
let site: TestSite;

beforeAll(async () => {
  site = await startTestSite();
});

afterAll(async () => {
  site.conformance.expectNoViolations();
  await site?.close();
});

describe('signing in as on Jira Cloud', () => {
  it('answers /myself for a seeded person with any token', async () => {
    const spoc = site.person('spoc');
    const answer = await site.as(spoc.email).get('/rest/api/3/myself');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      accountId: spoc.accountId,
      displayName: spoc.displayName,
      active: true,
    });
  });

  it('serves the avatars its user records point at', async () => {
    const spoc = site.person('spoc');
    const me = await site.as(spoc.email).get('/rest/api/3/myself');
    const avatar = await fetch(me.body.avatarUrls['24x24']);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toBe('image/svg+xml');
    expect(await avatar.text()).toContain('<svg');
  });

  it('refuses unknown people and anonymous calls with 401', async () => {
    expect((await site.as('nobody@nowhere.example').get('/rest/api/3/myself')).status).toBe(401);
    expect((await site.anonymous.get('/rest/api/3/myself')).status).toBe(401);
  });
});

describe('an issue filed over REST', () => {
  let issueKey: string;
  let issueId: string;

  beforeAll(async () => {
    await site.anonymous.delete('/local/api/requests');
    const reporter = site.person('client-reporter');
    const created = await site.as(reporter.email).post('/rest/api/3/issue', {
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Bug' },
        summary: 'Export to CSV fails on large reports',
      },
    });
    expect(created.status).toBe(201);
    ({ key: issueKey, id: issueId } = created.body);
    await site.idle();
  });

  it('fires the app trigger, which routes it; its Jira calls appear in the request log as the app', async () => {
    const log = await site.anonymous.get(`/local/api/requests?caller=app`);
    const appCalls = log.body.entries as Array<{
      method: string;
      path: string;
      points: number;
      invocationId?: string;
    }>;
    expect(
      appCalls.map((e) => `${e.method} ${e.path.replace(/__DEVELOPMENT__.*$/, '__DEVELOPMENT__…')}`),
    ).toEqual([
      `PUT /rest/api/3/app/field/${site.forge.appId}__DEVELOPMENT__…`,
      `PUT /rest/api/3/issue/${issueId}`,
      `POST /rest/api/3/issue/${issueId}/comment`,
    ]);
    expect(new Set(appCalls.map((e) => e.invocationId)).size).toBe(1); // one trigger invocation made them all
    expect(appCalls[0]?.invocationId).toEqual(expect.any(String));
    expect(log.body.totals.points).toBeLessThanOrEqual(3);

    const invocations = await site.anonymous.get('/local/api/invocations');
    const deliveries = invocations.body.invocations.filter(
      (i: { functionKey: string; eventType?: string }) =>
        i.functionKey === 'on-issue-event' && i.eventType === 'avi:jira:created:issue',
    );
    expect(deliveries.length).toBeGreaterThanOrEqual(1);
  });

  it('lets someone who may see the issue read what the trigger stored, through the panel resolver', async () => {
    const spoc = site.person('spoc');
    const answer = await site.anonymous.post('/local/api/invoke', {
      moduleKey: 'spoc-panel',
      functionKey: 'getSpocView',
      asUser: spoc.accountId,
      context: { extension: { issue: { key: issueKey, id: issueId } } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({
      ok: true,
      data: { issueKey, issueId, routed: true, state: 'awaiting-spoc' },
    });
  });

  it('refuses a reporter of another client, who cannot browse the issue', async () => {
    const reporter = site.person('client-reporter');
    const other = site.anonymous;
    const seed = (await other.get('/local/api/seed')).body;
    const outsider = seed.people.find(
      (p: { roles: string[]; client?: string }) =>
        p.roles.includes('client-reporter') && p.client !== reporter.client,
    );
    const answer = await other.post('/local/api/invoke', {
      moduleKey: 'spoc-panel',
      functionKey: 'getSpocView',
      asUser: outsider.accountId,
      context: { extension: { issue: { key: issueKey, id: issueId } } },
    });
    expect(answer.body.result).toEqual({
      ok: false,
      error: `Issue ${issueKey} does not exist or you cannot see it.`,
      code: 'not-found',
    });
  });
});

describe('what a hostile web page could send', () => {
  const reporter = () => site.person('client-reporter');
  const basic = () => `Basic ${Buffer.from(`${reporter().email}:x`).toString('base64')}`;

  it('refuses a REST body that is not JSON with 415, and files nothing', async () => {
    const before = await site
      .as(reporter().email)
      .post('/rest/api/3/search/approximate-count', { jql: 'project = SUP' });
    const answer = await fetch(`${site.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 'Sneaky' },
      }),
    });
    expect(answer.status).toBe(415);
    const after = await site
      .as(reporter().email)
      .post('/rest/api/3/search/approximate-count', { jql: 'project = SUP' });
    expect(after.body.count).toBe(before.body.count);
  });

  it('refuses writes from another origin, to the control API too', async () => {
    const reset = await fetch(`${site.url}/local/api/reset`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
    });
    expect(reset.status).toBe(403);
    expect((await reset.json()).errorMessages[0]).toMatch(/XSRF/);
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port: site.port, path: '/local/api/seed', headers: { Host: 'evil.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
  });
});

describe('the control API', () => {
  it('moves the clock and refuses nonsense without moving it', async () => {
    const before = (await site.anonymous.get('/local/api/clock')).body.now;
    const moved = await site.anonymous.post('/local/api/clock', { advanceMinutes: 90 });
    expect(Date.parse(moved.body.now) - Date.parse(before)).toBe(90 * 60_000);
    const bad = await site.anonymous.post('/local/api/clock', { advanceMinutes: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toMatch(/advanceMinutes/);
    expect((await site.anonymous.get('/local/api/clock')).body.now).toBe(moved.body.now);
  });

  it('lists the demo people with their roles and clients', async () => {
    const seed = (await site.anonymous.get('/local/api/seed')).body;
    const roles = new Set(seed.people.flatMap((p: { roles: string[] }) => p.roles));
    expect([...roles].sort()).toEqual([
      'admin',
      'client-reporter',
      'contractor',
      'developer',
      'manager',
      'spoc',
    ]);
    // A contractor is no staff: the switcher says which projects she works in.
    const contractors = seed.people.filter((p: { roles: string[] }) => p.roles.includes('contractor'));
    expect(contractors).toEqual([
      expect.objectContaining({ displayName: 'Lena Novak', groups: [], title: 'contractor (Delivery only)' }),
    ]);
    expect(seed.clients.length).toBeGreaterThanOrEqual(3);
    const zones = new Set(
      seed.people
        .filter((p: { roles: string[] }) => p.roles.includes('spoc'))
        .map((p: { timeZone: string }) => p.timeZone),
    );
    expect(zones.size).toBeGreaterThanOrEqual(3);
  });

  it('refuses an invoke for a module that does not exist', async () => {
    const answer = await site.anonymous.post('/local/api/invoke', { moduleKey: 'nope', functionKey: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages[0]).toMatch(/nope/);
  });

  // These drive app-principal calls straight through the gateway, so they do not depend on what the app's
  // trigger happens to call; the control API is what is under test.
  const asApp = (url: string) =>
    site.gateway.fetch({ kind: 'app', appId: site.forge.appId }, { method: 'GET', url });

  it("answers the app with 429 and Jira's headers once its hourly points are spent", async () => {
    // The clock moved above and the app's sweep ran: let it finish, then start from an unspent hour.
    await site.idle();
    await site.anonymous.delete('/local/api/rate-limits');
    await site.anonymous.delete('/local/api/requests');
    const limits = await site.anonymous.post('/local/api/rate-limits', { hourlyPoints: 3 });
    expect(limits.status).toBe(200);
    try {
      expect((await asApp('/rest/api/3/myself')).status).toBe(200); // 1 + 2 (a user) = 3 points
      const limited = await asApp('/rest/api/3/myself');
      expect(limited.status).toBe(429);
      expect(limited.headers).toMatchObject({ 'RateLimit-Reason': 'jira-quota-global-based' });
      expect(Number(limited.headers?.['Retry-After'])).toBeGreaterThan(0);
      const reporter = site.person('client-reporter');
      const person = await site.as(reporter.email).get('/rest/api/3/myself');
      expect(person.status).toBe(200); // people's API-token traffic is not charged to the app
      const log = (await site.anonymous.get('/local/api/requests?caller=app')).body;
      expect(log.entries.map((e: { status: number }) => e.status)).toEqual([200, 429]);
      expect(log.entries[1].rateLimitReason).toBe('jira-quota-global-based');
      expect(log.totals).toMatchObject({ requests: 2, points: 3, rateLimited: 1 });
    } finally {
      expect((await site.anonymous.delete('/local/api/rate-limits')).status).toBe(204);
    }
    expect((await asApp('/rest/api/3/myself')).status).toBe(200);
  });

  it("injects a fault into the app's next Jira call only, and refuses a bad fault setting", async () => {
    await site.anonymous.delete('/local/api/requests');
    const set = await site.anonymous.post('/local/api/faults', { errorRate: 1, status: 503, count: 1 });
    expect(set.status).toBe(200);
    const bad = await site.anonymous.post('/local/api/faults', { errorRate: 7 });
    expect(bad.status).toBe(400);
    expect((await asApp('/rest/api/3/myself')).status).toBe(503);
    expect((await asApp('/rest/api/3/myself')).status).toBe(200);
    const entries = (await site.anonymous.get('/local/api/requests?caller=app')).body.entries;
    expect(entries[0]).toMatchObject({ status: 503, injectedFault: true });
    // Used up, and counted.
    expect((await site.anonymous.get('/local/api/faults')).body).toEqual({
      fault: null,
      mix: [],
      injected: { 503: 1 },
    });
  });

  it('checked real Jira answers against the OpenAPI extract', () => {
    expect(site.conformance.checkedCount()).toBeGreaterThan(3);
  });
});

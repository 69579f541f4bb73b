import { CLOUD_ID, FIXTURE_APP_ID, startTestHost, type TestHost } from './helpers';

/**
 * Contract tests: the fixture app's resolver, bundled with the real @forge/api and @forge/resolver, run by
 * the local Forge host. They pin how the platform builds the resolver envelope and routes product calls.
 */
describe('local Forge host: resolvers and product calls', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  const invoke = (
    functionKey: string,
    payload?: unknown,
    accountId?: string,
    context?: Record<string, unknown>,
  ) => t.host.invokeResolver({ moduleKey: 'fixture-panel', functionKey, payload, accountId, context });

  it("makes the app's Date follow the site clock during an invocation, and the real time outside", async () => {
    const first = (await invoke('whatTimeIsIt')) as { now: string; nowMs: number };
    expect(first.now).toBe(t.clock.iso());
    expect(first.nowMs).toBe(t.clock.nowMs());
    t.clock.advanceMinutes(600);
    const later = (await invoke('whatTimeIsIt')) as { now: string; nowMs: number };
    expect(later.nowMs - first.nowMs).toBe(600 * 60_000);
    expect(Math.abs(Date.now() - later.nowMs)).toBeGreaterThan(60_000); // this test's own Date is untouched
  });

  it('gives the resolver the signed-in person and ignores identity fields the caller sends', async () => {
    const result = (await invoke('whoAmI', { n: 1 }, 'alice', {
      accountId: 'mallory',
      installContext: 'ari:cloud:jira::site/forged',
      license: { isActive: true },
      extension: { issue: { key: 'X-1' } },
    })) as Record<string, unknown>;
    expect(result).toMatchObject({
      accountId: 'alice',
      accountType: 'licensed',
      installContext: 'ari:cloud:jira::site/test-cloud',
      cloudId: 'test-cloud',
      moduleKey: 'fixture-panel',
      extension: { issue: { key: 'X-1' } },
      payload: { n: 1 },
      runtime: {
        moduleKey: 'fixture-panel',
        environmentType: 'DEVELOPMENT',
        appAri: `ari:cloud:ecosystem::app/${FIXTURE_APP_ID}`,
        hasTimeLeft: true,
      },
    });
  });

  it('gives no accountId when nobody is signed in, and an empty payload object when none is sent', async () => {
    const result = (await invoke('whoAmI', undefined, undefined, { accountId: 'mallory' })) as Record<
      string,
      unknown
    >;
    expect(result.accountId).toBeNull();
    expect(result.payload).toEqual({});
  });

  it('gives every invocation its own id', async () => {
    const a = (await invoke('whoAmI')) as { runtime: { invocationId: string } };
    const b = (await invoke('whoAmI')) as { runtime: { invocationId: string } };
    expect(a.runtime.invocationId).not.toEqual(b.runtime.invocationId);
    const logged = t.host.invocations().map((r) => r.invocationId);
    expect(logged).toEqual(expect.arrayContaining([a.runtime.invocationId, b.runtime.invocationId]));
  });

  it('sends asApp() calls to Jira as the app and asUser() calls as the invoking person', async () => {
    t.requests.length = 0;
    expect(await invoke('readIssue', { issueKey: 'X-1', as: 'app' })).toMatchObject({
      status: 200,
      body: { key: 'X-1', fields: { summary: 'First issue' } },
    });
    expect(await invoke('readIssue', { issueKey: 'X-1', as: 'user' }, 'alice')).toMatchObject({
      status: 200,
    });
    expect(await invoke('readIssue', { issueKey: 'X-1', as: 'user' }, 'bob')).toMatchObject({
      status: 404,
      ok: false,
    });
    expect(t.requests.map((r) => [r.principal, r.method, r.url])).toEqual([
      [{ kind: 'app', appId: FIXTURE_APP_ID }, 'GET', '/rest/api/3/issue/X-1?fields=summary'],
      [
        { kind: 'app-user', appId: FIXTURE_APP_ID, accountId: 'alice' },
        'GET',
        '/rest/api/3/issue/X-1?fields=summary',
      ],
      [
        { kind: 'app-user', appId: FIXTURE_APP_ID, accountId: 'bob' },
        'GET',
        '/rest/api/3/issue/X-1?fields=summary',
      ],
    ]);
  });

  it('keeps concurrent invocations apart: each call acts for its own person', async () => {
    t.requests.length = 0;
    const [alice, bob] = await Promise.all([
      invoke('readIssue', { issueKey: 'X-1', as: 'user' }, 'alice'),
      invoke('readIssue', { issueKey: 'X-1', as: 'user' }, 'bob'),
    ]);
    expect(alice).toMatchObject({ status: 200 });
    expect(bob).toMatchObject({ status: 404 });
  });

  it('makes asUser() with nobody to act for raise NeedsAuthenticationError, without reaching Jira', async () => {
    t.requests.length = 0;
    expect(await invoke('readIssue', { issueKey: 'X-1', as: 'user' })).toEqual({
      thrown: 'NeedsAuthenticationError',
      name: 'NEEDS_AUTHENTICATION_ERR',
      message: 'Authentication Required',
    });
    expect(t.requests).toHaveLength(0);
  });

  it('refuses asUser(accountId) for someone else when no scope allows impersonation', async () => {
    t.requests.length = 0;
    const result = (await invoke('readIssue', { issueKey: 'X-1', as: 'alice' }, 'bob')) as Record<
      string,
      string
    >;
    expect(result).toMatchObject({ thrown: 'ProxyRequestError', name: 'PROXY_ERR' });
    expect(result.message).toContain('IMPERSONATION_NOT_ALLOWED');
    expect(t.requests).toHaveLength(0);
    // Acting for oneself by id is fine.
    expect(await invoke('readIssue', { issueKey: 'X-1', as: 'alice' }, 'alice')).toMatchObject({
      status: 200,
    });
  });

  it('sends the method, headers and body through to Jira', async () => {
    t.requests.length = 0;
    const result = await invoke('commentAsApp', { issueKey: 'X-1', text: 'hello' });
    expect(result).toEqual({ status: 201, body: { id: expect.any(String) } });
    const [request] = t.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ body: { type: 'doc' } });
    await t.host.idle();
  });

  it('keeps the real package checks: plain string paths and path manipulation are refused before any call', async () => {
    t.requests.length = 0;
    expect(await invoke('plainStringPath')).toEqual({
      thrown: expect.stringContaining("You must create your route using the 'route' export"),
    });
    await expect(invoke('readIssue', { issueKey: '../../myself', as: 'app' })).rejects.toThrow(
      'Disallowing path manipulation attempt',
    );
    expect(t.requests).toHaveLength(0);
  });

  it('answers calls to products it does not emulate with a loud 501 naming the target', async () => {
    t.logs.length = 0;
    expect(await invoke('confluence')).toMatchObject({
      status: 501,
      body: {
        code: 'NOT_EMULATED',
        target: { type: 'fpp', remote: 'confluence' },
        path: '/wiki/api/v2/pages',
      },
    });
    expect(t.logs.join('\n')).toContain('fpp/app/confluence /wiki/api/v2/pages');
  });

  it('rejects like the bridge when the resolver throws or the function key is unknown, and logs it', async () => {
    await expect(invoke('fails')).rejects.toThrow(
      'There was an error invoking the function - Error: resolver failed on purpose',
    );
    await expect(invoke('noSuchFunction')).rejects.toThrow(
      "Resolver has no definition for 'noSuchFunction'.",
    );
    const last = t.host.invocations().at(-1);
    expect(last).toMatchObject({ kind: 'resolver', resolverFunction: 'noSuchFunction', outcome: 'error' });
  });

  it('refuses unknown modules and modules without a resolver', async () => {
    await expect(t.host.invokeResolver({ moduleKey: 'nope', functionKey: 'whoAmI' })).rejects.toThrow(
      'no module nope',
    );
    await expect(t.host.invokeResolver({ moduleKey: 'hourly-sweep', functionKey: 'whoAmI' })).rejects.toThrow(
      'declares no resolver function',
    );
  });

  it('runs a function directly with invokeFunction', async () => {
    const result = await t.host.invokeFunction('echo', { hello: 'world' });
    expect(result).toEqual({
      event: { hello: 'world' },
      context: { installContext: 'ari:cloud:jira::site/test-cloud' },
      moduleKey: 'echo',
      appAri: `ari:cloud:ecosystem::app/${FIXTURE_APP_ID}`,
    });
  });

  it('has no runtime outside an invocation: __forge_fetch__ throws and __forge_runtime__ is absent', async () => {
    const g = globalThis as unknown as {
      __forge_fetch__: (...args: unknown[]) => Promise<unknown>;
      __forge_runtime__: unknown;
    };
    expect(g.__forge_runtime__).toBeUndefined();
    await expect(g.__forge_fetch__({ type: 'kvs' }, '/api/v1/get', {})).rejects.toThrow(
      'Forge runtime not found',
    );
  });

  it('derives the app fields (with the environment they come from) and JQL property indexes from the manifest', async () => {
    expect(t.host.appId).toBe(FIXTURE_APP_ID);
    expect(t.host.cloudId).toBe(CLOUD_ID);
    // The environment id is a uuid derived from the app id: the same on every start, as for one install.
    expect(t.host.environmentId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await startTestHost();
    try {
      expect(again.host.environmentId).toBe(t.host.environmentId);
    } finally {
      again.close();
    }
    expect(t.host.appFields()).toEqual([
      {
        appId: FIXTURE_APP_ID,
        moduleKey: 'fixture-owner',
        name: 'Fixture owner',
        description: 'Who owns the fixture issue',
        type: 'user',
        readOnly: true,
        fieldKey: `${FIXTURE_APP_ID}__DEVELOPMENT__fixture-owner`,
        environmentId: t.host.environmentId,
      },
    ]);
    // Resolvers see the same environment in their context.
    expect(await invoke('whoAmI')).toMatchObject({
      environmentId: t.host.environmentId,
      runtime: { environmentAri: expect.stringContaining(t.host.environmentId) },
    });
    expect(t.host.propertyIndexes()).toEqual([
      { propertyKey: 'fixture', path: 'state', type: 'string', searchAlias: 'fixtureState' },
      { propertyKey: 'fixture', path: 'level', type: 'number' },
    ]);
  });
});

describe('local Forge host: two hosts in one process', () => {
  it('keep their storage and invocations apart', async () => {
    const [a, b] = await Promise.all([startTestHost(), startTestHost()]);
    try {
      await Promise.all([
        a.host.invokeResolver({
          moduleKey: 'fixture-panel',
          functionKey: 'kvs',
          payload: { op: 'set', key: 'who', value: 'a' },
        }),
        b.host.invokeResolver({
          moduleKey: 'fixture-panel',
          functionKey: 'kvs',
          payload: { op: 'set', key: 'who', value: 'b' },
        }),
      ]);
      expect(a.host.kvs.get('who')).toBe('a');
      expect(b.host.kvs.get('who')).toBe('b');
      expect(a.host.invocations()).toHaveLength(1);
    } finally {
      a.close();
      b.close();
    }
  });
});

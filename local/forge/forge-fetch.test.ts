import type { GatewayRequest } from '../gateway/types';
import type { Principal } from '../http/types';
import { createForgeFetch, toResponse } from './forge-fetch';
import { createRuntime } from './runtime';

const runtime = (accountId?: string) =>
  createRuntime({
    appId: 'app-1',
    environmentId: 'env',
    installationId: 'inst',
    cloudId: 'cloud',
    functionKey: 'fn',
    moduleType: 'trigger',
    moduleKey: 'mod',
    accountId,
    timeoutSeconds: 25,
    scopes: [],
    external: {},
    handlerFile: 'index.fn',
  });

describe('forge fetch routing', () => {
  const calls: Array<{ principal: Principal; request: GatewayRequest }> = [];
  const logs: string[] = [];
  const fetch = createForgeFetch({
    appId: 'app-1',
    jira: {
      fetch: async (principal, request) => {
        calls.push({ principal, request });
        return { status: 200, body: { ok: true } };
      },
    },
    kvs: { handle: () => ({ status: 204 }) },
    allowImpersonation: true,
    log: (message) => logs.push(message),
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('normalises headers from a Headers object or a list of pairs to lower case', async () => {
    await fetch(runtime(), { type: 'fpp', provider: 'app', remote: 'jira' }, '/rest/api/3/myself', {
      headers: new Headers({ Accept: 'application/json' }),
    });
    await fetch(runtime(), { type: 'fpp', provider: 'app', remote: 'jira' }, '/rest/api/3/myself', {
      method: 'post',
      headers: [['X-Thing', '1']],
      body: new TextEncoder().encode('{"a":1}'),
    });
    expect(calls.map((c) => c.request)).toEqual([
      { method: 'GET', url: '/rest/api/3/myself', headers: { accept: 'application/json' } },
      { method: 'POST', url: '/rest/api/3/myself', headers: { 'x-thing': '1' }, body: '{"a":1}' },
    ]);
  });

  it('acts for another person when impersonation is allowed, and anonymously for provider none', async () => {
    await fetch(
      runtime('alice'),
      { type: 'fpp', provider: 'user', remote: 'jira', accountId: 'bob' },
      '/x',
      {},
    );
    await fetch(runtime('alice'), { type: 'fpp', provider: 'none', remote: 'jira' }, '/x', {});
    expect(calls.map((c) => c.principal)).toEqual([
      { kind: 'app-user', appId: 'app-1', accountId: 'bob' },
      { kind: 'anonymous' },
    ]);
  });

  it('refuses bodies it cannot pass on, loudly', async () => {
    const response = await fetch(runtime(), { type: 'fpp', provider: 'app', remote: 'jira' }, '/x', {
      method: 'POST',
      body: new FormData(),
    });
    expect(response.status).toBe(501);
    expect(calls).toHaveLength(0);
    expect(logs.at(-1)).toContain('FormData');
  });

  it('builds WHATWG responses: JSON with a content type, text as is, no body for 204', async () => {
    const json = toResponse({ status: 200, body: { a: 1 } });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(await json.json()).toEqual({ a: 1 });
    expect(json.statusText).toBe('OK');
    const text = toResponse({ status: 200, body: 'plain', headers: { 'content-type': 'text/plain' } });
    expect(await text.text()).toBe('plain');
    const empty = toResponse({ status: 204, body: { ignored: true } });
    expect(await empty.text()).toBe('');
  });
});

import type { ForgeHost, ResolverCall } from '../forge';
import type { Principal, SiteRequest } from '../http/types';
import { handleBridgeInvoke } from './bridge-invoke';
import type { AppUi } from './modules';

describe('POST /local/bridge/invoke', () => {
  const calls: ResolverCall[] = [];
  const forge = {
    invokeResolver: async (call: ResolverCall) => {
      calls.push(call);
      if (call.functionKey === 'explode') throw new Error('Resolver has no definition for explode.');
      return { ok: true, data: call.functionKey };
    },
  } as unknown as ForgeHost;
  const ui = { moduleTypes: { 'spoc-panel': 'jira:issuePanel' } } as unknown as AppUi;
  const request = (
    body: unknown,
    principal: Principal = { kind: 'user', accountId: 'acc-1' },
  ): SiteRequest => ({
    method: 'POST',
    path: '/local/bridge/invoke',
    query: new URLSearchParams(),
    headers: {},
    body,
    principal,
    params: {},
  });

  beforeEach(() => (calls.length = 0));

  it("runs the module's resolver as the person of the session, whatever the page claims", async () => {
    const response = await handleBridgeInvoke(
      request({
        moduleKey: 'spoc-panel',
        functionKey: 'getIssueActivity',
        payload: { a: 1 },
        context: {
          accountId: 'someone-else',
          license: { isActive: true },
          extension: { issue: { key: 'SUP-1' } },
          locale: 'en-US',
        },
      }),
      forge,
      ui,
    );
    expect(response).toEqual({ status: 200, body: { result: { ok: true, data: 'getIssueActivity' } } });
    expect(calls).toEqual([
      {
        moduleKey: 'spoc-panel',
        functionKey: 'getIssueActivity',
        payload: { a: 1 },
        accountId: 'acc-1',
        context: { moduleKey: 'spoc-panel', extension: { issue: { key: 'SUP-1' } }, locale: 'en-US' },
      },
    ]);
  });

  it('invokes without an account for someone not signed in', async () => {
    await handleBridgeInvoke(
      request({ moduleKey: 'spoc-panel', functionKey: 'x' }, { kind: 'anonymous' }),
      forge,
      ui,
    );
    expect(calls[0]?.accountId).toBeUndefined();
  });

  it('answers bad input and resolver failures in Jira error shape', async () => {
    const notJson = await handleBridgeInvoke(request('moduleKey=spoc-panel'), forge, ui);
    expect(notJson.status).toBe(400);
    const unknown = await handleBridgeInvoke(request({ moduleKey: 'nope', functionKey: 'x' }), forge, ui);
    expect(unknown.body).toEqual({
      errorMessages: ['moduleKey "nope" is not a module of the installed app.'],
      errors: {},
    });
    const noFunction = await handleBridgeInvoke(request({ moduleKey: 'spoc-panel' }), forge, ui);
    expect(noFunction.status).toBe(400);
    expect(calls).toHaveLength(0);
    const failed = await handleBridgeInvoke(
      request({ moduleKey: 'spoc-panel', functionKey: 'explode' }),
      forge,
      ui,
    );
    expect(failed).toEqual({
      status: 500,
      body: {
        errorMessages: ['There was an error invoking the function - Resolver has no definition for explode.'],
        errors: {},
      },
    });
  });
});

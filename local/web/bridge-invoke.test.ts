import type { ResolverCall } from '../forge';
import type { Principal, SiteRequest } from '../http/types';
import { handleBridgeInvoke, type BridgeInvokeDeps } from './bridge-invoke';
import { FrameTokens, type FrameBinding, type FrameClaims } from './frame-tokens';
import { SESSION_COOKIE } from './session';

describe('POST /local/bridge/invoke', () => {
  const calls: ResolverCall[] = [];
  const frames = new FrameTokens();
  const gadgetConfigs = new Map<string, Record<string, unknown>>([['10000', { maxRows: 5 }]]);
  const deps: BridgeInvokeDeps = {
    forge: {
      invokeResolver: async (call: ResolverCall) => {
        calls.push(call);
        if (call.functionKey === 'explode') throw new Error('Resolver has no definition for explode.');
        return { ok: true, data: call.functionKey };
      },
    },
    frames,
    siteFacts: (principal) => ({
      cloudId: 'cloud-1',
      siteUrl: 'http://localhost:1',
      environmentId: 'env-1',
      environmentType: 'DEVELOPMENT',
      locale: principal.kind === 'user' ? 'de-DE' : 'en-US',
      timezone: principal.kind === 'user' ? 'Europe/Berlin' : 'UTC',
    }),
    gadgetConfiguration: (_dashboardId, gadgetId) => gadgetConfigs.get(gadgetId),
    colorMode: () => 'dark',
  };

  const ann = { sessionToken: 'session-ann', accountId: 'acc-ann' };
  const bob = { sessionToken: 'session-bob', accountId: 'acc-bob' };
  const panel: FrameClaims = {
    moduleKey: 'spoc-panel',
    entryPoint: 'view',
    localId: 'spoc-panel-10001',
    extension: {
      type: 'jira:issuePanel',
      issue: { id: '10001', key: 'SUP-1', type: 'Bug', typeId: '1' },
      project: { id: '10000', key: 'SUP', type: 'software' },
      isNewToIssue: false,
    },
    location: 'http://localhost:1/browse/SUP-1',
    customField: false,
  };
  const gadget: FrameClaims = {
    moduleKey: 'spoc-workload-gadget',
    entryPoint: 'edit',
    localId: '10000',
    extension: { type: 'jira:dashboardGadget', dashboard: { id: '10000' }, gadget: { id: '10000' } },
    location: 'http://localhost:1/jira/dashboards/10000',
    gadget: { dashboardId: '10000', gadgetId: '10000' },
    customField: false,
  };

  const request = (body: unknown, caller: FrameBinding = ann): SiteRequest => {
    const principal: Principal = caller.accountId
      ? { kind: 'user', accountId: caller.accountId }
      : { kind: 'anonymous' };
    return {
      method: 'POST',
      path: '/local/bridge/invoke',
      query: new URLSearchParams(),
      headers: caller.sessionToken
        ? { cookie: `jira.theme=dark; ${SESSION_COOKIE}=${caller.sessionToken}` }
        : {},
      body,
      principal,
      params: {},
    };
  };
  const messageOf = (body: unknown) => (body as { errorMessages: string[] }).errorMessages[0];

  beforeEach(() => (calls.length = 0));

  it('builds the whole context from the frame token and the session, as the platform does', async () => {
    const token = frames.issue(panel, ann);
    const response = await handleBridgeInvoke(
      request({ frame: token, functionKey: 'getIssueActivity', payload: { a: 1 } }),
      deps,
    );
    expect(response).toEqual({ status: 200, body: { result: { ok: true, data: 'getIssueActivity' } } });
    expect(calls).toEqual([
      {
        moduleKey: 'spoc-panel',
        functionKey: 'getIssueActivity',
        payload: { a: 1 },
        accountId: 'acc-ann',
        context: {
          cloudId: 'cloud-1',
          siteUrl: 'http://localhost:1',
          environmentId: 'env-1',
          environmentType: 'DEVELOPMENT',
          locale: 'de-DE',
          timezone: 'Europe/Berlin',
          localId: 'spoc-panel-10001',
          extension: { ...panel.extension, location: 'http://localhost:1/browse/SUP-1' },
          theme: {
            colorMode: 'dark',
            light: 'light',
            dark: 'dark',
            spacing: 'spacing',
            typography: 'typography',
          },
        },
      },
    ]);
  });

  it('refuses a context, module or account sent by the page: there is nothing the page may add', async () => {
    const token = frames.issue(panel, ann);
    const forged = await handleBridgeInvoke(
      request({
        frame: token,
        moduleKey: 'spoc-project-page',
        functionKey: 'getIssueActivity',
        context: { extension: { issue: { key: 'SEC-1' } }, accountId: 'acc-admin' },
      }),
      deps,
    );
    expect(forged.status).toBe(400);
    expect(messageOf(forged.body)).toContain(
      'send only frame, functionKey and payload, not moduleKey, context',
    );
    expect(calls).toHaveLength(0);
  });

  it("refuses a token made for another person's session, a tampered one and one this site did not sign", async () => {
    const annsToken = frames.issue(panel, ann);
    const asBob = await handleBridgeInvoke(request({ frame: annsToken, functionKey: 'x' }, bob), deps);
    expect(asBob.status).toBe(403);
    expect(messageOf(asBob.body)).toContain('rendered for another session');
    // Same person, but a new session (signed in again elsewhere): also another session.
    const newSession = await handleBridgeInvoke(
      request({ frame: annsToken, functionKey: 'x' }, { ...ann, sessionToken: 'session-ann-2' }),
      deps,
    );
    expect(newSession.status).toBe(403);
    const anonymous = await handleBridgeInvoke(
      request({ frame: annsToken, functionKey: 'x' }, { sessionToken: undefined, accountId: undefined }),
      deps,
    );
    expect(anonymous.status).toBe(403);

    const [payload, signature] = annsToken.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const otherIssue = Buffer.from(
      JSON.stringify({ ...claims, extension: { ...panel.extension, issue: { id: '1', key: 'SEC-1' } } }),
    ).toString('base64url');
    const tampered = await handleBridgeInvoke(
      request({ frame: `${otherIssue}.${signature}`, functionKey: 'x' }),
      deps,
    );
    expect(tampered.status).toBe(403);
    expect(messageOf(tampered.body)).toContain('not issued by this site');
    const earlierRun = await handleBridgeInvoke(
      request({ frame: new FrameTokens().issue(panel, ann), functionKey: 'x' }),
      deps,
    );
    expect(earlierRun.status).toBe(403);
    for (const frame of ['', 'garbage', '.', 42, undefined]) {
      const answer = await handleBridgeInvoke(request({ frame, functionKey: 'x' }), deps);
      expect([frame, answer.status]).toEqual([frame, frame === '' || typeof frame !== 'string' ? 400 : 403]);
    }
    expect(calls).toHaveLength(0);
  });

  it('gives a gadget its configuration as stored at the time of the call, and its entry point', async () => {
    const token = frames.issue(gadget, ann);
    await handleBridgeInvoke(request({ frame: token, functionKey: 'getSnapshot' }), deps);
    gadgetConfigs.set('10000', { maxRows: 7 });
    await handleBridgeInvoke(request({ frame: token, functionKey: 'getSnapshot' }), deps);
    expect(calls.map((c) => c.context?.extension)).toEqual([
      {
        ...gadget.extension,
        location: gadget.location,
        entryPoint: 'edit',
        gadgetConfiguration: { maxRows: 5 },
      },
      {
        ...gadget.extension,
        location: gadget.location,
        entryPoint: 'edit',
        gadgetConfiguration: { maxRows: 7 },
      },
    ]);
    gadgetConfigs.delete('10000');
    const gone = await handleBridgeInvoke(request({ frame: token, functionKey: 'getSnapshot' }), deps);
    expect(gone.status).toBe(404);
    expect(calls).toHaveLength(2);
  });

  it('answers bad input and resolver failures in Jira error shape', async () => {
    const token = frames.issue(panel, ann);
    const notJson = await handleBridgeInvoke(request('frame=x'), deps);
    expect(notJson.status).toBe(400);
    const noFunction = await handleBridgeInvoke(request({ frame: token }), deps);
    expect(noFunction.status).toBe(400);
    expect(calls).toHaveLength(0);
    const failed = await handleBridgeInvoke(request({ frame: token, functionKey: 'explode' }), deps);
    expect(failed).toEqual({
      status: 500,
      body: {
        errorMessages: ['There was an error invoking the function - Resolver has no definition for explode.'],
        errors: {},
      },
    });
  });
});

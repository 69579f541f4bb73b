import { openDatabase } from '../../db/database';
import type { Principal, SiteResponse } from '../../http/types';
import { createDashboardApi } from './api';
import { DashboardStore, SYSTEM_DASHBOARD_ID } from './store';

describe("Jira's dashboard endpoints", () => {
  const db = openDatabase(':memory:');
  const store = new DashboardStore(db);
  store.ensureSystemDashboard([{ moduleKey: 'spoc-workload-gadget', title: 'SPOC workload' }]);
  const api = createDashboardApi({
    store,
    gadgetModules: () => [
      { moduleKey: 'spoc-workload-gadget', title: 'SPOC workload' },
      { moduleKey: 'spoc-escalations-gadget', title: 'Escalation status' },
    ],
    siteUrl: () => 'http://localhost:1',
    displayName: (id) => (id === 'ann' ? 'Ann' : undefined),
    // Ada administers Jira; the app acting as itself does too, as on Jira.
    callerOf: (principal) => ({
      accountId: principal.kind === 'user' ? principal.accountId : undefined,
      isAdmin: principal.kind === 'app' || (principal.kind === 'user' && principal.accountId === 'ada'),
    }),
  });
  afterAll(() => db.close());

  const ann: Principal = { kind: 'user', accountId: 'ann' };
  const bob: Principal = { kind: 'user', accountId: 'bob' };
  const ada: Principal = { kind: 'user', accountId: 'ada' };
  const call = (principal: Principal, method: string, path: string, body?: unknown): Promise<SiteResponse> =>
    api.handle({ method, path, query: new URLSearchParams(), headers: {}, body, principal });
  const errorsOf = (r: SiteResponse) => r.body as { errorMessages: string[]; errors: Record<string, string> };

  it('seeds the system dashboard once, with the app gadgets', async () => {
    store.ensureSystemDashboard([{ moduleKey: 'spoc-escalations-gadget', title: 'again' }]);
    const response = await call(ann, 'GET', `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/gadget`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      gadgets: [
        {
          id: 10000,
          moduleKey: 'spoc-workload-gadget',
          color: 'blue',
          position: { row: 0, column: 0 },
          title: 'SPOC workload',
        },
      ],
    });
  });

  it('adds a gadget, keeps its configuration as an item property, and removes both', async () => {
    const dashboard = await call(ann, 'POST', '/rest/api/3/dashboard', {
      name: 'Mine',
      sharePermissions: [],
      editPermissions: [],
    });
    expect(dashboard.status).toBe(200);
    const id = (dashboard.body as { id: string }).id;
    const added = await call(ann, 'POST', `/rest/api/3/dashboard/${id}/gadget`, {
      moduleKey: 'spoc-escalations-gadget',
    });
    expect(added.body).toMatchObject({
      moduleKey: 'spoc-escalations-gadget',
      title: 'Escalation status',
      color: 'blue',
    });
    const gadgetId = (added.body as { id: number }).id;
    const property = `/rest/api/3/dashboard/${id}/items/${gadgetId}/properties/config`;
    expect((await call(ann, 'PUT', property, { breachedOnly: true, refresh: 15 })).status).toBe(201);
    expect((await call(ann, 'PUT', property, { breachedOnly: false })).status).toBe(200);
    expect((await call(ann, 'GET', property)).body).toEqual({
      key: 'config',
      value: { breachedOnly: false },
    });
    expect((await call(ann, 'DELETE', `/rest/api/3/dashboard/${id}/gadget/${gadgetId}`)).status).toBe(204);
    expect((await call(ann, 'GET', property)).status).toBe(404);
  });

  it("shows a person's dashboard to its owner and the administrators only, and lets only the owner change it", async () => {
    const dashboard = await call(ann, 'POST', '/rest/api/3/dashboard', {
      name: 'Ann only',
      sharePermissions: [],
      editPermissions: [],
    });
    const id = (dashboard.body as { id: string }).id;
    const add = { moduleKey: 'spoc-workload-gadget' };
    const added = await call(ann, 'POST', `/rest/api/3/dashboard/${id}/gadget`, add);
    const property = `/rest/api/3/dashboard/${id}/items/${(added.body as { id: number }).id}/properties/config`;
    expect((await call(ann, 'PUT', property, { maxRows: 3 })).status).toBe(201);

    // Someone else: as if it did not exist, for reading and for writing.
    for (const [method, path, body] of [
      ['GET', `/rest/api/3/dashboard/${id}`],
      ['GET', `/rest/api/3/dashboard/${id}/gadget`],
      ['GET', property],
      ['POST', `/rest/api/3/dashboard/${id}/gadget`, add],
      ['PUT', property, { maxRows: 1 }],
    ] as const) {
      const answer = await call(bob, method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, 404]);
    }
    const bobsList = await call(bob, 'GET', '/rest/api/3/dashboard');
    expect(
      (bobsList.body as { dashboards: Array<{ id: string }> }).dashboards.map((d) => d.id),
    ).not.toContain(id);

    // An administrator sees it, but it stays Ann's to change.
    expect((await call(ada, 'GET', `/rest/api/3/dashboard/${id}`)).body).toMatchObject({
      isWritable: false,
      owner: { displayName: 'Ann' },
      sharePermissions: [],
    });
    expect((await call(ada, 'GET', property)).body).toEqual({ key: 'config', value: { maxRows: 3 } });
    expect((await call(ada, 'PUT', property, { maxRows: 1 })).status).toBe(403);
    expect((await call(ada, 'POST', `/rest/api/3/dashboard/${id}/gadget`, add)).status).toBe(403);
    const adasList = await call(ada, 'GET', '/rest/api/3/dashboard');
    expect((adasList.body as { dashboards: Array<{ id: string }> }).dashboards.map((d) => d.id)).toContain(
      id,
    );

    expect((await call({ kind: 'anonymous' }, 'GET', `/rest/api/3/dashboard/${id}`)).status).toBe(401);
    expect(store.gadgets(id)).toHaveLength(1);
    expect(store.getProperty(id, String((added.body as { id: number }).id), 'config')).toEqual({
      found: true,
      value: { maxRows: 3 },
    });
  });

  it('lets everyone see the system dashboard and only Jira administrators change it', async () => {
    const system = `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}`;
    const property = `${system}/items/10000/properties/config`;
    const before = store.gadgets(SYSTEM_DASHBOARD_ID).length;
    for (const person of [ann, bob]) {
      expect((await call(person, 'GET', system)).body).toMatchObject({
        isWritable: false,
        systemDashboard: true,
        sharePermissions: [{ type: 'global' }],
      });
      expect((await call(person, 'PUT', property, { maxRows: 1 })).status).toBe(403);
      expect(
        (await call(person, 'POST', `${system}/gadget`, { moduleKey: 'spoc-workload-gadget' })).status,
      ).toBe(403);
      expect((await call(person, 'DELETE', `${system}/gadget/10000`)).status).toBe(403);
      expect((await call(person, 'PUT', `${system}/gadget/10000`, { color: 'red' })).status).toBe(403);
    }
    expect(store.gadgets(SYSTEM_DASHBOARD_ID)).toHaveLength(before);
    expect(store.getProperty(SYSTEM_DASHBOARD_ID, '10000', 'config')).toEqual({ found: false });

    expect((await call(ada, 'GET', system)).body).toMatchObject({ isWritable: true });
    expect((await call(ada, 'PUT', property, { maxRows: 4 })).status).toBe(201);
    expect((await call(bob, 'GET', property)).body).toEqual({ key: 'config', value: { maxRows: 4 } });
    expect((await call({ kind: 'app', appId: 'x' }, 'PUT', property, { maxRows: 5 })).status).toBe(200);
    store.deleteProperty(SYSTEM_DASHBOARD_ID, '10000', 'config');
  });

  it('keeps dashboards private: sharing in the request is refused, not silently dropped', async () => {
    const shared = await call(ann, 'POST', '/rest/api/3/dashboard', {
      name: 'Shared',
      sharePermissions: [{ type: 'global' }],
      editPermissions: [],
    });
    expect(shared.status).toBe(400);
    expect(errorsOf(shared).errors.sharePermissions).toContain('does not share dashboards');
    expect(store.list().map((d) => d.name)).not.toContain('Shared');
  });

  it('resets to the seeded system dashboard alone', async () => {
    await call(ann, 'POST', '/rest/api/3/dashboard', {
      name: 'Gone',
      sharePermissions: [],
      editPermissions: [],
    });
    store.setProperty(SYSTEM_DASHBOARD_ID, '10000', 'config', { maxRows: 9 });
    store.reset([{ moduleKey: 'spoc-workload-gadget', title: 'SPOC workload' }]);
    expect(store.list()).toEqual([
      { id: SYSTEM_DASHBOARD_ID, name: 'Default dashboard', description: expect.any(String), owner: null },
    ]);
    expect(store.gadgets(SYSTEM_DASHBOARD_ID).map((g) => [g.id, g.moduleKey])).toEqual([
      ['10000', 'spoc-workload-gadget'],
    ]);
    expect(store.getProperty(SYSTEM_DASHBOARD_ID, '10000', 'config')).toEqual({ found: false });
  });

  it('answers bad input with a clear error in Jira shape and changes nothing', async () => {
    const before = store.gadgets(SYSTEM_DASHBOARD_ID).length;
    const unknown = await call(ada, 'POST', `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/gadget`, {
      moduleKey: 'nope',
    });
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown).errorMessages[0]).toContain('"nope" is not a dashboard gadget');
    const badColor = await call(ada, 'POST', `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/gadget`, {
      moduleKey: 'spoc-workload-gadget',
      color: 'pink',
    });
    expect(errorsOf(badColor).errorMessages[0]).toContain('The color must be one of');
    const noName = await call(ann, 'POST', '/rest/api/3/dashboard', {
      name: ' ',
      sharePermissions: [],
      editPermissions: [],
    });
    expect(errorsOf(noName).errors).toEqual({ name: 'The dashboard name must not be empty.' });
    const noValue = await call(
      ada,
      'PUT',
      `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/items/10000/properties/config`,
    );
    expect(noValue.status).toBe(400);
    expect((await call(ann, 'GET', '/rest/api/3/dashboard/abc')).status).toBe(404);
    expect(store.gadgets(SYSTEM_DASHBOARD_ID)).toHaveLength(before);
  });
});

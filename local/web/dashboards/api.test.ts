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
  });
  afterAll(() => db.close());

  const ann: Principal = { kind: 'user', accountId: 'ann' };
  const bob: Principal = { kind: 'user', accountId: 'bob' };
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
    expect((await call(bob, 'GET', property)).body).toEqual({
      key: 'config',
      value: { breachedOnly: false },
    });
    expect((await call(ann, 'DELETE', `/rest/api/3/dashboard/${id}/gadget/${gadgetId}`)).status).toBe(204);
    expect((await call(ann, 'GET', property)).status).toBe(404);
  });

  it("lets only the owner change a person's dashboard, and nobody anonymous", async () => {
    const dashboard = await call(ann, 'POST', '/rest/api/3/dashboard', {
      name: 'Ann only',
      sharePermissions: [],
      editPermissions: [],
    });
    const id = (dashboard.body as { id: string }).id;
    const add = { moduleKey: 'spoc-workload-gadget' };
    expect((await call(bob, 'POST', `/rest/api/3/dashboard/${id}/gadget`, add)).status).toBe(403);
    expect((await call({ kind: 'anonymous' }, 'GET', `/rest/api/3/dashboard/${id}`)).status).toBe(401);
    expect((await call(bob, 'GET', `/rest/api/3/dashboard/${id}`)).body).toMatchObject({
      isWritable: false,
      owner: { displayName: 'Ann' },
    });
    expect(store.gadgets(id)).toHaveLength(0);
  });

  it('answers bad input with a clear error in Jira shape and changes nothing', async () => {
    const before = store.gadgets(SYSTEM_DASHBOARD_ID).length;
    const unknown = await call(ann, 'POST', `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/gadget`, {
      moduleKey: 'nope',
    });
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown).errorMessages[0]).toContain('"nope" is not a dashboard gadget');
    const badColor = await call(ann, 'POST', `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/gadget`, {
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
      ann,
      'PUT',
      `/rest/api/3/dashboard/${SYSTEM_DASHBOARD_ID}/items/10000/properties/config`,
    );
    expect(noValue.status).toBe(400);
    expect((await call(ann, 'GET', '/rest/api/3/dashboard/abc')).status).toBe(404);
    expect(store.gadgets(SYSTEM_DASHBOARD_ID)).toHaveLength(before);
  });
});

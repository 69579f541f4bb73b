import { jiraError, Router } from '../../http/router';
import { actingAccountId, json, type Principal, type SiteRequest, type SiteResponse } from '../../http/types';
import { mayEdit, mayView, type DashboardCaller } from './access';
import { DashboardStore, type DashboardRecord, type GadgetRecord } from './store';

/**
 * Jira's dashboard REST endpoints the shell uses to add, move, configure and remove gadgets
 * (`/rest/api/3/dashboard…`), in Jira's request and response shapes. A Forge gadget's configuration is the
 * item property `config` of its gadget. Who may see and change which dashboard: ./access.ts (a dashboard
 * the caller may not see answers 404, as Jira does for one not shared with them).
 */
export interface GadgetModuleInfo {
  readonly moduleKey: string;
  readonly title: string;
}

export interface DashboardApiOptions {
  readonly store: DashboardStore;
  /** The app's `jira:dashboardGadget` modules. */
  readonly gadgetModules: () => readonly GadgetModuleInfo[];
  readonly siteUrl: () => string;
  readonly displayName: (accountId: string) => string | undefined;
  /** The caller as dashboard permissions see them (whether they administer Jira). */
  readonly callerOf: (principal: Principal) => DashboardCaller;
}

const COLORS = ['blue', 'red', 'yellow', 'green', 'cyan', 'purple', 'gray', 'white'];
const MAX_PROPERTY_BYTES = 32768;
const NOT_SHARED =
  'This local Jira does not share dashboards: a dashboard is seen by its owner and the Jira administrators, and changed by its owner. Send an empty list.';

export function createDashboardApi(options: DashboardApiOptions): Router {
  const { store } = options;
  const router = new Router();
  const base = '/rest/api/3/dashboard';

  const dashboardJson = (d: DashboardRecord, caller: DashboardCaller) => ({
    id: d.id,
    name: d.name,
    description: d.description,
    self: `${options.siteUrl()}${base}/${d.id}`,
    view: `${options.siteUrl()}/jira/dashboards/${d.id}`,
    isFavourite: false,
    isWritable: mayEdit(d, caller),
    systemDashboard: d.owner === null,
    sharePermissions: d.owner === null ? [{ type: 'global' }] : [],
    editPermissions: [],
    popularity: 0,
    ...(d.owner
      ? { owner: { accountId: d.owner, displayName: options.displayName(d.owner) ?? d.owner, active: true } }
      : {}),
  });

  const gadgetJson = (g: GadgetRecord) => ({
    id: Number(g.id),
    moduleKey: g.moduleKey,
    color: g.color,
    position: { row: g.row, column: g.column },
    title: g.title,
  });

  /** Finds the dashboard (and checks the caller may see or change it), or answers the error. */
  const dashboardFor = (
    req: SiteRequest,
    id: string | undefined,
    write: boolean,
  ): DashboardRecord | SiteResponse => {
    if (req.principal.kind === 'anonymous')
      return jiraError(401, 'Client must be authenticated to access this resource.');
    const caller = options.callerOf(req.principal);
    const dashboard = store.get(id ?? '');
    if (!dashboard || !mayView(dashboard, caller))
      return jiraError(404, `The dashboard with id '${id ?? ''}' does not exist.`);
    if (write && !mayEdit(dashboard, caller)) {
      return jiraError(403, `You do not have permission to edit the dashboard with id '${dashboard.id}'.`);
    }
    return dashboard;
  };

  router.get(base, (req) => {
    if (req.principal.kind === 'anonymous')
      return jiraError(401, 'Client must be authenticated to access this resource.');
    const startAt = nonNegative(req.query.get('startAt'), 0);
    const maxResults = Math.min(nonNegative(req.query.get('maxResults'), 20), 1000);
    const caller = options.callerOf(req.principal);
    const all = store.list().filter((d) => mayView(d, caller));
    return json(200, {
      startAt,
      maxResults,
      total: all.length,
      dashboards: all.slice(startAt, startAt + maxResults).map((d) => dashboardJson(d, caller)),
    });
  });

  router.post(base, (req) => {
    const accountId = actingAccountId(req.principal);
    if (req.principal.kind === 'anonymous')
      return jiraError(401, 'Client must be authenticated to access this resource.');
    if (!accountId) return jiraError(403, 'Only a person can own a dashboard.');
    const body = objectBody(req);
    if (!body) return jiraError(400, 'Send the dashboard as a JSON object.');
    const errors: Record<string, string> = {};
    if (typeof body.name !== 'string' || body.name.trim() === '')
      errors.name = 'The dashboard name must not be empty.';
    else if (body.name.length > 255) errors.name = 'The dashboard name must be at most 255 characters.';
    if (body.description !== undefined && typeof body.description !== 'string')
      errors.description = 'The description must be a string.';
    if (!Array.isArray(body.sharePermissions)) errors.sharePermissions = 'sharePermissions must be a list.';
    else if (body.sharePermissions.length > 0) errors.sharePermissions = NOT_SHARED;
    if (!Array.isArray(body.editPermissions)) errors.editPermissions = 'editPermissions must be a list.';
    else if (body.editPermissions.length > 0) errors.editPermissions = NOT_SHARED;
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    const created = store.create(
      (body.name as string).trim(),
      (body.description as string | undefined) ?? '',
      accountId,
    );
    return json(200, dashboardJson(created, options.callerOf(req.principal)));
  });

  router.get(`${base}/:id`, (req) => {
    const dashboard = dashboardFor(req, req.params.id, false);
    return 'status' in dashboard
      ? dashboard
      : json(200, dashboardJson(dashboard, options.callerOf(req.principal)));
  });

  router.get(`${base}/:dashboardId/gadget`, (req) => {
    const dashboard = dashboardFor(req, req.params.dashboardId, false);
    if ('status' in dashboard) return dashboard;
    return json(200, { gadgets: store.gadgets(dashboard.id).map(gadgetJson) });
  });

  router.post(`${base}/:dashboardId/gadget`, (req) => {
    const dashboard = dashboardFor(req, req.params.dashboardId, true);
    if ('status' in dashboard) return dashboard;
    const body = objectBody(req);
    if (!body) return jiraError(400, 'Send the gadget as a JSON object.');
    if (body.uri !== undefined)
      return jiraError(
        400,
        'Only gadgets of installed Forge apps can be added here: send moduleKey, not uri.',
      );
    const module = findGadgetModule(options.gadgetModules(), body.moduleKey);
    if (!module) {
      return jiraError(
        400,
        `The moduleKey ${JSON.stringify(body.moduleKey ?? null)} is not a dashboard gadget of an installed app.`,
      );
    }
    const problem = settingsProblem(body);
    if (problem) return jiraError(400, problem);
    const position = body.position as { column?: number; row?: number } | undefined;
    const gadget = store.addGadget(
      dashboard.id,
      module.moduleKey,
      typeof body.title === 'string' && body.title.trim() !== '' ? body.title.trim() : module.title,
      typeof body.color === 'string' ? body.color : 'blue',
      position?.column,
      position?.row,
    );
    return json(200, gadgetJson(gadget));
  });

  router.put(`${base}/:dashboardId/gadget/:gadgetId`, (req) => {
    const dashboard = dashboardFor(req, req.params.dashboardId, true);
    if ('status' in dashboard) return dashboard;
    const gadget = store.gadget(dashboard.id, req.params.gadgetId ?? '');
    if (!gadget)
      return jiraError(
        404,
        `The gadget with id '${req.params.gadgetId ?? ''}' does not exist on this dashboard.`,
      );
    const body = objectBody(req);
    if (!body) return jiraError(400, 'Send the gadget settings as a JSON object.');
    const problem = settingsProblem(body);
    if (problem) return jiraError(400, problem);
    const position = body.position as { column?: number; row?: number } | undefined;
    store.updateGadget({
      ...gadget,
      title: typeof body.title === 'string' && body.title.trim() !== '' ? body.title.trim() : gadget.title,
      color: typeof body.color === 'string' ? body.color : gadget.color,
      column: position?.column ?? gadget.column,
      row: position?.row ?? gadget.row,
    });
    return json(204);
  });

  router.delete(`${base}/:dashboardId/gadget/:gadgetId`, (req) => {
    const dashboard = dashboardFor(req, req.params.dashboardId, true);
    if ('status' in dashboard) return dashboard;
    if (!store.gadget(dashboard.id, req.params.gadgetId ?? '')) {
      return jiraError(
        404,
        `The gadget with id '${req.params.gadgetId ?? ''}' does not exist on this dashboard.`,
      );
    }
    store.removeGadget(dashboard.id, req.params.gadgetId as string);
    return json(204);
  });

  const itemFor = (
    req: SiteRequest,
    write: boolean,
  ): { dashboard: DashboardRecord; itemId: string } | SiteResponse => {
    const dashboard = dashboardFor(req, req.params.dashboardId, write);
    if ('status' in dashboard) return dashboard;
    const itemId = req.params.itemId ?? '';
    if (!store.gadget(dashboard.id, itemId))
      return jiraError(404, `The dashboard item with id '${itemId}' does not exist.`);
    return { dashboard, itemId };
  };

  router.get(`${base}/:dashboardId/items/:itemId/properties`, (req) => {
    const item = itemFor(req, false);
    if ('status' in item) return item;
    const self = `${options.siteUrl()}${base}/${item.dashboard.id}/items/${item.itemId}/properties`;
    return json(200, {
      keys: store
        .propertyKeys(item.dashboard.id, item.itemId)
        .map((key) => ({ key, self: `${self}/${encodeURIComponent(key)}` })),
    });
  });

  router.get(`${base}/:dashboardId/items/:itemId/properties/:propertyKey`, (req) => {
    const item = itemFor(req, false);
    if ('status' in item) return item;
    const key = req.params.propertyKey ?? '';
    const found = store.getProperty(item.dashboard.id, item.itemId, key);
    if (!found.found) return jiraError(404, `The property with key '${key}' does not exist.`);
    return json(200, { key, value: found.value });
  });

  router.put(`${base}/:dashboardId/items/:itemId/properties/:propertyKey`, (req) => {
    const item = itemFor(req, true);
    if ('status' in item) return item;
    const key = req.params.propertyKey ?? '';
    if (key.length === 0 || key.length > 255)
      return jiraError(400, 'The property key must be 1 to 255 characters long.');
    if (req.body === undefined) return jiraError(400, 'The property value must be valid JSON.');
    if (Buffer.byteLength(JSON.stringify(req.body)) > MAX_PROPERTY_BYTES) {
      return jiraError(400, `The property value must be at most ${MAX_PROPERTY_BYTES} bytes.`);
    }
    const outcome = store.setProperty(item.dashboard.id, item.itemId, key, req.body);
    return json(outcome === 'created' ? 201 : 200);
  });

  router.delete(`${base}/:dashboardId/items/:itemId/properties/:propertyKey`, (req) => {
    const item = itemFor(req, true);
    if ('status' in item) return item;
    const key = req.params.propertyKey ?? '';
    if (!store.deleteProperty(item.dashboard.id, item.itemId, key)) {
      return jiraError(404, `The property with key '${key}' does not exist.`);
    }
    return json(204);
  });

  return router;
}

/** A gadget by its module key, or by the app-qualified `<appKey>__<moduleKey>` Jira also accepts. */
export function findGadgetModule(
  modules: readonly GadgetModuleInfo[],
  moduleKey: unknown,
): GadgetModuleInfo | undefined {
  if (typeof moduleKey !== 'string') return undefined;
  return modules.find((m) => m.moduleKey === moduleKey || moduleKey.endsWith(`__${m.moduleKey}`));
}

function settingsProblem(body: Record<string, unknown>): string | undefined {
  if (body.color !== undefined && (typeof body.color !== 'string' || !COLORS.includes(body.color))) {
    return `The color must be one of ${COLORS.join(', ')}.`;
  }
  if (body.title !== undefined && typeof body.title !== 'string') return 'The title must be a string.';
  if (body.position !== undefined) {
    const position = body.position as { column?: unknown; row?: unknown } | null;
    const ok =
      typeof position === 'object' &&
      position !== null &&
      Number.isInteger(position.column) &&
      Number.isInteger(position.row) &&
      (position.column as number) >= 0 &&
      (position.column as number) <= 3 &&
      (position.row as number) >= 0;
    if (!ok) return 'The position must be {"column": 0-3, "row": 0 or more}.';
  }
  return undefined;
}

function objectBody(req: SiteRequest): Record<string, unknown> | undefined {
  const body = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

function nonNegative(raw: string | null, fallback: number): number {
  const value = raw === null ? NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

import type { SiteClock } from '../clock';
import type { Db } from '../db/database';
import type { ProductEventBus } from '../events';
import { Router } from '../http/router';
import type { Principal } from '../http/types';
import type { JqlEngine, JqlPropertyIndex } from '../jql/types';
import { applySeed } from '../seed/apply';
import type { DemoSeed } from '../seed/types';
import { Access } from './access';
import { renderAvatarSvg, type AvatarKind } from './avatars';
import { allFields, selectFields } from './fields';
import { issueBean } from './issue-view';
import { ISSUE_TYPES, PRIORITIES, STATUSES } from './catalog';
import type { JiraServices } from './http';
import { appFieldRoutes } from './routes/app-fields';
import { commentRoutes } from './routes/comments';
import { issueRoutes } from './routes/issues';
import { linkRoutes } from './routes/links';
import { permissionRoutes } from './routes/permissions';
import { projectRoutes } from './routes/projects';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { applyServiceDeskSeed, serviceDeskRoutes, ServiceDeskStore } from './servicedesk';
import { userRoutes } from './routes/users';
import { JiraStore, type AppFieldType } from './store';

export { JiraStore } from './store';
export type { AppFieldRecord, IssueRecord, ProjectRecord, UserRecord } from './store';

/**
 * The local Jira: Jira Cloud's REST API v3 (the endpoints in served-endpoints.ts) over SQLite, with
 * permissions by project role, JQL through the given engine, and Forge product events after each change.
 */
export interface Jira {
  /** Every `/rest/api/3/...` route; the site mounts it behind the gateway. */
  readonly router: Router;
  /** Typed data access for the seed, the control API and the browser shell. */
  readonly store: JiraStore;
  /** Jira Service Management's own data: desks, request types, organizations, requests, feedback. */
  readonly serviceDesk: ServiceDeskStore;
  /** `Basic base64(email:anytoken)` → the person with that email, as API tokens work on Jira Cloud. */
  authenticateBasic(authorizationHeader: string | undefined): Principal | undefined;
  /** Registers the installed app's `jira:customField` modules; ids are `customfield_100NN`, stable across restarts. */
  registerAppFields(
    fields: ReadonlyArray<AppFieldRegistration>,
  ): ReadonlyArray<{ moduleKey: string; id: string }>;
  /** Issue property values JQL can search (from `jira:entityProperty` modules). */
  registerPropertyIndexes(indexes: ReadonlyArray<JqlPropertyIndex>): void;
  /** Names the app user of an installed app (shown as the author of what the app does `asApp()`). */
  registerApp(app: { appId: string; name: string }): { accountId: string };
  /** Wipes the Jira tables and loads the demo (timestamps moved to the site clock). */
  seed(data: DemoSeed): void;
  /** The SVG behind an avatar or icon URL (`/local/avatars/<kind>/<id>`), or undefined for an unknown id. */
  avatarSvg(kind: string, id: string, size?: number): string | undefined;
  /**
   * An issue's fields as `GET /issue/{id}?fields=…` renders them for the app: what Forge adds to a trigger's
   * event for `payload.include.fields`. Read from the store, so it costs no request.
   */
  issueFieldsForApp(appId: string, issueId: string, fieldIds: readonly string[]): Record<string, unknown>;
}

export interface AppFieldRegistration {
  readonly appId: string;
  readonly moduleKey: string;
  readonly name: string;
  readonly description: string;
  /** The manifest's `type`: user, string, number, date, datetime, group or object. */
  readonly type: string;
  readonly readOnly: boolean;
  readonly fieldKey: string;
  /** Forge environment id used in the field type ARI; a fixed local one by default. */
  readonly environmentId?: string;
}

/** The local site's Forge environment (development). */
export const LOCAL_ENVIRONMENT_ID = '00000000-0000-4000-8000-00000000de01';

const FIELD_TYPES: readonly AppFieldType[] = [
  'user',
  'string',
  'number',
  'date',
  'datetime',
  'group',
  'object',
];

export function createJira(options: {
  db: Db;
  clock: SiteClock;
  events: ProductEventBus;
  jql: JqlEngine;
  baseUrl: () => string;
}): Jira {
  const store = new JiraStore(options.db);
  const svc: JiraServices = {
    store,
    clock: options.clock,
    events: options.events,
    jql: options.jql,
    baseUrl: options.baseUrl,
    propertyIndexes: [],
    appNames: new Map(),
  };
  const serviceDesk = new ServiceDeskStore(options.db);
  const router = new Router();
  userRoutes(router, svc);
  projectRoutes(router, svc);
  issueRoutes(router, svc);
  commentRoutes(router, svc);
  propertyRoutes(router, svc);
  linkRoutes(router, svc);
  appFieldRoutes(router, svc);
  searchRoutes(router, svc);
  permissionRoutes(router, svc);
  serviceDeskRoutes(router, svc, serviceDesk);

  return {
    router,
    store,
    serviceDesk,
    authenticateBasic(header) {
      const match = /^Basic\s+(\S+)$/i.exec(header?.trim() ?? '');
      if (!match) return undefined;
      const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) return undefined;
      const user = store.getUserByEmail(decoded.slice(0, colon));
      if (!user || !user.active || user.accountType !== 'atlassian') return undefined;
      return { kind: 'user', accountId: user.accountId };
    },
    registerAppFields(fields) {
      return store.transaction(() =>
        fields.map((f) => {
          if (!FIELD_TYPES.includes(f.type as AppFieldType)) {
            throw new Error(`App field ${f.moduleKey} has type '${f.type}', which Jira does not support.`);
          }
          const record = store.registerAppField({
            appId: f.appId,
            moduleKey: f.moduleKey,
            name: f.name,
            description: f.description,
            type: f.type as AppFieldType,
            readOnly: f.readOnly,
            fieldKey: f.fieldKey,
            environmentId: f.environmentId ?? LOCAL_ENVIRONMENT_ID,
          });
          return { moduleKey: f.moduleKey, id: record.id };
        }),
      );
    },
    registerPropertyIndexes(indexes) {
      svc.propertyIndexes.splice(0, svc.propertyIndexes.length, ...indexes);
    },
    registerApp(app) {
      svc.appNames.set(app.appId, app.name);
      return { accountId: store.ensureAppUser(app.appId, app.name).accountId };
    },
    seed(data) {
      const now = options.clock.now();
      applySeed(store, data, now);
      applyServiceDeskSeed(serviceDesk, store, data, now);
    },
    issueFieldsForApp(appId, issueId, fieldIds) {
      const issue = store.getIssue(issueId);
      const access = Access.of(store, { kind: 'app', appId });
      if (!issue || !access) return {};
      const fields = allFields(store);
      const selection = selectFields(fields, fieldIds, 'id');
      const bean = issueBean(options.baseUrl(), store, fields, issue, access, {
        fieldIds: selection.ids,
        expand: new Set(),
        properties: [],
      });
      return (bean.fields as Record<string, unknown> | undefined) ?? {};
    },
    avatarSvg(kind, id, size = 48) {
      const label = avatarLabel(store, kind, id);
      return label === undefined ? undefined : renderAvatarSvg(kind as AvatarKind, id, label, size);
    },
  };
}

function avatarLabel(store: JiraStore, kind: string, id: string): string | undefined {
  switch (kind) {
    case 'user':
      return store.getUser(id)?.displayName;
    case 'project':
      return store.getProject(id)?.name;
    case 'issuetype':
      return ISSUE_TYPES.find((t) => t.id === id)?.name;
    case 'priority':
      return PRIORITIES.find((p) => p.id === id)?.name;
    case 'status':
      return STATUSES.find((s) => s.id === id)?.name;
    default:
      return undefined;
  }
}

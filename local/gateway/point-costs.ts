/**
 * The points a request costs against the app's hourly quota, after Jira Cloud's published cost model:
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ ("How points work", page last
 * updated Aug 12, 2026). Every request costs a base of 1 point; a read adds 1 point per core object it
 * returns (issues, projects, comments, components …), 2 per identity object (users, groups, project roles,
 * permissions) and 1 per object of any other type ("Unlisted objects default to 1 point"); a write
 * (POST, PUT, PATCH, DELETE) costs only the base 1. The page's own examples: `GET /issue/ABC-123` = 2,
 * `GET /group/member` returning 8 users = 17, `POST /issue` = 1.
 *
 * Choices the page leaves open (inference, stated here so tests hold them):
 * - Only the objects at the top level of the answer count (the issue, not its embedded assignee), as in
 *   the page's `GET /issue` example.
 * - POSTs that only read (JQL search, approximate count, bulk permission check) are charged as reads.
 * - By outcome: 2xx/3xx pay the full cost; other 4xx pay the base 1 point (Jira authenticated, routed and
 *   validated the request, and returned no objects); 429s, 5xx and injected faults pay nothing.
 */
export type ObjectClass = 'core' | 'identity' | 'other' | 'none';

const POINTS_PER_OBJECT: Readonly<Record<ObjectClass, number>> = { core: 1, identity: 2, other: 1, none: 0 };

/** Where the returned objects sit in a response body. */
type ObjectList =
  | 'body' // the body is the array of objects
  | 'single' // the body is one object
  | { readonly array: string } // an array property, e.g. `values`, `issues`
  | { readonly mapKeys: string } // the keys of an object property, e.g. `permissions`
  | { readonly arrays: readonly string[] }; // several array properties added up

interface EndpointFamily {
  readonly family: string;
  readonly objects: ObjectClass;
  readonly endpoints: ReadonlyArray<readonly [method: string, template: string, list: ObjectList]>;
}

/** Reads of the served endpoints, by family. Everything else is a write (1 point) or an unlisted read. */
export const READ_COSTS: readonly EndpointFamily[] = [
  {
    family: 'users',
    objects: 'identity',
    endpoints: [
      ['GET', '/rest/api/3/myself', 'single'],
      ['GET', '/rest/api/3/user', 'single'],
      ['GET', '/rest/api/3/user/bulk', { array: 'values' }],
      ['GET', '/rest/api/3/user/search', 'body'],
      ['GET', '/rest/api/3/user/assignable/search', 'body'],
      ['GET', '/rest/api/3/user/viewissue/search', 'body'],
      ['GET', '/rest/api/3/group/member', { array: 'values' }],
      // An organization's members are users, like a group's.
      ['GET', '/rest/servicedeskapi/organization/{organizationId}/user', { array: 'values' }],
    ],
  },
  { family: 'groups', objects: 'identity', endpoints: [['GET', '/rest/api/3/user/groups', 'body']] },
  {
    family: 'permissions',
    objects: 'identity',
    endpoints: [
      ['GET', '/rest/api/3/mypermissions', { mapKeys: 'permissions' }],
      ['POST', '/rest/api/3/permissions/check', { arrays: ['globalPermissions', 'projectPermissions'] }],
    ],
  },
  {
    family: 'issues',
    objects: 'core',
    endpoints: [
      ['GET', '/rest/api/3/issue/{issueIdOrKey}', 'single'],
      ['GET', '/rest/api/3/search/jql', { array: 'issues' }],
      ['POST', '/rest/api/3/search/jql', { array: 'issues' }],
    ],
  },
  {
    family: 'projects',
    objects: 'core',
    endpoints: [
      ['GET', '/rest/api/3/project/search', { array: 'values' }],
      ['GET', '/rest/api/3/project/{projectIdOrKey}', 'single'],
    ],
  },
  {
    family: 'components',
    objects: 'core',
    endpoints: [
      ['GET', '/rest/api/3/project/{projectIdOrKey}/components', 'body'],
      ['GET', '/rest/api/3/component/{id}', 'single'],
    ],
  },
  {
    family: 'comments',
    objects: 'core',
    endpoints: [
      ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment', { array: 'comments' }],
      ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', 'single'],
    ],
  },
  {
    family: 'issue properties',
    objects: 'other',
    endpoints: [
      ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties', { array: 'keys' }],
      ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', 'single'],
    ],
  },
  {
    family: 'metadata',
    objects: 'other',
    endpoints: [
      ['GET', '/rest/api/3/field', 'body'],
      ['GET', '/rest/api/3/priority', 'body'],
      ['GET', '/rest/api/3/status', 'body'],
      ['GET', '/rest/api/3/issuetype', 'body'],
      ['GET', '/rest/api/3/issueLinkType', { array: 'issueLinkTypes' }],
      ['GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', { array: 'transitions' }],
    ],
  },
  // Dashboards and their gadgets (items) are not among the object types the rate-limiting page names (its
  // core examples are issues, projects, comments, components …; its identity ones users, groups,
  // permissions), so they take the page's default for unlisted objects: 1 point each, what a core object
  // costs too. Item properties count like issue properties.
  {
    family: 'dashboards',
    objects: 'other',
    endpoints: [
      ['GET', '/rest/api/3/dashboard', { array: 'dashboards' }],
      ['GET', '/rest/api/3/dashboard/{id}', 'single'],
      ['GET', '/rest/api/3/dashboard/{dashboardId}/gadget', { array: 'gadgets' }],
    ],
  },
  {
    family: 'dashboard item properties',
    objects: 'other',
    endpoints: [
      ['GET', '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties', { array: 'keys' }],
      ['GET', '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties/{propertyKey}', 'single'],
    ],
  },
  // Jira Service Management's API is Jira Cloud's too, charged by the same page. A customer request is an
  // issue and its comments are comments (core objects); desks, request types, organizations and feedback are
  // not among the page's named types, so they take the default for unlisted objects.
  {
    family: 'customer requests',
    objects: 'core',
    endpoints: [
      ['GET', '/rest/servicedeskapi/request', { array: 'values' }],
      ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}', 'single'],
      ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/comment', { array: 'values' }],
    ],
  },
  {
    family: 'service desks',
    objects: 'other',
    endpoints: [
      ['GET', '/rest/servicedeskapi/servicedesk', { array: 'values' }],
      ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}', 'single'],
      ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', { array: 'values' }],
      ['GET', '/rest/servicedeskapi/organization', { array: 'values' }],
      ['GET', '/rest/servicedeskapi/organization/{organizationId}', 'single'],
      ['GET', '/rest/servicedeskapi/request/{requestIdOrKey}/feedback', 'single'],
    ],
  },
  // A count is a number, not an object: the base point only.
  {
    family: 'counts',
    objects: 'none',
    endpoints: [['POST', '/rest/api/3/search/approximate-count', 'single']],
  },
];

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const readRules = new Map<string, { family: string; objects: ObjectClass; list: ObjectList }>();
for (const { family, objects, endpoints } of READ_COSTS) {
  for (const [method, template, list] of endpoints)
    readRules.set(`${method} ${template}`, { family, objects, list });
}

export interface CostInput {
  readonly method: string;
  /** The OpenAPI template of the endpoint, or undefined when the endpoint is not served. */
  readonly template: string | undefined;
  readonly status: number;
  readonly body: unknown;
}

export interface Cost {
  readonly points: number;
  /** The endpoint family of the cost table, `write`, `unlisted read` or `failed`. */
  readonly family: string;
  readonly objects: number;
}

export function costOf({ method, template, status, body }: CostInput): Cost {
  if (status === 429 || status >= 500) return { points: 0, family: 'failed', objects: 0 };
  if (status >= 400) return { points: 1, family: 'failed', objects: 0 };
  const upper = method.toUpperCase();
  const rule = template === undefined ? undefined : readRules.get(`${upper} ${template}`);
  if (rule) {
    const objects = rule.objects === 'none' ? 0 : countObjects(body, rule.list);
    return { points: 1 + objects * POINTS_PER_OBJECT[rule.objects], family: rule.family, objects };
  }
  if (WRITE_METHODS.has(upper)) return { points: 1, family: 'write', objects: 0 };
  const objects = guessObjects(body);
  return { points: 1 + objects * POINTS_PER_OBJECT.other, family: 'unlisted read', objects };
}

function countObjects(body: unknown, list: ObjectList): number {
  if (list === 'body') return Array.isArray(body) ? body.length : 0;
  if (list === 'single') return isObject(body) ? 1 : 0;
  if (!isObject(body)) return 0;
  if ('array' in list) return arrayLength(body[list.array]);
  if ('mapKeys' in list) {
    const map = body[list.mapKeys];
    return isObject(map) ? Object.keys(map).length : 0;
  }
  return list.arrays.reduce((sum, key) => sum + arrayLength(body[key]), 0);
}

/** For reads not in the table: a list body, a page's `values`, or one object. */
function guessObjects(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (!isObject(body)) return 0;
  if (Array.isArray(body.values)) return body.values.length;
  return Object.keys(body).length > 0 ? 1 : 0;
}

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

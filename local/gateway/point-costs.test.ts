import { SITE_ENDPOINTS } from '../jira/served-endpoints';
import { costOf, READ_COSTS } from './point-costs';

const users = (n: number) => Array.from({ length: n }, (_, i) => ({ accountId: `u${i}` }));
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));
const ok = (method: string, template: string, body: unknown) =>
  costOf({ method, template, status: 200, body });

const READS: ReadonlyArray<
  readonly [family: string, method: string, template: string, body: unknown, points: number]
> = [
  // family, method, template, body, expected points
  ['users', 'GET', '/rest/api/3/myself', { accountId: 'a' }, 3],
  ['users', 'GET', '/rest/api/3/user', { accountId: 'a' }, 3],
  ['users', 'GET', '/rest/api/3/user/bulk', { values: users(4) }, 9],
  ['users', 'GET', '/rest/api/3/user/search', users(5), 11],
  ['users', 'GET', '/rest/api/3/user/assignable/search', users(2), 5],
  ['users', 'GET', '/rest/api/3/user/viewissue/search', users(3), 7],
  ['users', 'GET', '/rest/servicedeskapi/organization/{organizationId}/user', { values: users(2) }, 5],
  // The documented example: 8 group members = 1 + 8 × 2 = 17.
  ['users', 'GET', '/rest/api/3/group/member', { values: users(8) }, 17],
  ['groups', 'GET', '/rest/api/3/user/groups', [{ name: 'a' }, { name: 'b' }], 5],
  [
    'permissions',
    'GET',
    '/rest/api/3/mypermissions',
    { permissions: { EDIT_ISSUES: {}, ASSIGN_ISSUES: {} } },
    5,
  ],
  [
    'permissions',
    'POST',
    '/rest/api/3/permissions/check',
    {
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permission: 'EDIT_ISSUES' }, { permission: 'X' }],
    },
    7,
  ],
  // The documented example: GET /issue/ABC-123 = 1 + 1 issue = 2.
  ['issues', 'GET', '/rest/api/3/issue/{issueIdOrKey}', { id: '1', key: 'SUP-1' }, 2],
  ['issues', 'GET', '/rest/api/3/search/jql', { issues: items(10), isLast: true }, 11],
  ['issues', 'POST', '/rest/api/3/search/jql', { issues: items(3) }, 4],
  ['projects', 'GET', '/rest/api/3/project/search', { values: items(2) }, 3],
  ['projects', 'GET', '/rest/api/3/project/{projectIdOrKey}', { id: '1' }, 2],
  ['components', 'GET', '/rest/api/3/project/{projectIdOrKey}/components', items(4), 5],
  ['components', 'GET', '/rest/api/3/component/{id}', { id: '1' }, 2],
  ['comments', 'GET', '/rest/api/3/issue/{issueIdOrKey}/comment', { comments: items(6), total: 6 }, 7],
  ['comments', 'GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', { id: '1' }, 2],
  ['issue properties', 'GET', '/rest/api/3/issue/{issueIdOrKey}/properties', { keys: items(2) }, 3],
  [
    'issue properties',
    'GET',
    '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    { key: 'spoc' },
    2,
  ],
  ['metadata', 'GET', '/rest/api/3/field', items(30), 31],
  ['metadata', 'GET', '/rest/api/3/issueLinkType', { issueLinkTypes: items(3) }, 4],
  ['metadata', 'GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', { transitions: items(2) }, 3],
  ['dashboards', 'GET', '/rest/api/3/dashboard', { total: 3, dashboards: items(3) }, 4],
  ['dashboards', 'GET', '/rest/api/3/dashboard/{id}', { id: '10000', name: 'Default' }, 2],
  ['dashboards', 'GET', '/rest/api/3/dashboard/{dashboardId}/gadget', { gadgets: items(5) }, 6],
  [
    'dashboard item properties',
    'GET',
    '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties',
    { keys: items(2) },
    3,
  ],
  [
    'dashboard item properties',
    'GET',
    '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties/{propertyKey}',
    { key: 'config', value: {} },
    2,
  ],
  ['counts', 'POST', '/rest/api/3/search/approximate-count', { count: 5000 }, 1],
  ['customer requests', 'GET', '/rest/servicedeskapi/request', { size: 3, values: items(3) }, 4],
  ['customer requests', 'GET', '/rest/servicedeskapi/request/{issueIdOrKey}', { issueId: '1' }, 2],
  [
    'customer requests',
    'GET',
    '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    { values: items(2) },
    3,
  ],
  ['service desks', 'GET', '/rest/servicedeskapi/servicedesk', { values: items(1) }, 2],
  ['service desks', 'GET', '/rest/servicedeskapi/organization', { values: items(3) }, 4],
  ['service desks', 'GET', '/rest/servicedeskapi/request/{requestIdOrKey}/feedback', { rating: 4 }, 2],
];

describe('point costs by endpoint family', () => {
  test.each(
    READS.map(([family, method, template, body, points]) => ({ family, method, template, body, points })),
  )('$family: $method $template costs $points', ({ family, method, template, body, points }) => {
    expect(ok(method, template, body)).toMatchObject({ family, points });
  });

  test('writes cost the base point whatever they return', () => {
    expect(costOf({ method: 'POST', template: '/rest/api/3/issue', status: 201, body: { id: '1' } })).toEqual(
      {
        points: 1,
        family: 'write',
        objects: 0,
      },
    );
    expect(
      costOf({ method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', status: 204, body: undefined })
        .points,
    ).toBe(1);
    expect(
      costOf({
        method: 'DELETE',
        template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
        status: 204,
        body: undefined,
      }).points,
    ).toBe(1);
  });

  test('every served endpoint is a listed read or a write', () => {
    const listed = new Set(READ_COSTS.flatMap((f) => f.endpoints.map(([m, t]) => `${m} ${t}`)));
    const unlisted = SITE_ENDPOINTS.filter(([m, t]) => m === 'GET' && !listed.has(`${m} ${t}`));
    expect(unlisted).toEqual([]);
  });

  test('unlisted reads pay 1 per object they return', () => {
    expect(costOf({ method: 'GET', template: undefined, status: 200, body: items(3) }).points).toBe(4);
    expect(
      costOf({ method: 'GET', template: undefined, status: 200, body: { values: items(2) } }).points,
    ).toBe(3);
    expect(costOf({ method: 'GET', template: undefined, status: 200, body: { id: '1' } }).points).toBe(2);
  });
});

describe('point costs by outcome', () => {
  const template = '/rest/api/3/search/jql';
  const body = { issues: items(5) };

  test('a 4xx pays the base point and no objects', () => {
    expect(costOf({ method: 'GET', template, status: 404, body }).points).toBe(1);
    expect(costOf({ method: 'GET', template, status: 400, body }).points).toBe(1);
  });

  test('429s and 5xx pay nothing', () => {
    expect(costOf({ method: 'GET', template, status: 429, body }).points).toBe(0);
    expect(costOf({ method: 'GET', template, status: 503, body }).points).toBe(0);
  });
});

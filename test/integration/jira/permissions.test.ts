import type { Principal } from '../../../local/http/types';
import {
  adf,
  asApp,
  asAppUser,
  createJiraHarness,
  PEOPLE,
  type JiraHarness,
  type Person,
} from '../../support/jira-harness';

describe('permissions by project role', () => {
  let h: JiraHarness;
  beforeAll(() => {
    h = createJiraHarness();
  });
  afterAll(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const KEYS = [
    'BROWSE_PROJECTS',
    'CREATE_ISSUES',
    'EDIT_ISSUES',
    'ASSIGN_ISSUES',
    'ASSIGNABLE_USER',
    'TRANSITION_ISSUES',
    'ADD_COMMENTS',
    'EDIT_OWN_COMMENTS',
    'DELETE_OWN_COMMENTS',
    'LINK_ISSUES',
    'RESOLVE_ISSUES',
    'ADMINISTER_PROJECTS',
    'MODIFY_REPORTER',
    'ADMINISTER',
  ];
  const granted = async (who: Person | Principal, context: string): Promise<string[]> => {
    const res = await h.as(who).get(`/rest/api/3/mypermissions?permissions=${KEYS.join(',')}&${context}`);
    expect(res.status).toBe(200);
    return KEYS.filter((k) => res.body.permissions[k].havePermission);
  };

  it('gives clients browse, create and comment on what they reported', async () => {
    expect(await granted('liWei', 'issueKey=SUP-1')).toEqual([
      'BROWSE_PROJECTS',
      'CREATE_ISSUES',
      'ADD_COMMENTS',
      'EDIT_OWN_COMMENTS',
    ]);
    const notTheirs = await h
      .as('liWei')
      .get('/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=SUP-2');
    expect(notTheirs.status).toBe(404);
    expect(await granted('liWei', 'projectKey=SUP')).toEqual([
      'BROWSE_PROJECTS',
      'CREATE_ISSUES',
      'ADD_COMMENTS',
      'EDIT_OWN_COMMENTS',
    ]);
    expect(
      (await h.as('liWei').get('/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=DEV'))
        .status,
    ).toBe(404);
  });

  it('gives members (SPOCs, developers) the working permissions and admins everything', async () => {
    const members = KEYS.slice(0, 11);
    expect(await granted('priya', 'projectKey=SUP')).toEqual(members);
    expect(await granted('marco', 'issueKey=DEV-1')).toEqual(members);
    expect(await granted('hannah', 'projectKey=SUP')).toEqual(KEYS.slice(0, 13));
    expect(await granted('sam', 'projectKey=DEV')).toEqual(KEYS);
    expect(await granted(asApp(), 'issueKey=SUP-2')).toEqual(KEYS);
    expect(await granted(asAppUser('liWei'), 'issueKey=SUP-1')).toEqual(
      await granted('liWei', 'issueKey=SUP-1'),
    );
  });

  it('validates the permissions parameter', async () => {
    expect((await h.as('priya').get('/rest/api/3/mypermissions')).status).toBe(400);
    expect((await h.as('priya').get('/rest/api/3/mypermissions?permissions=FLY')).status).toBe(400);
  });

  it('answers 401 to anonymous callers everywhere', async () => {
    const anonymous: Principal = { kind: 'anonymous' };
    for (const url of [
      '/rest/api/3/myself',
      '/rest/api/3/issue/SUP-1',
      '/rest/api/3/search/jql?jql=project%3DSUP',
      '/rest/api/3/field',
    ]) {
      const res = await h.call(anonymous, 'GET', url);
      expect(res.status).toBe(401);
    }
    expect(
      (await h.call({ kind: 'user', accountId: '000000000000000000000000' }, 'GET', '/rest/api/3/myself'))
        .status,
    ).toBe(401);
  });

  it('hides other clients’ and internal issues behind 404, and forbids what a role lacks with 403', async () => {
    const cases: Array<[Person, string, string, number]> = [
      ['maria', 'GET', '/rest/api/3/issue/SUP-1', 404],
      ['liWei', 'GET', '/rest/api/3/issue/SUP-2', 404],
      ['liWei', 'GET', '/rest/api/3/issue/DEV-1', 404],
      ['tom', 'GET', '/rest/api/3/issue/SUP-2', 200],
      ['liWei', 'PUT', '/rest/api/3/issue/SUP-1', 403],
      ['marco', 'PUT', '/rest/api/3/issue/SUP-1', 204],
      ['liWei', 'GET', '/rest/api/3/project/DEV', 404],
      ['liWei', 'GET', '/rest/api/3/project/SUP', 200],
    ];
    for (const [who, method, url, expected] of cases) {
      const res = await h.call(
        { kind: 'user', accountId: PEOPLE[who] },
        method,
        url,
        method === 'PUT' ? { update: { labels: [{ add: 'checked' }] } } : undefined,
      );
      expect([who, method, url, res.status]).toEqual([who, method, url, expected]);
    }
    const clientCreate = await h.as('tom').post('/rest/api/3/issue', {
      fields: { project: { key: 'DEV' }, issuetype: { name: 'Task' }, summary: 'Sneak into delivery' },
    });
    expect(clientCreate.status).toBe(400);
    expect(clientCreate.body.errors.project).toBeDefined();
  });

  it('lets clients comment on their own issues only', async () => {
    expect(
      (await h.as('tom').post('/rest/api/3/issue/SUP-2/comment', { body: adf('Thanks again') })).status,
    ).toBe(201);
    expect((await h.as('tom').post('/rest/api/3/issue/SUP-1/comment', { body: adf('Me too') })).status).toBe(
      404,
    );
  });

  it('checks permissions in bulk for oneself, and for others only as admin or the app', async () => {
    const body = (accountId?: string) => ({
      ...(accountId ? { accountId } : {}),
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [
        {
          permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'],
          projects: [10000, 10001, 424242],
          issues: [10001, 10002],
        },
      ],
    });
    const self = await h.as('liWei').post('/rest/api/3/permissions/check', body());
    expect(self.status).toBe(200);
    expect(self.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'EDIT_ISSUES', projects: [], issues: [] },
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10001] },
      ],
    });
    expect((await h.as('priya').post('/rest/api/3/permissions/check', body(PEOPLE.liWei))).status).toBe(403);
    const byAdmin = await h.as('sam').post('/rest/api/3/permissions/check', body(PEOPLE.priya));
    expect(byAdmin.body.projectPermissions[0]).toEqual({
      permission: 'EDIT_ISSUES',
      projects: [10000, 10001],
      issues: [10001, 10002],
    });
    const byApp = await h.as(asApp()).post('/rest/api/3/permissions/check', body(PEOPLE.maria));
    expect(byApp.status).toBe(200);
    expect(byApp.body.projectPermissions[1]).toEqual({
      permission: 'BROWSE_PROJECTS',
      projects: [10000],
      issues: [],
    });
    expect(
      (
        await h
          .as('sam')
          .post('/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['FLY'] }] })
      ).status,
    ).toBe(400);
    expect(
      (
        await h
          .as('sam')
          .post('/rest/api/3/permissions/check', { projectPermissions: [{ projects: [10000] }] })
      ).status,
    ).toBe(400);
  });
});

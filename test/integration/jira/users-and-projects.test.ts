import { asApp, createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

describe('people, groups, projects and catalogues', () => {
  let h: JiraHarness;
  beforeAll(() => {
    h = createJiraHarness();
  });
  afterAll(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  it('answers myself with the person’s own email even when their profile hides it', async () => {
    const me = await h.as('tom').get('/rest/api/3/myself');
    expect(me.body).toMatchObject({
      accountId: PEOPLE.tom,
      accountType: 'atlassian',
      displayName: 'Tom Fischer',
      emailAddress: 'tom.fischer@acme.example',
      timeZone: 'Europe/Berlin',
      active: true,
      locale: 'de_DE',
    });
    expect(me.body.avatarUrls['48x48']).toMatch(/^http:\/\/localhost:8080\//);
  });

  it('shows emails to others only where the profile allows', async () => {
    const hidden = await h.as(asApp()).get(`/rest/api/3/user?accountId=${PEOPLE.tom}`);
    expect(hidden.body).not.toHaveProperty('emailAddress');
    const shown = await h.as(asApp()).get(`/rest/api/3/user?accountId=${PEOPLE.liWei}`);
    expect(shown.body.emailAddress).toBe('li.wei@acme.example');
    expect((await h.as('priya').get('/rest/api/3/user?accountId=ffffffffffffffffffffffff')).status).toBe(404);
    expect((await h.as('priya').get('/rest/api/3/user')).status).toBe(400);
  });

  it('looks people up in bulk, skipping unknown ids', async () => {
    const res = await h
      .as('priya')
      .get(
        `/rest/api/3/user/bulk?accountId=${PEOPLE.arjun}&accountId=${PEOPLE.yuki}&accountId=ffffffffffffffffffffffff`,
      );
    expect(res.body).toMatchObject({ startAt: 0, total: 2, isLast: true });
    expect(res.body.values.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Arjun Mehta',
      'Yuki Tanaka',
    ]);
    expect((await h.as('priya').get('/rest/api/3/user/bulk')).status).toBe(400);
  });

  it('searches people by name or email prefix', async () => {
    const byName = await h.as('priya').get('/rest/api/3/user/search?query=tan');
    expect(byName.body.map((u: { displayName: string }) => u.displayName)).toEqual(['Yuki Tanaka']);
    const byEmail = await h.as('priya').get('/rest/api/3/user/search?query=maria.garcia@');
    expect(byEmail.body.map((u: { accountId: string }) => u.accountId)).toEqual([PEOPLE.maria]);
    expect(byEmail.body[0]).not.toHaveProperty('emailAddress');
    expect((await h.as('priya').get('/rest/api/3/user/search')).status).toBe(400);
  });

  it('lists assignable people: staff, never clients', async () => {
    const sup = await h.as('priya').get('/rest/api/3/user/assignable/search?project=SUP');
    const ids = sup.body.map((u: { accountId: string }) => u.accountId);
    expect(ids).toEqual(expect.arrayContaining([PEOPLE.priya, PEOPLE.marco, PEOPLE.hannah, PEOPLE.sam]));
    expect(ids).not.toContain(PEOPLE.liWei);
    const forIssue = await h.as('priya').get('/rest/api/3/user/assignable/search?issueKey=DEV-1&query=sof');
    expect(forIssue.body.map((u: { displayName: string }) => u.displayName)).toEqual(['Sofia Alvarez']);
    expect((await h.as('priya').get('/rest/api/3/user/assignable/search')).status).toBe(400);
    expect((await h.as('liWei').get('/rest/api/3/user/assignable/search?project=DEV')).status).toBe(404);
  });

  it('lists a person’s groups and a group’s members', async () => {
    const groups = await h.as('priya').get(`/rest/api/3/user/groups?accountId=${PEOPLE.sam}`);
    expect(groups.body.map((g: { name: string }) => g.name)).toEqual(['jira-admins', 'vendor-staff']);
    const members = await h.as('priya').get('/rest/api/3/group/member?groupname=client-initech');
    expect(members.body).toMatchObject({ total: 2, isLast: true });
    expect(members.body.values.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Aisha Khan',
      'Peter Gibbons',
    ]);
    const byId = await h.as('priya').get(`/rest/api/3/group/member?groupId=${groups.body[0].groupId}`);
    expect(byId.body.values.map((u: { accountId: string }) => u.accountId)).toEqual([PEOPLE.sam]);
    expect((await h.as('priya').get('/rest/api/3/group/member?groupname=nope')).status).toBe(404);
  });

  it('gets a project with components and issue types, and searches projects the caller can browse', async () => {
    const sup = await h.as('priya').get('/rest/api/3/project/SUP');
    expect(sup.body).toMatchObject({
      id: '10000',
      key: 'SUP',
      name: 'Client Support',
      lead: { accountId: PEOPLE.hannah },
    });
    expect(sup.body.components.map((c: { name: string }) => c.name)).toEqual([
      'Acme Portal',
      'Billing',
      'Integrations',
      'Mobile App',
      'Reporting',
    ]);
    expect(sup.body.issueTypes.map((t: { name: string }) => t.name)).toEqual(['Task', 'Bug', 'Story']);
    expect((await h.as('priya').get('/rest/api/3/project/10001')).body.key).toBe('DEV');

    expect(
      (await h.as('priya').get('/rest/api/3/project/search')).body.values.map((p: { key: string }) => p.key),
    ).toEqual(['DEV', 'HELP', 'SUP']);
    // A client browses the client-facing projects: support, and the help center's service desk.
    expect((await h.as('maria').get('/rest/api/3/project/search')).body).toMatchObject({
      total: 2,
      values: [{ key: 'HELP', projectTypeKey: 'service_desk' }, { key: 'SUP' }],
    });
    // A contractor who is a member of DEV alone browses nothing else.
    expect(
      (await h.as('lena').get('/rest/api/3/project/search')).body.values.map((p: { key: string }) => p.key),
    ).toEqual(['DEV']);
    const paged = await h.as('priya').get('/rest/api/3/project/search?maxResults=1&orderBy=-key');
    expect(paged.body).toMatchObject({ total: 3, isLast: false, values: [{ key: 'SUP' }] });
  });

  it('lists components of a project and gets one component', async () => {
    const list = await h.as('priya').get('/rest/api/3/project/DEV/components');
    expect(list.body.map((c: { name: string }) => c.name)).toEqual(['API', 'Mobile', 'Web']);
    const api = await h.as('priya').get('/rest/api/3/component/10010');
    expect(api.body).toMatchObject({
      id: '10010',
      name: 'API',
      project: 'DEV',
      projectId: 10001,
      leadAccountId: PEOPLE.marco,
    });
    expect((await h.as('liWei').get('/rest/api/3/component/10010')).status).toBe(404);
    expect((await h.as('priya').get('/rest/api/3/component/abc')).status).toBe(404);
  });

  it('lists priorities, statuses and issue types', async () => {
    const priorities = (await h.as('liWei').get('/rest/api/3/priority')).body;
    expect(priorities.map((p: { name: string }) => p.name)).toEqual([
      'Highest',
      'High',
      'Medium',
      'Low',
      'Lowest',
    ]);
    expect(priorities.find((p: { isDefault: boolean }) => p.isDefault).name).toBe('Medium');
    const statuses = (await h.as('liWei').get('/rest/api/3/status')).body;
    expect(
      statuses.map((s: { name: string; statusCategory: { key: string } }) => [s.name, s.statusCategory.key]),
    ).toEqual([
      ['To Do', 'new'],
      ['In Progress', 'indeterminate'],
      ['Done', 'done'],
      // The classic workflow's, for projects that use it.
      ['Open', 'new'],
      ['Reopened', 'new'],
      ['Resolved', 'done'],
      ['Closed', 'done'],
    ]);
    expect(
      (await h.as('liWei').get('/rest/api/3/issuetype')).body.map((t: { name: string }) => t.name),
    ).toEqual(['Task', 'Bug', 'Story']);
  });

  it('authenticates Basic email:token like Jira Cloud API tokens', () => {
    const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
    expect(h.jira.authenticateBasic(basic('Priya.Shah@vendor.example:any-token'))).toEqual({
      kind: 'user',
      accountId: PEOPLE.priya,
    });
    expect(h.jira.authenticateBasic(basic('nobody@vendor.example:x'))).toBeUndefined();
    expect(h.jira.authenticateBasic(basic('no-colon'))).toBeUndefined();
    expect(h.jira.authenticateBasic('Bearer abc')).toBeUndefined();
    expect(h.jira.authenticateBasic(undefined)).toBeUndefined();
  });

  it('draws avatars for the URLs it hands out', () => {
    expect(h.jira.avatarSvg('user', PEOPLE.priya)).toContain('>PS</text>');
    expect(h.jira.avatarSvg('user', 'ffffffffffffffffffffffff')).toBeUndefined();
    expect(h.jira.avatarSvg('project', '10000')).toContain('<svg');
  });
});

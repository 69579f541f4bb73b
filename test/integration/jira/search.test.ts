import { asApp, createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

describe('search/jql and approximate-count', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const q = (jql: string, extra = '') => `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}${extra}`;
  const keys = (body: { issues: Array<{ key?: string; id: string }> }) =>
    body.issues.map((i) => i.key ?? i.id);

  it('returns only ids by default, newest first, and no total', async () => {
    const res = await h.as('priya').get(q('project = SUP AND statusCategory = "To Do"'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      issues: [{ id: '10012' }, { id: '10003' }, { id: '10009' }, { id: '10005' }, { id: '10008' }],
      isLast: true,
    });
  });

  it('pages with opaque nextPageToken until isLast', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await h.as('priya').post('/rest/api/3/search/jql', {
        jql: 'project in (SUP, DEV) ORDER BY key ASC',
        fields: ['key'],
        maxResults: 5,
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(res.status).toBe(200);
      seen.push(...keys(res.body));
      token = res.body.nextPageToken;
      expect(res.body.isLast).toBe(token === undefined);
      pages++;
    } while (token && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(16);
    expect(seen.slice(0, 3)).toEqual(['DEV-1', 'DEV-2', 'DEV-3']);
    expect(new Set(seen).size).toBe(16);
  });

  it('rejects a token from another query, and garbage tokens', async () => {
    const first = await h.as('priya').get(q('project = SUP', '&maxResults=2'));
    const token = first.body.nextPageToken as string;
    expect(token).toEqual(expect.any(String));
    expect((await h.as('priya').get(q('project = DEV', `&nextPageToken=${token}`))).status).toBe(400);
    expect((await h.as('priya').get(q('project = SUP', '&nextPageToken=not-a-token'))).status).toBe(400);
    expect((await h.as('priya').get(q('project = SUP', `&nextPageToken=${token}`))).status).toBe(200);
  });

  it('returns the requested fields, properties (at most 5) and names', async () => {
    await h.as('priya').put('/rest/api/3/issue/SUP-12/properties/spoc', { state: 'awaiting-spoc', level: 2 });
    const res = await h
      .as('priya')
      .get(q('key = SUP-12', '&fields=summary,assignee&properties=spoc&expand=names'));
    expect(res.body.issues[0]).toMatchObject({
      id: '10012',
      key: 'SUP-12',
      fields: { summary: 'EHR webhook returns 401 after certificate renewal', assignee: null },
      properties: { spoc: { state: 'awaiting-spoc', level: 2 } },
    });
    expect(res.body.names).toEqual({ summary: 'Summary', assignee: 'Assignee' });
    const six = await h.as('priya').get(q('key = SUP-12', '&properties=a,b,c,d,e,f'));
    expect(six.status).toBe(400);
  });

  it('rejects unbounded and invalid JQL like Jira', async () => {
    const unbounded = await h.as('priya').get(q('order by key desc'));
    expect(unbounded.status).toBe(400);
    expect(unbounded.body.errorMessages[0]).toMatch(/Unbounded JQL/);
    expect((await h.as('priya').get('/rest/api/3/search/jql')).status).toBe(400);
    const broken = await h.as('priya').get(q('project = = SUP'));
    expect(broken.status).toBe(400);
    expect(broken.body.errorMessages.length).toBeGreaterThan(0);
    const badMax = await h.as('priya').get(q('project = SUP', '&maxResults=lots'));
    expect(badMax.status).toBe(400);
    const unknownKey = await h
      .as('priya')
      .post('/rest/api/3/search/jql', { jql: 'project = SUP', startAt: 5 });
    expect(unknownKey.status).toBe(400);
    expect(
      (await h.as('priya').post('/rest/api/3/search/jql', { jql: 'project = SUP', reconcileIssues: [10001] }))
        .status,
    ).toBe(200);
  });

  it('caps maxResults at 5000', async () => {
    const res = await h.as('priya').get(q('project = SUP', '&maxResults=100000'));
    expect(res.status).toBe(200);
    expect(res.body.issues).toHaveLength(12);
    expect(res.body.isLast).toBe(true);
  });

  it('shows clients only the issues they reported; the app sees everything', async () => {
    const client = await h.as('liWei').get(q('project = SUP', '&fields=key&maxResults=50'));
    expect(keys(client.body).sort()).toEqual(['SUP-1', 'SUP-3']);
    const otherClient = await h.as('maria').get(q('project = SUP AND labels = globex', '&fields=key'));
    expect(keys(otherClient.body).sort()).toEqual(['SUP-4', 'SUP-6']);
    // A project the client cannot browse does not exist for them: Jira answers 400, not an empty page.
    const dev = await h.as('liWei').get(q('project = DEV'));
    expect(dev.status).toBe(400);
    const app = await h
      .as(asApp())
      .post('/rest/api/3/search/approximate-count', { jql: 'project in (SUP, DEV)' });
    expect(app.body).toEqual({ count: 16 });
    expect(
      (await h.as('liWei').post('/rest/api/3/search/approximate-count', { jql: 'project in (SUP, DEV)' }))
        .status,
    ).toBe(400);
    expect(
      (await h.as('liWei').post('/rest/api/3/search/approximate-count', { jql: 'project = SUP' })).body,
    ).toEqual({ count: 2 });
  });

  it('searches app fields, indexed properties, currentUser() and membersOf()', async () => {
    await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, {
      updates: [{ issueIds: [10003, 10012], value: { accountId: PEOPLE.priya } }],
    });
    await h.as('priya').put('/rest/api/3/issue/SUP-12/properties/spoc', { state: 'vetted', level: 1 });
    const mine = await h.as('priya').get(q('SPOC = currentUser()', '&fields=key'));
    expect(keys(mine.body).sort()).toEqual(['SUP-12', 'SUP-3']);
    const byCf = await h
      .as('daniel')
      .get(q(`cf[${h.fields.spoc.slice(12)}] = "${PEOPLE.priya}"`, '&fields=key'));
    expect(keys(byCf.body).sort()).toEqual(['SUP-12', 'SUP-3']);
    const vetted = await h.as('priya').get(q('issue.property[spoc].state = "vetted"', '&fields=key'));
    expect(keys(vetted.body)).toEqual(['SUP-12']);
    const alias = await h.as('priya').get(q('spocState = vetted', '&fields=key'));
    expect(keys(alias.body)).toEqual(['SUP-12']);
    const byGroup = await h
      .as('priya')
      .get(q('reporter in membersOf("client-initech") ORDER BY key ASC', '&fields=key'));
    // Initech's reporters also raised a request on the HELP service desk.
    expect(keys(byGroup.body)).toEqual(['HELP-5', 'SUP-7', 'SUP-8', 'SUP-9', 'SUP-12']);
    const byEmail = await h.as('priya').get(q('reporter = "li.wei@acme.example"', '&fields=key'));
    expect(keys(byEmail.body).sort()).toEqual(['HELP-1', 'SUP-1', 'SUP-3']);
  });

  it('finds text in summaries and in the comments the searcher can see', async () => {
    const staff = await h.as('priya').get(q('comment ~ "failover"', '&fields=key'));
    expect(keys(staff.body)).toEqual(['SUP-7']);
    const client = await h.as('aisha').get(q('comment ~ "failover"', '&fields=key'));
    expect(keys(client.body)).toEqual([]);
  });
});

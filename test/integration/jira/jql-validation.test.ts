import { asApp, createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

/**
 * search/jql refuses what Jira Cloud refuses: values the site does not have, projects the searcher cannot
 * browse (as if they did not exist), people nobody is called, functions this site does not evaluate. And it
 * sorts people by display name and statuses in workflow order.
 */
describe('JQL against the site’s own data', () => {
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

  it.each([
    ['status = "In Progres"', 'In Progres', 'status'],
    ['issuetype = Bugg', 'Bugg', 'issuetype'],
    ['component = Nope', 'Nope', 'component'],
    ['priority = Urgent', 'Urgent', 'priority'],
    ['resolution = Nope', 'Nope', 'resolution'],
    ['project = NOPE', 'NOPE', 'project'],
    ['assignee = "nobody.here@vendor.example"', 'nobody.here@vendor.example', 'assignee'],
    ['project = SUP AND reporter in ("Priya Shah", "Nobody Here")', 'Nobody Here', 'reporter'],
  ])('answers 400 to %s with Jira’s message', async (jql, value, field) => {
    const expected = {
      errorMessages: [`The value '${value}' does not exist for the field '${field}'.`],
      errors: {},
    };
    const search = await h.as('priya').get(q(jql));
    expect(search.status).toBe(400);
    expect(search.body).toEqual(expected);
    const count = await h.as('priya').post('/rest/api/3/search/approximate-count', { jql });
    expect(count.status).toBe(400);
    expect(count.body).toEqual(expected);
  });

  it('accepts the same fields with values the site has, in any case or by id', async () => {
    const found = async (jql: string) => {
      const res = await h.as('priya').get(q(jql, '&fields=key&maxResults=100'));
      expect(res.status).toBe(200);
      return keys(res.body).sort();
    };
    expect(await found('status = "in progress"')).toEqual(await found('status = 3'));
    expect((await found('status = "In Progress"')).length).toBeGreaterThan(0);
    expect(await found('issuetype = bug')).toEqual(await found('issuetype = 10002'));
    expect(await found('component = "acme portal"')).toEqual(await found('component = 10000'));
    expect(await found('priority = high')).toEqual(await found('priority = 2'));
    expect(await found('project = sup')).toEqual(await found('project = "Client Support"'));
    expect(await found('resolution = done')).toEqual(await found('resolution = 10000'));
  });

  it('refuses a project the searcher cannot browse exactly like one that does not exist', async () => {
    const hidden = await h.as('liWei').get(q('project = DEV'));
    const missing = await h.as('liWei').get(q('project = NOPE'));
    expect(hidden.status).toBe(400);
    expect(missing.status).toBe(400);
    expect(hidden.body.errorMessages).toEqual(["The value 'DEV' does not exist for the field 'project'."]);
    expect(missing.body.errorMessages).toEqual([
      String(hidden.body.errorMessages[0]).replace("'DEV'", "'NOPE'"),
    ]);
    // Components of a project the searcher cannot browse do not exist for them either.
    expect((await h.as('liWei').get(q('component = API'))).status).toBe(400);
    expect((await h.as('priya').get(q('project = DEV AND component = API'))).status).toBe(200);
    expect((await h.as(asApp()).get(q('project = DEV'))).status).toBe(200);
  });

  it('keeps the JQL of the app’s triage queue working', async () => {
    await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, {
      updates: [{ issueIds: [10003, 10012], value: { accountId: PEOPLE.priya } }],
    });
    await h.as(asApp()).put('/rest/api/3/issue/SUP-12/properties/spoc', { state: 'awaiting-spoc' });
    await h.as(asApp()).put('/rest/api/3/issue/SUP-3/properties/spoc', { state: 'vetted' });
    const labelled = await h.as(asApp()).put('/rest/api/3/issue/SUP-12', {
      update: { labels: [{ add: 'spoc-routed' }] },
    });
    expect(labelled.status).toBe(204);
    const found = async (jql: string) => {
      const res = await h.as('priya').post('/rest/api/3/search/jql', { jql, fields: ['key'] });
      expect(res.status).toBe(200);
      return keys(res.body).sort();
    };
    expect(await found('issue.property[spoc].state = "awaiting-spoc"')).toEqual(['SUP-12']);
    expect(await found('SPOC = currentUser()')).toEqual(['SUP-12', 'SUP-3']);
    expect(await found('labels = spoc-routed')).toEqual(['SUP-12']);
    expect(
      await found(
        'project = SUP AND statusCategory != Done AND labels = spoc-routed AND SPOC = currentUser() AND issue.property[spoc].state = "awaiting-spoc"',
      ),
    ).toEqual(['SUP-12']);
    const open = await h
      .as('priya')
      .post('/rest/api/3/search/approximate-count', { jql: 'project = SUP AND statusCategory != Done' });
    expect(open.status).toBe(200);
    expect(open.body.count).toBeGreaterThan(0);
  });

  it('sorts people by display name, not by account id', async () => {
    const res = await h
      .as('priya')
      .get(
        q(
          'project in (SUP, DEV) AND assignee is not EMPTY ORDER BY assignee ASC, key ASC',
          '&fields=assignee',
        ),
      );
    expect(res.status).toBe(200);
    const people = (
      res.body.issues as Array<{ fields: { assignee: { accountId: string; displayName: string } } }>
    ).map((issue) => issue.fields.assignee);
    const names = people.map((person) => person.displayName.toLowerCase());
    expect(names).toEqual([...names].sort());
    // The seed's account ids sort differently from their names, so this order could not come from the ids.
    const ids = people.map((person) => person.accountId);
    expect(ids).not.toEqual([...ids].sort());
  });

  it('sorts statuses in workflow order (To Do, In Progress, Done)', async () => {
    const res = await h
      .as('priya')
      .get(q('project in (SUP, DEV) ORDER BY status ASC, key ASC', '&fields=status&maxResults=100'));
    expect(res.status).toBe(200);
    const statuses = (res.body.issues as Array<{ fields: { status: { name: string } } }>).map(
      (issue) => issue.fields.status.name,
    );
    const workflow = ['To Do', 'In Progress', 'Done'];
    expect(new Set(statuses).size).toBeGreaterThan(1);
    expect(statuses.every((status) => workflow.includes(status))).toBe(true);
    expect(statuses).toEqual([...statuses].sort((a, b) => workflow.indexOf(a) - workflow.indexOf(b)));
  });

  it('says a function is not supported here instead of complaining about lists', async () => {
    const res = await h.as('priya').get(q('project in projectsWhereUserHasPermission("Browse Projects")'));
    expect(res.status).toBe(400);
    expect(res.body.errorMessages).toEqual([
      "The JQL function 'projectsWhereUserHasPermission' is not supported by this local Jira site.",
    ]);
  });
});

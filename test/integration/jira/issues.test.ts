import { adf, asApp, createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

describe('issues: create, get, edit, assign', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const newIssue = (extra: Record<string, unknown> = {}) => ({
    fields: {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: 'Label printer prints blank pages',
      description: adf('Since the driver update every second label is blank.'),
      labels: ['printing'],
      components: [{ name: 'Acme Portal' }],
      priority: { name: 'High' },
      ...extra,
    },
  });

  it('creates an issue with the next key of the project and returns id, key and self', async () => {
    const created = await h.as('liWei').post('/rest/api/3/issue', newIssue());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      key: 'SUP-13',
      self: `http://localhost:8080/rest/api/3/issue/${created.body.id}`,
    });

    const got = await h.as('liWei').get(`/rest/api/3/issue/${created.body.id}`);
    expect(got.status).toBe(200);
    const f = got.body.fields;
    expect(got.body.key).toBe('SUP-13');
    expect(f.summary).toBe('Label printer prints blank pages');
    expect(f.description.content[0].content[0].text).toContain('every second label');
    expect(f.issuetype.name).toBe('Bug');
    expect(f.project.key).toBe('SUP');
    expect(f.status.name).toBe('To Do');
    expect(f.status.statusCategory.key).toBe('new');
    expect(f.priority.name).toBe('High');
    expect(f.labels).toEqual(['printing']);
    expect(f.components.map((c: { name: string }) => c.name)).toEqual(['Acme Portal']);
    expect(f.reporter.accountId).toBe(PEOPLE.liWei);
    expect(f.creator.accountId).toBe(PEOPLE.liWei);
    expect(f.assignee).toBeNull();
    expect(f.resolution).toBeNull();
    expect(f.created).toBe('2026-11-23T09:00:00.000+0000');
  });

  it('finds an issue by id or key, with a field selection, exclusions and properties', async () => {
    const byKey = await h.as('priya').get('/rest/api/3/issue/SUP-2?fields=summary,status');
    const byId = await h.as('priya').get('/rest/api/3/issue/10002?fields=summary,status');
    expect(byKey.body).toEqual(byId.body);
    expect(Object.keys(byKey.body.fields).sort()).toEqual(['status', 'summary']);

    const without = await h.as('priya').get('/rest/api/3/issue/SUP-2?fields=*all,-comment,-description');
    expect(without.body.fields).not.toHaveProperty('comment');
    expect(without.body.fields).not.toHaveProperty('description');
    expect(without.body.fields).toHaveProperty('summary');

    await h.as('priya').put('/rest/api/3/issue/SUP-2/properties/triage', { state: 'vetted' });
    const withProps = await h
      .as('priya')
      .get('/rest/api/3/issue/SUP-2?fields=summary&properties=triage&expand=names,changelog');
    expect(withProps.body.properties).toEqual({ triage: { state: 'vetted' } });
    expect(withProps.body.names).toEqual({ summary: 'Summary' });
    expect(
      withProps.body.changelog.histories.map((c: { items: Array<{ field: string }> }) => c.items[0]?.field),
    ).toContain('status');
  });

  it('edits with fields and update operations and records the changelog', async () => {
    const res = await h.as('priya').put('/rest/api/3/issue/SUP-5', {
      fields: { summary: 'Store locator lists closed branches (Denver, Boulder)' },
      update: {
        labels: [{ add: 'store-locator' }, { remove: 'globex' }],
        components: [{ add: { name: 'Reporting' } }],
      },
    });
    expect(res.status).toBe(204);
    const issue = (await h.as('priya').get('/rest/api/3/issue/SUP-5?expand=changelog')).body;
    expect(issue.fields.summary).toBe('Store locator lists closed branches (Denver, Boulder)');
    expect(issue.fields.labels).toEqual(['store-locator']);
    expect(issue.fields.components.map((c: { name: string }) => c.name)).toEqual(['Reporting']);
    const last = issue.changelog.histories.at(-1);
    expect(last.author.accountId).toBe(PEOPLE.priya);
    expect(last.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'summary',
          fromString: 'Store locator lists branches that have closed',
        }),
        expect.objectContaining({ field: 'labels', fromString: 'globex', toString: 'store-locator' }),
        expect.objectContaining({
          field: 'Component',
          fieldId: 'components',
          to: '10004',
          toString: 'Reporting',
        }),
      ]),
    );
  });

  it('answers the edited issue when returnIssue=true', async () => {
    const res = await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-5?returnIssue=true', { fields: { priority: { name: 'Low' } } });
    expect(res.status).toBe(200);
    expect(res.body.key).toBe('SUP-5');
    expect(res.body.fields.priority.name).toBe('Low');
  });

  it('rejects a field sent in both fields and update, and changes nothing', async () => {
    const before = (await h.as('priya').get('/rest/api/3/issue/SUP-5')).body;
    const res = await h.as('priya').put('/rest/api/3/issue/SUP-5', {
      fields: { labels: ['a'], summary: 'Changed' },
      update: { labels: [{ add: 'b' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.labels).toMatch(/both 'fields' and 'update'/);
    expect((await h.as('priya').get('/rest/api/3/issue/SUP-5')).body).toEqual(before);
    expect(h.events).toEqual([]);
  });

  it('names every bad field in one 400 and writes nothing', async () => {
    const res = await h.as('priya').put('/rest/api/3/issue/SUP-5', {
      fields: {
        summary: '',
        labels: ['has space'],
        priority: { name: 'Urgent!!' },
        components: [{ name: 'No such component' }],
        status: { name: 'Done' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errorMessages).toEqual([]);
    expect(Object.keys(res.body.errors).sort()).toEqual([
      'components',
      'labels',
      'priority',
      'status',
      'summary',
    ]);
    expect(res.body.errors.status).toBe(
      "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
    );
    const issue = (await h.as('priya').get('/rest/api/3/issue/SUP-5')).body;
    expect(issue.fields.summary).toBe('Store locator lists branches that have closed');
    expect(h.events).toEqual([]);
  });

  it('rejects read-only app fields in edit, even for the app', async () => {
    const res = await h
      .as(asApp())
      .put('/rest/api/3/issue/SUP-3', { fields: { [h.fields.spoc]: { accountId: PEOPLE.priya } } });
    expect(res.status).toBe(400);
    expect(res.body.errors[h.fields.spoc]).toMatch(/cannot be set/);
    const writable = await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-3', { fields: { [h.fields.note]: 'Call back after 3pm' } });
    expect(writable.status).toBe(204);
    const issue = (
      await h.as('priya').get(`/rest/api/3/issue/SUP-3?fields=${h.fields.note},${h.fields.spoc}`)
    ).body;
    expect(issue.fields).toEqual({ [h.fields.note]: 'Call back after 3pm', [h.fields.spoc]: null });
  });

  it('stores properties sent in the edit body', async () => {
    const res = await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-3', { properties: [{ key: 'spoc', value: { state: 'awaiting-spoc' } }] });
    expect(res.status).toBe(204);
    expect((await h.as('priya').get('/rest/api/3/issue/SUP-3/properties/spoc')).body).toEqual({
      key: 'spoc',
      value: { state: 'awaiting-spoc' },
    });
  });

  it('needs admin rights (or the app) to edit without notifying users', async () => {
    const spoc = await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-3?notifyUsers=false', { fields: { summary: 'Quiet' } });
    expect(spoc.status).toBe(403);
    const manager = await h
      .as('hannah')
      .put('/rest/api/3/issue/SUP-3?notifyUsers=false', { fields: { summary: 'Quiet' } });
    expect(manager.status).toBe(204);
    const app = await h
      .as(asApp())
      .put('/rest/api/3/issue/SUP-3?notifyUsers=false', { fields: { summary: 'Quieter' } });
    expect(app.status).toBe(204);
  });

  it('lets only people with Modify Reporter set the reporter', async () => {
    const asClient = await h
      .as('liWei')
      .post('/rest/api/3/issue', newIssue({ reporter: { accountId: PEOPLE.tom } }));
    expect(asClient.status).toBe(400);
    expect(asClient.body.errors.reporter).toMatch(/cannot be set/);
    const asManager = await h
      .as('hannah')
      .post('/rest/api/3/issue', newIssue({ reporter: { accountId: PEOPLE.tom } }));
    expect(asManager.status).toBe(201);
    const got = await h.as('tom').get(`/rest/api/3/issue/${asManager.body.key}?fields=reporter,creator`);
    expect(got.body.fields.reporter.accountId).toBe(PEOPLE.tom);
    expect(got.body.fields.creator.accountId).toBe(PEOPLE.hannah);
  });

  it('rejects malformed create requests and creates nothing', async () => {
    const missing = await h.as('priya').post('/rest/api/3/issue', { fields: {} });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['issuetype', 'project', 'summary']);
    const notObject = await h.as('priya').post('/rest/api/3/issue', ['nope']);
    expect(notObject.status).toBe(400);
    const badDescription = await h
      .as('priya')
      .post('/rest/api/3/issue', newIssue({ description: 'plain text is v2' }));
    expect(badDescription.status).toBe(400);
    expect(badDescription.body.errors.description).toMatch(/Atlassian Document/);
    const unknownType = await h
      .as('priya')
      .post('/rest/api/3/issue', newIssue({ issuetype: { name: 'Epic' } }));
    expect(unknownType.body.errors.issuetype).toBe('Specify a valid issue type.');
    const created = await h.as('priya').post('/rest/api/3/issue', newIssue());
    expect(created.body.key).toBe('SUP-13');
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:created:issue']);
  });

  it('assigns through the assignee endpoint, unassigns with null, and refuses people who cannot be assigned', async () => {
    const ok = await h.as('priya').put('/rest/api/3/issue/SUP-3/assignee', { accountId: PEOPLE.priya });
    expect(ok.status).toBe(204);
    expect(
      (await h.as('priya').get('/rest/api/3/issue/SUP-3?fields=assignee')).body.fields.assignee.accountId,
    ).toBe(PEOPLE.priya);

    const client = await h.as('priya').put('/rest/api/3/issue/SUP-3/assignee', { accountId: PEOPLE.liWei });
    expect(client.status).toBe(400);
    expect(client.body.errors.assignee).toBe(`User '${PEOPLE.liWei}' cannot be assigned issues.`);

    const none = await h.as('priya').put('/rest/api/3/issue/SUP-3/assignee', { accountId: null });
    expect(none.status).toBe(204);
    expect(
      (await h.as('priya').get('/rest/api/3/issue/SUP-3?fields=assignee')).body.fields.assignee,
    ).toBeNull();

    const noBody = await h.as('priya').put('/rest/api/3/issue/SUP-3/assignee', {});
    expect(noBody.status).toBe(400);
    const byClient = await h.as('liWei').put('/rest/api/3/issue/SUP-3/assignee', { accountId: PEOPLE.priya });
    expect(byClient.status).toBe(403);
  });

  it('answers 404 for an issue that does not exist', async () => {
    const res = await h.as('priya').get('/rest/api/3/issue/SUP-999');
    expect(res.status).toBe(404);
    expect(res.body.errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
  });
});

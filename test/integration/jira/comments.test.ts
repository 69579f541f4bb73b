import { adf, createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

describe('comments', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  it('adds a comment with an ADF body and properties, and returns it with 201', async () => {
    h.clock.advanceMinutes(5);
    const res = await h.as('liWei').post('/rest/api/3/issue/SUP-3/comment', {
      body: adf('The export should include the carrier reference.'),
      properties: [{ key: 'source', value: { channel: 'portal' } }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      author: { accountId: PEOPLE.liWei, displayName: 'Li Wei' },
      updateAuthor: { accountId: PEOPLE.liWei },
      created: '2026-11-23T09:05:00.000+0000',
      updated: '2026-11-23T09:05:00.000+0000',
      body: adf('The export should include the carrier reference.'),
      properties: [{ key: 'source', value: { channel: 'portal' } }],
    });
    const issue = (await h.as('liWei').get('/rest/api/3/issue/SUP-3?fields=updated,comment')).body;
    expect(issue.fields.updated).toBe('2026-11-23T09:05:00.000+0000');
    expect(issue.fields.comment.total).toBe(1);
  });

  it('lists comments with startAt, maxResults, total and orderBy', async () => {
    const all = await h.as('priya').get('/rest/api/3/issue/SUP-1/comment');
    expect(all.body.total).toBe(3);
    expect(all.body.comments.map((c: { id: string }) => c.id)).toEqual(['10100', '10101', '10102']);

    const page = await h
      .as('priya')
      .get('/rest/api/3/issue/SUP-1/comment?startAt=1&maxResults=1&orderBy=-created');
    expect(page.body).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect(page.body.comments.map((c: { id: string }) => c.id)).toEqual(['10101']);

    const rendered = await h.as('priya').get('/rest/api/3/issue/SUP-1/comment/10100?expand=renderedBody');
    expect(rendered.body.renderedBody).toMatch(/^<p>Thanks Li/);

    const badOrder = await h.as('priya').get('/rest/api/3/issue/SUP-1/comment?orderBy=author');
    expect(badOrder.status).toBe(400);
  });

  it('hides comments restricted to a role from people outside it', async () => {
    const client = await h.as('liWei').get('/rest/api/3/issue/SUP-1/comment');
    expect(client.body.comments.map((c: { id: string }) => c.id)).toEqual(['10100', '10102']);
    expect((await h.as('liWei').get('/rest/api/3/issue/SUP-1/comment/10101')).status).toBe(404);
    const staff = await h.as('marco').get('/rest/api/3/issue/SUP-1/comment/10101');
    expect(staff.body.visibility).toEqual({ type: 'role', value: 'members', identifier: 'members' });
  });

  it('lets staff restrict a comment to a role, but not clients', async () => {
    const internal = await h.as('priya').post('/rest/api/3/issue/SUP-3/comment', {
      body: adf('Looks like a quick win.'),
      visibility: { type: 'role', value: 'Members' },
    });
    expect(internal.status).toBe(201);
    expect((await h.as('liWei').get('/rest/api/3/issue/SUP-3/comment')).body.total).toBe(0);

    const fromClient = await h.as('liWei').post('/rest/api/3/issue/SUP-3/comment', {
      body: adf('Secret'),
      visibility: { type: 'role', value: 'members' },
    });
    expect(fromClient.status).toBe(400);
    expect(fromClient.body.errors.commentLevel).toMatch(/not a member of the project role/);
  });

  it('rejects empty or non-ADF bodies and adds nothing', async () => {
    for (const body of [
      {},
      { body: 'plain' },
      { body: { type: 'doc', version: 1, content: [] } },
      { body: null },
    ]) {
      const res = await h.as('priya').post('/rest/api/3/issue/SUP-3/comment', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.comment).toBeDefined();
    }
    expect((await h.as('priya').get('/rest/api/3/issue/SUP-3/comment')).body.total).toBe(0);
    expect(h.events).toEqual([]);
  });

  it('edits own comments; only admins edit and delete other people’s', async () => {
    const mine = (
      await h
        .as('daniel')
        .post('/rest/api/3/issue/SUP-5/comment', { body: adf('Checking with the stores team.') })
    ).body;
    h.clock.advanceMinutes(10);
    const edited = await h
      .as('daniel')
      .put(`/rest/api/3/issue/SUP-5/comment/${mine.id}`, { body: adf('Stores team confirmed.') });
    expect(edited.status).toBe(200);
    expect(edited.body.updated).toBe('2026-11-23T09:10:00.000+0000');
    expect(edited.body.created).toBe('2026-11-23T09:00:00.000+0000');

    const byOtherSpoc = await h
      .as('priya')
      .put(`/rest/api/3/issue/SUP-5/comment/${mine.id}`, { body: adf('Hijack') });
    expect(byOtherSpoc.status).toBe(403);
    const deleteByOther = await h.as('priya').del(`/rest/api/3/issue/SUP-5/comment/${mine.id}`);
    expect(deleteByOther.status).toBe(403);

    const byManager = await h
      .as('hannah')
      .put(`/rest/api/3/issue/SUP-5/comment/${mine.id}`, { body: adf('Edited by manager') });
    expect(byManager.status).toBe(200);
    expect(byManager.body.updateAuthor.accountId).toBe(PEOPLE.hannah);
    expect(byManager.body.author.accountId).toBe(PEOPLE.daniel);

    const deleted = await h.as('daniel').del(`/rest/api/3/issue/SUP-5/comment/${mine.id}`);
    expect(deleted.status).toBe(204);
    expect((await h.as('daniel').get(`/rest/api/3/issue/SUP-5/comment/${mine.id}`)).status).toBe(404);
  });

  it('refuses comments from people who cannot comment', async () => {
    const res = await h
      .as('liWei')
      .post('/rest/api/3/issue/SUP-5/comment', { body: adf('I am not from Globex') });
    expect(res.status).toBe(404);
  });

  it('sends a commented event on create and on edit, with the comment', async () => {
    const added = (await h.as('priya').post('/rest/api/3/issue/SUP-3/comment', { body: adf('On it.') })).body;
    await h.as('priya').put(`/rest/api/3/issue/SUP-3/comment/${added.id}`, { body: adf('On it, today.') });
    expect(h.events.map((e) => e.eventType)).toEqual([
      'avi:jira:commented:issue',
      'avi:jira:commented:issue',
    ]);
    const [created, edited] = h.events;
    expect(created?.payload).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      issue: { id: '10003', key: 'SUP-3', fields: { summary: 'Export delivery exceptions as CSV' } },
      atlassianId: PEOPLE.priya,
      associatedUsers: [{ accountId: PEOPLE.priya }],
      comment: { id: added.id, author: { accountId: PEOPLE.priya }, body: adf('On it.') },
    });
    expect(edited?.payload).toMatchObject({ comment: { id: added.id, body: adf('On it, today.') } });
    expect(created?.causedBy).toEqual({ kind: 'user', accountId: PEOPLE.priya });
  });
});

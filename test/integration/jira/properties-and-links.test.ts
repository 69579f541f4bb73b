import { createJiraHarness, type JiraHarness } from '../../support/jira-harness';

describe('issue properties and issue links', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  it('puts (201 then 200), lists, gets and deletes a property', async () => {
    const first = await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-3/properties/spoc', { state: 'awaiting-spoc', level: 0 });
    expect(first.status).toBe(201);
    const again = await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-3/properties/spoc', { state: 'vetted', level: 1 });
    expect(again.status).toBe(200);
    const list = await h.as('priya').get('/rest/api/3/issue/SUP-3/properties');
    expect(list.body).toEqual({
      keys: [{ key: 'spoc', self: 'http://localhost:8080/rest/api/3/issue/10003/properties/spoc' }],
    });
    expect((await h.as('liWei').get('/rest/api/3/issue/SUP-3/properties/spoc')).body).toEqual({
      key: 'spoc',
      value: { state: 'vetted', level: 1 },
    });
    expect((await h.as('priya').del('/rest/api/3/issue/SUP-3/properties/spoc')).status).toBe(204);
    expect((await h.as('priya').get('/rest/api/3/issue/SUP-3/properties/spoc')).status).toBe(404);
    expect((await h.as('priya').del('/rest/api/3/issue/SUP-3/properties/spoc')).status).toBe(404);
  });

  it('accepts a value of 32,768 characters and rejects longer values and keys, storing nothing', async () => {
    const fits = 'x'.repeat(32_768 - 2); // JSON string quotes count
    expect((await h.as('priya').put('/rest/api/3/issue/SUP-3/properties/big', fits)).status).toBe(201);
    const tooLong = await h.as('priya').put('/rest/api/3/issue/SUP-3/properties/bigger', `${fits}x`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.propertyKey).toMatch(/too long/);
    const longKey = await h
      .as('priya')
      .put(`/rest/api/3/issue/SUP-3/properties/${'k'.repeat(256)}`, { a: 1 });
    expect(longKey.status).toBe(400);
    const noValue = await h.as('priya').put('/rest/api/3/issue/SUP-3/properties/empty');
    expect(noValue.status).toBe(400);
    const keys = (await h.as('priya').get('/rest/api/3/issue/SUP-3/properties')).body.keys.map(
      (k: { key: string }) => k.key,
    );
    expect(keys).toEqual(['big']);
  });

  it('needs Edit issues to write properties; Browse is enough to read', async () => {
    expect(
      (await h.as('liWei').put('/rest/api/3/issue/SUP-3/properties/spoc', { state: 'vetted' })).status,
    ).toBe(403);
    expect((await h.as('maria').get('/rest/api/3/issue/SUP-3/properties')).status).toBe(404);
    expect(
      (await h.as('marco').put('/rest/api/3/issue/SUP-3/properties/spoc', { state: 'returned' })).status,
    ).toBe(201);
  });

  it('lists the link types', async () => {
    const res = await h.as('liWei').get('/rest/api/3/issueLinkType');
    expect(res.body.issueLinkTypes.map((t: { name: string }) => t.name)).toEqual([
      'Blocks',
      'Duplicate',
      'Relates',
    ]);
  });

  it('links two issues, shows the link from both sides, and logs it on both', async () => {
    const res = await h.as('priya').post('/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'DEV-2' },
      outwardIssue: { key: 'SUP-7' },
    });
    expect(res.status).toBe(201);
    const source = (await h.as('priya').get('/rest/api/3/issue/DEV-2?fields=issuelinks')).body.fields
      .issuelinks;
    // DEV-2 already relates to SUP-7 in the seed; the new link comes on top of it.
    expect(source).toHaveLength(2);
    expect(source).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: expect.objectContaining({ name: 'Blocks' }),
          outwardIssue: expect.objectContaining({ key: 'SUP-7' }),
        }),
        expect.objectContaining({
          type: expect.objectContaining({ name: 'Relates' }),
          inwardIssue: expect.objectContaining({ key: 'SUP-7' }),
        }),
      ]),
    );
    const destination = (await h.as('priya').get('/rest/api/3/issue/SUP-7?fields=issuelinks')).body.fields
      .issuelinks;
    expect(destination).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: expect.objectContaining({ inward: 'is blocked by' }),
          inwardIssue: expect.objectContaining({ key: 'DEV-2' }),
        }),
      ]),
    );
    expect(h.events.map((e) => [e.eventType, (e.payload.issue as { key: string }).key])).toEqual([
      ['avi:jira:updated:issue', 'DEV-2'],
      ['avi:jira:updated:issue', 'SUP-7'],
    ]);
    expect(
      (h.events[0]?.payload.changelog as { items: Array<{ toString: string }> }).items[0]?.toString,
    ).toBe('This issue blocks SUP-7');
  });

  it('hides links to issues the viewer cannot see', async () => {
    // SUP-1 relates to DEV-1 in the seed; the client sees SUP-1 but not DEV-1.
    const staff = (await h.as('priya').get('/rest/api/3/issue/SUP-1?fields=issuelinks')).body.fields
      .issuelinks;
    expect(staff.map((l: { outwardIssue?: { key: string } }) => l.outwardIssue?.key)).toContain('DEV-1');
    const client = (await h.as('liWei').get('/rest/api/3/issue/SUP-1?fields=issuelinks')).body.fields
      .issuelinks;
    expect(JSON.stringify(client)).not.toContain('DEV-1');
  });

  it('rejects bad link requests', async () => {
    const unknownType = await h.as('priya').post('/rest/api/3/issueLink', {
      type: { name: 'Causes' },
      inwardIssue: { key: 'DEV-2' },
      outwardIssue: { key: 'SUP-7' },
    });
    expect(unknownType.status).toBe(400);
    const missing = await h
      .as('priya')
      .post('/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: 'DEV-2' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.outwardIssue).toBeDefined();
    const hidden = await h.as('liWei').post('/rest/api/3/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: 'SUP-1' },
      outwardIssue: { key: 'DEV-2' },
    });
    expect(hidden.status).toBe(404);
    const noPermission = await h.as('liWei').post('/rest/api/3/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: 'SUP-1' },
      outwardIssue: { key: 'SUP-3' },
    });
    expect(noPermission.status).toBe(403);
    expect(h.events).toEqual([]);
  });
});

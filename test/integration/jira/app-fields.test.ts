import {
  APP_ID,
  asApp,
  asAppUser,
  createJiraHarness,
  OTHER_APP_ID,
  PEOPLE,
  type JiraHarness,
} from '../../support/jira-harness';

describe('Forge app fields', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const spocOf = async (key: string) =>
    (await h.as('priya').get(`/rest/api/3/issue/${key}?fields=${h.fields.spoc}`)).body.fields[h.fields.spoc];

  it('lists app fields with the Forge field type and key', async () => {
    const fields = (await h.as('priya').get('/rest/api/3/field')).body;
    const spoc = fields.find((f: { id: string }) => f.id === h.fields.spoc);
    expect(h.fields.spoc).toMatch(/^customfield_100\d\d$/);
    expect(spoc).toEqual({
      id: h.fields.spoc,
      key: `${APP_ID}__DEVELOPMENT__spoc-field`,
      name: 'SPOC',
      custom: true,
      orderable: false,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${h.fields.spoc.slice('customfield_'.length)}]`, 'SPOC'],
      schema: {
        type: 'user',
        custom: `ari:cloud:ecosystem::extension/${APP_ID}/00000000-0000-4000-8000-00000000de01/static/spoc-field`,
        customId: Number(h.fields.spoc.slice('customfield_'.length)),
      },
    });
    expect(fields.find((f: { id: string }) => f.id === 'summary')).toMatchObject({
      custom: false,
      schema: { system: 'summary' },
    });
  });

  it('keeps field ids when the same fields are registered again', () => {
    const again = h.jira.registerAppFields([
      {
        appId: APP_ID,
        moduleKey: 'spoc-field',
        name: 'SPOC',
        description: '',
        type: 'user',
        readOnly: true,
        fieldKey: `${APP_ID}__DEVELOPMENT__spoc-field`,
      },
    ]);
    expect(again).toEqual([{ moduleKey: 'spoc-field', id: h.fields.spoc }]);
  });

  it('lets the owning app set a user value by id or key, as itself or for a person, and renders it as a user', async () => {
    const put = await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, {
      updates: [{ issueIds: [10003, '10009'], value: { accountId: PEOPLE.priya } }],
    });
    expect(put.status).toBe(204);
    expect((await spocOf('SUP-3')).accountId).toBe(PEOPLE.priya);
    expect((await spocOf('SUP-9')).displayName).toBe('Priya Shah');

    const byKey = await h
      .as(asAppUser('arjun'))
      .put(`/rest/api/3/app/field/${APP_ID}__DEVELOPMENT__spoc-field/value`, {
        updates: [{ issueIds: [10009], value: { accountId: PEOPLE.arjun } }],
      });
    expect(byKey.status).toBe(204);
    expect((await spocOf('SUP-9')).accountId).toBe(PEOPLE.arjun);

    const cleared = await h.as(asApp()).post('/rest/api/3/app/field/value', {
      updates: [{ customField: h.fields.spoc, issueIds: [10009], value: null }],
    });
    expect(cleared.status).toBe(204);
    expect(await spocOf('SUP-9')).toBeNull();
  });

  it('refuses people, other apps and unknown fields', async () => {
    const body = { updates: [{ issueIds: [10003], value: { accountId: PEOPLE.priya } }] };
    expect((await h.as('sam').put(`/rest/api/3/app/field/${h.fields.spoc}/value`, body)).status).toBe(403);
    expect(
      (await h.as(asApp(OTHER_APP_ID)).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, body)).status,
    ).toBe(403);
    expect((await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.otherApp}/value`, body)).status).toBe(
      403,
    );
    expect((await h.as(asApp()).put('/rest/api/3/app/field/customfield_99999/value', body)).status).toBe(404);
    const mixed = await h.as(asApp()).post('/rest/api/3/app/field/value', {
      updates: [
        { customField: h.fields.spoc, issueIds: [10003], value: { accountId: PEOPLE.priya } },
        { customField: h.fields.otherApp, issueIds: [10003], value: 'x' },
      ],
    });
    expect(mixed.status).toBe(403);
    expect(await spocOf('SUP-3')).toBeNull();
    expect(h.events).toEqual([]);
  });

  it('validates value shapes and issue ids, writing nothing on error', async () => {
    const put = (value: unknown, issueIds: unknown[] = [10003]) =>
      h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, { updates: [{ issueIds, value }] });
    expect((await put('priya')).status).toBe(400);
    expect((await put({ accountId: 'nobody-000000000000000000' })).status).toBe(400);
    expect((await put({ accountId: PEOPLE.priya }, [10003, 99999])).status).toBe(400);
    expect((await put({ accountId: PEOPLE.priya }, ['SUP-3'])).status).toBe(400);
    const noUpdates = await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, {});
    expect(noUpdates.status).toBe(400);
    const extra = await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, {
      updates: [{ issueIds: [10003], value: null, foo: 1 }],
    });
    expect(extra.status).toBe(400);
    const note = await h
      .as(asApp())
      .put(`/rest/api/3/app/field/${h.fields.note}/value`, { updates: [{ issueIds: [10003], value: 42 }] });
    expect(note.status).toBe(400);
    const duplicate = await h.as(asApp()).post('/rest/api/3/app/field/value', {
      updates: [
        { customField: h.fields.note, issueIds: [10003], value: 'a' },
        { customField: h.fields.note, issueIds: [10003], value: 'b' },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(await spocOf('SUP-3')).toBeNull();
  });

  it('sends an updated event with the changelog, none without changes, and honours generateChangelog', async () => {
    const url = `/rest/api/3/app/field/${h.fields.spoc}/value`;
    await h.as(asApp()).put(url, { updates: [{ issueIds: [10003], value: { accountId: PEOPLE.priya } }] });
    expect(h.events).toHaveLength(1);
    expect(h.events[0]?.payload).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { key: 'SUP-3' },
      changelog: {
        items: [
          {
            field: 'SPOC',
            fieldtype: 'custom',
            fieldId: h.fields.spoc,
            from: null,
            to: PEOPLE.priya,
            toString: 'Priya Shah',
          },
        ],
      },
    });
    expect(h.events[0]?.causedBy).toEqual({ kind: 'app', appId: APP_ID });

    await h.as(asApp()).put(url, { updates: [{ issueIds: [10003], value: { accountId: PEOPLE.priya } }] });
    expect(h.events).toHaveLength(1);

    await h.as(asApp()).put(`${url}?generateChangelog=false`, {
      updates: [{ issueIds: [10003], value: { accountId: PEOPLE.daniel } }],
    });
    expect(h.events).toHaveLength(2);
    expect(h.events[1]?.payload).not.toHaveProperty('changelog');
    const history = (await h.as('priya').get('/rest/api/3/issue/SUP-3?expand=changelog&fields=summary')).body
      .changelog.histories;
    expect(history).toHaveLength(1);

    await h
      .as(asApp())
      .put(`${url}?generateAppEvents=false`, { updates: [{ issueIds: [10003], value: null }] });
    expect(h.events).toHaveLength(2);
    expect(await spocOf('SUP-3')).toBeNull();
  });
});

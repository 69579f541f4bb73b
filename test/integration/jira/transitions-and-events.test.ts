import {
  adf,
  asApp,
  asAppUser,
  createJiraHarness,
  PEOPLE,
  type JiraHarness,
} from '../../support/jira-harness';

describe('transitions and product events', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const status = async (key: string) =>
    (
      await h
        .as('priya')
        .get(`/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate,statuscategorychangedate`)
    ).body.fields;

  it('lists the transitions of the simple workflow from the current status', async () => {
    const res = await h.as('priya').get('/rest/api/3/issue/SUP-3/transitions');
    expect(res.status).toBe(200);
    expect(res.body.transitions.map((t: { id: string; to: { name: string } }) => [t.id, t.to.name])).toEqual([
      ['21', 'In Progress'],
      ['31', 'Done'],
    ]);
    const fromDone = await h.as('priya').get('/rest/api/3/issue/SUP-2/transitions');
    expect(fromDone.body.transitions.map((t: { name: string }) => t.name)).toEqual(['To Do', 'In Progress']);
    const client = await h.as('liWei').get('/rest/api/3/issue/SUP-3/transitions');
    expect(client.body.transitions).toEqual([]);
  });

  it('moves To Do → In Progress → Done → To Do, setting and clearing the resolution', async () => {
    expect(
      (await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '21' } })).status,
    ).toBe(204);
    let f = await status('SUP-3');
    expect(f.status.statusCategory.key).toBe('indeterminate');
    expect(f.resolution).toBeNull();

    h.clock.advanceMinutes(30);
    expect(
      (await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '31' } })).status,
    ).toBe(204);
    f = await status('SUP-3');
    expect(f.status.name).toBe('Done');
    expect(f.status.statusCategory.key).toBe('done');
    expect(f.resolution.name).toBe('Done');
    expect(f.resolutiondate).toBe('2026-11-23T09:30:00.000+0000');
    expect(f.statuscategorychangedate).toBe('2026-11-23T09:30:00.000+0000');

    expect(
      (await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '11' } })).status,
    ).toBe(204);
    f = await status('SUP-3');
    expect(f.status.name).toBe('To Do');
    expect(f.resolution).toBeNull();
    expect(f.resolutiondate).toBeNull();
  });

  it('takes a resolution and a comment with the transition', async () => {
    const res = await h.as('priya').post('/rest/api/3/issue/SUP-5/transitions', {
      transition: { id: '31' },
      fields: { resolution: { name: "Won't Do" } },
      update: { comment: [{ add: { body: adf('The branches are already hidden in the new locator.') } }] },
    });
    expect(res.status).toBe(204);
    expect((await status('SUP-5')).resolution.name).toBe("Won't Do");
    expect((await h.as('james').get('/rest/api/3/issue/SUP-5/comment')).body.total).toBe(1);
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:commented:issue']);
  });

  it('rejects unknown or unavailable transitions, and people without Transition issues, changing nothing', async () => {
    expect((await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', {})).status).toBe(400);
    const same = await h
      .as('priya')
      .post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '11' } });
    expect(same.status).toBe(400);
    expect(same.body.errorMessages[0]).toMatch(/not valid/);
    // Jira documents a 400 for someone without Transition issues.
    const client = await h
      .as('liWei')
      .post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '31' } });
    expect(client.status).toBe(400);
    const badField = await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', {
      transition: { id: '31' },
      fields: { summary: 'sneaky' },
    });
    expect(badField.status).toBe(400);
    expect((await status('SUP-3')).status.name).toBe('To Do');
    expect(h.events).toEqual([]);
  });

  it('sends updated with a status changelog on transition', async () => {
    await h.as('daniel').post('/rest/api/3/issue/SUP-5/transitions', { transition: { id: '21' } });
    expect(h.events).toHaveLength(1);
    const [event] = h.events;
    expect(event?.eventType).toBe('avi:jira:updated:issue');
    expect(event?.payload).toMatchObject({
      issue: { key: 'SUP-5', fields: { status: { name: 'In Progress' } } },
      atlassianId: PEOPLE.daniel,
      changelog: {
        id: expect.stringMatching(/^\d+$/),
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: '10000',
            fromString: 'To Do',
            to: '3',
            toString: 'In Progress',
          },
        ],
      },
      associatedStatuses: [{ name: 'To Do' }, { name: 'In Progress' }],
    });
  });

  it('sends created with the documented issue fields', async () => {
    const created = await h.as(asAppUser('maria')).post('/rest/api/3/issue', {
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Task' },
        summary: 'Gift cards rejected at checkout',
        labels: ['globex'],
      },
    });
    expect(h.events).toHaveLength(1);
    const [event] = h.events;
    expect(event?.causedBy).toEqual({ kind: 'app-user', appId: expect.any(String), accountId: PEOPLE.maria });
    expect(event?.payload).toEqual({
      eventType: 'avi:jira:created:issue',
      issue: {
        id: created.body.id,
        key: created.body.key,
        fields: {
          summary: 'Gift cards rejected at checkout',
          issuetype: expect.objectContaining({ name: 'Task', id: '10001' }),
          creator: { accountId: PEOPLE.maria },
          created: '2026-11-23T09:00:00.000+0000',
          project: expect.objectContaining({ key: 'SUP', id: '10000' }),
          reporter: { accountId: PEOPLE.maria },
          assignee: null,
          updated: '2026-11-23T09:00:00.000+0000',
          status: expect.objectContaining({ name: 'To Do' }),
        },
      },
      atlassianId: PEOPLE.maria,
      associatedUsers: [{ accountId: PEOPLE.maria }],
    });
  });

  it('sends assigned and updated when the assignee changes, with the app user as actor for asApp()', async () => {
    await h.as(asApp()).put('/rest/api/3/issue/SUP-9', {
      fields: { assignee: { accountId: PEOPLE.arjun }, priority: { name: 'Highest' } },
    });
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
    const [updated, assigned] = h.events;
    const appUser = (await h.as(asApp()).get('/rest/api/3/myself')).body;
    expect(appUser.accountType).toBe('app');
    expect(updated?.payload.atlassianId).toBe(appUser.accountId);
    expect(
      (updated?.payload.changelog as { items: Array<{ field: string }> }).items.map((i) => i.field).sort(),
    ).toEqual(['assignee', 'priority']);
    expect(assigned?.payload).toMatchObject({
      issue: { key: 'SUP-9', fields: { assignee: { accountId: PEOPLE.arjun } } },
      associatedUsers: [{ accountId: PEOPLE.arjun }],
      changelog: { items: [{ field: 'assignee', from: null, to: PEOPLE.arjun, toString: 'Arjun Mehta' }] },
    });
    expect(assigned?.causedBy).toEqual({ kind: 'app', appId: expect.any(String) });
  });

  it('sends no event for property-only changes and for edits that change nothing', async () => {
    await h.as('priya').put('/rest/api/3/issue/SUP-3/properties/spoc', { state: 'vetted' });
    await h
      .as('priya')
      .put('/rest/api/3/issue/SUP-3', { fields: { summary: 'Export delivery exceptions as CSV' } });
    await h.as('priya').put('/rest/api/3/issue/SUP-1/assignee', { accountId: PEOPLE.priya });
    expect(h.events).toEqual([]);
  });
});

import { DEMO_SEED } from '../../../local/seed/demo';
import type { DemoProject, DemoSeed } from '../../../local/seed/types';
import { asApp, asAppUser, createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

/**
 * Edit screens on `PUT /rest/api/3/issue/{id}`: a field off the project's edit screen is refused with Jira's
 * message and nothing changes; properties, the assign endpoint and the property endpoint are not screen
 * fields; `overrideScreenSecurity` lets the app past the screen, and nobody else who may not use it.
 */
const CANNOT_SET = (field: string) =>
  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
const REFUSED =
  'Connect and Forge app users with Administer Jira global permission can override screen security.';

/** A client-facing project whose edit screen has neither assignee nor labels. */
const OPS: DemoProject = {
  id: '10002',
  key: 'OPS',
  name: 'Client Operations',
  lead: PEOPLE.hannah,
  clientFacing: true,
  components: [{ id: '10020', name: 'Warehouse' }],
  editScreen: ['summary', 'description', 'issuetype', 'priority', 'components'],
};

const SEED: DemoSeed = {
  ...DEMO_SEED,
  projects: [...DEMO_SEED.projects, OPS],
  issues: [
    ...DEMO_SEED.issues,
    {
      id: '10900',
      key: 'OPS-1',
      issueType: 'Bug',
      summary: 'Pick lists print in the wrong aisle order',
      description: 'Since Monday the pick lists start at aisle 40.',
      reporter: PEOPLE.liWei,
      priority: 'Medium',
      status: 'To Do',
      labels: ['warehouse'],
      created: '2026-11-23T08:00:00.000Z',
    },
  ],
};

describe('edit screens', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness({ seed: false });
    h.jira.seed(SEED);
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const routingEdit = {
    fields: { assignee: { accountId: PEOPLE.priya } },
    update: { labels: [{ add: 'spoc-routed' }] },
    properties: [{ key: 'spoc', value: { state: 'awaiting-spoc' } }],
  };
  const snapshot = async () =>
    (
      await h
        .as('hannah')
        .get('/rest/api/3/issue/OPS-1?fields=summary,assignee,labels,updated&properties=spoc')
    ).body;

  it('refuses fields off the screen with Jira’s message, naming each, and changes nothing', async () => {
    const before = await snapshot();
    const res = await h.as('priya').put('/rest/api/3/issue/OPS-1', {
      ...routingEdit,
      fields: { ...routingEdit.fields, summary: 'Pick lists start at aisle 40' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [],
      errors: { assignee: CANNOT_SET('assignee'), labels: CANNOT_SET('labels') },
    });
    expect(await snapshot()).toEqual(before);
    expect(before.properties).toEqual({});
    expect(h.events).toEqual([]);
  });

  it('edits the fields on the screen as before', async () => {
    const res = await h.as('priya').put('/rest/api/3/issue/OPS-1', {
      fields: { summary: 'Pick lists start at aisle 40' },
      update: { components: [{ add: { name: 'Warehouse' } }] },
    });
    expect(res.status).toBe(204);
    const issue = (await h.as('priya').get('/rest/api/3/issue/OPS-1?fields=summary,components')).body;
    expect(issue.fields.summary).toBe('Pick lists start at aisle 40');
    expect(issue.fields.components.map((c: { name: string }) => c.name)).toEqual(['Warehouse']);
  });

  it('leaves properties, the assign endpoint and the property endpoint to permissions alone', async () => {
    const onlyProperties = await h.as('priya').put('/rest/api/3/issue/OPS-1', {
      properties: [{ key: 'spoc', value: { state: 'vetted' } }],
    });
    expect(onlyProperties.status).toBe(204);
    const assigned = await h.as('priya').put('/rest/api/3/issue/OPS-1/assignee', { accountId: PEOPLE.priya });
    expect(assigned.status).toBe(204);
    const property = await h.as('priya').put('/rest/api/3/issue/OPS-1/properties/triage', { note: 'seen' });
    expect(property.status).toBe(201);
    const issue = (await h.as('priya').get('/rest/api/3/issue/OPS-1?fields=assignee&properties=spoc,triage'))
      .body;
    expect(issue.fields.assignee.accountId).toBe(PEOPLE.priya);
    expect(issue.properties).toEqual({ spoc: { state: 'vetted' }, triage: { note: 'seen' } });
  });

  it('lets the app as itself past the screen with overrideScreenSecurity, and only with it', async () => {
    const without = await h.as(asApp()).put('/rest/api/3/issue/OPS-1', routingEdit);
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual({ assignee: CANNOT_SET('assignee'), labels: CANNOT_SET('labels') });

    const res = await h.as(asApp()).put('/rest/api/3/issue/OPS-1?overrideScreenSecurity=true', routingEdit);
    expect(res.status).toBe(204);
    const issue = await snapshot();
    expect(issue.fields.assignee.accountId).toBe(PEOPLE.priya);
    expect(issue.fields.labels).toEqual(['warehouse', 'spoc-routed']);
    expect(issue.properties).toEqual({ spoc: { state: 'awaiting-spoc' } });
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
  });

  it('still holds the app to the rules the override does not skip', async () => {
    // A person who cannot be assigned issues stays refused: the override skips screens, not permissions.
    const res = await h.as(asApp()).put('/rest/api/3/issue/OPS-1?overrideScreenSecurity=true', {
      fields: { assignee: { accountId: PEOPLE.liWei }, [h.fields.spoc]: { accountId: PEOPLE.priya } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.assignee).toMatch(/cannot be assigned issues/);
    expect(res.body.errors[h.fields.spoc]).toBe(CANNOT_SET(h.fields.spoc));
  });

  it.each([
    ['a Jira administrator calling on their own', 'sam' as const],
    ['a project member calling on their own', 'priya' as const],
  ])('refuses the override with 403 to %s, and changes nothing', async (_who, person) => {
    const before = await snapshot();
    for (const flag of ['overrideScreenSecurity', 'overrideEditableFlag']) {
      const res = await h.as(person).put(`/rest/api/3/issue/OPS-1?${flag}=true`, routingEdit);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ errorMessages: [REFUSED], errors: {} });
    }
    expect(await snapshot()).toEqual(before);
    expect(h.events).toEqual([]);
  });

  it('lets the app acting for an administrator override, and not the app acting for anyone else', async () => {
    const forMember = await h
      .as(asAppUser('priya'))
      .put('/rest/api/3/issue/OPS-1?overrideScreenSecurity=true', routingEdit);
    expect(forMember.status).toBe(403);
    expect(forMember.body.errorMessages).toEqual([REFUSED]);

    const forAdmin = await h
      .as(asAppUser('sam'))
      .put('/rest/api/3/issue/OPS-1?overrideScreenSecurity=true', routingEdit);
    expect(forAdmin.status).toBe(204);
    expect((await snapshot()).fields.labels).toContain('spoc-routed');
  });

  it('keeps the default screen, with every editable field, for projects without one of their own', async () => {
    const res = await h.as('priya').put('/rest/api/3/issue/SUP-5', routingEdit);
    expect(res.status).toBe(204);
    const issue = (await h.as('priya').get('/rest/api/3/issue/SUP-5?fields=assignee,labels')).body;
    expect(issue.fields.assignee.accountId).toBe(PEOPLE.priya);
    expect(issue.fields.labels).toContain('spoc-routed');
  });

  it('comes from the seed: a re-seed without it restores the default screen, unknown fields are refused', () => {
    expect(h.jira.store.editScreenFields(OPS.id)).toEqual(OPS.editScreen);
    h.jira.seed({
      ...SEED,
      issues: DEMO_SEED.issues,
      projects: [...DEMO_SEED.projects, { ...OPS, editScreen: undefined }],
    });
    expect(h.jira.store.editScreenFields(OPS.id)).toBeUndefined();
    expect(() =>
      h.jira.seed({
        ...SEED,
        projects: [...DEMO_SEED.projects, { ...OPS, editScreen: ['summary', 'colour'] }],
      }),
    ).toThrow("Seed: project OPS's edit screen names unknown colour");
  });
});

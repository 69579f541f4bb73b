import { DEMO_SEED } from '../../../local/seed/demo';
import type { DemoSeed } from '../../../local/seed/types';
import { createJiraHarness, PEOPLE, type JiraHarness } from '../../support/jira-harness';

/**
 * Workflows as Jira Cloud has them: SUP's simplified workflow whose Done transition asks for a resolution,
 * DEV's plain simplified workflow (no screens; Done always sets Done), and a project on the classic "jira"
 * workflow; transitions found with their screens' fields, resolutions set and cleared, what an unresolved
 * filter then finds, Jira's errors; and the two endpoints a duplicate needs: deleting a link, and who may
 * browse an issue.
 */
const OPS: DemoSeed['projects'][number] = {
  id: '10090',
  key: 'OPS',
  name: 'Operations',
  lead: PEOPLE.hannah,
  workflow: 'classic',
  components: [],
};
const SEED: DemoSeed = {
  ...DEMO_SEED,
  projects: [...DEMO_SEED.projects, OPS],
  issues: [
    ...DEMO_SEED.issues,
    {
      id: '10900',
      key: 'OPS-1',
      issueType: 'Task',
      summary: 'Rotate the depot certificates',
      description: '',
      reporter: PEOPLE.priya,
      priority: 'Medium',
      status: 'Open',
      created: '2026-11-20T09:00:00.000Z',
    },
  ],
};

describe('workflows, transitions and resolutions', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness({ seed: false });
    h.jira.seed(SEED);
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const fields = async (key: string) =>
    (await h.as('priya').get(`/rest/api/3/issue/${key}?fields=status,resolution`)).body.fields;
  const transitions = async (key: string) =>
    (await h.as('priya').get(`/rest/api/3/issue/${key}/transitions?expand=transitions.fields`)).body
      .transitions as Array<{ id: string; name: string; hasScreen: boolean; isGlobal: boolean; fields: any }>;
  const unresolved = async (jql: string) =>
    (
      (await h.as('priya').post('/rest/api/3/search/jql', { jql, maxResults: 100 })).body.issues as Array<{
        id: string;
      }>
    ).map((i) => i.id);

  it("lists SUP's Done transition with its screen's Resolution field, preset to Done", async () => {
    const list = await transitions('SUP-3');
    expect(list.map((t) => [t.id, t.name, t.hasScreen, t.isGlobal])).toEqual([
      ['21', 'In Progress', false, true],
      ['31', 'Done', true, true],
    ]);
    expect(list[0]?.fields).toEqual({});
    expect(list[1]?.fields.resolution).toMatchObject({
      required: true,
      key: 'resolution',
      operations: ['set'],
      hasDefaultValue: true,
      defaultValue: { name: 'Done' },
    });
    expect(list[1]?.fields.resolution.allowedValues.map((r: { name: string }) => r.name)).toEqual([
      'Done',
      "Won't Do",
      'Duplicate',
      'Cannot Reproduce',
    ]);
    // Without the expand, no fields.
    const plain = (await h.as('priya').get('/rest/api/3/issue/SUP-3/transitions')).body.transitions;
    expect(plain[1].fields).toBeUndefined();
  });

  it("closes a SUP issue as Won't Do, leaves every unresolved filter, and comes back unresolved", async () => {
    const before = await unresolved('project = SUP AND resolution = EMPTY');
    const sup3 = h.jira.store.getIssue('SUP-3')?.id;
    expect(before).toContain(sup3);
    const res = await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', {
      transition: { id: '31' },
      fields: { resolution: { id: '10001' } },
    });
    expect(res.status).toBe(204);
    expect(await fields('SUP-3')).toMatchObject({
      status: { name: 'Done' },
      resolution: { name: "Won't Do" },
    });
    expect(await unresolved('project = SUP AND resolution = EMPTY')).not.toContain(sup3);
    expect(await unresolved('project = SUP AND statusCategory != Done')).not.toContain(sup3);

    await h.as('priya').post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '11' } });
    expect(await fields('SUP-3')).toMatchObject({ status: { name: 'To Do' }, resolution: null });
    expect(await unresolved('project = SUP AND resolution = EMPTY')).toContain(sup3);
  });

  it("takes the screen's preset when no resolution is sent", async () => {
    await h.as('priya').post('/rest/api/3/issue/SUP-5/transitions', { transition: { id: '31' } });
    expect((await fields('SUP-5')).resolution.name).toBe('Done');
  });

  it('refuses a resolution on a transition whose screen lacks the field, as Jira does', async () => {
    expect(
      (await transitions('DEV-2')).every((t) => !t.hasScreen && Object.keys(t.fields).length === 0),
    ).toBe(true);
    const res = await h.as('priya').post('/rest/api/3/issue/DEV-2/transitions', {
      transition: { id: '31' },
      fields: { resolution: { name: 'Duplicate' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.resolution).toMatch(/cannot be set\. It is not on the appropriate screen/);
    expect((await fields('DEV-2')).status.name).toBe('To Do');
    // Sent without it, the workflow sets Done.
    await h.as('priya').post('/rest/api/3/issue/DEV-2/transitions', { transition: { id: '31' } });
    expect((await fields('DEV-2')).resolution.name).toBe('Done');
  });

  it('walks the classic workflow: Open → Closed as a duplicate → Reopened, resolution cleared', async () => {
    const fromOpen = await transitions('OPS-1');
    expect(fromOpen.map((t) => [t.id, t.name, t.hasScreen, t.isGlobal])).toEqual([
      ['4', 'Start Progress', false, false],
      ['5', 'Resolve Issue', true, false],
      ['2', 'Close Issue', true, false],
    ]);
    // Reopen is not offered from Open: Jira refuses it.
    const notOffered = await h
      .as('priya')
      .post('/rest/api/3/issue/OPS-1/transitions', { transition: { id: '3' } });
    expect(notOffered.status).toBe(400);
    expect(notOffered.body.errorMessages[0]).toBe("Transition id '3' is not valid for this issue.");

    await h.as('priya').post('/rest/api/3/issue/OPS-1/transitions', {
      transition: { id: '2' },
      fields: { resolution: { name: 'Duplicate' } },
    });
    expect(await fields('OPS-1')).toMatchObject({
      status: { name: 'Closed', statusCategory: { key: 'done' } },
      resolution: { name: 'Duplicate' },
    });
    expect((await transitions('OPS-1')).map((t) => t.name)).toEqual(['Reopen Issue']);
    await h.as('priya').post('/rest/api/3/issue/OPS-1/transitions', { transition: { id: '3' } });
    expect(await fields('OPS-1')).toMatchObject({
      status: { name: 'Reopened', statusCategory: { key: 'new' } },
      resolution: null,
    });
  });

  it('starts a new issue in its workflow’s first status', async () => {
    const created = await h.as('priya').post('/rest/api/3/issue', {
      fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Renew the TLS wildcard' },
    });
    expect((await fields(created.body.key)).status.name).toBe('Open');
  });

  it('refuses an unknown resolution, changing nothing', async () => {
    const res = await h.as('priya').post('/rest/api/3/issue/SUP-5/transitions', {
      transition: { id: '31' },
      fields: { resolution: { name: 'Shrug' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.resolution).toBe('The resolution selected is invalid.');
    expect((await fields('SUP-5')).status.name).toBe('To Do');
  });
});

describe('deleting an issue link', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const linksOf = async (key: string) =>
    (await h.as('priya').get(`/rest/api/3/issue/${key}?fields=issuelinks`)).body.fields.issuelinks as Array<{
      id: string;
      type: { name: string };
      outwardIssue?: { key: string };
      inwardIssue?: { key: string };
    }>;

  it('removes a Duplicate link from both sides, with a changelog and an event each', async () => {
    await h.as('priya').post('/rest/api/3/issueLink', {
      type: { name: 'Duplicate' },
      inwardIssue: { key: 'SUP-5' },
      outwardIssue: { key: 'SUP-3' },
    });
    const [link] = await linksOf('SUP-5');
    expect(link).toMatchObject({ type: { name: 'Duplicate' }, outwardIssue: { key: 'SUP-3' } });
    h.events.length = 0;
    // A client who may not link gets "not found", as for a link that is not there.
    expect((await h.as('liWei').del(`/rest/api/3/issueLink/${link?.id}`)).status).toBe(404);
    expect((await h.as('priya').del(`/rest/api/3/issueLink/${link?.id}`)).status).toBe(204);
    expect(await linksOf('SUP-5')).toEqual([]);
    expect(await linksOf('SUP-3')).toEqual([]);
    expect(h.events.map((e) => [e.eventType, (e.payload as any).issue.key])).toEqual([
      ['avi:jira:updated:issue', 'SUP-5'],
      ['avi:jira:updated:issue', 'SUP-3'],
    ]);
    expect((await h.as('priya').del(`/rest/api/3/issueLink/${link?.id}`)).status).toBe(404);
    expect((await h.as('priya').del('/rest/api/3/issueLink/abc')).status).toBe(400);
  });
});

describe('who may browse an issue', () => {
  let h: JiraHarness;
  beforeEach(() => {
    h = createJiraHarness();
  });
  afterEach(() => {
    expect(h.violations()).toEqual([]);
    h.close();
  });

  const canBrowse = async (accountId: string, issueKey: string) => {
    const res = await h
      .as('priya')
      .get(`/rest/api/3/user/viewissue/search?accountId=${accountId}&issueKey=${issueKey}`);
    expect(res.status).toBe(200);
    return (res.body as Array<{ accountId: string }>).map((u) => u.accountId);
  };

  it('answers the client for their own report only, and never for an internal project', async () => {
    expect(await canBrowse(PEOPLE.liWei, 'SUP-1')).toEqual([PEOPLE.liWei]);
    expect(await canBrowse(PEOPLE.liWei, 'SUP-2')).toEqual([]); // Tom Fischer's report
    expect(await canBrowse(PEOPLE.liWei, 'DEV-1')).toEqual([]);
    expect(await canBrowse(PEOPLE.ben, 'DEV-1')).toEqual([PEOPLE.ben]);
  });

  it('finds by name across a project, and refuses what Jira refuses', async () => {
    const project = await h.as('priya').get('/rest/api/3/user/viewissue/search?query=li&projectKey=SUP');
    expect(project.body.map((u: { displayName: string }) => u.displayName)).toContain('Li Wei');
    expect((await h.as('priya').get(`/rest/api/3/user/viewissue/search?issueKey=SUP-1`)).status).toBe(400);
    expect(
      (await h.as('priya').get(`/rest/api/3/user/viewissue/search?accountId=${PEOPLE.liWei}`)).status,
    ).toBe(400);
    expect(
      (
        await h
          .as('priya')
          .get(`/rest/api/3/user/viewissue/search?accountId=${PEOPLE.liWei}&issueKey=SUP-999`)
      ).status,
    ).toBe(404);
    // The client cannot ask about an issue they cannot see.
    expect(
      (await h.as('liWei').get(`/rest/api/3/user/viewissue/search?accountId=${PEOPLE.liWei}&issueKey=DEV-1`))
        .status,
    ).toBe(404);
  });
});

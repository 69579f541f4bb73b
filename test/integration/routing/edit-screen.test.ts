import { DEMO_SEED } from '../../../local/seed/demo';
import type { DemoProject } from '../../../local/seed/types';
import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from './routing-site';

/**
 * A client project whose edit screen has neither assignee nor labels (nor the SPOC field): on Jira Cloud a
 * plain edit of those fields answers 400 there. Routing and every triage action still set them, through the
 * app's real handlers on the local site, in as many calls as on any other project.
 */
const OPS: DemoProject = {
  id: '10002',
  key: 'OPS',
  name: 'Client Operations',
  description: 'Warehouse and transport requests from clients.',
  lead: PEOPLE.hannah,
  clientFacing: true,
  components: [],
  editScreen: ['summary', 'description', 'issuetype', 'priority', 'components'],
};

let site: RoutingSite;

beforeAll(async () => {
  site = await startRoutingSite({ seed: { ...DEMO_SEED, projects: [...DEMO_SEED.projects, OPS] } });
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopRoutingSite(site);
});

// People take minutes between steps; Jira's per-issue write limit (20 per 2 s) counts on the site clock.
beforeEach(() => {
  site.clock.advanceMinutes(1);
});

type Reply<T = any> = { ok: true; data: T } | { ok: false; error: string };

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Expected success, got: ${reply.error}`);
  return reply.data;
}

const act = (as: string, issueKey: string, payload: Record<string, unknown>) =>
  site.invoke<any>('spoc-panel', 'applyTriageAction', as, { issueKey, payload });

async function issueOf(key: string): Promise<any> {
  return (
    await site
      .asPerson(PEOPLE.hannah)
      .get(`/rest/api/3/issue/${key}?fields=assignee,labels,issuelinks,${site.spocFieldId}&properties=spoc`)
  ).body;
}

/** The app's calls since a log id, each as `METHOD status`, and what they cost. */
async function appCallsSince(id: number): Promise<{ calls: string[]; points: number }> {
  const calls = await site.appRequestsSince(id);
  return {
    calls: calls.map((c) => `${c.method} ${c.status}`),
    points: calls.reduce((sum, c) => sum + c.points, 0),
  };
}

const opsIssue = (summary: string) =>
  site.fileIssue(PEOPLE.tom, { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary });

describe('a project whose edit screen lacks assignee and labels', () => {
  it('refuses a person’s edit of those fields, as Jira Cloud does', async () => {
    const { key } = await opsIssue('Pallet labels are missing the consignee');
    const res = await site
      .asPerson(PEOPLE.priya)
      .put(`/rest/api/3/issue/${key}`, { update: { labels: [{ add: 'urgent' }] } });
    expect(res.status).toBe(400);
    expect(res.body.errors.labels).toBe(
      "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown.",
    );
  });

  it('gets a routed issue its SPOC field, assignee, label, property and comment in three calls and points', async () => {
    const before = await site.lastLogId();
    const { key } = await opsIssue('Returns are booked to the wrong depot');
    expect(await appCallsSince(before)).toEqual({ calls: ['PUT 204', 'PUT 204', 'POST 201'], points: 3 });
    const issue = await issueOf(key);
    expect(issue.fields[site.spocFieldId]).toMatchObject({ accountId: PEOPLE.priya });
    expect(issue.fields.assignee).toMatchObject({ accountId: PEOPLE.priya });
    expect(issue.fields.labels).toEqual(['spoc-routed']);
    expect(issue.properties.spoc).toMatchObject({ state: 'awaiting-spoc', spocAccountId: PEOPLE.priya });
    const comments = (await site.asPerson(PEOPLE.hannah).get(`/rest/api/3/issue/${key}/comment`)).body;
    expect(comments.comments).toHaveLength(1);
  });
});

describe('every triage action on that project', () => {
  let key: string;
  let logStart: number;

  beforeAll(async () => {
    ({ key } = await opsIssue('Forklift bookings vanish overnight'));
    logStart = await site.lastLogId();
  });

  afterAll(async () => {
    // Not one refused call: each edit went through the first time, past the screen.
    const calls = await site.appRequestsSince(logStart);
    expect(calls.filter((c) => c.status >= 400)).toEqual([]);
  });

  const noRefusals = (view: { notices: ReadonlyArray<{ readonly text: string }> }) =>
    expect(view.notices.filter((n) => /refused/.test(n.text))).toEqual([]);

  it('request-info and escalate: the property follows', async () => {
    ok(await act(PEOPLE.priya, key, { action: 'request-info', message: 'Which depot?' }));
    expect((await issueOf(key)).properties.spoc.state).toBe('info-requested');
    const { view } = ok(await act(PEOPLE.priya, key, { action: 'escalate', reason: 'Night shift blocked' }));
    noRefusals(view);
    expect((await issueOf(key)).properties.spoc.escalationLevel).toBe(3);
  });

  it('take-over: the backup becomes assignee', async () => {
    const { view } = ok(await act(PEOPLE.chloe, key, { action: 'take-over', note: 'Priya is out' }));
    noRefusals(view);
    const issue = await issueOf(key);
    expect(issue.fields.assignee.accountId).toBe(PEOPLE.chloe);
    expect(issue.fields[site.spocFieldId].accountId).toBe(PEOPLE.chloe);
    expect(issue.properties.spoc.spocAccountId).toBe(PEOPLE.chloe);
  });

  it('reassign: the project administrator hands it back', async () => {
    const { view } = ok(
      await act(PEOPLE.hannah, key, {
        action: 'reassign',
        toAccountId: PEOPLE.priya,
        reason: 'Priya is back',
      }),
    );
    noRefusals(view);
    expect((await issueOf(key)).fields.assignee.accountId).toBe(PEOPLE.priya);
  });

  it('accept-for-delivery: the delivery target is assignee, the label says vetted', async () => {
    const { view } = ok(await act(PEOPLE.priya, key, { action: 'accept-for-delivery' }));
    noRefusals(view);
    const issue = await issueOf(key);
    expect(issue.fields.assignee.accountId).toBe(PEOPLE.ben);
    expect(issue.fields.labels).toEqual(['spoc-vetted']);
    expect(issue.properties.spoc.state).toBe('vetted');
  });

  it('return-to-spoc: back to the SPOC, the vetted label gone', async () => {
    const { view } = ok(
      await act(PEOPLE.marco, key, { action: 'return-to-spoc', reason: 'Which forklifts?' }),
    );
    noRefusals(view);
    const issue = await issueOf(key);
    expect(issue.fields.assignee.accountId).toBe(PEOPLE.priya);
    expect(issue.fields.labels).toEqual([]);
    expect(issue.properties.spoc.state).toBe('returned');
  });

  it('reject: the rejected label', async () => {
    const { view } = ok(
      await act(PEOPLE.priya, key, { action: 'reject', reason: 'Bookings are made in WMS.' }),
    );
    noRefusals(view);
    const issue = await issueOf(key);
    expect(issue.fields.labels).toEqual(['spoc-rejected']);
    expect(issue.properties.spoc.state).toBe('rejected');
  });

  it('mark-duplicate: linked, and the property says so', async () => {
    const { key: dup } = await opsIssue('Forklift bookings gone again');
    const { view } = ok(await act(PEOPLE.priya, dup, { action: 'mark-duplicate', duplicateOf: key }));
    noRefusals(view);
    const issue = await issueOf(dup);
    expect(issue.properties.spoc.state).toBe('duplicate');
    expect(issue.fields.issuelinks.some((l: any) => l.outwardIssue?.key === key)).toBe(true);
  });

  it('the triage gate puts an issue assigned away from its SPOC back', async () => {
    const { key: gated } = await opsIssue('Dock door 4 sensor reports open');
    const assigned = await site
      .asPerson(PEOPLE.marco)
      .put(`/rest/api/3/issue/${gated}/assignee`, { accountId: PEOPLE.marco });
    expect(assigned.status).toBe(204);
    await site.idle();
    expect((await issueOf(gated)).fields.assignee.accountId).toBe(PEOPLE.priya);
  });
});

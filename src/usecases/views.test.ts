import { NotFoundError } from './errors';
import { getIssueSpocView } from './get-issue-spoc-view';
import { listMyTriageQueue } from './list-my-triage-queue';
import { listVettedQueue } from './list-vetted-queue';
import { previewRouting } from './preview-routing';
import { routeClientIssue } from './route-client-issue';
import { ADMIN, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/** What the panel and the project page show: the SPOC view, the queues and the routing preview. */
let world: World;
const ISSUE = issueRef(1);

beforeEach(async () => {
  world = aWorld();
  world.jira.addIssue(ISSUE, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
    summary: 'Tracking page times out',
  });
  await routeClientIssue.execute(
    {
      issueId: ISSUE.id,
      issueKey: ISSUE.key,
      ...SUP,
      summary: 'Tracking page times out',
      reporterAccountId: PEOPLE.client,
      facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    },
    world,
  );
  world.jira.calls.length = 0;
});

const view = (caller: string, permissions: readonly string[] = STAFF) =>
  getIssueSpocView.execute({ callerAccountId: caller, issueIdOrKey: ISSUE.key }, world.as(permissions));

describe("the issue's SPOC view", () => {
  it('shows state, client, SPOC with their local time and availability, due time, reasons and what the SPOC may do', async () => {
    const v = await view(PEOPLE.priya);
    expect(v).toMatchObject({
      routed: true,
      state: 'awaiting-spoc',
      client: { id: 'acme', name: 'Acme Ltd' },
      spoc: { accountId: PEOPLE.priya, displayName: 'Priya Shah' },
      // Instants and counts, which the panel writes in the viewer's locale and zone.
      spocNow: {
        timeZone: 'Europe/London',
        status: 'available',
        until: '2025-06-09T16:00:00.000Z',
        delegate: null,
        openClientIssues: 1,
        capacity: 8,
      },
      now: '2025-06-09T09:00:00.000Z',
      dueAt: '2025-06-09T13:00:00.000Z',
      responseStatus: 'on-track',
      callerRoles: ['spoc'],
    });
    expect(v).not.toHaveProperty('dueLocal');
    expect(v.reasons[0]).toMatch(/matched by rule 1 of 2 \(component Acme Portal\)/);
    expect(v.allowedActions).toEqual([
      'accept-for-delivery',
      'request-info',
      'reject',
      'mark-duplicate',
      'reassign',
      'escalate',
    ]);
    expect(v.history).toHaveLength(1);
    expect(v.history[0]).toMatchObject({ event: 'routed', by: null, what: 'routed to Priya Shah' });
    expect(v.droppedHistoryEntries).toBe(0);
  });

  it('sends the history as entries that name who acted, and how many older ones are no longer kept', async () => {
    const row = world.triage.rows.get(ISSUE.id);
    if (!row) throw new Error('The issue was not routed.');
    const { record } = row.entry;
    const escalation = {
      at: '2025-06-09T09:30:00.000Z',
      event: 'escalate' as const,
      by: PEOPLE.priya,
      from: record.state,
      to: record.state,
      spoc: record.spocAccountId,
      note: 'client is waiting',
    };
    world.triage.rows.set(ISSUE.id, {
      ...row,
      entry: {
        ...row.entry,
        record: { ...record, history: [...record.history, escalation], droppedHistoryEntries: 11 },
      },
    });
    const v = await view(PEOPLE.priya);
    expect(v.droppedHistoryEntries).toBe(11);
    expect(v.history.at(-1)).toEqual({
      at: '2025-06-09T09:30:00.000Z',
      event: 'escalate',
      by: { accountId: PEOPLE.priya, displayName: 'Priya Shah' },
      what: 'escalate',
      note: 'client is waiting',
    });
  });

  it('offers delivery nothing until the issue is vetted, and a backup the take-over', async () => {
    expect((await view(PEOPLE.dev)).allowedActions).toEqual([]);
    expect((await view(PEOPLE.kenji)).allowedActions).toContain('take-over');
  });

  it('shows the state from the app’s record and reads no spoc property (events and the sweep repair it)', async () => {
    world.jira.issue(ISSUE.id).property = { state: 'vetted', clientId: 'acme' };
    const v = await view(PEOPLE.priya);
    expect(v.state).toBe('awaiting-spoc');
    expect(world.jira.calls.filter((c) => c.call === 'readTriageProperty')).toEqual([]);
  });

  it('shows the client who their SPOC is and the state, but no staff availability or internal reasons', async () => {
    const v = await view(PEOPLE.client, ['BROWSE_PROJECTS', 'ADD_COMMENTS']);
    expect(v).toMatchObject({
      state: 'awaiting-spoc',
      spoc: { displayName: 'Priya Shah' },
      spocNow: null,
      reasons: [],
    });
    expect(v.history).toEqual([]);
    expect(v.allowedActions).toEqual([]);
  });

  it('is refused to someone who cannot see the issue', async () => {
    await expect(
      getIssueSpocView.execute(
        { callerAccountId: PEOPLE.stranger, issueIdOrKey: ISSUE.key },
        world.as(STAFF, () => false),
      ),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('queues', () => {
  it("lists the SPOC's open client issues as they may see them", async () => {
    const mine = await listMyTriageQueue.execute({ callerAccountId: PEOPLE.priya }, world.as(STAFF));
    expect(mine).toEqual([
      expect.objectContaining({
        issueKey: 'SUP-1',
        summary: 'Tracking page times out',
        state: 'awaiting-spoc',
      }),
    ]);
    expect(await listMyTriageQueue.execute({ callerAccountId: PEOPLE.kenji }, world.as(STAFF))).toEqual([]);
  });

  it('puts breached and at-risk issues first and says how each response stands', async () => {
    const route = async (n: number, summary: string, priority: string) => {
      const ref = issueRef(n);
      world.jira.addIssue(ref, { reporterAccountId: PEOPLE.client, summary });
      await routeClientIssue.execute(
        {
          issueId: ref.id,
          issueKey: ref.key,
          ...SUP,
          summary,
          reporterAccountId: PEOPLE.client,
          facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority },
        },
        world,
      );
    };
    // SUP-1 (Medium) was routed at 09:00 and is due at 13:00; these two come at 12:30.
    world.clock.set('2025-06-09T12:30:00.000Z');
    await route(2, 'Invoices missing', 'Lowest');
    await route(3, 'Login loops', 'High');
    // 14:05: SUP-1 is late, SUP-3 has used 95 of its 120 minutes, SUP-2 has most of its day left.
    world.clock.set('2025-06-09T14:05:00.000Z');
    const mine = await listMyTriageQueue.execute({ callerAccountId: PEOPLE.priya }, world.as(STAFF));
    expect(mine.map((i) => [i.issueKey, i.response])).toEqual([
      ['SUP-1', 'breached'],
      ['SUP-3', 'at-risk'],
      ['SUP-2', 'on-track'],
    ]);
    expect(mine[0]?.dueAt).toBe('2025-06-09T13:00:00.000Z');
  });

  it('lists vetted issues from the app’s record, not from a rewritten property', async () => {
    world.jira.issue(ISSUE.id).property = { state: 'vetted' };
    expect(
      await listVettedQueue.execute({ callerAccountId: PEOPLE.dev, projectKey: 'SUP' }, world.as(STAFF)),
    ).toEqual([]);
  });
});

describe('routing preview', () => {
  it('says which client and SPOC an issue would get, and why, writing nothing', async () => {
    const preview = await previewRouting.execute(
      {
        callerAccountId: PEOPLE.maria,
        projectKey: 'SUP',
        payload: { components: ['Acme Portal'], priority: 'Highest' },
      },
      world.as(ADMIN),
    );
    expect(preview).toMatchObject({
      outcome: 'routed',
      client: { id: 'acme' },
      spoc: { accountId: PEOPLE.priya },
    });
    expect(preview.reasons.join(' ')).toMatch(/Response target for priority Highest: 1 h/);
    expect(world.jira.writes()).toEqual([]);
  });

  it('is for SPOCs and administrators only', async () => {
    await expect(
      previewRouting.execute(
        { callerAccountId: PEOPLE.stranger, projectKey: 'SUP', payload: {} },
        world.as(['BROWSE_PROJECTS']),
      ),
    ).rejects.toThrow(/Only SPOCs and project administrators/);
  });
});

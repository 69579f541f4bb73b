import { applyTriageActionRequest } from './apply-triage-action';
import { getEscalationSnapshot, getWorkloadSnapshot } from './gadget-snapshots';
import { routeClientIssue } from './route-client-issue';
import { aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/** The gadgets' numbers come from the app's records alone: no Jira call per view. */
let world: World;

beforeEach(async () => {
  world = aWorld();
  for (const n of [1, 2]) {
    const ref = issueRef(n);
    world.jira.addIssue(ref, { components: [{ id: '1', name: 'Acme Portal' }] });
    await routeClientIssue.execute(
      {
        issueId: ref.id,
        issueKey: ref.key,
        ...SUP,
        summary: `Problem ${n}`,
        reporterAccountId: PEOPLE.client,
        facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
      },
      world,
    );
  }
  world.jira.calls.length = 0;
});

const params = (caller: string) => ({ callerAccountId: caller, projectKey: null, maxRows: 10 });

describe('the SPOC workload gadget', () => {
  it('counts each SPOC’s open client issues by state, with capacity and whether they are working now', async () => {
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: 'SUP-2',
        input: { action: 'request-info', message: 'Which page?' },
      },
      world.as(STAFF),
    );
    world.jira.calls.length = 0;
    const snapshot = await getWorkloadSnapshot.execute(params(PEOPLE.maria), world);
    expect(snapshot.rows[0]).toMatchObject({
      accountId: PEOPLE.priya,
      awaitingTriage: 1,
      informationRequested: 1,
      open: 2,
      capacity: 8,
      status: 'available',
      oldestWaiting: { issueKey: 'SUP-1' },
    });
    expect(snapshot.rows.find((r) => r.accountId === PEOPLE.kenji)).toMatchObject({
      open: 0,
      status: 'off-shift',
    });
    expect(world.jira.calls).toEqual([]);
  });

  it('is not for people outside the SPOC team', async () => {
    await expect(getWorkloadSnapshot.execute(params(PEOPLE.client), world)).rejects.toThrow(
      /SPOC gadgets are for/,
    );
  });
});

describe('the escalation status gadget', () => {
  it('lists escalated and late issues first, with totals by level', async () => {
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: 'SUP-2',
        input: { action: 'escalate', reason: 'Angry client' },
      },
      world.as(STAFF),
    );
    world.clock.set('2025-06-09T14:00:00Z'); // past the 13:00 due time
    const snapshot = await getEscalationSnapshot.execute(params(PEOPLE.priya), world);
    expect(snapshot.totals).toEqual({ byLevel: { '1': 1 }, breached: 2, atRisk: 0, unrouted: 0 });
    expect(snapshot.rows.map((r) => [r.issueKey, r.escalationLevel, r.response])).toEqual([
      ['SUP-2', 1, 'breached'],
      ['SUP-1', 0, 'breached'],
    ]);
  });
});

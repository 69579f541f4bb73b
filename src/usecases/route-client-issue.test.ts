import { aSpocProfile, anOutOfOffice } from '../domain/testing/spoc-profile-builders';
import { theAcmeTeam } from '../domain/testing/routing-builders';
import { messageText } from './support/message';
import { JiraBusyError, TriageConflictError } from './errors';
import { routeClientIssue, type RouteClientIssueParams } from './route-client-issue';
import { SEND_LEASE_MS } from './support/triage-entry';
import { acmeConfiguration, aWorld, issueRef, PEOPLE, SUP, type World } from './testing/world';

let world: World;

beforeEach(() => {
  world = aWorld();
});

function newIssue(n: number, overrides: Partial<RouteClientIssueParams> = {}): RouteClientIssueParams {
  const ref = issueRef(n);
  world.jira.addIssue(ref, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
  });
  return {
    issueId: ref.id,
    issueKey: ref.key,
    ...SUP,
    summary: 'Tracking page times out',
    reporterAccountId: PEOPLE.client,
    facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    ...overrides,
  };
}

describe('routing a new client issue', () => {
  it('writes field, one edit (assignee, label, property) and one internal comment, in that order', async () => {
    const params = newIssue(1);
    const result = await routeClientIssue.execute(params, world);
    expect(result.outcome).toBe('routed');
    expect(world.jira.writes().map((c) => c.call)).toEqual(['setSpocField', 'editIssue', 'addComment']);
    const issue = world.jira.issue(params.issueId);
    expect(issue.spocField).toBe(PEOPLE.priya);
    expect(issue.assignee).toBe(PEOPLE.priya);
    expect(issue.labels).toContain('spoc-routed');
    expect(issue.property).toMatchObject({
      state: 'awaiting-spoc',
      clientId: 'acme',
      spocAccountId: PEOPLE.priya,
    });
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]?.role).toBe('members');
    expect(messageText(issue.comments[0]!.body)).toContain(
      'Routed to @Priya Shah (primary) for client Acme Ltd',
    );
    const stored = world.triage.entry(params.issueId);
    expect(stored.record).toMatchObject({ state: 'awaiting-spoc', spocAccountId: PEOPLE.priya });
    // 4 working hours from 10:00 London.
    expect(stored.record.dueAt).toBe('2025-06-09T13:00:00.000Z');
    expect(stored.outbox).toEqual([]);
  });

  it('reads nothing from Jira when the event carried the facts', async () => {
    await routeClientIssue.execute(newIssue(1), world);
    expect(
      world.jira.calls.filter((c) => c.call === 'readIssueFacts' || c.call === 'reporterGroups'),
    ).toEqual([]);
  });

  it('reads the issue once when the event lacked the facts a rule needs', async () => {
    await routeClientIssue.execute(newIssue(1, { facts: null }), world);
    expect(world.jira.calls.filter((c) => c.call === 'readIssueFacts')).toHaveLength(1);
    expect(world.triage.entry('10001').record.clientId).toBe('acme');
  });

  it("asks for the reporter's groups only when a group rule comes before the match", async () => {
    world.jira.groups[PEOPLE.client] = [{ id: 'g1', name: 'client-acme' }];
    const params = newIssue(2, { facts: { labels: [], components: [], priority: 'Medium' } });
    const result = await routeClientIssue.execute(params, world);
    expect(result.outcome).toBe('routed');
    expect(world.jira.calls.filter((c) => c.call === 'reporterGroups')).toHaveLength(1);
    expect(world.triage.entry(params.issueId).routing.matchReason).toMatch(/reporter's group client-acme/);
  });

  it('leaves an issue no rule matches untouched', async () => {
    const params = newIssue(3, { facts: { labels: ['other'], components: [], priority: null } });
    world.jira.groups[PEOPLE.client] = [{ id: 'g9', name: 'somebody-else' }];
    const result = await routeClientIssue.execute(params, world);
    expect(result.outcome).toBe('not-a-client-issue');
    expect(world.jira.writes()).toEqual([]);
    expect(world.triage.rows.size).toBe(0);
  });

  it('changes nothing when the same event arrives again', async () => {
    const params = newIssue(1);
    await routeClientIssue.execute(params, world);
    const callsBefore = world.jira.calls.length;
    const again = await routeClientIssue.execute(params, world);
    expect(again.outcome).toBe('already-routed');
    expect(world.jira.calls.length).toBe(callsBefore);
  });

  it('leaves the writes to the delivery that stored its decision first while it sends them, then finishes them', async () => {
    const params = newIssue(1);
    // Another delivery of the same event stores its decision between this one's reads and its own store.
    const create = world.triage.create.bind(world.triage);
    world.triage.create = async (entry) => {
      await create({ ...entry, summary: 'stored by the other delivery' });
      return create(entry);
    };
    await expect(routeClientIssue.execute(params, world)).rejects.toBeInstanceOf(TriageConflictError);
    expect(world.jira.writes()).toEqual([]);
    world.triage.create = create;
    // The other delivery may still be sending: a third delivery leaves its writes alone until its lease ends.
    await expect(routeClientIssue.execute(params, world)).rejects.toBeInstanceOf(TriageConflictError);
    expect(world.jira.writes()).toEqual([]);
    world.clock.set(new Date(world.clock.now().getTime() + SEND_LEASE_MS + 1000).toISOString());
    const again = await routeClientIssue.execute(params, world);
    expect(again.outcome).toBe('already-routed');
    expect(world.jira.writes().map((c) => c.call)).toEqual(['setSpocField', 'editIssue', 'addComment']);
    expect(world.triage.entry(params.issueId).summary).toBe('stored by the other delivery');
  });

  it('keeps what Jira did not take yet and finishes it on the next delivery, repeating nothing', async () => {
    world.jira.busy.set('addComment', 1);
    const params = newIssue(1);
    await expect(routeClientIssue.execute(params, world)).rejects.toBeInstanceOf(JiraBusyError);
    expect(world.triage.entry(params.issueId).outbox.map((w) => w.kind)).toEqual(['comment']);
    await routeClientIssue.execute(params, world);
    expect(world.jira.writes().map((c) => c.call)).toEqual(['setSpocField', 'editIssue', 'addComment']);
    expect(world.jira.issue(params.issueId).comments).toHaveLength(1);
    expect(world.triage.entry(params.issueId).outbox).toEqual([]);
  });

  it('sends the three writes together: when only the SPOC field must wait, the retry sends only that', async () => {
    world.jira.busy.set('setSpocField', 1);
    const params = newIssue(1);
    await expect(routeClientIssue.execute(params, world)).rejects.toBeInstanceOf(JiraBusyError);
    expect(world.jira.writes().map((c) => c.call)).toEqual(['editIssue', 'addComment']);
    expect(world.triage.entry(params.issueId).outbox.map((w) => w.kind)).toEqual(['spoc-field']);
    const again = await routeClientIssue.execute(params, world);
    expect(again.outcome).toBe('already-routed');
    expect(world.jira.writes().map((c) => c.call)).toEqual(['editIssue', 'addComment', 'setSpocField']);
    expect(world.jira.issue(params.issueId)).toMatchObject({
      spocField: PEOPLE.priya,
      assignee: PEOPLE.priya,
    });
    expect(world.jira.issue(params.issueId).comments).toHaveLength(1);
  });

  it('decides with the configuration seen last while the stored one is read, when it is still current', async () => {
    world.config.seen = world.config.snapshot();
    const loads = jest.spyOn(world.triage, 'openCounts');
    const result = await routeClientIssue.execute(newIssue(1), world);
    expect(result.outcome).toBe('routed');
    expect(world.triage.entry('10001').record.spocAccountId).toBe(PEOPLE.priya);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('decides again with the stored configuration when it changed since it was last seen', async () => {
    world.config.seen = world.config.snapshot();
    const [acme] = world.config.configuration.rosters;
    await world.config.save(
      {
        rosters: [
          {
            ...acme!,
            versions: [
              { ...acme!.versions[0]!, primarySpocAccountId: PEOPLE.ana, backupAccountIds: [PEOPLE.kenji] },
            ],
          },
        ],
      },
      world.config.version,
      PEOPLE.maria,
    );
    const result = await routeClientIssue.execute(newIssue(1), world);
    expect(result.outcome).toBe('routed');
    expect(world.triage.entry('10001').record.spocAccountId).toBe(PEOPLE.ana);
  });

  it('never asks Jira for an early decision: what the event did not carry is read once, for the real one', async () => {
    world.config.seen = world.config.snapshot();
    await routeClientIssue.execute(newIssue(1, { facts: null }), world);
    expect(world.jira.calls.filter((c) => c.call === 'readIssueFacts')).toHaveLength(1);
    expect(world.triage.entry('10001').record.spocAccountId).toBe(PEOPLE.priya);
  });

  it('passes a full primary over for the next backup who can still answer in time', async () => {
    world = aWorld(
      acmeConfiguration({
        profiles: [aSpocProfile({ capacity: 1 }), theAcmeTeam.ana, theAcmeTeam.kenji],
      }),
    );
    await routeClientIssue.execute(newIssue(1), world);
    await routeClientIssue.execute(newIssue(2), world);
    const second = world.triage.entry('10002');
    // Ana in São Paulo starts at 09:00 local (12:00 UTC), within the 4 h target.
    expect(second.record.spocAccountId).toBe(PEOPLE.ana);
    expect(second.routing.reasons.join('\n')).toMatch(
      /Priya Shah \(primary\) has 1 of 1 open client issues: full/,
    );
  });

  it('flags and escalates when nobody can take the issue, and names no SPOC', async () => {
    const away = anOutOfOffice({ from: '2025-06-01T00:00:00Z', until: '2025-06-20T00:00:00Z' });
    world = aWorld(
      acmeConfiguration({
        profiles: [
          aSpocProfile({ outOfOffice: [away] }),
          { ...theAcmeTeam.ana, outOfOffice: [away] },
          { ...theAcmeTeam.kenji, outOfOffice: [away] },
        ],
      }),
    );
    const params = newIssue(1);
    const result = await routeClientIssue.execute(params, world);
    expect(result.outcome).toBe('unrouted');
    expect(world.jira.writes().map((c) => c.call)).toEqual(['editIssue', 'addComment']);
    const issue = world.jira.issue(params.issueId);
    expect(issue.labels).toContain('spoc-unrouted');
    expect(issue.spocField).toBeNull();
    expect(messageText(issue.comments[0]!.body)).toContain('@Maria Gomez (escalation manager)');
    expect(world.triage.entry(params.issueId).record).toMatchObject({
      spocAccountId: null,
      escalationLevel: 1,
    });
  });
});

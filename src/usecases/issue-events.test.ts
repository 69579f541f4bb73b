import { DEFAULT_POLICY } from '../domain';
import { messageText } from './support/message';
import { applyTriageActionRequest } from './apply-triage-action';
import { JiraBusyError, TriageConflictError } from './errors';
import { finishPendingUpdates } from './finish-pending-updates';
import { recordAssignmentChange } from './record-assignment-change';
import { recordClientReply } from './record-client-reply';
import { routeClientIssue } from './route-client-issue';
import { acmeConfiguration, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/** Comments and assignments on routed issues: client replies, bypasses of the triage gate, pending writes. */
let world: World;
const ISSUE = issueRef(1);

async function routed(w: World): Promise<void> {
  w.jira.addIssue(ISSUE, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
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
    w,
  );
  w.jira.calls.length = 0;
}

beforeEach(async () => {
  world = aWorld();
  await routed(world);
});

const record = () => world.triage.entry(ISSUE.id).record;
const reply = (commentId: string, author: string = PEOPLE.client, isPublic = true) =>
  recordClientReply.execute({ issueId: ISSUE.id, commentId, authorAccountId: author, isPublic }, world);

describe('a comment on a routed issue', () => {
  beforeEach(async () => {
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: ISSUE.key,
        input: { action: 'request-info', message: 'Which browser?' },
      },
      world.as(STAFF),
    );
    world.jira.calls.length = 0;
    world.clock.set('2025-06-09T10:00:00Z');
  });

  it('from the client brings an issue waiting for information back to its SPOC, with a new clock, and tells the SPOC', async () => {
    expect(await reply('c1')).toBe('back-with-spoc');
    expect(record()).toMatchObject({ state: 'awaiting-spoc', dueAt: '2025-06-09T14:00:00.000Z' });
    const comment = world.jira.issue(ISSUE.id).comments.at(-1)!;
    expect(comment.role).toBe('members');
    expect(messageText(comment.body)).toContain('back with @Priya Shah');
    expect(world.jira.issue(ISSUE.id).property).toMatchObject({ state: 'awaiting-spoc' });
  });

  it('changes nothing when the same comment event arrives twice', async () => {
    await reply('c1');
    const writes = world.jira.writes().length;
    expect(await reply('c1')).toBe('not-a-client-reply');
    expect(world.jira.writes()).toHaveLength(writes);
  });

  it('is claimed with the change it makes: when the change cannot be stored, the redelivery makes it', async () => {
    world.triage.conflictNext = true;
    await expect(reply('c1')).rejects.toBeInstanceOf(TriageConflictError);
    expect(world.ledger.claims.size).toBe(0);
    expect([record().state, world.jira.writes()]).toEqual(['info-requested', []]);
    expect(await reply('c1')).toBe('back-with-spoc');
    expect(world.ledger.claims).toEqual(new Set([`comment:${ISSUE.id}:c1`]));
  });

  it('finds its claim when Jira was busy after the change was stored, and only finishes the writes', async () => {
    world.jira.busy.set('addComment', 1);
    await expect(reply('c1')).rejects.toBeInstanceOf(JiraBusyError);
    expect(record().state).toBe('awaiting-spoc');
    expect(await reply('c1')).toBe('not-a-client-reply');
    const told = world.jira
      .issue(ISSUE.id)
      .comments.filter((c) => /back with @Priya/.test(messageText(c.body)));
    expect(told).toHaveLength(1);
    expect(world.triage.entry(ISSUE.id).outbox).toEqual([]);
  });

  it('from someone else, or internal, is not a client reply', async () => {
    expect(await reply('c2', PEOPLE.tom)).toBe('not-a-client-reply');
    expect(await reply('c3', PEOPLE.client, false)).toBe('not-a-client-reply');
    expect(record().state).toBe('info-requested');
  });
});

describe('an assignment on a routed issue', () => {
  const assign = (changelogId: string, to: string | null) =>
    recordAssignmentChange.execute(
      { issueId: ISSUE.id, changelogId, newAssigneeAccountId: to, actorAccountId: PEOPLE.tom },
      world,
    );

  it('away from the SPOC before vetting is recorded as a bypass and the SPOC is told', async () => {
    expect(await assign('cl1', PEOPLE.tom)).toBe('recorded');
    const entry = world.triage.entry(ISSUE.id);
    expect(entry.notices.at(-1)).toMatchObject({ kind: 'bypass' });
    expect(world.jira.writes().map((c) => c.call)).toEqual(['addComment']);
    expect(messageText(world.jira.issue(ISSUE.id).comments.at(-1)!.body)).toMatch(
      /^@Priya Shah: .*before Priya Shah \(SPOC\) vetted it/,
    );
  });

  it('is put back with the SPOC when the policy says revert, once per event', async () => {
    world = aWorld(acmeConfiguration({ policy: { ...DEFAULT_POLICY, bypass: 'revert' } }));
    await routed(world);
    expect(await assign('cl1', PEOPLE.tom)).toBe('reverted');
    expect(world.jira.issue(ISSUE.id).assignee).toBe(PEOPLE.priya);
    expect(await assign('cl1', PEOPLE.tom)).toBe('already-handled');
    expect(world.jira.writes().map((c) => c.call)).toEqual(['editIssue', 'addComment']);
  });

  it('is claimed with the bypass it records: a conflict stores neither, the redelivery records it once', async () => {
    world.triage.conflictNext = true;
    await expect(assign('cl1', PEOPLE.tom)).rejects.toBeInstanceOf(TriageConflictError);
    expect(world.ledger.claims.size).toBe(0);
    expect(world.triage.entry(ISSUE.id).notices).toEqual([]);
    expect(await assign('cl1', PEOPLE.tom)).toBe('recorded');
    expect(await assign('cl1', PEOPLE.tom)).toBe('already-handled');
    expect(world.triage.entry(ISSUE.id).notices.filter((n) => n.kind === 'bypass')).toHaveLength(1);
    expect(world.jira.writes().map((c) => c.call)).toEqual(['addComment']);
  });

  it('to the SPOC, or after vetting, is allowed', async () => {
    expect(await assign('cl2', PEOPLE.priya)).toBe('allowed');
    await applyTriageActionRequest.execute(
      { callerAccountId: PEOPLE.priya, issueIdOrKey: ISSUE.key, input: { action: 'accept-for-delivery' } },
      world.as(STAFF),
    );
    expect(await assign('cl3', PEOPLE.tom)).toBe('allowed');
  });
});

describe('any later event on a routed issue', () => {
  it('sends the writes still waiting, and nothing when none are', async () => {
    expect(await finishPendingUpdates.execute({ issueId: ISSUE.id }, world)).toBe(0);
    world.jira.busy.set('addComment', 1);
    await expect(
      applyTriageActionRequest.execute(
        {
          callerAccountId: PEOPLE.priya,
          issueIdOrKey: ISSUE.key,
          input: { action: 'escalate', reason: 'Urgent' },
        },
        world.as(STAFF),
      ),
    ).rejects.toThrow(/Jira is busy/);
    expect(record().escalationLevel).toBe(3);
    expect(await finishPendingUpdates.execute({ issueId: ISSUE.id }, world)).toBe(1);
    expect(world.triage.entry(ISSUE.id).outbox).toEqual([]);
    expect(world.jira.writes().filter((c) => c.call === 'addComment')).toHaveLength(1);
  });
});

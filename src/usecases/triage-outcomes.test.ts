import { DEFAULT_POLICY } from '../domain';
import { messageText } from './support/message';
import { applyTriageActionRequest } from './apply-triage-action';
import { TriageRefusedError, WritesPendingError } from './errors';
import { finishPendingUpdates } from './finish-pending-updates';
import { getIssueSpocView } from './get-issue-spoc-view';
import { candidateJql, listDuplicateCandidates } from './list-duplicate-candidates';
import { recordClientReply } from './record-client-reply';
import { routeClientIssue } from './route-client-issue';
import { acmeConfiguration, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/**
 * Triage outcomes in Jira's own terms: a rejected or duplicate issue moves through the workflow to Done
 * with a resolution that fits, a duplicate is linked, a reopened one goes back to To Do with the resolution
 * cleared; the duplicate's target is one the client can open, or chosen knowingly.
 */
let world: World;
const ISSUE = issueRef(1);
const OTHER = issueRef(2);
const INTERNAL = issueRef(3);

async function routedWorld(w: World): Promise<void> {
  w.jira.addIssue(ISSUE, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
    summary: 'Scanner drops scans',
  });
  w.jira.addIssue(OTHER, {
    summary: 'Scanner drops scans after the update',
    reporterAccountId: PEOPLE.client,
  });
  w.jira.addIssue(INTERNAL, { summary: 'Scanner firmware drops scans' });
  w.jira.users[PEOPLE.client] = 'Cli Ent';
  w.jira.hiddenFrom.set(PEOPLE.client, new Set([INTERNAL.key]));
  await routeClientIssue.execute(
    {
      issueId: ISSUE.id,
      issueKey: ISSUE.key,
      ...SUP,
      summary: 'Scanner drops scans',
      reporterAccountId: PEOPLE.client,
      facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    },
    w,
  );
  w.jira.calls.length = 0;
}

beforeEach(async () => {
  world = aWorld();
  await routedWorld(world);
});

const act = (input: unknown, caller: string = PEOPLE.priya, w: World = world) =>
  applyTriageActionRequest.execute({ callerAccountId: caller, issueIdOrKey: ISSUE.key, input }, w.as(STAFF));
const jiraIssue = (w: World = world) => w.jira.issue(ISSUE.id);
const record = (w: World = world) => w.triage.entry(ISSUE.id).record;

describe('a rejected issue', () => {
  it("moves to Done with the resolution Won't Do, keeps its SPOC as assignee, and says so in the panel", async () => {
    const { view } = await act({ action: 'reject', reason: 'Scanners are out of support.' });
    expect(jiraIssue()).toMatchObject({ status: 'Done', resolution: "Won't Do", assignee: PEOPLE.priya });
    expect(jiraIssue().labels).toContain('spoc-rejected');
    expect(world.jira.writes(ISSUE.id).map((c) => c.call)).toEqual(
      expect.arrayContaining(['editIssue', 'transitionIssue', 'addComment']),
    );
    expect(world.triage.entry(ISSUE.id).notices.at(-1)).toMatchObject({ kind: 'workflow' });
    expect(world.triage.entry(ISSUE.id).notices.at(-1)?.text).toBe(
      "Moved from To Do to Done (transition Done); resolution Won't Do.",
    );
    expect(view.mayReopen).toBe(true);
  });

  it('stays where it is when the policy leaves the workflow alone', async () => {
    const w = aWorld(
      acmeConfiguration({
        policy: { ...DEFAULT_POLICY, workflow: { ...DEFAULT_POLICY.workflow, moveIssues: false } },
      }),
    );
    await routedWorld(w);
    await act({ action: 'reject', reason: 'Out of support.' }, PEOPLE.priya, w);
    expect(jiraIssue(w)).toMatchObject({ status: 'To Do', resolution: null });
    expect(w.jira.calls.map((c) => c.call)).not.toContain('transitionIssue');
  });

  it('goes back to To Do, unresolved and unlabelled, when the SPOC reopens it, with a fresh clock', async () => {
    await act({ action: 'reject', reason: 'Out of support.' });
    world.clock.set('2025-06-09T11:00:00Z');
    const { view, summary } = await act({ action: 'reopen' });
    expect(summary).toMatch(/reopened the issue/);
    expect(record()).toMatchObject({ state: 'awaiting-spoc', dueAt: expect.any(String) });
    expect(Date.parse(record().dueAt as string)).toBeGreaterThan(Date.parse('2025-06-09T11:00:00Z'));
    expect(jiraIssue()).toMatchObject({ status: 'To Do', resolution: null });
    expect(jiraIssue().labels).not.toContain('spoc-rejected');
    expect(messageText(jiraIssue().comments.at(-1)!.body)).toBe(
      '@Priya Shah reopened this issue; it is back with @Priya Shah.',
    );
    expect(view.mayReopen).toBe(false);
    expect(view.allowedActions).toContain('reject');
  });

  it('is reopened by the client’s answer, back in To Do, and the SPOC is told', async () => {
    await act({ action: 'reject', reason: 'Out of support.' });
    expect(
      await recordClientReply.execute(
        { issueId: ISSUE.id, commentId: 'c9', authorAccountId: PEOPLE.client, isPublic: true },
        world,
      ),
    ).toBe('back-with-spoc');
    expect(record().state).toBe('awaiting-spoc');
    expect(jiraIssue()).toMatchObject({ status: 'To Do', resolution: null });
    expect(jiraIssue().labels).not.toContain('spoc-rejected');
    expect(jiraIssue().comments.at(-1)?.role).not.toBeNull();
    // A staff comment on a rejected issue reopens nothing.
    await act({ action: 'reject', reason: 'Still out of support.' });
    expect(
      await recordClientReply.execute(
        { issueId: ISSUE.id, commentId: 'c10', authorAccountId: PEOPLE.priya, isPublic: true },
        world,
      ),
    ).toBe('not-a-client-reply');
    expect(jiraIssue().status).toBe('Done');
  });

  it('owes its move while Jira is busy, and the next chance finishes it, once', async () => {
    world.jira.busy.set('transitionIssue', 1);
    await expect(act({ action: 'reject', reason: 'Out of support.' })).rejects.toThrow(WritesPendingError);
    expect(record().state).toBe('rejected');
    expect(jiraIssue().status).toBe('To Do');
    expect(world.triage.entry(ISSUE.id).outbox.map((w) => w.kind)).toEqual(['workflow']);
    expect(await finishPendingUpdates.execute({ issueId: ISSUE.id }, world)).toBe(1);
    expect(jiraIssue()).toMatchObject({ status: 'Done', resolution: "Won't Do" });
    expect(world.jira.calls.filter((c) => c.call === 'transitionIssue')).toHaveLength(1);
    expect(world.jira.issue(ISSUE.id).comments).toHaveLength(2); // the routing and the rejection comments
  });
});

describe('a duplicate', () => {
  it('of an issue the client can open is linked, moved to Done as Duplicate, and the client pointed there', async () => {
    const { view } = await act({ action: 'mark-duplicate', duplicateOf: OTHER.key });
    expect(jiraIssue()).toMatchObject({ status: 'Done', resolution: 'Duplicate', links: [OTHER.key] });
    expect(messageText(jiraIssue().comments.at(-1)!.body)).toBe(
      `This is a duplicate of ${OTHER.key}; follow that issue for updates.`,
    );
    expect(view).toMatchObject({ duplicateOf: OTHER.key, duplicateClientCanOpen: true, mayReopen: true });
  });

  it('of an issue the client cannot open is refused in plain words, and changes nothing', async () => {
    const attempt = act({ action: 'mark-duplicate', duplicateOf: INTERNAL.key });
    await expect(attempt).rejects.toThrow(TriageRefusedError);
    await expect(act({ action: 'mark-duplicate', duplicateOf: INTERNAL.key })).rejects.toThrow(
      `Cli Ent cannot open ${INTERNAL.key}: they would get "Not found" there. Choose an issue Cli Ent can open, or confirm that they will not see ${INTERNAL.key} and follow this issue instead.`,
    );
    expect(record().state).toBe('awaiting-spoc');
    expect(world.jira.writes()).toEqual([]);
  });

  it('of an issue the client cannot open, confirmed, tells the client updates come here', async () => {
    const { view } = await act({ action: 'mark-duplicate', duplicateOf: INTERNAL.key, confirmHidden: true });
    expect(record()).toMatchObject({ state: 'duplicate', duplicateClientCanOpen: false });
    expect(messageText(jiraIssue().comments.at(-1)!.body)).toBe(
      `This is a duplicate of ${INTERNAL.key}, an issue you cannot open; we will post its updates here.`,
    );
    expect(view.duplicateClientCanOpen).toBe(false);
  });

  it('refuses a confirmation that is not yes or no', async () => {
    await expect(
      act({ action: 'mark-duplicate', duplicateOf: OTHER.key, confirmHidden: 'yes' }),
    ).rejects.toThrow(/yes or no/);
  });

  it('reopened loses its link and its resolution', async () => {
    await act({ action: 'mark-duplicate', duplicateOf: OTHER.key });
    await act({ action: 'reopen', note: 'Different scanner model.' });
    expect(jiraIssue()).toMatchObject({ status: 'To Do', resolution: null, links: [] });
    expect(record()).toMatchObject({ state: 'awaiting-spoc', duplicateOf: null });
  });

  it('can be reopened only by those who vet it', async () => {
    await act({ action: 'mark-duplicate', duplicateOf: OTHER.key });
    await expect(act({ action: 'reopen' }, PEOPLE.tom)).rejects.toThrow(
      /Only the issue's SPOC or their backups/,
    );
    const view = await getIssueSpocView.execute(
      { callerAccountId: PEOPLE.tom, issueIdOrKey: ISSUE.key },
      world.as(STAFF),
    );
    expect(view.mayReopen).toBeFalsy();
  });
});

describe('the duplicate picker', () => {
  const pick = (input: unknown, w: World = world) =>
    listDuplicateCandidates.execute(
      { callerAccountId: PEOPLE.priya, issueIdOrKey: ISSUE.key, input },
      w.as(STAFF),
    );

  it('lists only issues the reporter can open, and counts those left out', async () => {
    const found = await pick({ query: 'scans' });
    expect(found.reporter).toEqual({ accountId: PEOPLE.client, displayName: 'Cli Ent' });
    expect(found.candidates).toEqual([
      {
        key: OTHER.key,
        summary: 'Scanner drops scans after the update',
        status: 'To Do',
        clientSight: 'can-open',
        sightText: `Cli Ent can open ${OTHER.key}, so they can follow it there.`,
      },
    ]);
    expect(found.hiddenFromClient).toBe(1);
  });

  it('finds an issue by key, and none for a key the text does not match', async () => {
    expect((await pick({ query: 'sup-2' })).candidates.map((c) => c.key)).toEqual([OTHER.key]);
    expect((await pick({ query: 'firmware' })).candidates).toEqual([]);
  });

  it('refuses a search that is not text or is too long, and a caller who does not vet', async () => {
    await expect(pick({ query: 42 })).rejects.toThrow(/The search is text/);
    await expect(pick({ query: 'x'.repeat(101) })).rejects.toThrow(/at most 100 characters/);
    await expect(
      listDuplicateCandidates.execute(
        { callerAccountId: PEOPLE.tom, issueIdOrKey: ISSUE.key, input: {} },
        world.as(STAFF),
      ),
    ).rejects.toThrow(/Only the issue's SPOC or their backups can mark SUP-1 a duplicate/);
  });

  it('writes the search as JQL with quotes escaped, and a key as a key', () => {
    expect(candidateJql('say "hi" \\', 'SUP-1')).toBe(
      'text ~ "say \\"hi\\" \\\\" AND key != SUP-1 ORDER BY updated DESC',
    );
    expect(candidateJql(' sup-7 ', 'SUP-1')).toBe('key = SUP-7 AND key != SUP-1 ORDER BY updated DESC');
    expect(candidateJql('', 'SUP-1')).toBe('key != SUP-1 ORDER BY updated DESC');
  });
});

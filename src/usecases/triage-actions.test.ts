import { messageText } from './support/message';
import { applyTriageActionRequest } from './apply-triage-action';
import {
  InvalidInputError,
  NotAllowedError,
  NotFoundError,
  TriageConflictError,
  TriageRefusedError,
} from './errors';
import { getIssueSpocView } from './get-issue-spoc-view';
import { recordClientReply } from './record-client-reply';
import { routeClientIssue } from './route-client-issue';
import { ADMIN, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

let world: World;
const ISSUE = issueRef(1);

beforeEach(async () => {
  world = aWorld();
  world.jira.addIssue(ISSUE, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
  });
  world.jira.addIssue(issueRef(2));
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

const act = (caller: string, input: unknown, permissions: readonly string[] = STAFF) =>
  applyTriageActionRequest.execute(
    { callerAccountId: caller, issueIdOrKey: ISSUE.key, input },
    world.as(permissions),
  );

const record = () => world.triage.entry(ISSUE.id).record;

describe('triage actions', () => {
  it('lets the SPOC ask the client for information, in a public comment, and stops the clock', async () => {
    const { view } = await act(PEOPLE.priya, {
      action: 'request-info',
      message: 'Which consignment number?',
    });
    expect(view.state).toBe('info-requested');
    expect(record()).toMatchObject({ state: 'info-requested', dueAt: null });
    const comment = world.jira.issue(ISSUE.id).comments.at(-1)!;
    expect(comment.role).toBeNull();
    expect(messageText(comment.body)).toContain('Which consignment number?');
    expect(world.jira.issue(ISSUE.id).property).toMatchObject({ state: 'info-requested' });
  });

  it('tells the client what the SPOC asked and that their comment answers it; staff see what it waits for', async () => {
    await act(PEOPLE.priya, {
      action: 'request-info',
      message: 'Which consignment number?\nAnd since when?',
    });
    const asClient = await getIssueSpocView.execute(
      { callerAccountId: PEOPLE.client, issueIdOrKey: ISSUE.key },
      world.as(['BROWSE_PROJECTS', 'ADD_COMMENTS']),
    );
    expect(asClient).toMatchObject({
      audience: 'client',
      state: 'info-requested',
      clientTurn: {
        question: 'Which consignment number?\nAnd since when?',
        askedBy: { accountId: PEOPLE.priya, displayName: 'Priya Shah' },
        askedAt: world.clock.now().toISOString(),
        answeredByAccountId: PEOPLE.client,
      },
      reasons: [],
      history: [],
      allowedActions: [],
    });
    const asSpoc = await getIssueSpocView.execute(
      { callerAccountId: PEOPLE.priya, issueIdOrKey: ISSUE.key },
      world.as(STAFF),
    );
    expect(asSpoc).toMatchObject({ audience: 'staff', clientTurn: asClient.clientTurn });

    // The client's answer sends it back to Priya: nothing is asked of them any more.
    await recordClientReply.execute(
      { issueId: ISSUE.id, commentId: '9001', authorAccountId: PEOPLE.client, isPublic: true },
      world,
    );
    const after = await getIssueSpocView.execute(
      { callerAccountId: PEOPLE.client, issueIdOrKey: ISSUE.key },
      world.as(['BROWSE_PROJECTS', 'ADD_COMMENTS']),
    );
    expect(after).toMatchObject({ state: 'awaiting-spoc', clientTurn: null });
  });

  it('refuses someone who is neither SPOC nor backup, and changes nothing', async () => {
    await expect(act(PEOPLE.tom, { action: 'request-info', message: 'Hello?' })).rejects.toThrow(
      NotAllowedError,
    );
    expect(record().state).toBe('awaiting-spoc');
    expect(world.jira.writes()).toEqual([]);
  });

  it('refuses a payload without the message, before anything else', async () => {
    await expect(act(PEOPLE.priya, { action: 'request-info' })).rejects.toThrow(InvalidInputError);
    await expect(act(PEOPLE.priya, { action: 'launch-rockets' })).rejects.toThrow(/not a triage action/);
    expect(world.jira.writes()).toEqual([]);
  });

  it('refuses the SPOC when Jira does not let them assign, asked as them', async () => {
    await expect(
      act(PEOPLE.priya, { action: 'accept-for-delivery' }, ['BROWSE_PROJECTS', 'EDIT_ISSUES']),
    ).rejects.toThrow(/lack the ASSIGN_ISSUES permission/);
    expect(record().state).toBe('awaiting-spoc');
  });

  it('lets a backup accept for delivery: the delivery target gets the issue', async () => {
    const { view } = await act(PEOPLE.ana, { action: 'accept-for-delivery', note: 'Clear repro steps' });
    expect(view.state).toBe('vetted');
    const issue = world.jira.issue(ISSUE.id);
    expect(issue.assignee).toBe(PEOPLE.dev);
    expect(issue.labels).toContain('spoc-vetted');
    expect(record().vettedAt).toBe('2025-06-09T09:00:00.000Z');
  });

  it('lets delivery return a vetted issue to its SPOC, counted as a bounce-back; the SPOC cannot', async () => {
    await act(PEOPLE.priya, { action: 'accept-for-delivery' });
    await expect(act(PEOPLE.priya, { action: 'return-to-spoc', reason: 'Unclear' })).rejects.toThrow(
      /delivery team/,
    );
    const { view } = await act(PEOPLE.dev, { action: 'return-to-spoc', reason: 'Which browser?' });
    expect(view).toMatchObject({ state: 'returned', bounceBacks: 1 });
    expect(world.jira.issue(ISSUE.id).assignee).toBe(PEOPLE.priya);
  });

  it('refuses an action the state does not allow', async () => {
    await expect(act(PEOPLE.dev, { action: 'return-to-spoc', reason: 'Which browser?' })).rejects.toThrow(
      TriageRefusedError,
    );
  });

  it('marks a duplicate of an issue the caller can see, and links it', async () => {
    await act(PEOPLE.priya, { action: 'mark-duplicate', duplicateOf: 'SUP-2' });
    expect(record()).toMatchObject({ state: 'duplicate', duplicateOf: 'SUP-2' });
    expect(world.jira.issue(ISSUE.id).links).toEqual(['SUP-2']);
    // Once a duplicate, nothing more happens to it in triage.
    await expect(act(PEOPLE.priya, { action: 'reject', reason: 'Already handled' })).rejects.toThrow(
      TriageRefusedError,
    );
  });

  it('does not let a duplicate point at an issue the caller cannot see', async () => {
    const hidden = world.as(STAFF, (i) => i.id !== issueRef(2).id);
    await expect(
      applyTriageActionRequest.execute(
        {
          callerAccountId: PEOPLE.priya,
          issueIdOrKey: ISSUE.key,
          input: { action: 'mark-duplicate', duplicateOf: 'SUP-2' },
        },
        hidden,
      ),
    ).rejects.toThrow(NotFoundError);
  });

  it('lets a project administrator reassign, with a new due time for the new SPOC; not a developer', async () => {
    await expect(
      act(PEOPLE.tom, { action: 'reassign', toAccountId: PEOPLE.kenji, reason: 'Handover' }),
    ).rejects.toThrow(NotAllowedError);
    await act(
      PEOPLE.maria,
      { action: 'reassign', toAccountId: PEOPLE.kenji, reason: 'Priya moves team' },
      ADMIN,
    );
    expect(record().spocAccountId).toBe(PEOPLE.kenji);
    expect(world.jira.issue(ISSUE.id).spocField).toBe(PEOPLE.kenji);
    // Kenji starts Tuesday 09:00 in Tokyo (00:00 UTC): four working hours later.
    expect(record().dueAt).toBe('2025-06-10T04:00:00.000Z');
  });

  it('escalates with a reason, raising the level and telling the escalation manager', async () => {
    await act(PEOPLE.priya, { action: 'escalate', reason: 'Client threatens to cancel' });
    // The ladder's manager step, taken now: level 3, and the sweep will not tell the manager again.
    expect(record().escalationLevel).toBe(3);
    expect(record().escalationSteps.map((s) => s.step)).toEqual(['notify-escalation-manager']);
    const comment = world.jira.issue(ISSUE.id).comments.at(-1)!;
    expect(messageText(comment.body)).toMatch(/@Maria Gomez \(escalation manager\)/);
  });

  it('lets a backup take over; the SPOC cannot take over their own issue', async () => {
    await expect(act(PEOPLE.priya, { action: 'take-over' })).rejects.toThrow(NotAllowedError);
    await act(PEOPLE.kenji, { action: 'take-over', note: 'Priya is ill' });
    expect(record().spocAccountId).toBe(PEOPLE.kenji);
    expect(world.jira.issue(ISSUE.id).assignee).toBe(PEOPLE.kenji);
  });

  it('answers the view with the roles the caller has after a handover, not before', async () => {
    const taken = await act(PEOPLE.kenji, { action: 'take-over' });
    expect(taken.view.callerRoles).toContain('spoc');
    expect(taken.view.allowedActions).toContain('accept-for-delivery');
    // Kenji is still a backup, but the issue is now his: nothing to take over.
    expect(taken.view.allowedActions).not.toContain('take-over');

    const given = await act(PEOPLE.kenji, { action: 'reassign', toAccountId: PEOPLE.priya, reason: 'Back' });
    expect(given.view.spoc?.accountId).toBe(PEOPLE.priya);
    expect(given.view.callerRoles).not.toContain('spoc');
    expect(given.view.allowedActions).toContain('take-over');
  });

  it('refuses to overwrite a record someone else changed meanwhile', async () => {
    world.triage.conflictNext = true;
    await expect(act(PEOPLE.priya, { action: 'escalate', reason: 'Urgent' })).rejects.toThrow(
      TriageConflictError,
    );
    expect(world.jira.writes()).toEqual([]);
  });

  it('answers "not found" for an issue the caller cannot see', async () => {
    const blind = world.as(STAFF, () => false);
    await expect(
      applyTriageActionRequest.execute(
        {
          callerAccountId: PEOPLE.priya,
          issueIdOrKey: ISSUE.key,
          input: { action: 'escalate', reason: 'x' },
        },
        blind,
      ),
    ).rejects.toThrow(NotFoundError);
  });
});

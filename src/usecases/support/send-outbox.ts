import { toTriageProperty } from '../../domain';
import { planWorkflowMove } from '../../domain/workflow-move';
import { JiraBusyError, JiraRefusedError, WritesPendingError } from '../errors';
import type { AppJira, Clock, TriageRepository } from '../ports';
import {
  isBeingSent,
  sendLeaseUntil,
  withNotice,
  type JiraWrite,
  type StoredTriageEntry,
  type TriageEntry,
} from './triage-entry';

/**
 * Sends an entry's pending writes to Jira and crosses off in storage what Jira accepted. Writes that touch
 * different parts of the issue (the SPOC field; assignee, labels and property; comments; links) go out
 * side by side, and one compare-and-set update records the outcome of all of them; a write touching a part
 * an earlier pending write also touches waits for the next round, so writes to one part keep their order.
 *
 * When Jira asks the app to wait, what it did not take stays in the outbox and WritesPendingError says when to
 * try again; what it took is crossed off first, so nothing is lost and nothing is sent twice. A write
 * Jira refuses for good (the issue was deleted, a person is no longer assignable) is dropped with a notice
 * on the entry, so it never blocks the others.
 */
export interface OutboxDeps {
  readonly clock: Clock;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  /** The role that may read internal comments; null for public. */
  readonly internalCommentRole: string | null;
}

export async function sendOutbox(
  stored: StoredTriageEntry,
  deps: OutboxDeps,
  options: {
    /** The caller stored these writes a moment ago with a send lease (sendingUntil) of its own. */
    readonly holdsLease?: boolean;
  } = {},
): Promise<StoredTriageEntry> {
  let current = stored;
  if (stored.entry.outbox.length > 0 && !options.holdsLease) {
    const now = deps.clock.now();
    // Writes left by an earlier delivery: another delivery, the sweep or a panel may find them at the same
    // moment, and both sending would post a comment twice. Whoever stores the lease first sends; the
    // other leaves them (a live lease) or is told of the conflict (TriageConflictError) and looks again.
    if (isBeingSent(stored.entry, now)) return stored;
    const claimed: TriageEntry = { ...stored.entry, sendingUntil: sendLeaseUntil(now) };
    current = { entry: claimed, revision: await deps.triage.update(claimed, stored.revision, now) };
  }
  while (current.entry.outbox.length > 0) {
    const round = nextRound(current.entry.outbox);
    const outcomes = await Promise.allSettled(round.map((write) => perform(write, current.entry, deps)));

    let next: TriageEntry = current.entry;
    const kept: JiraWrite[] = [];
    let busy: JiraBusyError | undefined;
    let failure: { error: unknown } | undefined;
    round.forEach((write, i) => {
      const outcome = outcomes[i] as PromiseSettledResult<string | undefined>;
      if (outcome.status === 'fulfilled') {
        // What a workflow move did (or why it could not), for the panel's notices.
        if (outcome.value) {
          next = withNotice(next, {
            at: deps.clock.now().toISOString(),
            kind: 'workflow',
            text: outcome.value,
          });
        }
        return;
      }
      const error: unknown = outcome.reason;
      if (error instanceof JiraBusyError) {
        kept.push(write);
        if (!busy || error.retryAfterSeconds > busy.retryAfterSeconds) busy = error;
      } else if (error instanceof JiraRefusedError) {
        next = withNotice(next, {
          at: deps.clock.now().toISOString(),
          kind: 'jira-refused',
          text: `Jira refused the app's ${describeWrite(write)} (${error.status}): ${error.messages.join(' ').replace(/\.$/, '') || 'no reason given'}.`,
        });
      } else {
        kept.push(write);
        failure ??= { error };
      }
    });
    const stillOwed = [...kept, ...current.entry.outbox.slice(round.length)];
    // The send ends here when everything went or Jira stopped it: let the next delivery take over at once.
    const ends = stillOwed.length === 0 || busy !== undefined || failure !== undefined;
    next = { ...next, outbox: stillOwed, ...(ends ? { sendingUntil: undefined } : {}) };
    if (
      kept.length < round.length ||
      next.notices !== current.entry.notices ||
      next.sendingUntil !== current.entry.sendingUntil
    ) {
      const revision = await deps.triage.update(next, current.revision, deps.clock.now());
      current = { entry: next, revision };
    }
    if (failure) throw failure.error;
    if (busy) throw new WritesPendingError(busy.retryAfterSeconds, busy.reason);
  }
  return current;
}

/** What part of the issue a write changes: writes to different parts may go out together. */
function partOf(write: JiraWrite): string {
  switch (write.kind) {
    case 'spoc-field':
      return 'spoc-field';
    case 'edit':
    case 'property':
      return 'fields';
    case 'comment':
      return 'comments';
    case 'duplicate-link':
    case 'duplicate-unlink':
      return 'links';
    case 'workflow':
      return 'status';
  }
}

/** The longest run of pending writes, from the first, that touch different parts. */
function nextRound(outbox: readonly JiraWrite[]): JiraWrite[] {
  const parts = new Set<string>();
  const round: JiraWrite[] = [];
  for (const write of outbox) {
    const part = partOf(write);
    if (parts.has(part)) break;
    parts.add(part);
    round.push(write);
  }
  return round;
}

/** Sends one write; a workflow move answers what it did, in words. */
async function perform(write: JiraWrite, entry: TriageEntry, deps: OutboxDeps): Promise<string | undefined> {
  const property = toTriageProperty(entry.record);
  switch (write.kind) {
    case 'spoc-field':
      await deps.jira.setSpocField(entry.issueId, write.accountId);
      return undefined;
    case 'edit':
      await deps.jira.editIssue(entry.issueId, {
        ...(write.assignee !== undefined ? { assignee: write.assignee } : {}),
        ...(write.addLabels ? { addLabels: write.addLabels } : {}),
        ...(write.removeLabels ? { removeLabels: write.removeLabels } : {}),
        property,
      });
      return undefined;
    case 'property':
      await deps.jira.editIssue(entry.issueId, { property });
      return undefined;
    case 'comment':
      await deps.jira.addComment(entry.issueId, write.body, write.internal ? deps.internalCommentRole : null);
      return undefined;
    case 'duplicate-link':
      await deps.jira.linkDuplicate(entry.issueKey, write.duplicateOf);
      return undefined;
    case 'duplicate-unlink':
      await deps.jira.unlinkDuplicate(entry.issueKey, write.duplicateOf);
      return undefined;
    case 'workflow':
      return moveInWorkflow(entry.issueId, write, deps);
  }
}

/**
 * Finds the transition when it is sent, from where the issue stands then (someone may have moved it since
 * the decision), and takes it. Sent again after a busy Jira, it finds the issue already there.
 */
async function moveInWorkflow(
  issueId: string,
  write: Extract<JiraWrite, { kind: 'workflow' }>,
  deps: OutboxDeps,
): Promise<string> {
  const move = planWorkflowMove(await deps.jira.issueWorkflow(issueId), write.goal);
  if (move.kind === 'transition')
    await deps.jira.transitionIssue(issueId, move.transitionId, move.resolution);
  return move.summary;
}

function describeWrite(write: JiraWrite): string {
  switch (write.kind) {
    case 'spoc-field':
      return 'update of the SPOC field';
    case 'edit':
      return 'issue edit';
    case 'property':
      return 'update of the spoc property';
    case 'comment':
      return 'comment';
    case 'duplicate-link':
      return `duplicate link to ${write.duplicateOf}`;
    case 'duplicate-unlink':
      return `removal of the duplicate link to ${write.duplicateOf}`;
    case 'workflow':
      return write.goal.goal === 'reopen' ? 'move back to an open status' : 'move to a done status';
  }
}

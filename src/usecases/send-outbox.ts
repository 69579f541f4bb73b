import { toTriageProperty } from '../domain';
import { isRetryableJiraError, JiraRequestError, retryAfterSecondsOf } from '../jira/jira-client';
import { JiraBusyError } from './errors';
import type { AppJira, Clock, TriageRepository } from './ports';
import { withNotice, type JiraWrite, type StoredTriageEntry, type TriageEntry } from './triage-entry';

/**
 * Sends an entry's pending writes to Jira, in order, crossing each off in storage as soon as Jira accepted
 * it. When Jira asks the app to wait, the rest stays in the outbox and JiraBusyError says when to try
 * again. A write Jira refuses for good (the issue was deleted, a person is no longer assignable) is dropped
 * with a notice on the entry, so it never blocks the ones after it.
 */
export interface OutboxDeps {
  readonly clock: Clock;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  /** The role that may read internal comments; null for public. */
  readonly internalCommentRole: string | null;
}

export async function sendOutbox(stored: StoredTriageEntry, deps: OutboxDeps): Promise<StoredTriageEntry> {
  let current = stored;
  while (current.entry.outbox.length > 0) {
    const [write, ...rest] = current.entry.outbox as [JiraWrite, ...JiraWrite[]];
    let next: TriageEntry = { ...current.entry, outbox: rest };
    try {
      await perform(write, current.entry, deps);
    } catch (error) {
      if (isRetryableJiraError(error)) throw new JiraBusyError(retryAfterSecondsOf(error));
      if (!(error instanceof JiraRequestError)) throw error;
      next = withNotice(next, {
        at: deps.clock.now().toISOString(),
        kind: 'jira-refused',
        text: `Jira refused the app's ${describeWrite(write)} (${error.status}): ${error.messages.join(' ') || 'no reason given'}.`,
      });
    }
    const revision = await deps.triage.update(next, current.revision, deps.clock.now());
    current = { entry: next, revision };
  }
  return current;
}

async function perform(write: JiraWrite, entry: TriageEntry, deps: OutboxDeps): Promise<void> {
  const property = toTriageProperty(entry.record);
  switch (write.kind) {
    case 'spoc-field':
      return deps.jira.setSpocField(entry.issueId, write.accountId);
    case 'edit':
      return deps.jira.editIssue(entry.issueId, {
        ...(write.assignee !== undefined ? { assignee: write.assignee } : {}),
        ...(write.addLabels ? { addLabels: write.addLabels } : {}),
        ...(write.removeLabels ? { removeLabels: write.removeLabels } : {}),
        property,
      });
    case 'property':
      return deps.jira.editIssue(entry.issueId, { property });
    case 'comment':
      return deps.jira.addComment(
        entry.issueId,
        write.body,
        write.internal ? deps.internalCommentRole : null,
      );
    case 'duplicate-link':
      return deps.jira.linkDuplicate(entry.issueKey, write.duplicateOf);
  }
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
  }
}

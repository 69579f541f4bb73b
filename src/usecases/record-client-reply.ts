import { applyTriageAction, calendarOf, responseDueAt } from '../domain';
import { workflowGoal } from '../domain/workflow-move';
import { describeMoment } from '../domain/zone-time';
import { reopenWrites } from './reopen-issue';
import { clientRepliedComment } from './support/comments';
import type { AppJira, Clock, ConfigurationReader, EventLedger, TriageRepository } from './ports';
import { sendOutbox } from './support/send-outbox';
import { scheduled } from './support/sweep-schedule';
import { sendLeaseUntil, withNotice, type JiraWrite, type TriageEntry } from './support/triage-entry';

/**
 * A comment on a routed issue. When the client (the reporter) answers an issue waiting for their
 * information, it goes back to its SPOC with a fresh response clock, and the SPOC is told. When they answer
 * a rejection, the issue is reopened the same way and goes back to an open status in its workflow (the
 * resolution cleared, the rejected label removed), as the SPOC's own reopen does. Everything else
 * only finishes any writes the app still owes the issue. The comment id is claimed in the same write as
 * the change, so a redelivered event (or an edit of the same comment) changes nothing, and a change that
 * could not be stored leaves no claim behind.
 */
export interface RecordClientReplyParams {
  readonly issueId: string;
  readonly commentId: string;
  readonly authorAccountId: string | null;
  /** False for comments restricted to a role or group (internal notes are not client replies). */
  readonly isPublic: boolean;
}

export interface RecordClientReplyDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly ledger: EventLedger;
  readonly jira: AppJira;
}

export type RecordClientReplyResult =
  'not-routed' | 'not-a-client-reply' | 'already-handled' | 'back-with-spoc';

export const recordClientReply = {
  async execute(
    params: RecordClientReplyParams,
    deps: RecordClientReplyDeps,
  ): Promise<RecordClientReplyResult> {
    const claim = `comment:${params.issueId}:${params.commentId}`;
    const [found, handled, head] = await Promise.all([
      deps.triage.get(params.issueId),
      deps.ledger.claimed(claim),
      deps.config.head(),
    ]);
    if (!found) return 'not-routed';
    const outboxDeps = { ...deps, internalCommentRole: head.settings.internalCommentRole };
    const stored = await sendOutbox(found, outboxDeps);
    const { entry } = stored;
    const fromClient =
      params.isPublic &&
      params.authorAccountId !== null &&
      params.authorAccountId === entry.reporterAccountId;
    const answering = entry.record.state;
    if (!fromClient || (answering !== 'info-requested' && answering !== 'rejected'))
      return 'not-a-client-reply';
    if (handled) return 'already-handled';

    const now = deps.clock.now();
    const spoc = entry.record.spocAccountId;
    const [profiles, policy] = await Promise.all([
      spoc ? deps.config.profiles([spoc]) : Promise.resolve([]),
      deps.config.policy(),
    ]);
    const [profile] = profiles;
    const dueAt = profile
      ? responseDueAt(calendarOf(profile), now, entry.routing.responseTargetMinutes)
      : null;
    const outcome = applyTriageAction(
      entry.record,
      { type: 'client-replied', dueAt },
      { by: params.authorAccountId, at: now, historyLimit: policy.historyLimit },
    );
    if (!outcome.ok) return 'not-a-client-reply';
    const names = { ...head.names, ...(profile ? { [profile.accountId]: profile.displayName } : {}) };
    // Written on the issue, so the moment is named in full: it stays true whenever it is read.
    const dueText = profile && dueAt ? describeMoment(Date.parse(dueAt), profile.timeZone) : null;
    let next: TriageEntry = withNotice(
      { ...entry, record: outcome.record },
      { at: now.toISOString(), kind: 'client-replied', text: outcome.summary },
    );
    const told: JiraWrite[] = spoc
      ? [{ kind: 'comment', internal: true, body: clientRepliedComment(spoc, names, dueText) }]
      : [];
    next = {
      ...next,
      outbox: [
        ...entry.outbox,
        ...(answering === 'rejected'
          ? reopenWrites('rejected', null, workflowGoal(policy.workflow, 'reopened'), ...told)
          : [{ kind: 'property' } satisfies JiraWrite, ...told]),
      ],
    };
    next = { ...(await scheduled(next, deps.config, now)), sendingUntil: sendLeaseUntil(now) };
    // The change and the claim in one write: a conflict stores neither, and the redelivery tries again.
    // Stored but Jira busy: the redelivery finds the claim and only finishes the outbox.
    const revision = await deps.triage.update(next, stored.revision, now, { claim });
    await sendOutbox({ entry: next, revision }, outboxDeps, { holdsLease: true });
    return 'back-with-spoc';
  },
};

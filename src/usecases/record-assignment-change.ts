import { judgeAssignmentChange } from '../domain';
import { bypassComment } from './support/comments';
import type { AppJira, Clock, ConfigurationReader, EventLedger, TriageRepository } from './ports';
import { sendOutbox } from './support/send-outbox';
import { sendLeaseUntil, withNotice, type JiraWrite, type TriageEntry } from './support/triage-entry';

/**
 * Someone (not the app) assigned a routed issue. Before the SPOC vetted it, moving it away from them is a
 * bypass of the triage gate: it is recorded on the issue's record, the SPOC is told, and the policy decides
 * whether the app puts it back. The changelog id is claimed in the same write as the change, so a
 * redelivered event does nothing, and a change that could not be stored leaves no claim behind.
 */
export interface RecordAssignmentChangeParams {
  readonly issueId: string;
  readonly changelogId: string;
  readonly newAssigneeAccountId: string | null;
  readonly actorAccountId: string | null;
}

export interface RecordAssignmentChangeDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly ledger: EventLedger;
  readonly jira: AppJira;
}

export type RecordAssignmentChangeResult =
  'not-routed' | 'allowed' | 'already-handled' | 'recorded' | 'reverted';

export const recordAssignmentChange = {
  async execute(
    params: RecordAssignmentChangeParams,
    deps: RecordAssignmentChangeDeps,
  ): Promise<RecordAssignmentChangeResult> {
    const claim = `assigned:${params.issueId}:${params.changelogId}`;
    const [found, handled, head, policy] = await Promise.all([
      deps.triage.get(params.issueId),
      deps.ledger.claimed(claim),
      deps.config.head(),
      deps.config.policy(),
    ]);
    if (!found) return 'not-routed';
    const outboxDeps = { ...deps, internalCommentRole: head.settings.internalCommentRole };
    const stored = await sendOutbox(found, outboxDeps);
    const { entry } = stored;
    const spoc = entry.record.spocAccountId;
    const profiles = await deps.config.profiles(
      [spoc, params.newAssigneeAccountId, params.actorAccountId].filter((id): id is string => id !== null),
    );
    const names = { ...head.names, ...Object.fromEntries(profiles.map((p) => [p.accountId, p.displayName])) };
    const verdict = judgeAssignmentChange(
      policy,
      { state: entry.record.state, spocAccountId: spoc, newAssigneeAccountId: params.newAssigneeAccountId },
      names,
    );
    if (verdict.verdict === 'allowed' || spoc === null) return 'allowed';

    if (handled) return 'already-handled';
    const now = deps.clock.now();
    const by = params.actorAccountId ? (names[params.actorAccountId] ?? params.actorAccountId) : 'someone';
    const reverted = verdict.verdict === 'revert';
    const writes: JiraWrite[] = [
      ...(reverted ? [{ kind: 'edit' as const, assignee: spoc }] : []),
      {
        kind: 'comment',
        internal: true,
        body: bypassComment({ spocAccountId: spoc, reason: verdict.reason, reverted, names }),
      },
    ];
    const next: TriageEntry = {
      ...withNotice(entry, {
        at: now.toISOString(),
        kind: 'bypass',
        text: `Bypass by ${by}: ${verdict.reason}`,
      }),
      outbox: [...entry.outbox, ...writes],
      sendingUntil: sendLeaseUntil(now),
    };
    // The change and the claim in one write: a conflict stores neither, and the redelivery tries again.
    // Stored but Jira busy: the redelivery finds the claim and only finishes the outbox.
    const revision = await deps.triage.update(next, stored.revision, now, { claim });
    await sendOutbox({ entry: next, revision }, outboxDeps, { holdsLease: true });
    return reverted ? 'reverted' : 'recorded';
  },
};

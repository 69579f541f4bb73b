import { applyTriageAction, newTriageRecord, type TriageRecord } from '../domain';
import { routedComment, unroutedComment } from './comments';
import { decideRouting } from './decide-routing';
import type { AppJira, Clock, ConfigurationReader, EventLedger, IssueFacts, TriageRepository } from './ports';
import { sendOutbox } from './send-outbox';
import {
  ROUTED_LABEL,
  UNROUTED_LABEL,
  type JiraWrite,
  type StoredTriageEntry,
  type TriageEntry,
} from './triage-entry';

/**
 * A new issue arrived: if a client rule recognises it, decide who its SPOC is and write that on the issue
 * (SPOC field; assignee, label and `spoc` property in one edit; one comment with the reasons). Issues no
 * rule matches are left untouched. The decision is stored before anything is written to Jira, and a
 * redelivered event finds it and only finishes what is left, so the issue is routed exactly once.
 */
export interface RouteClientIssueParams {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectId: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly reporterAccountId: string | null;
  /** Labels, components and priority when the event carried them; read from Jira otherwise. */
  readonly facts: IssueFacts | null;
}

export interface RouteClientIssueDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly ledger: EventLedger;
  readonly jira: AppJira;
}

export type RouteClientIssueResult =
  | { readonly outcome: 'not-a-client-issue'; readonly reasons: readonly string[] }
  | { readonly outcome: 'routed' | 'unrouted' | 'already-routed'; readonly entry: TriageEntry };

export const routeClientIssue = {
  async execute(params: RouteClientIssueParams, deps: RouteClientIssueDeps): Promise<RouteClientIssueResult> {
    const existing = await deps.triage.get(params.issueId);
    if (existing) return { outcome: 'already-routed', entry: (await finish(existing, deps)).entry };

    const rules = await deps.config.rules();
    if (rules.length === 0) {
      return { outcome: 'not-a-client-issue', reasons: ['No client rules are set up yet.'] };
    }
    // One instant for the whole decision: routed at, availability and due time agree.
    const now = deps.clock.now();
    const outcome = await decideRouting(
      {
        project: { id: params.projectId, key: params.projectKey },
        reporterAccountId: params.reporterAccountId,
        facts: params.facts ?? (() => deps.jira.readIssueFacts(params.issueId)),
      },
      { ...deps, clock: { now: () => now } },
    );
    if (outcome.kind === 'no-client') return { outcome: 'not-a-client-issue', reasons: outcome.reasons };

    const { decision, client, names, policy } = outcome;
    let record: TriageRecord = newTriageRecord({
      clientId: client.id,
      spocAccountId: decision.outcome === 'routed' ? decision.spocAccountId : null,
      routedAt: now,
      dueAt: decision.outcome === 'routed' ? decision.dueAt : null,
      reason: decision.summary,
      historyLimit: policy.historyLimit,
    });
    let outbox: JiraWrite[];
    if (decision.outcome === 'routed') {
      outbox = [
        { kind: 'spoc-field', accountId: decision.spocAccountId },
        { kind: 'edit', assignee: decision.spocAccountId, addLabels: [ROUTED_LABEL] },
        {
          kind: 'comment',
          internal: true,
          body: routedComment({
            spocAccountId: decision.spocAccountId,
            role: decision.role,
            clientName: client.name,
            matchReason: outcome.matchReason,
            reasons: decision.reasons,
            targetReason: outcome.targetReason,
            names,
          }),
        },
      ];
    } else {
      // Nobody can take it: flag it and escalate at once, never hand it quietly to someone away.
      const escalated = applyTriageAction(
        record,
        { type: 'escalate', note: 'Nobody on the roster could take the issue.' },
        { by: null, at: now, historyLimit: policy.historyLimit },
      );
      if (escalated.ok) record = escalated.record;
      outbox = [
        { kind: 'edit', addLabels: [UNROUTED_LABEL] },
        {
          kind: 'comment',
          internal: true,
          body: unroutedComment({
            clientName: client.name,
            managerAccountId: decision.escalateToAccountId,
            matchReason: outcome.matchReason,
            reasons: decision.reasons,
            names,
          }),
        },
      ];
    }
    const entry: TriageEntry = {
      issueId: params.issueId,
      issueKey: params.issueKey,
      projectId: params.projectId,
      projectKey: params.projectKey,
      summary: params.summary,
      reporterAccountId: params.reporterAccountId,
      clientName: client.name,
      record,
      routing: {
        outcome: decision.outcome,
        summary: decision.summary,
        reasons: decision.reasons,
        matchReason: outcome.matchReason,
        responseTargetMinutes: outcome.targetMinutes,
        priority: outcome.priority,
      },
      notices: [],
      outbox,
    };
    const created = await deps.triage.create(entry, now);
    // Another delivery of the same event stored its decision first: finish that one instead.
    const stored = created ? { entry, revision: 1 } : await deps.triage.get(params.issueId);
    if (!stored)
      throw new Error(`The triage record of ${params.issueKey} vanished while it was being routed.`);
    const finished = await finish(stored, deps);
    return { outcome: created ? decision.outcome : 'already-routed', entry: finished.entry };
  },
};

async function finish(stored: StoredTriageEntry, deps: RouteClientIssueDeps): Promise<StoredTriageEntry> {
  if (stored.entry.outbox.length === 0) return stored;
  const head = await deps.config.head();
  return sendOutbox(stored, { ...deps, internalCommentRole: head.settings.internalCommentRole });
}

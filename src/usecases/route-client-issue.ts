import {
  AROUND_THE_CLOCK,
  calendarOf,
  newTriageRecord,
  recordEscalationStep,
  responseDueAt,
  type TriageRecord,
  type WorkingCalendar,
} from '../domain';
import { routedComment, unroutedComment } from './support/comments';
import { decideRouting, decideRoutingEarly, type ClientDecision } from './support/decide-routing';
import { TriageConflictError } from './errors';
import type { AppJira, Clock, ConfigurationReader, EventLedger, IssueFacts, TriageRepository } from './ports';
import { sendOutbox } from './support/send-outbox';
import { scheduled } from './support/sweep-schedule';
import {
  isBeingSent,
  sendLeaseUntil,
  ROUTED_LABEL,
  UNROUTED_LABEL,
  type JiraWrite,
  type StoredTriageEntry,
  type TriageEntry,
} from './support/triage-entry';

/**
 * A new issue arrived: if a client rule recognises it, decide who its SPOC is and write that on the issue
 * (SPOC field; assignee, label and `spoc` property in one edit; one comment with the reasons). Issues no
 * rule matches are left untouched. The decision is stored before anything is written to Jira, and a
 * redelivered event finds it and only finishes what is left, so the issue is routed exactly once. The
 * three writes then go out together (send-outbox.ts), and one update crosses them off.
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
    // One instant for the whole decision: routed at, availability and due time agree.
    const now = deps.clock.now();
    const routingDeps = { ...deps, clock: { now: () => now } };
    const issue = {
      project: { id: params.projectId, key: params.projectKey },
      reporterAccountId: params.reporterAccountId,
      facts: params.facts ?? (() => deps.jira.readIssueFacts(params.issueId)),
    };
    // Whether a delivery of this event came first, the configuration, and (on a warm instance) the
    // decision, side by side.
    const [existing, rules, early] = await Promise.all([
      deps.triage.get(params.issueId),
      deps.config.rules(),
      decideRoutingEarly(issue, routingDeps),
    ]);
    if (existing) {
      // Another delivery of this event is sending its writes right now: sending them too could post the
      // comment twice. Look again shortly (the trigger retries); the lease ends when that send does.
      if (isBeingSent(existing.entry, now)) throw new TriageConflictError(params.issueKey);
      return { outcome: 'already-routed', entry: (await finish(existing, deps, false)).entry };
    }

    if (rules.length === 0) {
      return { outcome: 'not-a-client-issue', reasons: ['No client rules are set up yet.'] };
    }
    const outcome = early ?? (await decideRouting(issue, routingDeps));
    if (outcome.kind === 'no-client') return { outcome: 'not-a-client-issue', reasons: outcome.reasons };

    const { decision, client, names, policy } = outcome;
    let record: TriageRecord = newTriageRecord({
      clientId: client.id,
      spocAccountId: decision.outcome === 'routed' ? decision.spocAccountId : null,
      routedAt: now,
      dueAt:
        decision.outcome === 'routed'
          ? decision.dueAt
          : // Nobody took it: the escalation manager's response clock runs, in their hours (or around the clock).
            responseDueAt(await managerCalendar(outcome, deps.config), now, outcome.targetMinutes),
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
      // Nobody can take it: flag it and tell the escalation manager at once (the ladder's first step),
      // never hand it quietly to someone away. The ladder then climbs on the manager's clock.
      record = recordEscalationStep(record, 'warn-spoc', {
        at: now,
        note: 'Nobody on the roster could take the issue; the escalation manager was told.',
        historyLimit: policy.historyLimit,
      }).record;
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
      ...(outbox.length > 0 ? { sendingUntil: sendLeaseUntil(now) } : {}),
    };
    const due = await scheduled(entry, deps.config, now);
    // Another delivery of the same event stored its decision a moment ago and is sending its writes, all at
    // once: sending them too could post the comment twice. Look again shortly (the trigger retries) and
    // finish then whatever is left.
    if (!(await deps.triage.create(due, now))) throw new TriageConflictError(params.issueKey);
    const finished = await finish({ entry: due, revision: 1 }, deps, true);
    return { outcome: decision.outcome, entry: finished.entry };
  },
};

/** `holdsLease`: this delivery just stored the writes with its send lease; else it must claim them first. */
async function finish(
  stored: StoredTriageEntry,
  deps: RouteClientIssueDeps,
  holdsLease: boolean,
): Promise<StoredTriageEntry> {
  if (stored.entry.outbox.length === 0) return stored;
  const head = await deps.config.head();
  return sendOutbox(
    stored,
    { ...deps, internalCommentRole: head.settings.internalCommentRole },
    { holdsLease },
  );
}

/** The escalation manager's working hours, when they have a SPOC profile; around the clock otherwise. */
async function managerCalendar(
  outcome: ClientDecision,
  config: ConfigurationReader,
): Promise<WorkingCalendar> {
  const manager = outcome.roster?.escalationManagerAccountId;
  const [profile] = manager ? await config.profiles([manager]) : [];
  return profile ? calendarOf(profile) : AROUND_THE_CLOCK;
}

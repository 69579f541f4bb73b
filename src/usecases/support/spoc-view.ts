import {
  allowedTriageActions,
  awaitsAcknowledgement,
  describeTriageState,
  type TriageRecord,
} from '../../domain';
import { describeTriageEvent } from '../../domain/triage-record';
import { ladderCheck, ladderContext } from './sweep-schedule';
import { spocsNow } from './spoc-availability';
import type {
  CallerRole,
  ClientTurn,
  HistoryEntry,
  PersonRef,
  SpocIssueView,
  TriageActionName,
} from '../../contract/issue-panel';
import { isPanelAction, whoMay } from './triage-verbs';
import type { Clock, ConfigurationReader, IssueRef, TriageRepository } from '../ports';
import type { TriageEntry } from './triage-entry';

/**
 * The SPOC panel's view of a client issue, built from the app's own record: state, client, SPOC and their
 * availability now, due time, reasons, history, and what the caller may do. It asks Jira nothing. Times
 * go out as instants (with the SPOC's zone), so the panel writes them for whoever looks.
 */
export interface SpocViewDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
}

export function notRoutedView(issue: Pick<IssueRef, 'id' | 'key'>, now: Date): SpocIssueView {
  return {
    issueId: issue.id,
    issueKey: issue.key,
    routed: false,
    state: null,
    stateLabel: null,
    client: null,
    audience: 'staff',
    spoc: null,
    clientTurn: null,
    spocNow: null,
    now: now.toISOString(),
    routedAt: null,
    dueAt: null,
    responseStatus: null,
    escalationLevel: 0,
    bounceBacks: 0,
    duplicateOf: null,
    vettedAt: null,
    summary: null,
    reasons: [],
    history: [],
    droppedHistoryEntries: 0,
    notices: [],
    callerRoles: [],
    allowedActions: [],
    pendingJiraUpdates: false,
  };
}

export async function buildSpocView(
  entry: TriageEntry,
  callerRoles: ReadonlySet<CallerRole>,
  deps: SpocViewDeps,
): Promise<SpocIssueView> {
  const now = deps.clock.now();
  const { record } = entry;
  const [head, policy] = await Promise.all([deps.config.head(), deps.config.policy()]);
  const spocId = record.spocAccountId;
  const [profile] = spocId ? await deps.config.profiles([spocId]) : [];
  const names = { ...head.names, ...(profile ? { [profile.accountId]: profile.displayName } : {}) };

  // The same ladder the sweep climbs: the client's own or the policy's, in the holder's working hours.
  const ladder = ladderCheck(entry, await ladderContext(entry, deps.config, now), now);
  const responseStatus: SpocIssueView['responseStatus'] = ladder.status;
  const stepsLeft = ladder.stepsDue.length > 0 || ladder.held.length > 0 || ladder.nextStepAt !== null;
  const [spocNow] = profile ? await spocsNow([profile], now, policy, names, deps.triage) : [];

  const roleAllows = (action: TriageActionName | 'reopen') =>
    whoMay(action).roles.some((r) => callerRoles.has(r));
  // The SPOC who is also a backup or in the pool has nothing to take over from themselves.
  const pointless = (action: TriageActionName) =>
    (action === 'take-over' && callerRoles.has('spoc')) ||
    // Only an escalation not yet acknowledged can be acknowledged, and only while a step is left to hold.
    (action === 'acknowledge' && (!awaitsAcknowledgement(record, now) || !stepsLeft));
  const allowedActions = allowedTriageActions(record.state).filter(
    (a): a is TriageActionName => isPanelAction(a) && roleAllows(a) && !pointless(a),
  );
  return {
    issueId: entry.issueId,
    issueKey: entry.issueKey,
    routed: true,
    state: record.state,
    stateLabel: describeTriageState(record.state),
    client: { id: record.clientId, name: entry.clientName },
    audience: 'staff',
    spoc: spocId ? { accountId: spocId, displayName: names[spocId] ?? spocId } : null,
    clientTurn: clientTurnOf(entry, names),
    spocNow: spocNow?.facts ?? null,
    now: now.toISOString(),
    routedAt: record.routedAt,
    dueAt: record.dueAt,
    responseStatus,
    escalationLevel: record.escalationLevel,
    bounceBacks: record.bounceBacks,
    duplicateOf: record.duplicateOf,
    vettedAt: record.vettedAt,
    summary: entry.routing.summary,
    reasons: [entry.routing.matchReason, ...entry.routing.reasons],
    history: historyOf(record, names),
    droppedHistoryEntries: record.droppedHistoryEntries,
    notices: entry.notices.map((n) => ({ at: n.at, text: n.text })),
    callerRoles: [...callerRoles],
    allowedActions,
    pendingJiraUpdates: entry.outbox.length > 0,
    mayReopen: allowedTriageActions(record.state).includes('reopen') && roleAllows('reopen'),
    duplicateClientCanOpen: record.duplicateOf ? (record.duplicateClientCanOpen ?? null) : null,
  };
}

/** What the SPOC asked while the issue waits on the client: the client's panel says it and how to answer. */
function clientTurnOf(entry: TriageEntry, names: Readonly<Record<string, string>>): ClientTurn | null {
  const { record } = entry;
  if (record.state !== 'info-requested') return null;
  const asked = record.clientQuestion ?? null;
  // Records from before questions were kept: who asked and when is still in the history.
  const event = [...record.history].reverse().find((h) => h.event === 'request-info');
  const by = asked ? asked.askedBy : (event?.by ?? null);
  return {
    question: asked?.text ?? null,
    askedBy: by === null ? null : { accountId: by, displayName: names[by] ?? by },
    askedAt: asked?.askedAt ?? event?.at ?? null,
    answeredByAccountId: entry.reporterAccountId,
  };
}

/** The record's history with names for the people in it and each event in words. */
function historyOf(record: TriageRecord, names: Readonly<Record<string, string>>): HistoryEntry[] {
  const person = (id: string): PersonRef => ({ accountId: id, displayName: names[id] ?? id });
  return record.history.map((h) => {
    const what =
      h.event === 'routed'
        ? `routed to ${h.spoc === null ? 'the app' : person(h.spoc).displayName}`
        : describeTriageEvent(h.event);
    return {
      at: h.at,
      event: h.event,
      by: h.by === null ? null : person(h.by),
      what,
      ...(h.note ? { note: h.note } : {}),
    };
  });
}

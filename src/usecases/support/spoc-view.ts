import {
  allowedTriageActions,
  awaitsAcknowledgement,
  availabilityAt,
  describeTriageState,
  effectiveCapacity,
  type TriageRecord,
} from '../../domain';
import { describeTriageEvent } from '../../domain/triage-record';
import { ladderCheck, ladderContext } from './sweep-schedule';
import { describeLocalMoment, formatLocalTime } from '../../domain/zone-time';
import type {
  CallerRole,
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
 * time and availability now, due time, reasons, history, and what the caller may do. It asks Jira nothing.
 */
export interface SpocViewDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
}

export function notRoutedView(issue: Pick<IssueRef, 'id' | 'key'>): SpocIssueView {
  return {
    issueId: issue.id,
    issueKey: issue.key,
    routed: false,
    state: null,
    stateLabel: null,
    client: null,
    spoc: null,
    spocNow: null,
    routedAt: null,
    dueAt: null,
    dueLocal: null,
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

  let spocNow: SpocIssueView['spocNow'] = null;
  // The same ladder the sweep climbs: the client's own or the policy's, in the holder's working hours.
  const ladder = ladderCheck(entry, await ladderContext(entry, deps.config, now), now);
  const responseStatus: SpocIssueView['responseStatus'] = ladder.status;
  const stepsLeft = ladder.stepsDue.length > 0 || ladder.held.length > 0 || ladder.nextStepAt !== null;
  if (profile) {
    const capacity = effectiveCapacity(profile, policy.defaultCapacity) ?? policy.defaultCapacity;
    const open = (await deps.triage.openCounts([profile.accountId], capacity))[profile.accountId] ?? 0;
    const availability = availabilityAt(
      profile,
      now,
      { openClientIssues: open },
      { defaultCapacity: policy.defaultCapacity, names },
    );
    spocNow = {
      localTime: formatLocalTime(now.getTime(), profile.timeZone),
      timeZone: profile.timeZone,
      status: availability.status,
      sentence: `${profile.displayName} ${availability.phrase}.`,
    };
  }

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
    spoc: spocId ? { accountId: spocId, displayName: names[spocId] ?? spocId } : null,
    spocNow,
    routedAt: record.routedAt,
    dueAt: record.dueAt,
    dueLocal:
      record.dueAt && profile
        ? describeLocalMoment(Date.parse(record.dueAt), profile.timeZone, now.getTime())
        : null,
    responseStatus,
    escalationLevel: record.escalationLevel,
    bounceBacks: record.bounceBacks,
    duplicateOf: record.duplicateOf,
    vettedAt: record.vettedAt,
    summary: entry.routing.summary,
    reasons: [entry.routing.matchReason, ...entry.routing.reasons],
    history: historyOf(record, names),
    droppedHistoryEntries: record.droppedHistoryEntries,
    notices: entry.notices.map((n) => `${n.at} ${n.text}`),
    callerRoles: [...callerRoles],
    allowedActions,
    pendingJiraUpdates: entry.outbox.length > 0,
    mayReopen: allowedTriageActions(record.state).includes('reopen') && roleAllows('reopen'),
    duplicateClientCanOpen: record.duplicateOf ? (record.duplicateClientCanOpen ?? null) : null,
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

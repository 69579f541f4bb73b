import {
  applyTriageAction,
  hasTakenStep,
  recordEscalationStep,
  type LadderStepKind,
  type RoutingDecision,
  type TriageRecord,
} from '../../domain';
import { describeMoment } from '../../domain/zone-time';
import type { AppJira, Clock, ConfigurationReader, TriageRepository } from '../ports';
import { handedOverComment, ladderComment, type LadderNote } from './comments';
import { decideForClient } from './decide-routing';
import { sendOutbox } from './send-outbox';
import { ladderCheck, ladderContext, scheduled } from './sweep-schedule';
import { sendLeaseUntil, type JiraWrite, type StoredTriageEntry, type TriageEntry } from './triage-entry';

/**
 * What the sweep does to one issue as time passes: take the ladder steps that have fallen due (warn the
 * SPOC, move the issue to the next available backup by routing's own rules, tell the escalation manager),
 * or hand the issue over from a SPOC who is away. Each change is stored first, with the Jira writes it
 * needs, by compare-and-set on the record's revision: when two sweeps (or a sweep and a person) reach the
 * same issue at once, one wins and the other changes nothing. A step is taken once per response clock.
 */
export interface LadderDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
}

export interface StepsTaken {
  readonly stored: StoredTriageEntry;
  readonly steps: readonly LadderStepKind[];
}

export async function takeDueSteps(stored: StoredTriageEntry, deps: LadderDeps): Promise<StepsTaken> {
  const now = deps.clock.now();
  const { entry } = stored;
  const context = await ladderContext(entry, deps.config, now);
  const check = ladderCheck(entry, context, now);
  if (check.stepsDue.length === 0) {
    // Nothing to do yet: look again when the next step falls due (a hold may have moved it).
    const again = await scheduled(entry, deps.config, now);
    if ((again.sweepAt ?? null) === (entry.sweepAt ?? null)) return { stored, steps: [] };
    const revision = await deps.triage.update(again, stored.revision, now);
    return { stored: { entry: again, revision }, steps: [] };
  }

  const head = await deps.config.head();
  const dueText = describeMoment(Date.parse(entry.record.dueAt as string), context.calendar.timeZone);
  let record: TriageRecord = entry.record;
  let names: Readonly<Record<string, string>> = {
    ...head.names,
    ...(context.ownerProfile ? { [context.ownerProfile.accountId]: context.ownerProfile.displayName } : {}),
  };
  const notes: LadderNote[] = [];
  const writes: JiraWrite[] = [];
  const options = (note: string) => ({ at: now, note, historyLimit: context.policy.historyLimit });
  for (const due of check.stepsDue) {
    if (hasTakenStep(record, due.step)) continue;
    switch (due.step) {
      case 'warn-spoc': {
        const outcome = recordEscalationStep(record, 'warn-spoc', options(due.reason));
        record = outcome.record;
        notes.push({
          step: 'warn-spoc',
          ownerAccountId: context.owner,
          dueAt: dueText,
          unrouted: entry.record.spocAccountId === null,
        });
        break;
      }
      case 'move-to-next-backup': {
        const from = record.spocAccountId;
        const chosen = await decideForClient(
          { id: record.clientId, name: entry.clientName },
          entry.routing.responseTargetMinutes,
          { ...deps, head, policy: context.policy },
          from ? { movingFrom: from } : {},
        );
        names = { ...names, ...chosen.names };
        const to = chosen.decision.outcome === 'routed' ? chosen.decision.spocAccountId : null;
        const outcome = recordEscalationStep(record, 'move-to-next-backup', {
          ...options(moveNote(chosen.decision, names)),
          moveTo: to,
        });
        record = outcome.record;
        notes.push({
          step: 'move-to-next-backup',
          from,
          to,
          reasons: moveReasons(chosen.decision),
          dueAt: dueText,
        });
        if (to) writes.push({ kind: 'spoc-field', accountId: to }, { kind: 'edit', assignee: to });
        break;
      }
      case 'notify-escalation-manager': {
        const outcome = recordEscalationStep(record, 'notify-escalation-manager', options(due.reason));
        record = outcome.record;
        notes.push({
          step: 'notify-escalation-manager',
          managerAccountId: context.escalationManager,
          dueAt: dueText,
        });
        break;
      }
    }
  }
  if (notes.length === 0) return { stored, steps: [] };
  // The property follows the new level (and SPOC) in the same edit when there is one.
  if (!writes.some((w) => w.kind === 'edit')) writes.push({ kind: 'property' });
  writes.push({ kind: 'comment', internal: true, body: ladderComment(notes, names) });
  return store(
    stored,
    { ...entry, record, outbox: [...entry.outbox, ...writes] },
    deps,
    notes.map((n) => n.step),
  );
}

/**
 * Hands an issue waiting for a SPOC who is away to their delegate or the next available backup, by
 * routing's rules, with the reasons on the issue. The client's clock runs on; when the response is already
 * overdue, the handover counts as the ladder's move to a backup, so the new SPOC is not moved on at once.
 * Unchanged when nobody can take it (the ladder goes on with the SPOC who is away).
 */
export async function handOver(
  stored: StoredTriageEntry,
  deps: LadderDeps,
): Promise<{ readonly stored: StoredTriageEntry; readonly to: string | null }> {
  const now = deps.clock.now();
  const { entry } = stored;
  const from = entry.record.spocAccountId;
  if (from === null) return { stored, to: null };
  const [head, policy] = await Promise.all([deps.config.head(), deps.config.policy()]);
  const chosen = await decideForClient(
    { id: entry.record.clientId, name: entry.clientName },
    entry.routing.responseTargetMinutes,
    { ...deps, head, policy },
    { movingFrom: from },
  );
  if (chosen.decision.outcome !== 'routed') return { stored, to: null };
  const to = chosen.decision.spocAccountId;
  const names = { ...head.names, ...chosen.names };
  const outcome = applyTriageAction(
    entry.record,
    { type: 'hand-over', toAccountId: to, note: moveNote(chosen.decision, names) },
    { by: null, at: now, historyLimit: policy.historyLimit, names },
  );
  if (!outcome.ok) return { stored, to: null };
  let record = outcome.record;
  if (entry.record.dueAt && Date.parse(entry.record.dueAt) <= now.getTime()) {
    record = recordEscalationStep(record, 'move-to-next-backup', {
      at: now,
      note: 'The handover moved the overdue issue to another SPOC.',
      historyLimit: policy.historyLimit,
    }).record;
  }
  const writes: JiraWrite[] = [
    { kind: 'spoc-field', accountId: to },
    { kind: 'edit', assignee: to },
    {
      kind: 'comment',
      internal: true,
      body: handedOverComment(from, to, moveReasons(chosen.decision), names),
    },
  ];
  const done = await store(stored, { ...entry, record, outbox: [...entry.outbox, ...writes] }, deps, []);
  return { stored: done.stored, to };
}

/**
 * Routing's reasons for moving an issue on, without its summary: a move keeps the client's response clock,
 * so the due time routing would give a new issue is not this issue's.
 */
function moveReasons(decision: RoutingDecision): readonly string[] {
  return decision.reasons.filter((reason) => reason !== decision.summary);
}

/** The history's note on a move: who took the issue, and that its clock runs on. */
function moveNote(decision: RoutingDecision, names: Readonly<Record<string, string>>): string {
  if (decision.outcome !== 'routed') return decision.summary;
  const to = names[decision.spocAccountId] ?? decision.spocName;
  return `Moved to ${to} (${decision.role}); the client's response clock runs on.`;
}

/** Stores the change (compare-and-set; TriageConflictError when someone else changed the issue first) and sends it. */
async function store(
  stored: StoredTriageEntry,
  changed: TriageEntry,
  deps: LadderDeps,
  steps: readonly LadderStepKind[],
): Promise<StepsTaken> {
  const now = deps.clock.now();
  const next = { ...(await scheduled(changed, deps.config, now)), sendingUntil: sendLeaseUntil(now) };
  const revision = await deps.triage.update(next, stored.revision, now);
  const head = await deps.config.head();
  const sent = await sendOutbox(
    { entry: next, revision },
    { ...deps, internalCommentRole: head.settings.internalCommentRole },
    { holdsLease: true },
  );
  return { stored: sent, steps };
}

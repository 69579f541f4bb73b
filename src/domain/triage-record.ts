import { isIssueKey } from './jira-keys';
import type { LadderStepKind } from './policy';
import { toIso, toMillis, type Instant } from './time';
import { describeMoment } from './zone-time';
import {
  describeTriageAction,
  isWaitingOnSpoc,
  triageTransition,
  type TriageAction,
  type TriageState,
} from './triage';
import { isNonEmptyString } from './validation';

/**
 * The app's own record of an issue's triage: the authority, kept in app storage. It is versioned and bounded
 * (history capped, notes shortened, a byte budget) so that it also fits comfortably in one Jira entity
 * property, whose limit is 32 KB.
 */
export const TRIAGE_SCHEMA_VERSION = 1 as const;
export const MIN_HISTORY_LIMIT = 5;
export const MAX_HISTORY_LIMIT = 25;
export const DEFAULT_HISTORY_LIMIT = 20;
export const MAX_NOTE_LENGTH = 120;
/** Hard ceiling on the stored JSON, well under Jira's 32 KB for an entity property. */
export const TRIAGE_RECORD_MAX_BYTES = 16 * 1024;
const MAX_ESCALATION_STEPS = 9;
const MAX_ESCALATION_LEVEL = 9;

export type TriageEvent = TriageAction | 'routed' | 'unrouted' | 'escalation-step' | 'property-repaired';

export interface TriageHistoryEntry {
  readonly at: string;
  readonly event: TriageEvent;
  /** Who acted; null for the app itself. */
  readonly by: string | null;
  readonly from: TriageState | null;
  readonly to: TriageState;
  /** The SPOC after the event. */
  readonly spoc: string | null;
  readonly note?: string;
}

/** A ladder step taken against one response clock (identified by its due time). */
export interface EscalationStepRecord {
  readonly step: LadderStepKind;
  readonly dueAt: string;
  readonly at: string;
}

/** "I am on it": the person an escalation went to holds the ladder's next step until `until`. */
export interface Acknowledgement {
  readonly by: string;
  readonly at: string;
  readonly until: string;
}

export interface TriageRecord {
  readonly schemaVersion: typeof TRIAGE_SCHEMA_VERSION;
  readonly state: TriageState;
  readonly clientId: string;
  /** Null while nobody could be routed the issue. */
  readonly spocAccountId: string | null;
  /** Highest escalation reached: ladder steps and manual escalations raise it; it never falls. */
  readonly escalationLevel: number;
  readonly routedAt: string;
  /** When the SPOC's current response clock started; null while it is not running. */
  readonly clockStartedAt: string | null;
  /** When the SPOC's response is due; null while the clock is not running. */
  readonly dueAt: string | null;
  readonly firstResponseAt: string | null;
  /** Last time the issue was accepted for delivery. */
  readonly vettedAt: string | null;
  /** Times delivery sent it back. */
  readonly bounceBacks: number;
  readonly duplicateOf: string | null;
  readonly escalationSteps: readonly EscalationStepRecord[];
  /** Newest last, at most the history limit. */
  readonly history: readonly TriageHistoryEntry[];
  /** Entries dropped from the start of the history to keep it bounded. */
  readonly droppedHistoryEntries: number;
  /**
   * The latest acknowledgement of an escalation on the current response clock; absent or null for none.
   * (Records written before acknowledgements existed have no such field, so it is optional.)
   */
  readonly acknowledged?: Acknowledgement | null;
  /** The SPOC the app handed the issue over from while they were out of office; absent or null otherwise. */
  readonly handedOverFrom?: string | null;
  /** What the SPOC asked while the issue waits for the client's information; absent or null otherwise. */
  readonly clientQuestion?: ClientQuestion | null;
  /** Whether the client can open the issue this one duplicates; absent or null when no duplicate or unknown. */
  readonly duplicateClientCanOpen?: boolean | null;
}

/** The SPOC's question to the client, kept whole (within a bound) so the client's panel can show it. */
export interface ClientQuestion {
  readonly text: string;
  readonly askedBy: string | null;
  readonly askedAt: string;
}

const byteLength = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

export const triageRecordBytes = (record: TriageRecord): number => byteLength(record);

/** Longest question the record keeps for the client's panel (the request itself allows as much). */
export const MAX_QUESTION_LENGTH = 2000;

/** A question keeps its lines; other control characters go, and it is cut at MAX_QUESTION_LENGTH. */
export function boundQuestion(question: string): string {
  const clean = question
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, ' ')
    .trim();
  return clean.length <= MAX_QUESTION_LENGTH ? clean : `${clean.slice(0, MAX_QUESTION_LENGTH - 1)}…`;
}

/** Notes are for a glance: control characters out, at most MAX_NOTE_LENGTH characters. */
export function boundNote(note: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = note.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length <= MAX_NOTE_LENGTH ? clean : `${clean.slice(0, MAX_NOTE_LENGTH - 1)}…`;
}

function clampHistoryLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_HISTORY_LIMIT;
  return Math.min(MAX_HISTORY_LIMIT, Math.max(MIN_HISTORY_LIMIT, Math.floor(limit)));
}

/** Appends an entry, drops the oldest beyond the limit, then keeps dropping until the byte budget holds. */
function withEntry(
  record: TriageRecord,
  entry: TriageHistoryEntry,
  historyLimit: number | undefined,
): TriageRecord {
  const limit = clampHistoryLimit(historyLimit);
  const all = [...record.history, entry];
  const overLimit = Math.max(0, all.length - limit);
  let result: TriageRecord = {
    ...record,
    history: all.slice(overLimit),
    droppedHistoryEntries: record.droppedHistoryEntries + overLimit,
  };
  while (result.history.length > 1 && byteLength(result) > TRIAGE_RECORD_MAX_BYTES) {
    result = {
      ...result,
      history: result.history.slice(1),
      droppedHistoryEntries: result.droppedHistoryEntries + 1,
    };
  }
  return result;
}

const entry = (fields: Omit<TriageHistoryEntry, 'note'>, note: string | undefined): TriageHistoryEntry => {
  const bounded = note === undefined ? '' : boundNote(note);
  return bounded ? { ...fields, note: bounded } : fields;
};

export interface NewTriageRecord {
  readonly clientId: string;
  /** Null when routing found nobody: the issue is unrouted. */
  readonly spocAccountId: string | null;
  readonly routedAt: Instant;
  readonly dueAt: Instant | null;
  /** The routing summary, shortened for the history. */
  readonly reason: string;
  readonly historyLimit?: number;
}

export function newTriageRecord(params: NewTriageRecord): TriageRecord {
  const routedAt = toIso(toMillis(params.routedAt, 'routing time'));
  const dueAt = params.dueAt === null ? null : toIso(toMillis(params.dueAt, 'due time'));
  const base: TriageRecord = {
    schemaVersion: TRIAGE_SCHEMA_VERSION,
    state: 'awaiting-spoc',
    clientId: params.clientId,
    spocAccountId: params.spocAccountId,
    escalationLevel: 0,
    routedAt,
    clockStartedAt: dueAt === null ? null : routedAt,
    dueAt,
    firstResponseAt: null,
    vettedAt: null,
    bounceBacks: 0,
    duplicateOf: null,
    escalationSteps: [],
    history: [],
    droppedHistoryEntries: 0,
  };
  const event = params.spocAccountId === null ? 'unrouted' : 'routed';
  return withEntry(
    base,
    entry(
      { at: routedAt, event, by: null, from: null, to: 'awaiting-spoc', spoc: params.spocAccountId },
      params.reason,
    ),
    params.historyLimit,
  );
}

export type TriageActionInput =
  | { readonly type: 'accept-for-delivery'; readonly note?: string }
  | { readonly type: 'request-info'; readonly note?: string }
  /** The client answered: the SPOC's clock restarts with a new due time. */
  | { readonly type: 'client-replied'; readonly dueAt: Instant | null; readonly note?: string }
  | { readonly type: 'reject'; readonly note: string }
  | {
      readonly type: 'mark-duplicate';
      readonly duplicateOf: string;
      /** Whether the client can open the other issue (null: unknown, or no reporter). */
      readonly clientCanOpen?: boolean | null;
      readonly note?: string;
    }
  | { readonly type: 'return-to-spoc'; readonly note: string; readonly dueAt: Instant | null }
  /**
   * A new due time restarts the clock for the new SPOC; leave it out to keep the current one. It starts at
   * `clockStartsAt` when given (someone back from an absence later), else at the action.
   */
  | {
      readonly type: 'reassign';
      readonly toAccountId: string;
      readonly dueAt?: Instant | null;
      readonly clockStartsAt?: Instant;
      readonly note?: string;
    }
  | { readonly type: 'escalate'; readonly note?: string }
  | { readonly type: 'take-over'; readonly dueAt?: Instant | null; readonly note?: string }
  /** The person an escalation went to is on it: the next ladder step waits until `until`. */
  | { readonly type: 'acknowledge'; readonly until: Instant; readonly note?: string }
  /** The app moves the issue from a SPOC who is away to their delegate or a backup; the clock runs on. */
  | { readonly type: 'hand-over'; readonly toAccountId: string; readonly note: string }
  /** The SPOC it was handed over from, back from their absence, takes it back. */
  | { readonly type: 'take-back'; readonly dueAt?: Instant | null; readonly note?: string }
  /** A rejected or duplicate issue goes back to its SPOC with a fresh response clock. */
  | { readonly type: 'reopen'; readonly dueAt: Instant | null; readonly note?: string };

export interface TriageActionContext {
  /** Who acts; null for the app (sweeps, routing). */
  readonly by: string | null;
  readonly at: Instant;
  readonly historyLimit?: number;
  readonly names?: Readonly<Record<string, string>>;
  /** The zone moments in the summary are named in (the one acting's); UTC when not given. */
  readonly timeZone?: string;
}

export type TriageOutcome =
  | { readonly ok: true; readonly record: TriageRecord; readonly summary: string }
  | { readonly ok: false; readonly refusal: string };

const refuse = (refusal: string): TriageOutcome => ({ ok: false, refusal });

/** The escalation level each ladder step reaches: warned 1, moved to a backup 2, manager told 3. */
export const STEP_LEVEL: Readonly<Record<LadderStepKind, number>> = {
  'warn-spoc': 1,
  'move-to-next-backup': 2,
  'notify-escalation-manager': 3,
};

/** The record's steps with `step` taken now on the current clock, unless it already was (or no clock runs). */
function withStep(record: TriageRecord, step: LadderStepKind, at: string): readonly EscalationStepRecord[] {
  if (record.dueAt === null || hasTakenStep(record, step)) return record.escalationSteps;
  const steps = [...record.escalationSteps, { step, dueAt: record.dueAt, at }];
  return steps.slice(Math.max(0, steps.length - MAX_ESCALATION_STEPS));
}

const NEEDS_SPOC: readonly TriageAction[] = [
  'accept-for-delivery',
  'request-info',
  'reject',
  'mark-duplicate',
];

/** Applies a triage action: a new record and a sentence for the issue, or a refusal saying why not. */
export function applyTriageAction(
  record: TriageRecord,
  action: TriageActionInput,
  context: TriageActionContext,
): TriageOutcome {
  const transition = triageTransition(record.state, action.type);
  if (!transition.ok) return refuse(transition.refusal);
  const atMs = toMillis(context.at, 'action time');
  const at = toIso(atMs);
  const name = (id: string | null): string => (id === null ? 'the app' : (context.names?.[id] ?? id));
  const by = context.by;

  if (NEEDS_SPOC.includes(action.type) && record.spocAccountId === null) {
    return refuse('Nobody is the SPOC of this issue yet; reassign it or take it over first.');
  }
  let dueAt: string | null | undefined;
  if ('dueAt' in action && action.dueAt !== undefined && action.dueAt !== null) {
    const dueMs = toMillis(action.dueAt, 'due time');
    if (dueMs < atMs) return refuse('A response cannot be due before the action that starts its clock.');
    dueAt = toIso(dueMs);
  } else if ('dueAt' in action && action.dueAt === null) {
    dueAt = null;
  }
  let clockStart = at;
  if ('clockStartsAt' in action && action.clockStartsAt !== undefined) {
    const startMs = toMillis(action.clockStartsAt, 'start of the response clock');
    if (startMs < atMs) return refuse('A response clock cannot start before the action that starts it.');
    if (dueAt && startMs > Date.parse(dueAt))
      return refuse('A response cannot be due before its clock starts.');
    clockStart = toIso(startMs);
  }

  let next: TriageRecord = { ...record, state: transition.to };
  let summary: string;
  switch (action.type) {
    case 'accept-for-delivery':
      next = { ...next, vettedAt: at };
      summary = `${name(by)} accepted the issue for delivery.`;
      break;
    case 'request-info': {
      const question = action.note === undefined ? '' : boundQuestion(action.note);
      next = { ...next, clientQuestion: question ? { text: question, askedBy: by, askedAt: at } : null };
      summary = `${name(by)} asked the client for more information.`;
      break;
    }
    case 'client-replied':
      summary =
        record.state === 'rejected'
          ? 'The client answered the rejection; the issue is reopened and back with its SPOC.'
          : 'The client replied; the issue is back with its SPOC.';
      break;
    case 'reject':
      if (!action.note.trim()) return refuse('Say why the issue is rejected; the client will read it.');
      summary = `${name(by)} rejected the issue.`;
      break;
    case 'mark-duplicate':
      if (!isIssueKey(action.duplicateOf)) {
        return refuse(`"${action.duplicateOf}" is not an issue key such as SUP-12.`);
      }
      next = {
        ...next,
        duplicateOf: action.duplicateOf,
        duplicateClientCanOpen: action.clientCanOpen ?? null,
      };
      summary = `${name(by)} marked the issue as a duplicate of ${action.duplicateOf}.`;
      break;
    case 'return-to-spoc':
      if (!action.note.trim()) return refuse('Say what is unclear, so the SPOC can put it right.');
      next = { ...next, bounceBacks: record.bounceBacks + 1 };
      summary = `${name(by)} returned the issue to its SPOC.`;
      break;
    case 'reassign':
      if (!isNonEmptyString(action.toAccountId)) return refuse('Say who the new SPOC is.');
      if (action.toAccountId === record.spocAccountId) {
        return refuse(`${name(action.toAccountId)} is already the SPOC of this issue.`);
      }
      next = { ...next, spocAccountId: action.toAccountId };
      summary = `${name(by)} reassigned the issue to ${name(action.toAccountId)}.`;
      break;
    case 'escalate':
      // A manual escalation joins the ladder: it is the "tell the escalation manager" step, taken now.
      next = {
        ...next,
        escalationLevel: Math.min(
          MAX_ESCALATION_LEVEL,
          Math.max(record.escalationLevel + 1, STEP_LEVEL['notify-escalation-manager']),
        ),
        escalationSteps: withStep(record, 'notify-escalation-manager', at),
      };
      summary = `${name(by)} escalated the issue (level ${next.escalationLevel}).`;
      break;
    case 'take-over':
      if (by === null) return refuse('Only a person can take over an issue.');
      if (by === record.spocAccountId) return refuse(`${name(by)} is already the SPOC of this issue.`);
      next = { ...next, spocAccountId: by };
      summary = `${name(by)} took over the issue from ${record.spocAccountId === null ? 'nobody' : name(record.spocAccountId)}.`;
      break;
    case 'acknowledge': {
      if (by === null) return refuse('Only a person can acknowledge an escalation.');
      if (record.dueAt === null || !record.escalationSteps.some((s) => s.dueAt === record.dueAt)) {
        return refuse('Nothing has escalated on this issue yet, so there is nothing to acknowledge.');
      }
      const untilMs = toMillis(action.until, 'end of the hold');
      if (untilMs <= atMs) return refuse('An acknowledgement must hold the next step until a later time.');
      next = { ...next, acknowledged: { by, at, until: toIso(untilMs) } };
      summary = `${name(by)} acknowledged the escalation; the next step waits until ${describeMoment(untilMs, context.timeZone ?? 'UTC')}.`;
      break;
    }
    case 'hand-over':
      if (by !== null) return refuse('Only the app hands issues over when their SPOC is away.');
      if (!isNonEmptyString(action.toAccountId)) return refuse('Say who takes the issue over.');
      if (action.toAccountId === record.spocAccountId) {
        return refuse(`${name(action.toAccountId)} is already the SPOC of this issue.`);
      }
      next = { ...next, spocAccountId: action.toAccountId, handedOverFrom: record.spocAccountId };
      summary = `The app handed the issue over from ${name(record.spocAccountId)} to ${name(action.toAccountId)}.`;
      break;
    case 'take-back':
      if (by === null || by !== (record.handedOverFrom ?? null)) {
        return refuse(
          record.handedOverFrom
            ? `Only ${name(record.handedOverFrom)}, whose issue it was before their absence, can take it back.`
            : 'This issue was not handed over during an absence, so there is nothing to take back.',
        );
      }
      next = { ...next, spocAccountId: by };
      summary = `${name(by)} took the issue back after their absence.`;
      break;
    case 'reopen':
      if (by === null) return refuse('Only a person can reopen an issue.');
      // No longer a duplicate: what it pointed at goes with the state.
      next = { ...next, duplicateOf: null, duplicateClientCanOpen: null };
      summary = `${name(by)} reopened the issue; it is back with ${name(record.spocAccountId)}.`;
      break;
  }
  // The question stays only while the client is the one being waited for.
  if (record.state === 'info-requested' && transition.to !== 'info-requested') {
    next = { ...next, clientQuestion: null };
  }
  // Whoever owns the issue now owns its escalations: a new SPOC's hold and handover start afresh.
  if (next.spocAccountId !== record.spocAccountId) {
    next = {
      ...next,
      acknowledged: null,
      handedOverFrom: action.type === 'hand-over' ? next.handedOverFrom : null,
    };
  }

  // The response clock: restarted on entering a state that waits on the SPOC, stopped on leaving one.
  const stateChanged = transition.to !== record.state;
  if (stateChanged && isWaitingOnSpoc(transition.to)) {
    // No due time (a SPOC without working hours) means no clock, rather than a clock that never ends.
    next = { ...next, clockStartedAt: dueAt ? clockStart : null, dueAt: dueAt ?? null, acknowledged: null };
  } else if (stateChanged) {
    next = { ...next, clockStartedAt: null, dueAt: null, acknowledged: null };
  } else if (dueAt !== undefined && isWaitingOnSpoc(transition.to)) {
    next = { ...next, clockStartedAt: dueAt === null ? null : clockStart, dueAt, acknowledged: null };
  }
  if (record.firstResponseAt === null && NEEDS_SPOC.includes(action.type)) {
    next = { ...next, firstResponseAt: at };
  }

  const note = 'note' in action ? action.note : undefined;
  const recorded = withEntry(
    next,
    entry(
      { at, event: action.type, by, from: record.state, to: transition.to, spoc: next.spocAccountId },
      note,
    ),
    context.historyLimit,
  );
  return { ok: true, record: recorded, summary };
}

export type EscalationStepOutcome =
  | { readonly recorded: true; readonly record: TriageRecord }
  | { readonly recorded: false; readonly record: TriageRecord; readonly reason: string };

/** Whether an escalation on the current clock waits for an acknowledgement (none given, or its hold is over). */
export function awaitsAcknowledgement(record: TriageRecord, now: Instant): boolean {
  if (record.dueAt === null || !record.escalationSteps.some((s) => s.dueAt === record.dueAt)) return false;
  const until = record.acknowledged?.until;
  return until === undefined || Date.parse(until) <= toMillis(now);
}

/** Whether the step was already taken against the issue's current response clock. */
export const hasTakenStep = (record: TriageRecord, step: LadderStepKind): boolean =>
  record.dueAt !== null && record.escalationSteps.some((s) => s.step === step && s.dueAt === record.dueAt);

/**
 * Records a ladder step once per response clock: a sweep that runs twice, or an event delivered twice, finds
 * the step already taken and changes nothing.
 */
export function recordEscalationStep(
  record: TriageRecord,
  step: LadderStepKind,
  context: {
    readonly at: Instant;
    readonly note?: string;
    readonly historyLimit?: number;
    /** For `move-to-next-backup`: who the issue moves to (the clock runs on); null or absent when nobody could. */
    readonly moveTo?: string | null;
  },
): EscalationStepOutcome {
  if (record.dueAt === null) {
    return {
      recorded: false,
      record,
      reason: 'No response is due on this issue, so there is nothing to escalate.',
    };
  }
  if (hasTakenStep(record, step)) {
    return {
      recorded: false,
      record,
      reason: 'This escalation step was already taken for the current response.',
    };
  }
  const at = toIso(toMillis(context.at, 'escalation time'));
  const moveTo = context.moveTo ?? null;
  const moves = moveTo !== null && moveTo !== record.spocAccountId;
  const next: TriageRecord = {
    ...record,
    escalationSteps: withStep(record, step, at),
    escalationLevel: Math.max(record.escalationLevel, STEP_LEVEL[step]),
    // A new owner has not acknowledged anything yet.
    ...(moves ? { spocAccountId: moveTo, acknowledged: null, handedOverFrom: null } : {}),
  };
  return {
    recorded: true,
    record: withEntry(
      next,
      entry(
        {
          at,
          event: 'escalation-step',
          by: null,
          from: record.state,
          to: record.state,
          spoc: next.spocAccountId,
        },
        context.note ?? step,
      ),
      context.historyLimit,
    ),
  };
}

/** What happened, in words, for events other than routing (whose words name the SPOC). */
export function describeTriageEvent(event: TriageEvent): string {
  if (event === 'routed') return 'routed';
  if (event === 'unrouted') return 'could not be routed';
  if (event === 'escalation-step') return 'escalation step';
  if (event === 'property-repaired') return 'restored the spoc property';
  return describeTriageAction(event);
}

/**
 * The app found the searchable `spoc` copy on the issue differing from this record and rewrote it: noted in
 * the history, so a reader of the issue sees that someone changed the copy and that the app put it right.
 */
export function recordPropertyRepair(
  record: TriageRecord,
  context: { readonly at: Instant; readonly note: string; readonly historyLimit?: number },
): TriageRecord {
  const at = toIso(toMillis(context.at, 'repair time'));
  return withEntry(
    record,
    entry(
      {
        at,
        event: 'property-repaired',
        by: null,
        from: record.state,
        to: record.state,
        spoc: record.spocAccountId,
      },
      context.note,
    ),
    context.historyLimit,
  );
}

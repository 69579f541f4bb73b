import { describeLadderStep, type LadderStepKind, type SpocPolicy } from './policy';
import { formatDuration, formatMinutes, MINUTE_MS, toIso, toMillis, type Instant } from './time';
import { isWaitingOnSpoc } from './triage';
import { hasTakenStep, type TriageRecord } from './triage-record';
import { addWorkingMinutesMs, workingMillisBetween, type WorkingCalendar } from './working-hours';
import { describeMoment, describeUtc } from './zone-time';

/**
 * Response targets and the escalation ladder. A target counts the SPOC's working time from when their clock
 * started; each ladder step falls due at a share of it (warn at 75%, move to the next backup at 100%, notify the
 * escalation manager at 150%). A sweep asks what is due now and records each step once on the triage record,
 * so running it twice repeats nothing. Whoever a step went to may acknowledge it ("I am on it"): the next
 * steps then wait until the hold ends. The reasons are written on issues, so they name moments absolutely.
 */
export type ResponseStatus = 'not-running' | 'on-track' | 'at-risk' | 'breached';

export interface DueLadderStep {
  readonly step: LadderStepKind;
  readonly dueAt: string;
  readonly reason: string;
}

export interface EscalationCheck {
  readonly status: ResponseStatus;
  readonly dueAt: string | null;
  readonly workingMinutesUsed: number;
  /** 0 once breached. */
  readonly workingMinutesLeft: number;
  /** Steps due at this instant and not yet taken, in ladder order. */
  readonly stepsDue: readonly DueLadderStep[];
  /**
   * When the next step not yet taken falls due (or its hold ends), so a sweep knows when to look again; null
   * when no step is left on this clock.
   */
  readonly nextStepAt: string | null;
  /** Steps that would be due now but wait for an acknowledgement's hold to end. */
  readonly held: readonly DueLadderStep[];
  readonly reasons: readonly string[];
}

export interface EscalationInput {
  readonly record: TriageRecord;
  /** The current SPOC's working calendar. */
  readonly calendar: WorkingCalendar;
  /** The response target this clock was started with, in working minutes. */
  readonly targetMinutes: number;
  readonly policy: Pick<SpocPolicy, 'ladder' | 'atRiskPercent'>;
  readonly now: Instant;
}

/** When a response is due: `targetMinutes` of the calendar's working time after `from`; null with no hours. */
export function responseDueAt(
  calendar: WorkingCalendar,
  from: Instant,
  targetMinutes: number,
): string | null {
  const due = addWorkingMinutesMs(calendar, toMillis(from, 'start of the response clock'), targetMinutes);
  return due === null ? null : toIso(due);
}

const notRunning = (reason: string): EscalationCheck => ({
  status: 'not-running',
  dueAt: null,
  workingMinutesUsed: 0,
  workingMinutesLeft: 0,
  stepsDue: [],
  nextStepAt: null,
  held: [],
  reasons: [reason],
});

export function checkEscalation(input: EscalationInput): EscalationCheck {
  const { record, calendar, targetMinutes, policy } = input;
  const nowMs = toMillis(input.now);
  if (!isWaitingOnSpoc(record.state) || record.dueAt === null || record.clockStartedAt === null) {
    return notRunning('No response is due from the SPOC in this state, so nothing escalates.');
  }
  if (!Number.isFinite(targetMinutes) || targetMinutes <= 0) {
    throw new RangeError('The response target must be a positive number of minutes.');
  }
  const zone = calendar.timeZone;
  const startMs = Date.parse(record.clockStartedAt);
  const dueMs = Date.parse(record.dueAt);
  const when = (ms: number): string => `${describeMoment(ms, zone)} (${describeUtc(ms, zone)})`;
  const holdUntil = record.acknowledged ? Date.parse(record.acknowledged.until) : null;
  const holding = holdUntil !== null && holdUntil > nowMs;
  const usedMs = workingMillisBetween(calendar, startMs, Math.min(nowMs, dueMs));
  const used = usedMs / MINUTE_MS;
  const left = nowMs >= dueMs ? 0 : Math.max(0, targetMinutes - used);
  const target = formatMinutes(targetMinutes);

  let status: ResponseStatus;
  const reasons: string[] = [];
  if (nowMs >= dueMs) {
    status = 'breached';
    reasons.push(`Breached: the response was due ${when(dueMs)}, ${formatDuration(nowMs - dueMs)} ago.`);
  } else if (used >= (targetMinutes * policy.atRiskPercent) / 100) {
    status = 'at-risk';
    reasons.push(
      `At risk: ${formatDuration(usedMs)} of the ${target} target used; the response is due ${when(dueMs)}.`,
    );
  } else {
    status = 'on-track';
    reasons.push(
      `On track: ${formatDuration(left * MINUTE_MS)} of working time left of the ${target} target; due ${when(dueMs)}.`,
    );
  }

  const stepsDue: DueLadderStep[] = [];
  const held: DueLadderStep[] = [];
  let nextStepAt: number | null = null;
  const later = (ms: number) => {
    if (nextStepAt === null || ms < nextStepAt) nextStepAt = ms;
  };
  for (const step of policy.ladder) {
    const minutes = (targetMinutes * step.atPercentOfTarget) / 100;
    // Without working hours, fall back to the wall clock rather than never escalating.
    const stepMs = addWorkingMinutesMs(calendar, startMs, minutes) ?? startMs + minutes * MINUTE_MS;
    const label = describeLadderStep(step.kind);
    if (hasTakenStep(record, step.kind)) {
      reasons.push(`Already done: ${label}.`);
    } else if (stepMs <= nowMs && holding) {
      const reason = `Held: ${label} waits until ${when(holdUntil)}, as acknowledged.`;
      held.push({ step: step.kind, dueAt: toIso(stepMs), reason });
      reasons.push(reason);
      later(holdUntil);
    } else if (stepMs <= nowMs) {
      const reason = `Due now: ${label} (at ${step.atPercentOfTarget}% of the target, ${when(stepMs)}).`;
      stepsDue.push({ step: step.kind, dueAt: toIso(stepMs), reason });
      reasons.push(reason);
    } else {
      const at = holding ? Math.max(stepMs, holdUntil) : stepMs;
      if (nextStepAt === null || at < nextStepAt) reasons.push(`Next: ${label} at ${when(at)}.`);
      later(at);
    }
  }
  return {
    status,
    dueAt: record.dueAt,
    workingMinutesUsed: used,
    workingMinutesLeft: left,
    stepsDue,
    nextStepAt: nextStepAt === null ? null : toIso(nextStepAt),
    held,
    reasons,
  };
}

/**
 * When a sweep must next look at the issue: now when a step is due, else when the next one falls due (or
 * a hold ends); null when nothing is left on this clock.
 */
export function sweepAtOf(check: EscalationCheck, now: Instant): string | null {
  return check.stepsDue.length > 0 ? toIso(toMillis(now)) : check.nextStepAt;
}

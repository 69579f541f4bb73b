import { effectiveCapacity } from './availability';
import { spocAt, type MetricsIssue, type MetricsPeriod } from './metrics';
import { calendarOf, type SpocProfile } from './spoc-profile';
import { HOUR_MS } from './time';
import { isUnvetted } from './triage';
import { currentWorkingIntervalMs, workingMillisBetween } from './working-hours';
import { addDays, localDateOf, sameLocalDate, type LocalDate } from './zone-time';

/**
 * Signs that a SPOC is carrying too much, from the app's own records: days their open client issues reached
 * or passed their capacity, their triage actions outside their working hours, the escalations that landed on
 * them, and how many issues came to them per working hour. Each crossed threshold comes with a reason in words.
 */
export interface BurnoutThresholds {
  /** Days at full capacity (or more) before it is a signal. */
  readonly daysAtCapacity: number;
  /** Share of actions outside working hours, with at least `minActions` actions. */
  readonly outsideHoursShare: number;
  readonly minActions: number;
  readonly escalationsReceived: number;
  /** New issues per working hour. */
  readonly loadPerWorkingHour: number;
}

export const DEFAULT_BURNOUT_THRESHOLDS: BurnoutThresholds = {
  daysAtCapacity: 3,
  outsideHoursShare: 0.2,
  minActions: 5,
  escalationsReceived: 3,
  loadPerWorkingHour: 1,
};

export interface BurnoutInput {
  readonly profile: SpocProfile;
  readonly issues: readonly MetricsIssue[];
  readonly period: MetricsPeriod;
  /** The period is counted up to now at most. */
  readonly nowMs: number;
  readonly defaultCapacity?: number | null;
  readonly thresholds?: BurnoutThresholds;
}

export interface BurnoutSignals {
  readonly accountId: string;
  readonly capacity: number | null;
  /** Days (in the SPOC's zone) on which their open client issues reached their capacity at some moment. */
  readonly daysAtCapacity: number;
  /** Days on which they went past it (handovers, escalations and manual moves can do that). */
  readonly daysOverCapacity: number;
  /** Triage actions they took in the period. */
  readonly actions: number;
  readonly actionsOutsideHours: number;
  /** Ladder steps and manual escalations on issues they held, or that moved to them. */
  readonly escalationsReceived: number;
  /** Client issues that came to them (routed, handed over, moved, reassigned) in the period. */
  readonly issuesReceived: number;
  readonly workingHours: number;
  /** issuesReceived per working hour; null without working hours in the period. */
  readonly loadPerWorkingHour: number | null;
  readonly flagged: boolean;
  /** The thresholds crossed, in words; empty when none. */
  readonly reasons: readonly string[];
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

/** When each issue waited on the SPOC, clipped to [fromMs, toMs). */
function openIntervals(issues: readonly MetricsIssue[], accountId: string, fromMs: number, toMs: number) {
  const intervals: Interval[] = [];
  for (const { record } of issues) {
    const history = record.history;
    history.forEach((entry, i) => {
      if (entry.spoc !== accountId || !isUnvetted(entry.to)) return;
      const next = history[i + 1];
      const start = Math.max(fromMs, Date.parse(entry.at));
      const end = Math.min(toMs, next ? Date.parse(next.at) : toMs);
      if (end > start) intervals.push({ start, end });
    });
  }
  return intervals;
}

/** The most open issues at once on each local day touched, keyed by "yyyy-mm-dd". */
function peakPerDay(intervals: readonly Interval[], zone: string): Map<string, number> {
  const changes: Array<{ at: number; delta: number }> = [];
  for (const i of intervals) changes.push({ at: i.start, delta: 1 }, { at: i.end, delta: -1 });
  // Ends before starts at the same instant: an issue handed from one to the next is not counted twice.
  changes.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const peaks = new Map<string, number>();
  const key = (d: LocalDate) => `${d.year}-${d.month}-${d.day}`;
  let count = 0;
  for (let i = 0; i < changes.length; i += 1) {
    const change = changes[i];
    if (!change) continue;
    count += change.delta;
    const nextAt = changes[i + 1]?.at ?? change.at;
    if (count <= 0 || nextAt <= change.at) continue;
    const last = localDateOf(nextAt - 1, zone);
    for (let day = localDateOf(change.at, zone); ; day = addDays(day, 1)) {
      peaks.set(key(day), Math.max(peaks.get(key(day)) ?? 0, count));
      if (sameLocalDate(day, last)) break;
    }
  }
  return peaks;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function burnoutSignals(input: BurnoutInput): BurnoutSignals {
  const { profile, issues, period } = input;
  const thresholds = input.thresholds ?? DEFAULT_BURNOUT_THRESHOLDS;
  const id = profile.accountId;
  const fromMs = period.fromMs;
  const toMs = Math.min(period.toMs, input.nowMs);
  // Open time and working hours count up to now; what happened counts up to the end of the period.
  const inPeriod = (ms: number) => ms >= fromMs && ms < period.toMs;
  const calendar = calendarOf(profile);
  const capacity = effectiveCapacity(profile, input.defaultCapacity);

  const peaks = [...peakPerDay(openIntervals(issues, id, fromMs, toMs), profile.timeZone).values()];
  const daysAtCapacity = capacity === null ? 0 : peaks.filter((p) => p >= capacity).length;
  const daysOverCapacity = capacity === null ? 0 : peaks.filter((p) => p > capacity).length;

  let actions = 0;
  let actionsOutsideHours = 0;
  let escalationsReceived = 0;
  let issuesReceived = 0;
  for (const { record } of issues) {
    record.history.forEach((entry, i) => {
      const atMs = Date.parse(entry.at);
      if (!inPeriod(atMs)) return;
      if (entry.by === id) {
        actions += 1;
        if (calendar.shifts.length > 0 && currentWorkingIntervalMs(calendar, atMs) === null)
          actionsOutsideHours += 1;
      }
      const before = i === 0 ? null : (record.history[i - 1]?.spoc ?? null);
      if (entry.spoc === id && before !== id && isUnvetted(entry.to)) issuesReceived += 1;
    });
    const stepTimes = new Set(record.escalationSteps.map((s) => s.at));
    const escalationTimes = [
      ...stepTimes,
      ...record.history.filter((e) => e.event === 'escalate' && !stepTimes.has(e.at)).map((e) => e.at),
    ];
    for (const at of escalationTimes) {
      const atMs = Date.parse(at);
      if (!inPeriod(atMs)) continue;
      if (spocAt(record, atMs, true) === id || spocAt(record, atMs) === id) escalationsReceived += 1;
    }
  }
  const workingHours = workingMillisBetween(calendar, fromMs, toMs) / HOUR_MS;
  const loadPerWorkingHour =
    workingHours > 0 ? Math.round((issuesReceived / workingHours) * 100) / 100 : null;

  const reasons: string[] = [];
  if (capacity !== null && daysOverCapacity > 0) {
    reasons.push(
      `Over their capacity of ${plural(capacity, 'open client issue')} on ${plural(daysOverCapacity, 'day')}.`,
    );
  } else if (capacity !== null && daysAtCapacity >= thresholds.daysAtCapacity) {
    reasons.push(
      `At their full capacity of ${plural(capacity, 'open client issue')} on ${plural(daysAtCapacity, 'day')}.`,
    );
  }
  if (actions >= thresholds.minActions && actionsOutsideHours / actions >= thresholds.outsideHoursShare) {
    reasons.push(
      `${actionsOutsideHours} of ${actions} triage actions (${percent(actionsOutsideHours / actions)}) outside their working hours.`,
    );
  }
  if (escalationsReceived >= thresholds.escalationsReceived) {
    reasons.push(`${plural(escalationsReceived, 'escalation')} on issues they held.`);
  }
  if (loadPerWorkingHour !== null && loadPerWorkingHour >= thresholds.loadPerWorkingHour) {
    reasons.push(`${loadPerWorkingHour} new client issues per working hour.`);
  }
  return {
    accountId: id,
    capacity,
    daysAtCapacity,
    daysOverCapacity,
    actions,
    actionsOutsideHours,
    escalationsReceived,
    issuesReceived,
    workingHours: Math.round(workingHours * 100) / 100,
    loadPerWorkingHour,
    flagged: reasons.length > 0,
    reasons,
  };
}

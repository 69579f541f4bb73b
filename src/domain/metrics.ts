import { DateTime } from 'luxon';
import { MINUTE_MS } from './time';
import type { TriageHistoryEntry, TriageRecord } from './triage-record';
import { STEP_LEVEL } from './triage-record';

/**
 * How the SPOC model performs, from the app's own triage records: how fast a SPOC first responds, how long
 * vetting takes, how often delivery sends vetted work back, how long issues take to resolve, how often a
 * response was late, how often and how far issues escalated, and how satisfied clients were. Per SPOC, per
 * client and per week. Each figure is dated by the moment it became known (the response, the vetting, the
 * resolution, the breach, the step, the rating) and counts in the period holding that moment.
 *
 * Durations are elapsed (wall-clock) minutes from routing, as the client lives them; the response target
 * itself is counted in working hours, which is why breaches are their own figure. Medians and 90th
 * percentiles interpolate between neighbours (as a spreadsheet's PERCENTILE.INC does): the median of
 * 10, 20, 30, 40 minutes is 25.
 */

/** One client issue as the report sees it. */
export interface MetricsIssue {
  readonly issueKey: string;
  readonly record: TriageRecord;
  /** Jira's resolution date, when the app knows it; null while unresolved or unknown. */
  readonly resolvedAt?: string | null;
}

/** A client's satisfaction rating of an issue (JSM's customer satisfaction: 1 to 5). */
export interface SatisfactionRating {
  readonly issueKey: string;
  readonly rating: number;
  readonly ratedAt: string;
}

/** [from, to) in UTC milliseconds. */
export interface MetricsPeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface DurationFigure {
  readonly count: number;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
}

export interface SatisfactionFigure {
  readonly count: number;
  readonly average: number | null;
  readonly median: number | null;
}

export interface GroupMetrics {
  /** Issues routed (or found unroutable) in the period. */
  readonly routed: number;
  readonly firstResponse: DurationFigure;
  readonly vetting: DurationFigure;
  readonly resolution: DurationFigure;
  /** Issues first vetted in the period. */
  readonly vetted: number;
  /** Of those, how many delivery sent back at least once. */
  readonly bouncedBack: number;
  /** bouncedBack / vetted; null when nothing was vetted. */
  readonly bounceBackRate: number | null;
  /** Response clocks that ran past their due time. */
  readonly breaches: number;
  /** Escalation steps by the level they reach: "1" warned, "2" moved to a backup, "3" manager told. */
  readonly escalationsByLevel: Readonly<Record<string, number>>;
  readonly satisfaction: SatisfactionFigure;
}

export interface WeekMetrics {
  /** Monday 00:00 of the week in the report's zone, as an ISO instant. */
  readonly weekStart: string;
  /** The Monday's date in the report's zone, "2025-03-24". */
  readonly label: string;
  readonly metrics: GroupMetrics;
}

export interface MetricsReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly overall: GroupMetrics;
  readonly bySpoc: ReadonlyArray<{ readonly accountId: string; readonly metrics: GroupMetrics }>;
  readonly byClient: ReadonlyArray<{ readonly clientId: string; readonly metrics: GroupMetrics }>;
  readonly weeks: readonly WeekMetrics[];
  /** Per SPOC and per client, week by week (same weeks as `weeks`). */
  readonly weeksBySpoc: Readonly<Record<string, readonly GroupMetrics[]>>;
  readonly weeksByClient: Readonly<Record<string, readonly GroupMetrics[]>>;
}

type Sample =
  | { readonly kind: 'routed' }
  | { readonly kind: 'first-response' | 'vetting' | 'resolution'; readonly minutes: number }
  | { readonly kind: 'vetted'; readonly bounced: boolean }
  | { readonly kind: 'breach' }
  | { readonly kind: 'escalation'; readonly level: number }
  | { readonly kind: 'rating'; readonly rating: number };

interface DatedSample {
  readonly atMs: number;
  readonly spoc: string | null;
  readonly clientId: string;
  readonly sample: Sample;
}

/** Linear interpolation between closest ranks; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const below = sorted[low] ?? 0;
  return below + ((sorted[high] ?? below) - below) * (rank - low);
}

const NEEDS_SPOC_EVENTS = new Set(['accept-for-delivery', 'request-info', 'reject', 'mark-duplicate']);

/**
 * Who held the issue at the instant: the SPOC after the last history entry at or before it (strictly before
 * with `before`), else the earliest one the history still has, else the record's current SPOC.
 */
export function spocAt(record: TriageRecord, atMs: number, before = false): string | null {
  let held: TriageHistoryEntry | undefined;
  for (const entry of record.history) {
    const t = Date.parse(entry.at);
    if (before ? t < atMs : t <= atMs) held = entry;
  }
  if (held) return held.spoc;
  return record.history[0]?.spoc ?? record.spocAccountId;
}

/** Every dated figure one issue contributes. */
function samplesOf(
  issue: MetricsIssue,
  ratings: readonly SatisfactionRating[],
  nowMs: number,
): DatedSample[] {
  const { record } = issue;
  const routedMs = Date.parse(record.routedAt);
  const out: DatedSample[] = [];
  const push = (atMs: number, spoc: string | null, sample: Sample) =>
    out.push({ atMs, spoc, clientId: record.clientId, sample });
  const minutesSinceRouting = (ms: number) => Math.max(0, ms - routedMs) / MINUTE_MS;

  push(routedMs, spocAt(record, routedMs), { kind: 'routed' });

  if (record.firstResponseAt !== null) {
    const atMs = Date.parse(record.firstResponseAt);
    const responding = record.history.find(
      (e) => e.at === record.firstResponseAt && NEEDS_SPOC_EVENTS.has(e.event),
    );
    push(atMs, responding ? responding.spoc : spocAt(record, atMs), {
      kind: 'first-response',
      minutes: minutesSinceRouting(atMs),
    });
  }

  // The first vetting counts: a later re-vetting after a bounce-back is the same issue vetted again.
  const firstAccept = record.history.find((e) => e.event === 'accept-for-delivery');
  const vettedAt = firstAccept?.at ?? record.vettedAt;
  if (vettedAt !== null && vettedAt !== undefined) {
    const atMs = Date.parse(vettedAt);
    const spoc = firstAccept ? firstAccept.spoc : spocAt(record, atMs);
    push(atMs, spoc, { kind: 'vetting', minutes: minutesSinceRouting(atMs) });
    push(atMs, spoc, { kind: 'vetted', bounced: record.bounceBacks > 0 });
  }

  if (issue.resolvedAt) {
    const atMs = Date.parse(issue.resolvedAt);
    if (Number.isFinite(atMs)) {
      push(atMs, spocAt(record, atMs), { kind: 'resolution', minutes: minutesSinceRouting(atMs) });
    }
  }

  // A clock breached when a ladder step was taken at or after its due time, or it is still running past it.
  const breachedClocks = new Set(
    record.escalationSteps.filter((s) => Date.parse(s.at) >= Date.parse(s.dueAt)).map((s) => s.dueAt),
  );
  if (record.dueAt !== null && Date.parse(record.dueAt) <= nowMs) breachedClocks.add(record.dueAt);
  for (const dueAt of breachedClocks) {
    const atMs = Date.parse(dueAt);
    push(atMs, spocAt(record, atMs), { kind: 'breach' });
  }

  // Escalations count against the SPOC who held the issue just before the step.
  const stepTimes = new Set<string>();
  for (const step of record.escalationSteps) {
    stepTimes.add(step.at);
    const atMs = Date.parse(step.at);
    push(atMs, spocAt(record, atMs, true), { kind: 'escalation', level: STEP_LEVEL[step.step] });
  }
  for (const entry of record.history) {
    // A manual escalation with no response clock running is in the history only: the manager was told.
    if (entry.event === 'escalate' && !stepTimes.has(entry.at)) {
      const atMs = Date.parse(entry.at);
      push(atMs, spocAt(record, atMs, true), {
        kind: 'escalation',
        level: STEP_LEVEL['notify-escalation-manager'],
      });
    }
  }

  for (const rating of ratings) {
    const atMs = Date.parse(rating.ratedAt);
    if (!Number.isFinite(atMs) || !Number.isFinite(rating.rating)) continue;
    push(atMs, spocAt(record, atMs), { kind: 'rating', rating: rating.rating });
  }
  return out;
}

const round = (value: number | null, digits = 1): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function durationFigure(minutes: readonly number[]): DurationFigure {
  return {
    count: minutes.length,
    medianMinutes: round(percentile(minutes, 0.5)),
    p90Minutes: round(percentile(minutes, 0.9)),
  };
}

/** The figures of a set of samples. */
function figures(samples: readonly DatedSample[]): GroupMetrics {
  const minutes = { 'first-response': [] as number[], vetting: [] as number[], resolution: [] as number[] };
  let routed = 0;
  let vetted = 0;
  let bouncedBack = 0;
  let breaches = 0;
  const escalationsByLevel: Record<string, number> = {};
  const ratings: number[] = [];
  for (const { sample } of samples) {
    switch (sample.kind) {
      case 'routed':
        routed += 1;
        break;
      case 'first-response':
      case 'vetting':
      case 'resolution':
        minutes[sample.kind].push(sample.minutes);
        break;
      case 'vetted':
        vetted += 1;
        if (sample.bounced) bouncedBack += 1;
        break;
      case 'breach':
        breaches += 1;
        break;
      case 'escalation':
        escalationsByLevel[sample.level] = (escalationsByLevel[sample.level] ?? 0) + 1;
        break;
      case 'rating':
        ratings.push(sample.rating);
        break;
    }
  }
  return {
    routed,
    firstResponse: durationFigure(minutes['first-response']),
    vetting: durationFigure(minutes.vetting),
    resolution: durationFigure(minutes.resolution),
    vetted,
    bouncedBack,
    bounceBackRate: vetted === 0 ? null : round(bouncedBack / vetted, 3),
    breaches,
    escalationsByLevel,
    satisfaction: {
      count: ratings.length,
      average: ratings.length === 0 ? null : round(ratings.reduce((a, b) => a + b, 0) / ratings.length, 2),
      median: round(percentile(ratings, 0.5), 2),
    },
  };
}

/** Monday 00:00 of the week holding the instant, in the zone. */
export function weekStartMs(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('week').toMillis();
}

/** The weeks (Monday to Monday in the zone) that overlap the period; a daylight-saving week is an hour short or long. */
export function weeksOf(
  period: MetricsPeriod,
  zone: string,
): ReadonlyArray<{ startMs: number; endMs: number }> {
  const weeks: Array<{ startMs: number; endMs: number }> = [];
  if (period.toMs <= period.fromMs) return weeks;
  let start = DateTime.fromMillis(period.fromMs, { zone }).startOf('week');
  // A bound on the loop: two years of weeks.
  for (let i = 0; i < 105 && start.toMillis() < period.toMs; i += 1) {
    const end = start.plus({ weeks: 1 });
    weeks.push({ startMs: start.toMillis(), endMs: end.toMillis() });
    start = end;
  }
  return weeks;
}

export interface MetricsInput {
  readonly issues: readonly MetricsIssue[];
  readonly ratings?: readonly SatisfactionRating[];
  readonly period: MetricsPeriod;
  /** The zone weeks are counted in (Monday 00:00 there). */
  readonly timeZone: string;
  /** Clocks still running past their due time at this instant count as breached. */
  readonly nowMs: number;
}

/** The report: overall, per SPOC, per client, and week by week. */
export function computeMetrics(input: MetricsInput): MetricsReport {
  const { period, timeZone } = input;
  const ratingsByIssue = new Map<string, SatisfactionRating[]>();
  for (const rating of input.ratings ?? []) {
    ratingsByIssue.set(rating.issueKey, [...(ratingsByIssue.get(rating.issueKey) ?? []), rating]);
  }
  const samples = input.issues
    .flatMap((issue) => samplesOf(issue, ratingsByIssue.get(issue.issueKey) ?? [], input.nowMs))
    .filter((s) => s.atMs >= period.fromMs && s.atMs < period.toMs);

  const bySpoc = new Map<string, DatedSample[]>();
  const byClient = new Map<string, DatedSample[]>();
  for (const s of samples) {
    if (s.spoc !== null) bySpoc.set(s.spoc, [...(bySpoc.get(s.spoc) ?? []), s]);
    byClient.set(s.clientId, [...(byClient.get(s.clientId) ?? []), s]);
  }
  const weeks = weeksOf(period, timeZone);
  const weekly = (group: readonly DatedSample[]) =>
    weeks.map((w) => figures(group.filter((s) => s.atMs >= w.startMs && s.atMs < w.endMs)));
  const sortedKeys = (map: Map<string, unknown>) => [...map.keys()].sort();
  const overallWeeks = weekly(samples);
  return {
    from: new Date(period.fromMs).toISOString(),
    to: new Date(period.toMs).toISOString(),
    timeZone,
    overall: figures(samples),
    bySpoc: sortedKeys(bySpoc).map((accountId) => ({ accountId, metrics: figures(bySpoc.get(accountId)!) })),
    byClient: sortedKeys(byClient).map((clientId) => ({
      clientId,
      metrics: figures(byClient.get(clientId)!),
    })),
    weeks: weeks.map((w, i) => ({
      weekStart: new Date(w.startMs).toISOString(),
      label: DateTime.fromMillis(w.startMs, { zone: timeZone }).toISODate() ?? '',
      metrics: overallWeeks[i] ?? figures([]),
    })),
    weeksBySpoc: Object.fromEntries(sortedKeys(bySpoc).map((id) => [id, weekly(bySpoc.get(id)!)])),
    weeksByClient: Object.fromEntries(sortedKeys(byClient).map((id) => [id, weekly(byClient.get(id)!)])),
  };
}

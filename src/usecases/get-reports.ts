import { DateTime } from 'luxon';
import { rosterInForce, TRIAGE_STATES, type SpocProfile } from '../domain';
import { burnoutSignals } from '../domain/burnout';
import { coverageGaps } from '../domain/coverage';
import { computeMetrics, type GroupMetrics, type MetricsIssue, type MetricsPeriod } from '../domain/metrics';
import { isValidTimeZone } from '../domain/zone-time';
import {
  MAX_REPORT_DAYS,
  REPORT_PRESETS,
  type ReportAudience,
  type ReportPreset,
  type ReportsCsv,
  type ReportsView,
} from '../contract/reports';
import { InvalidInputError, NotAllowedError, NotFoundError } from './errors';
import type { Clock, ConfigurationReader, SatisfactionSource, TriageRepository, UserJira } from './ports';
import { isProjectAdministrator } from './support/caller-roles';
import { payloadRecord } from './support/payload';
import type { TriageEntry } from './support/triage-entry';

/**
 * Reports of the project page: the metrics of its client issues over a period, per SPOC and per client and
 * week by week, each SPOC's burnout signals and each client's coverage gaps this week. Read from the app's
 * own records (one storage query per triage state), never from a Jira search over issues.
 *
 * Who may see it (src/contract/reports.ts): administrators of the project and escalation managers see
 * everything; SPOCs see the team's figures and only their own burnout signals; anyone else is refused.
 */
export interface GetReportsParams {
  readonly callerAccountId: string;
  readonly projectKey: string;
  readonly payload: unknown;
}

export interface GetReportsDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: Pick<TriageRepository, 'inState'>;
  readonly user: UserJira;
  /** Satisfaction ratings (JSM's feedback) where the site has them; without it, none are reported. */
  readonly satisfaction?: SatisfactionSource;
}

/** Records read per triage state: the most recently changed first, so the latest periods are whole. */
export const REPORT_RECORDS_PER_STATE = 100;

const PRESET_DAYS: Readonly<Record<ReportPreset, number>> = {
  'last-7-days': 7,
  'last-30-days': 30,
  'last-90-days': 90,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ReportRequest {
  readonly period: MetricsPeriod;
  readonly timeZone: string;
}

function localDay(text: unknown, field: string, what: string, zone: string): DateTime {
  if (typeof text !== 'string' || !DATE.test(text)) {
    throw InvalidInputError.at(field, `${what} must be a date such as 2025-03-24.`);
  }
  const day = DateTime.fromISO(text, { zone });
  if (!day.isValid) throw InvalidInputError.at(field, `${what} ${text} is not a day of the calendar.`);
  return day.startOf('day');
}

/** The period and zone asked for, or a refusal at the field that is wrong. */
export function parseReportRequest(payload: unknown, fallbackZone: string, now: Date): ReportRequest {
  const body = payload === undefined || payload === null ? {} : payloadRecord(payload, 'the report request');
  let timeZone = fallbackZone;
  if (body.timeZone !== undefined && body.timeZone !== null && body.timeZone !== '') {
    if (!isValidTimeZone(body.timeZone)) {
      throw InvalidInputError.at('timeZone', 'The time zone must be an IANA zone such as Europe/London.');
    }
    timeZone = body.timeZone;
  }
  const hasDates = body.from !== undefined || body.to !== undefined;
  if (body.preset !== undefined && hasDates) {
    throw InvalidInputError.at('preset', 'Choose either a preset period or dates, not both.');
  }
  if (hasDates) {
    const from = localDay(body.from, 'from', 'The first day', timeZone);
    const to = localDay(body.to, 'to', 'The last day', timeZone);
    if (to < from) throw InvalidInputError.at('to', 'The last day cannot come before the first day.');
    const end = to.plus({ days: 1 });
    if (end.diff(from, 'days').days > MAX_REPORT_DAYS) {
      throw InvalidInputError.at(
        'to',
        `A report covers at most ${MAX_REPORT_DAYS} days; choose a shorter period.`,
      );
    }
    return { period: { fromMs: from.toMillis(), toMs: end.toMillis() }, timeZone };
  }
  const preset = body.preset ?? 'last-30-days';
  if (typeof preset !== 'string' || !(REPORT_PRESETS as readonly string[]).includes(preset)) {
    throw InvalidInputError.at('preset', `The period must be one of ${REPORT_PRESETS.join(', ')}.`);
  }
  // Whole days, today included, as a Jira user reads "last 7 days": what happened this very minute counts.
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const from = today.minus({ days: PRESET_DAYS[preset as ReportPreset] - 1 });
  return { period: { fromMs: from.toMillis(), toMs: today.plus({ days: 1 }).toMillis() }, timeZone };
}

async function audienceOf(
  callerAccountId: string,
  projectKey: string,
  deps: GetReportsDeps,
): Promise<ReportAudience> {
  const head = await deps.config.head();
  if (head.escalationManagerAccountIds.includes(callerAccountId)) return 'manager';
  if (await isProjectAdministrator(deps.user, projectKey)) return 'manager';
  if (head.profileAccountIds.includes(callerAccountId)) return 'spoc';
  throw new NotAllowedError(
    `Only SPOCs, escalation managers and administrators of project ${projectKey} can see its reports.`,
  );
}

/** Jira's resolution date, where the app has recorded it on the entry. */
const resolvedAtOf = (entry: TriageEntry): string | null =>
  (entry as TriageEntry & { readonly resolvedAt?: string | null }).resolvedAt ?? null;

export const getReports = {
  async execute(params: GetReportsParams, deps: GetReportsDeps): Promise<ReportsView> {
    const now = deps.clock.now();
    const project = await deps.user.project(params.projectKey);
    if (!project)
      throw new NotFoundError(`Project ${params.projectKey} does not exist or you cannot see it.`);
    const audience = await audienceOf(params.callerAccountId, params.projectKey, deps);
    const [callerProfile] = await deps.config.profiles([params.callerAccountId]);
    const request = parseReportRequest(params.payload, callerProfile?.timeZone ?? 'UTC', now);

    const [head, policy, perState] = await Promise.all([
      deps.config.head(),
      deps.config.policy(),
      Promise.all(TRIAGE_STATES.map((s) => deps.triage.inState(project.id, s, REPORT_RECORDS_PER_STATE))),
    ]);
    const entries = perState.flat();
    const truncated = perState.some((list) => list.length >= REPORT_RECORDS_PER_STATE);
    const issues: MetricsIssue[] = entries.map((e) => ({
      issueKey: e.issueKey,
      record: e.record,
      resolvedAt: resolvedAtOf(e),
    }));
    const ratings = deps.satisfaction ? await deps.satisfaction.ratings(issues.map((i) => i.issueKey)) : [];
    const report = computeMetrics({
      issues,
      ratings,
      period: request.period,
      timeZone: request.timeZone,
      nowMs: now.getTime(),
    });

    const spocIds = [
      ...new Set([
        ...report.bySpoc.map((r) => r.accountId),
        ...(audience === 'spoc' ? [params.callerAccountId] : []),
      ]),
    ];
    const profiles = new Map<string, SpocProfile>(
      (await deps.config.profiles(spocIds)).map((p) => [p.accountId, p]),
    );
    const nameOf = (id: string) => profiles.get(id)?.displayName ?? head.names[id] ?? id;
    const empty = computeMetrics({
      issues: [],
      period: request.period,
      timeZone: request.timeZone,
      nowMs: 0,
    });
    const emptyWeeks = empty.weeks.map((w) => w.metrics);
    const metricsOf = (rows: ReadonlyArray<{ readonly metrics: GroupMetrics }>, i: number) =>
      rows[i]?.metrics ?? empty.overall;

    const spocs = spocIds.map((accountId) => {
      const index = report.bySpoc.findIndex((r) => r.accountId === accountId);
      const profile = profiles.get(accountId);
      const maySee = audience === 'manager' || accountId === params.callerAccountId;
      return {
        accountId,
        displayName: nameOf(accountId),
        metrics: metricsOf(report.bySpoc, index),
        weeks: report.weeksBySpoc[accountId] ?? emptyWeeks,
        burnout:
          maySee && profile
            ? burnoutSignals({
                profile,
                issues,
                period: request.period,
                nowMs: now.getTime(),
                defaultCapacity: policy.defaultCapacity,
              })
            : null,
      };
    });

    const clientIds = [
      ...new Set([...head.clients.map((c) => c.id), ...report.byClient.map((r) => r.clientId)]),
    ];
    const clientName = new Map(head.clients.map((c) => [c.id, c.name]));
    const rosters = await Promise.all(clientIds.map((id) => deps.config.roster(id)));
    const rosterPeople = rosters.flatMap((r) => {
      const v = r ? rosterInForce(r, now) : null;
      return v ? [v.primarySpocAccountId, ...v.backupAccountIds, ...v.poolAccountIds] : [];
    });
    const rosterProfiles = await deps.config.profiles([...new Set(rosterPeople)]);
    const clients = clientIds.map((clientId, i) => {
      const roster = rosters[i];
      const inForce = roster ? rosterInForce(roster, now) : null;
      const index = report.byClient.findIndex((r) => r.clientId === clientId);
      return {
        clientId,
        clientName: clientName.get(clientId) ?? roster?.clientName ?? clientId,
        metrics: metricsOf(report.byClient, index),
        weeks: report.weeksByClient[clientId] ?? emptyWeeks,
        coverage: inForce
          ? coverageGaps({
              version: inForce,
              profiles: rosterProfiles,
              weekOfMs: now.getTime(),
              names: Object.fromEntries(rosterProfiles.map((p) => [p.accountId, p.displayName])),
            })
          : null,
      };
    });

    const notes: string[] = [];
    if (truncated) {
      notes.push(
        `Only the ${REPORT_RECORDS_PER_STATE} most recently changed issues in each triage state are counted; older periods may be incomplete.`,
      );
    }
    if (!deps.satisfaction) notes.push('No satisfaction ratings are available for this site yet.');
    if (!entries.some((e) => resolvedAtOf(e) !== null)) {
      notes.push('The app does not record Jira resolution dates yet, so resolution times stay empty.');
    } else if (report.overall.resolution.count === 0) {
      notes.push('No client issue was resolved in Jira in this period.');
    }
    return {
      projectKey: params.projectKey,
      from: report.from,
      to: report.to,
      timeZone: report.timeZone,
      takenAt: now.toISOString(),
      audience,
      overall: report.overall,
      weeks: report.weeks,
      spocs,
      clients,
      basedOn: { issues: entries.length, truncated },
      notes,
    };
  },
};

const CSV_COLUMNS = [
  'scope',
  'week',
  'id',
  'name',
  'routed',
  'first response count',
  'first response median min',
  'first response p90 min',
  'vetting count',
  'vetting median min',
  'vetting p90 min',
  'resolution count',
  'resolution median min',
  'resolution p90 min',
  'vetted',
  'bounced back',
  'bounce-back rate',
  'breaches',
  'escalations level 1',
  'escalations level 2',
  'escalations level 3',
  'satisfaction count',
  'satisfaction average',
  'satisfaction median',
  'days at capacity',
  'days over capacity',
  'actions',
  'actions outside working hours',
  'escalations received',
  'new issues per working hour',
  'uncovered support hours this week',
] as const;

type Cell = string | number | null | undefined;

/** A spreadsheet reads a cell starting with = + - @ as a formula: names are quoted so they stay text. */
function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const metricCells = (m: GroupMetrics): Cell[] => [
  m.routed,
  m.firstResponse.count,
  m.firstResponse.medianMinutes,
  m.firstResponse.p90Minutes,
  m.vetting.count,
  m.vetting.medianMinutes,
  m.vetting.p90Minutes,
  m.resolution.count,
  m.resolution.medianMinutes,
  m.resolution.p90Minutes,
  m.vetted,
  m.bouncedBack,
  m.bounceBackRate,
  m.breaches,
  m.escalationsByLevel['1'] ?? 0,
  m.escalationsByLevel['2'] ?? 0,
  m.escalationsByLevel['3'] ?? 0,
  m.satisfaction.count,
  m.satisfaction.average,
  m.satisfaction.median,
];

/** The report's figures as CSV: the whole period first, then each week, for everyone, each SPOC and client. */
export function buildReportsCsv(view: ReportsView): ReportsCsv {
  const rows: Cell[][] = [];
  const weekLabels = view.weeks.map((w) => w.label);
  rows.push(['overall', '', '', view.projectKey, ...metricCells(view.overall)]);
  view.weeks.forEach((w) => rows.push(['overall', w.label, '', view.projectKey, ...metricCells(w.metrics)]));
  for (const spoc of view.spocs) {
    const b = spoc.burnout;
    rows.push([
      'spoc',
      '',
      spoc.accountId,
      spoc.displayName,
      ...metricCells(spoc.metrics),
      b?.daysAtCapacity,
      b?.daysOverCapacity,
      b?.actions,
      b?.actionsOutsideHours,
      b?.escalationsReceived,
      b?.loadPerWorkingHour,
    ]);
    spoc.weeks.forEach((m, i) =>
      rows.push(['spoc', weekLabels[i], spoc.accountId, spoc.displayName, ...metricCells(m)]),
    );
  }
  for (const client of view.clients) {
    rows.push([
      'client',
      '',
      client.clientId,
      client.clientName,
      ...metricCells(client.metrics),
      ...Array<Cell>(6).fill(null),
      client.coverage?.uncoveredHours,
    ]);
    client.weeks.forEach((m, i) =>
      rows.push(['client', weekLabels[i], client.clientId, client.clientName, ...metricCells(m)]),
    );
  }
  const lines = [CSV_COLUMNS.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  const day = (iso: string) => DateTime.fromISO(iso, { zone: view.timeZone }).toISODate() ?? '';
  const lastDay =
    DateTime.fromISO(view.to, { zone: view.timeZone }).minus({ milliseconds: 1 }).toISODate() ?? '';
  return {
    filename: `spoc-report-${view.projectKey}-${day(view.from)}-to-${lastDay}.csv`,
    csv: `${lines.join('\r\n')}\r\n`,
  };
}

/** The same report as a CSV file, under the same rules. */
export const getReportsCsv = {
  async execute(params: GetReportsParams, deps: GetReportsDeps): Promise<ReportsCsv> {
    return buildReportsCsv(await getReports.execute(params, deps));
  },
};

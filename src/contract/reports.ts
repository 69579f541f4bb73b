import type { BurnoutSignals } from '../domain/burnout';
import type { ClientCoverage } from '../domain/coverage';
import type { GroupMetrics, WeekMetrics } from '../domain/metrics';

export type { BurnoutSignals, ClientCoverage, GroupMetrics, WeekMetrics };

/**
 * The project page's Reports (`getReports`, `getReportsCsv` on the `spoc-project-page` resolver): how the
 * SPOC model performed over a period, per SPOC and per client, week by week, with burnout signals and
 * coverage gaps. Built from the app's own records in app storage, so a report costs no Jira search.
 *
 * Who may see it: project administrators and escalation managers (the managers of the model) see
 * everything; a SPOC sees the team's figures, which a service team shares, but only their own burnout
 * signals. Anyone else is refused.
 */
export const REPORT_PRESETS = ['last-7-days', 'last-30-days', 'last-90-days'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/** Longest period a report covers: a year and a day (so a whole leap year fits). */
export const MAX_REPORT_DAYS = 366;

export interface GetReportsPayload {
  /** A preset, or dates: `from` and `to` as "yyyy-mm-dd", both days included, in `timeZone`. */
  readonly preset?: ReportPreset;
  readonly from?: string;
  readonly to?: string;
  /** IANA zone days and weeks are counted in; the caller's profile zone, else UTC, when left out. */
  readonly timeZone?: string;
}

export type ReportAudience = 'manager' | 'spoc';

export interface SpocReportRow {
  readonly accountId: string;
  readonly displayName: string;
  readonly metrics: GroupMetrics;
  /** Same weeks as `ReportsView.weeks`. */
  readonly weeks: readonly GroupMetrics[];
  /** Null when the caller may not see them (another SPOC's, for a SPOC) or the person has no profile. */
  readonly burnout: BurnoutSignals | null;
}

export interface ClientReportRow {
  readonly clientId: string;
  readonly clientName: string;
  readonly metrics: GroupMetrics;
  readonly weeks: readonly GroupMetrics[];
  /** This week's coverage gaps of the roster in force; null without a roster. */
  readonly coverage: ClientCoverage | null;
}

export interface ReportsView {
  readonly projectKey: string;
  /** [from, to) as ISO instants. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly takenAt: string;
  readonly audience: ReportAudience;
  readonly overall: GroupMetrics;
  readonly weeks: readonly WeekMetrics[];
  readonly spocs: readonly SpocReportRow[];
  readonly clients: readonly ClientReportRow[];
  /** How many of the app's records the figures come from; `truncated` when the store held more than read. */
  readonly basedOn: { readonly issues: number; readonly truncated: boolean };
  /** Plain-language caveats for the reader, e.g. where a figure has no data source yet. */
  readonly notes: readonly string[];
}

export interface ReportsCsv {
  readonly filename: string;
  readonly csv: string;
}

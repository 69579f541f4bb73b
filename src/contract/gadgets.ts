import { PROJECT_KEY_PATTERN } from '../domain/jira-keys';

/**
 * The dashboard gadgets' saved configuration and what their resolvers answer to `getSnapshot` (as
 * `Reply<T>`). The edit views save a configuration with `view.submit`; Jira hands it back to every view as
 * `context.extension.gadgetConfiguration`, where the resolver checks it with the same functions as the edit
 * view and applies every filter before cutting to `maxRows`. Snapshots are built from the app's own records
 * in KVS, so a view costs no Jira call.
 */

/** The limits both edit views show and the resolver enforces. */
export const GADGET_LIMITS = {
  maxRows: { min: 1, max: 50, default: 10 },
  /** Minutes between Jira's automatic refreshes; left out, the gadget refreshes when the dashboard does. */
  refresh: { min: 1, max: 1440 },
  projects: 20,
  spocs: 20,
  capacityWarnPercent: { min: 1, max: 100, default: 80 },
  atRiskPercent: { min: 1, max: 99 },
  minLevel: { min: 0, max: 9, default: 0 },
  breachedAlert: { min: 1, max: 999 },
} as const;

/** What both gadgets save: an empty or missing list means "all". */
export interface GadgetConfigBase {
  readonly projectKeys?: readonly string[];
  readonly spocAccountIds?: readonly string[];
  readonly maxRows: number;
  readonly refresh?: number;
}

/** SPOC workload: `capacityWarnPercent` is the share of a SPOC's capacity from which they count as nearly full. */
export interface WorkloadGadgetConfig extends GadgetConfigBase {
  readonly capacityWarnPercent: number;
}

/**
 * Escalation status: `atRiskPercent` (share of the response target used) replaces the policy's at-risk
 * line for this gadget; `minLevel` above 0 lists only issues escalated to that level or higher;
 * `breachedAlert` raises an alert from that many breached targets.
 */
export interface EscalationsGadgetConfig extends GadgetConfigBase {
  readonly atRiskPercent?: number;
  readonly minLevel?: number;
  readonly breachedAlert?: number;
}

export type GadgetConfigField = keyof WorkloadGadgetConfig | keyof EscalationsGadgetConfig;

export interface GadgetConfigProblem {
  /** `configuration` when the saved value is not an object at all. */
  readonly field: GadgetConfigField | 'configuration';
  readonly message: string;
}

export type GadgetConfigCheck<Config> =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: readonly GadgetConfigProblem[] };

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

const LABELS: Readonly<Record<GadgetConfigField, string>> = {
  projectKeys: 'Projects',
  spocAccountIds: 'SPOCs',
  maxRows: 'Rows to show',
  refresh: 'Refresh every (minutes)',
  capacityWarnPercent: 'Nearly full from (% of capacity)',
  atRiskPercent: 'At risk from (% of the response target)',
  minLevel: 'Lowest escalation level listed',
  breachedAlert: 'Alert from (breached targets)',
};

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

class Checker {
  readonly problems: GadgetConfigProblem[] = [];
  constructor(private readonly raw: Readonly<Record<string, unknown>>) {}

  private problem(field: GadgetConfigField, message: string): undefined {
    this.problems.push({ field, message: `${LABELS[field]}: ${message}` });
    return undefined;
  }

  /** A whole number in range; `fallback` when absent (undefined: optional). */
  number(
    field: GadgetConfigField,
    range: { readonly min: number; readonly max: number },
    fallback?: number,
  ): number | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max)
      return this.problem(
        field,
        `enter a whole number from ${range.min} to ${range.max} (saved: ${shown(value)}).`,
      );
    return value;
  }

  /** A list of distinct strings of one form, at most `max` of them; empty when absent. */
  list(
    field: GadgetConfigField,
    pattern: RegExp,
    max: number,
    what: string,
    value: unknown = this.raw[field],
  ): readonly string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !pattern.test(v))) {
      this.problem(field, `expected a list of ${what} (saved: ${shown(value)}).`);
      return [];
    }
    const unique = [...new Set(value as string[])];
    if (unique.length > max) this.problem(field, `choose at most ${max} (saved: ${unique.length}).`);
    return unique;
  }
}

/** The parts both gadgets share. */
function checkBase(checker: Checker, raw: Readonly<Record<string, unknown>>): GadgetConfigBase {
  // The first version saved a single `projectKey`; a gadget saved back then keeps its project.
  const legacy = raw.projectKeys === undefined && raw.projectKey ? [raw.projectKey] : undefined;
  const projectKeys = checker.list(
    'projectKeys',
    PROJECT_KEY_PATTERN,
    GADGET_LIMITS.projects,
    'project keys',
    legacy ?? raw.projectKeys,
  );
  const spocAccountIds = checker.list('spocAccountIds', ACCOUNT_ID, GADGET_LIMITS.spocs, 'account ids');
  const maxRows = checker.number('maxRows', GADGET_LIMITS.maxRows, GADGET_LIMITS.maxRows.default);
  const refresh = checker.number('refresh', GADGET_LIMITS.refresh);
  return {
    ...(projectKeys.length > 0 ? { projectKeys } : {}),
    ...(spocAccountIds.length > 0 ? { spocAccountIds } : {}),
    maxRows: maxRows ?? GADGET_LIMITS.maxRows.default,
    ...(refresh !== undefined ? { refresh } : {}),
  };
}

function recordOf(raw: unknown): Readonly<Record<string, unknown>> | undefined {
  if (raw === undefined || raw === null) return {};
  return typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
}

const notAnObject: GadgetConfigCheck<never> = {
  ok: false,
  problems: [{ field: 'configuration', message: 'The saved settings are not a set of named values.' }],
};

/** Checks a saved (or about to be saved) workload configuration; absent values take their defaults. */
export function checkWorkloadConfig(raw: unknown): GadgetConfigCheck<WorkloadGadgetConfig> {
  const record = recordOf(raw);
  if (!record) return notAnObject;
  const checker = new Checker(record);
  const base = checkBase(checker, record);
  const capacityWarnPercent = checker.number(
    'capacityWarnPercent',
    GADGET_LIMITS.capacityWarnPercent,
    GADGET_LIMITS.capacityWarnPercent.default,
  );
  if (checker.problems.length > 0) return { ok: false, problems: checker.problems };
  return {
    ok: true,
    config: {
      ...base,
      capacityWarnPercent: capacityWarnPercent ?? GADGET_LIMITS.capacityWarnPercent.default,
    },
  };
}

/** Checks a saved (or about to be saved) escalation status configuration. */
export function checkEscalationsConfig(raw: unknown): GadgetConfigCheck<EscalationsGadgetConfig> {
  const record = recordOf(raw);
  if (!record) return notAnObject;
  const checker = new Checker(record);
  const base = checkBase(checker, record);
  const atRiskPercent = checker.number('atRiskPercent', GADGET_LIMITS.atRiskPercent);
  const minLevel = checker.number('minLevel', GADGET_LIMITS.minLevel);
  const breachedAlert = checker.number('breachedAlert', GADGET_LIMITS.breachedAlert);
  if (checker.problems.length > 0) return { ok: false, problems: checker.problems };
  return {
    ok: true,
    config: {
      ...base,
      ...(atRiskPercent !== undefined ? { atRiskPercent } : {}),
      ...(minLevel ? { minLevel } : {}),
      ...(breachedAlert !== undefined ? { breachedAlert } : {}),
    },
  };
}

/** Who and what a snapshot covers, with names from the app's records, for the view's scope line. */
export interface GadgetScope {
  /** Empty: every project. */
  readonly projectKeys: readonly string[];
  /** Empty: every SPOC. */
  readonly spocs: ReadonlyArray<{ readonly accountId: string; readonly displayName: string }>;
}

export interface GadgetSnapshot<Row, Config> {
  readonly takenAt: string;
  /** At most `config.maxRows`, after every filter. */
  readonly rows: readonly Row[];
  /** How many rows matched before the cut to `maxRows`. */
  readonly matched: number;
  readonly scope: GadgetScope;
  /** The configuration as checked and applied. */
  readonly config: Config;
}

/** SPOC workload: one row per SPOC, busiest first. */
export interface WorkloadRow {
  readonly accountId: string;
  /** Always a name (the profile's, the configuration's or Jira's), never an account id. */
  readonly displayName: string;
  readonly timeZone: string;
  readonly awaitingTriage: number;
  readonly informationRequested: number;
  readonly returned: number;
  /** All their client issues not yet vetted. */
  readonly open: number;
  /** Null when no limit applies. */
  readonly capacity: number | null;
  /** Against capacity and the gadget's `capacityWarnPercent`. */
  readonly load: 'no-limit' | 'under' | 'nearly-full' | 'full';
  /**
   * Right now: `available`, `away`, `at-capacity`, `off-shift` (after hours), or `no-profile` (the app knows
   * neither their hours nor their capacity).
   */
  readonly status: 'available' | 'away' | 'at-capacity' | 'off-shift' | 'no-profile';
  /**
   * When that changes, as an instant the view words in the viewer's zone: the end of the shift (available),
   * the return (away), the next shift's start (off-shift); null when nothing says (full, no hours, no profile).
   */
  readonly statusUntil: string | null;
  readonly oldestWaiting: { readonly issueKey: string; readonly since: string } | null;
}

export interface WorkloadSnapshot extends GadgetSnapshot<WorkloadRow, WorkloadGadgetConfig> {
  /** Over every matching SPOC, not only the rows shown. */
  readonly totals: {
    readonly awaitingTriage: number;
    readonly informationRequested: number;
    readonly open: number;
    readonly nearlyFull: number;
    readonly full: number;
  };
}

/** Escalation status: the escalated or late issues, most urgent first, and totals. */
export interface EscalationRow {
  readonly issueKey: string;
  readonly summary: string;
  readonly clientName: string;
  readonly spoc: { readonly accountId: string; readonly displayName: string } | null;
  readonly state: string;
  readonly escalationLevel: number;
  readonly response: 'breached' | 'at-risk' | 'on-track' | 'not-running';
  readonly dueAt: string | null;
  readonly routedAt: string;
}

export interface EscalationSnapshot extends GadgetSnapshot<EscalationRow, EscalationsGadgetConfig> {
  /** Over the gadget's projects and SPOCs (before `minLevel` and `maxRows`). */
  readonly totals: {
    readonly byLevel: Readonly<Record<string, number>>;
    readonly breached: number;
    readonly atRisk: number;
    /** Issues nobody could be routed to. */
    readonly unrouted: number;
  };
  /** The at-risk line applied: the gadget's own, else the policy's. */
  readonly atRiskPercent: number;
}

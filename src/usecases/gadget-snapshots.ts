import { availabilityAt, calendarOf, checkEscalation, effectiveCapacity, type SpocProfile } from '../domain';
import type {
  EscalationRow,
  EscalationSnapshot,
  EscalationsGadgetConfig,
  GadgetConfigBase,
  GadgetSnapshot,
  WorkloadGadgetConfig,
  WorkloadRow,
  WorkloadSnapshot,
} from '../contract/gadgets';
import { NotAllowedError } from './errors';
import type { Clock, ConfigurationReader, TriageRepository } from './ports';
import type { TriageEntry } from './triage-entry';

/**
 * The dashboard gadgets' numbers, from the app's own records (kept current by every routing and triage
 * action) and the configuration, both in KVS: a gadget view makes no Jira call. Time-dependent parts (who is
 * away or after hours, what is breached) are worked out at view time.
 */
export interface GadgetDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
}

/** What a gadget view asks for: its saved configuration, already checked (src/contract/gadgets.ts). */
export interface GadgetParams<Config> {
  readonly callerAccountId: string;
  readonly config: Config;
}

const MAX_OPEN = 2000;

/** SPOCs, the delivery team and escalation managers: the people a SPOC dashboard is for (known from KVS alone). */
export async function authorizeGadgetViewer(callerAccountId: string, deps: GadgetDeps): Promise<void> {
  const head = await deps.config.head();
  if (head.profileAccountIds.includes(callerAccountId)) return;
  if (head.settings.deliveryTeamAccountIds.includes(callerAccountId)) return;
  if (head.escalationManagerAccountIds.includes(callerAccountId)) return;
  throw new NotAllowedError(
    'SPOC gadgets are for SPOCs, the delivery team and escalation managers: their numbers name clients and colleagues, so they are not shown to you.',
  );
}

/** The open client issues in the gadget's projects (all projects when it names none). */
async function openEntries(config: GadgetConfigBase, deps: GadgetDeps): Promise<readonly TriageEntry[]> {
  const open = await deps.triage.allOpen(MAX_OPEN);
  const projects = config.projectKeys ?? [];
  return projects.length > 0 ? open.filter((e) => projects.includes(e.projectKey)) : open;
}

function scopeOf(
  config: GadgetConfigBase,
  nameOf: (accountId: string) => string,
): GadgetSnapshot<unknown, unknown>['scope'] {
  return {
    projectKeys: config.projectKeys ?? [],
    spocs: (config.spocAccountIds ?? []).map((accountId) => ({ accountId, displayName: nameOf(accountId) })),
  };
}

export const getWorkloadSnapshot = {
  async execute(params: GadgetParams<WorkloadGadgetConfig>, deps: GadgetDeps): Promise<WorkloadSnapshot> {
    const { config } = params;
    const now = deps.clock.now();
    await authorizeGadgetViewer(params.callerAccountId, deps);
    const [head, policy, open] = await Promise.all([
      deps.config.head(),
      deps.config.policy(),
      openEntries(config, deps),
    ]);
    const bySpoc = new Map<string, TriageEntry[]>();
    for (const entry of open) {
      const spoc = entry.record.spocAccountId;
      if (spoc) bySpoc.set(spoc, [...(bySpoc.get(spoc) ?? []), entry]);
    }
    // The chosen SPOCs (idle ones too); else every SPOC with a profile, or only the busy ones of a project.
    const chosen = config.spocAccountIds ?? [];
    const ids =
      chosen.length > 0
        ? chosen
        : (config.projectKeys ?? []).length > 0
          ? [...bySpoc.keys()]
          : [...new Set([...head.profileAccountIds, ...bySpoc.keys()])];
    const profiles = new Map((await deps.config.profiles(ids)).map((p) => [p.accountId, p]));
    const rows = ids.map((id) =>
      workloadRow(id, bySpoc.get(id) ?? [], profiles.get(id), head.names, policy.defaultCapacity, now),
    );
    rows.sort((a, b) => b.open - a.open || a.displayName.localeCompare(b.displayName));
    const shown = rows.map((row) => ({ ...row, load: loadOf(row, config.capacityWarnPercent) }));
    const sum = (pick: (r: WorkloadRow) => number) => shown.reduce((total, r) => total + pick(r), 0);
    return {
      takenAt: now.toISOString(),
      rows: shown.slice(0, config.maxRows),
      matched: shown.length,
      scope: scopeOf(config, (id) => profiles.get(id)?.displayName ?? head.names[id] ?? id),
      config,
      totals: {
        awaitingTriage: sum((r) => r.awaitingTriage),
        informationRequested: sum((r) => r.informationRequested),
        open: sum((r) => r.open),
        nearlyFull: shown.filter((r) => r.load === 'nearly-full').length,
        full: shown.filter((r) => r.load === 'full').length,
      },
    };
  },
};

/** How full a SPOC is: full at capacity, nearly full from the gadget's share of it. */
function loadOf(row: Omit<WorkloadRow, 'load'>, warnPercent: number): WorkloadRow['load'] {
  if (row.capacity === null) return 'no-limit';
  if (row.open >= row.capacity) return 'full';
  return row.open * 100 >= row.capacity * warnPercent ? 'nearly-full' : 'under';
}

function workloadRow(
  accountId: string,
  entries: readonly TriageEntry[],
  profile: SpocProfile | undefined,
  names: Readonly<Record<string, string>>,
  defaultCapacity: number,
  now: Date,
): Omit<WorkloadRow, 'load'> {
  const count = (state: string) => entries.filter((e) => e.record.state === state).length;
  const oldest = [...entries].sort((a, b) => a.record.routedAt.localeCompare(b.record.routedAt))[0];
  const base = {
    accountId,
    displayName: profile?.displayName ?? names[accountId] ?? accountId,
    timeZone: profile?.timeZone ?? 'UTC',
    awaitingTriage: count('awaiting-spoc'),
    informationRequested: count('info-requested'),
    returned: count('returned'),
    open: entries.length,
    oldestWaiting: oldest ? { issueKey: oldest.issueKey, since: oldest.record.routedAt } : null,
  };
  if (!profile) {
    return {
      ...base,
      capacity: null,
      status: 'off-shift',
      statusText: 'has no SPOC profile, so their hours are unknown',
    };
  }
  const availability = availabilityAt(
    profile,
    now,
    { openClientIssues: entries.length },
    { defaultCapacity, names },
  );
  return {
    ...base,
    capacity: effectiveCapacity(profile, defaultCapacity),
    status: availability.status,
    statusText: availability.phrase,
  };
}

export const getEscalationSnapshot = {
  async execute(
    params: GadgetParams<EscalationsGadgetConfig>,
    deps: GadgetDeps,
  ): Promise<EscalationSnapshot> {
    const { config } = params;
    const now = deps.clock.now();
    await authorizeGadgetViewer(params.callerAccountId, deps);
    const [head, policy, inProjects] = await Promise.all([
      deps.config.head(),
      deps.config.policy(),
      openEntries(config, deps),
    ]);
    const chosen = config.spocAccountIds ?? [];
    const open =
      chosen.length > 0
        ? inProjects.filter((e) => e.record.spocAccountId !== null && chosen.includes(e.record.spocAccountId))
        : inProjects;
    const spocIds = [
      ...new Set([
        ...chosen,
        ...open.map((e) => e.record.spocAccountId).filter((id): id is string => id !== null),
      ]),
    ];
    const profiles = new Map((await deps.config.profiles(spocIds)).map((p) => [p.accountId, p]));
    const nameOf = (id: string) => profiles.get(id)?.displayName ?? head.names[id] ?? id;
    const atRiskPercent = config.atRiskPercent ?? policy.atRiskPercent;
    const rows: EscalationRow[] = open.map((entry) => {
      const spoc = entry.record.spocAccountId;
      const profile = spoc ? profiles.get(spoc) : undefined;
      const response = profile
        ? checkEscalation({
            record: entry.record,
            calendar: calendarOf(profile),
            targetMinutes: entry.routing.responseTargetMinutes,
            policy: { ladder: policy.ladder, atRiskPercent },
            now,
          }).status
        : entry.record.dueAt && Date.parse(entry.record.dueAt) <= now.getTime()
          ? 'breached'
          : entry.record.dueAt
            ? 'on-track'
            : 'not-running';
      return {
        issueKey: entry.issueKey,
        summary: entry.summary,
        clientName: entry.clientName,
        spoc: spoc ? { accountId: spoc, displayName: nameOf(spoc) } : null,
        state: entry.record.state,
        escalationLevel: entry.record.escalationLevel,
        response,
        dueAt: entry.record.dueAt,
        routedAt: entry.record.routedAt,
      };
    });
    const byLevel: Record<string, number> = {};
    for (const row of rows)
      if (row.escalationLevel > 0) byLevel[row.escalationLevel] = (byLevel[row.escalationLevel] ?? 0) + 1;
    const urgency = { breached: 0, 'at-risk': 1, 'on-track': 2, 'not-running': 3 } as const;
    const minLevel = config.minLevel ?? 0;
    const needsAttention = (r: EscalationRow) =>
      minLevel > 0
        ? r.escalationLevel >= minLevel
        : r.escalationLevel > 0 || r.response === 'breached' || r.response === 'at-risk' || r.spoc === null;
    const listed = rows
      .filter(needsAttention)
      .sort(
        (a, b) =>
          b.escalationLevel - a.escalationLevel ||
          urgency[a.response] - urgency[b.response] ||
          a.routedAt.localeCompare(b.routedAt),
      );
    return {
      takenAt: now.toISOString(),
      rows: listed.slice(0, config.maxRows),
      matched: listed.length,
      scope: scopeOf(config, nameOf),
      config,
      atRiskPercent,
      totals: {
        byLevel,
        breached: rows.filter((r) => r.response === 'breached').length,
        atRisk: rows.filter((r) => r.response === 'at-risk').length,
        unrouted: rows.filter((r) => r.spoc === null).length,
      },
    };
  },
};

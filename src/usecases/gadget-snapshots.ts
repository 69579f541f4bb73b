import { availabilityAt, calendarOf, checkEscalation, effectiveCapacity, type SpocProfile } from '../domain';
import type { EscalationRow, EscalationSnapshot, GadgetSnapshot, WorkloadRow } from '../contract/gadgets';
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

export interface GadgetParams {
  readonly callerAccountId: string;
  /** From the gadget's saved configuration: narrows, never widens. */
  readonly projectKey: string | null;
  readonly maxRows: number;
}

const MAX_OPEN = 2000;

/** SPOCs, the delivery team and escalation managers: the people a SPOC dashboard is for (known from KVS alone). */
async function requireStaff(callerAccountId: string, deps: GadgetDeps): Promise<void> {
  const head = await deps.config.head();
  if (head.profileAccountIds.includes(callerAccountId)) return;
  if (head.settings.deliveryTeamAccountIds.includes(callerAccountId)) return;
  if (head.escalationManagerAccountIds.includes(callerAccountId)) return;
  throw new NotAllowedError('SPOC gadgets are for SPOCs, the delivery team and escalation managers.');
}

async function openEntries(params: GadgetParams, deps: GadgetDeps): Promise<readonly TriageEntry[]> {
  const open = await deps.triage.allOpen(MAX_OPEN);
  return params.projectKey ? open.filter((e) => e.projectKey === params.projectKey) : open;
}

export const getWorkloadSnapshot = {
  async execute(params: GadgetParams, deps: GadgetDeps): Promise<GadgetSnapshot<WorkloadRow>> {
    const now = deps.clock.now();
    await requireStaff(params.callerAccountId, deps);
    const [head, policy, open] = await Promise.all([
      deps.config.head(),
      deps.config.policy(),
      openEntries(params, deps),
    ]);
    const bySpoc = new Map<string, TriageEntry[]>();
    for (const entry of open) {
      const spoc = entry.record.spocAccountId;
      if (spoc) bySpoc.set(spoc, [...(bySpoc.get(spoc) ?? []), entry]);
    }
    // Every SPOC with a profile (idle ones too, unless the gadget is narrowed to a project).
    const ids = params.projectKey
      ? [...bySpoc.keys()]
      : [...new Set([...head.profileAccountIds, ...bySpoc.keys()])];
    const profiles = new Map((await deps.config.profiles(ids)).map((p) => [p.accountId, p]));
    const rows = ids.map((id) =>
      workloadRow(id, bySpoc.get(id) ?? [], profiles.get(id), head.names, policy.defaultCapacity, now),
    );
    rows.sort((a, b) => b.open - a.open || a.displayName.localeCompare(b.displayName));
    return { takenAt: now.toISOString(), rows: rows.slice(0, params.maxRows) };
  },
};

function workloadRow(
  accountId: string,
  entries: readonly TriageEntry[],
  profile: SpocProfile | undefined,
  names: Readonly<Record<string, string>>,
  defaultCapacity: number,
  now: Date,
): WorkloadRow {
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
  async execute(params: GadgetParams, deps: GadgetDeps): Promise<EscalationSnapshot> {
    const now = deps.clock.now();
    await requireStaff(params.callerAccountId, deps);
    const [head, policy, open] = await Promise.all([
      deps.config.head(),
      deps.config.policy(),
      openEntries(params, deps),
    ]);
    const spocIds = [
      ...new Set(open.map((e) => e.record.spocAccountId).filter((id): id is string => id !== null)),
    ];
    const profiles = new Map((await deps.config.profiles(spocIds)).map((p) => [p.accountId, p]));
    const rows: EscalationRow[] = open.map((entry) => {
      const spoc = entry.record.spocAccountId;
      const profile = spoc ? profiles.get(spoc) : undefined;
      const response = profile
        ? checkEscalation({
            record: entry.record,
            calendar: calendarOf(profile),
            targetMinutes: entry.routing.responseTargetMinutes,
            policy,
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
        spoc: spoc
          ? { accountId: spoc, displayName: profile?.displayName ?? head.names[spoc] ?? spoc }
          : null,
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
    const listed = rows
      .filter(
        (r) =>
          r.escalationLevel > 0 || r.response === 'breached' || r.response === 'at-risk' || r.spoc === null,
      )
      .sort(
        (a, b) =>
          b.escalationLevel - a.escalationLevel ||
          urgency[a.response] - urgency[b.response] ||
          a.routedAt.localeCompare(b.routedAt),
      );
    return {
      takenAt: now.toISOString(),
      rows: listed.slice(0, params.maxRows),
      totals: {
        byLevel,
        breached: rows.filter((r) => r.response === 'breached').length,
        atRisk: rows.filter((r) => r.response === 'at-risk').length,
        unrouted: rows.filter((r) => r.spoc === null).length,
      },
    };
  },
};

import { availabilityAt, effectiveCapacity, type Availability, type SpocProfile } from '../domain';
import type { WorkloadGadgetConfig, WorkloadRow, WorkloadSnapshot } from '../contract/gadgets';
import {
  authorizeGadgetViewer,
  openEntries,
  peopleNames,
  scopeOf,
  type GadgetDeps,
  type GadgetParams,
} from './support/gadget-snapshot';
import type { TriageEntry } from './support/triage-entry';

/** The SPOC workload gadget: open client issues per SPOC against their capacity, and who is away or off shift. */
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
    const nameOf = await peopleNames(ids, profiles, head, deps);
    const rows = ids.map((id) =>
      workloadRow(
        id,
        nameOf(id),
        bySpoc.get(id) ?? [],
        profiles.get(id),
        head.names,
        policy.defaultCapacity,
        now,
      ),
    );
    rows.sort((a, b) => b.open - a.open || a.displayName.localeCompare(b.displayName));
    const shown = rows.map((row) => ({ ...row, load: loadOf(row, config.capacityWarnPercent) }));
    const sum = (pick: (r: WorkloadRow) => number) => shown.reduce((total, r) => total + pick(r), 0);
    return {
      takenAt: now.toISOString(),
      rows: shown.slice(0, config.maxRows),
      matched: shown.length,
      scope: scopeOf(config, nameOf),
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
  displayName: string,
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
    displayName,
    timeZone: profile?.timeZone ?? 'UTC',
    awaitingTriage: count('awaiting-spoc'),
    informationRequested: count('info-requested'),
    returned: count('returned'),
    open: entries.length,
    oldestWaiting: oldest ? { issueKey: oldest.issueKey, since: oldest.record.routedAt } : null,
  };
  // Without a profile their hours and capacity are unknown: the view says so instead of guessing.
  if (!profile) return { ...base, capacity: null, status: 'no-profile', statusUntil: null };
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
    statusUntil: statusUntil(availability),
  };
}

/** The instant the SPOC's status changes, for the view to word in the viewer's zone and words. */
function statusUntil(availability: Availability): string | null {
  switch (availability.status) {
    case 'available':
      return availability.shiftEndsAt;
    case 'away':
      return availability.until;
    case 'off-shift':
      return availability.nextStartAt;
    case 'at-capacity':
      return null;
  }
}

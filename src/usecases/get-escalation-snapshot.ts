import { AROUND_THE_CLOCK, calendarOf, checkEscalation } from '../domain';
import type { EscalationRow, EscalationSnapshot, EscalationsGadgetConfig } from '../contract/gadgets';
import {
  authorizeGadgetViewer,
  openEntries,
  peopleNames,
  scopeOf,
  type GadgetDeps,
  type GadgetParams,
} from './support/gadget-snapshot';

/** The Escalation status gadget: escalated issues by level, breached and at-risk responses, unrouted issues. */
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
    const nameOf = await peopleNames(spocIds, profiles, head, deps);
    const atRiskPercent = config.atRiskPercent ?? policy.atRiskPercent;
    const rows: EscalationRow[] = open.map((entry) => {
      const spoc = entry.record.spocAccountId;
      const profile = spoc ? profiles.get(spoc) : undefined;
      // Someone without working hours known (nobody took the issue yet): the clock runs around the clock.
      const response = checkEscalation({
        record: entry.record,
        calendar: profile ? calendarOf(profile) : AROUND_THE_CLOCK,
        targetMinutes: entry.routing.responseTargetMinutes,
        policy: { ladder: policy.ladder, atRiskPercent },
        now,
      }).status;
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

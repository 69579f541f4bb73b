import {
  AROUND_THE_CLOCK,
  calendarOf,
  checkEscalation,
  ladderFor,
  rosterInForce,
  sweepAtOf,
  type EscalationCheck,
  type LadderStep,
  type RosterVersion,
  type SpocPolicy,
  type SpocProfile,
  type WorkingCalendar,
} from '../../domain';
import type { ConfigurationReader } from '../ports';
import type { TriageEntry } from './triage-entry';

/**
 * Where an issue stands on its escalation ladder, and when the sweep must next look at it. The response
 * belongs to the SPOC, or, while nobody could be routed the issue, to the client's escalation manager; it
 * is counted in their working hours (around the clock for someone without a profile). Every use case that
 * changes a record stores its `sweepAt` through `scheduled`, so the sweep finds what is due by index.
 */
export interface LadderContext {
  readonly policy: SpocPolicy;
  readonly roster: RosterVersion | null;
  readonly ladder: readonly LadderStep[];
  /** Whose response it is: the SPOC, else the escalation manager; null when there is neither. */
  readonly owner: string | null;
  readonly ownerProfile: SpocProfile | null;
  readonly calendar: WorkingCalendar;
  readonly escalationManager: string | null;
}

export async function ladderContext(
  entry: TriageEntry,
  config: ConfigurationReader,
  now: Date,
): Promise<LadderContext> {
  const [policy, roster] = await Promise.all([config.policy(), config.roster(entry.record.clientId)]);
  const inForce = roster ? rosterInForce(roster, now) : null;
  const escalationManager = inForce?.escalationManagerAccountId ?? null;
  const owner = entry.record.spocAccountId ?? escalationManager;
  const [profile] = owner ? await config.profiles([owner]) : [];
  return {
    policy,
    roster: inForce,
    ladder: ladderFor(policy, inForce),
    owner,
    ownerProfile: profile ?? null,
    calendar: profile ? calendarOf(profile) : AROUND_THE_CLOCK,
    escalationManager,
  };
}

export function ladderCheck(entry: TriageEntry, context: LadderContext, now: Date): EscalationCheck {
  return checkEscalation({
    record: entry.record,
    calendar: context.calendar,
    targetMinutes: entry.routing.responseTargetMinutes,
    policy: { ladder: context.ladder, atRiskPercent: context.policy.atRiskPercent },
    now,
  });
}

/** The entry with `sweepAt` set: when its next ladder step falls due or a hold ends; null for never. */
export async function scheduled(
  entry: TriageEntry,
  config: ConfigurationReader,
  now: Date,
): Promise<TriageEntry> {
  const check = ladderCheck(entry, await ladderContext(entry, config, now), now);
  return { ...entry, sweepAt: sweepAtOf(check, now) };
}

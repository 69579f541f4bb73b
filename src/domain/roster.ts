import type { LadderStep } from './policy';
import { MAX_ROSTER_VERSIONS, validateRosterVersion } from './roster-validation';
import { toMillis, type Instant } from './time';
import { invalid, problem, valid, type Validated } from './validation';
import type { WorkingCalendar } from './working-hours';

/**
 * Who looks after a client: a primary SPOC, ordered backups, an optional pool, the client's own support
 * hours, where vetted work goes, and who hears about escalations. Rosters are dated: a handover is a new
 * version that takes effect at an instant, so past routing can always be explained by the roster then in force.
 */
export type DeliveryTarget =
  | { readonly kind: 'user'; readonly accountId: string }
  | { readonly kind: 'component-lead'; readonly componentId: string }
  | { readonly kind: 'unassigned' };

export interface RosterVersion {
  readonly clientId: string;
  /** ISO instant this version takes effect. */
  readonly effectiveFrom: string;
  readonly primarySpocAccountId: string;
  /** In the order they cover. */
  readonly backupAccountIds: readonly string[];
  /** Shared cover after the backups; the least loaded member goes first. */
  readonly poolAccountIds: readonly string[];
  /** The client's contracted support hours in their time zone; null when not agreed. */
  readonly supportHours: WorkingCalendar | null;
  /** Assignee after vetting. */
  readonly deliveryTarget: DeliveryTarget;
  readonly escalationManagerAccountId: string;
  readonly handoverNote?: string;
  /** This client's own escalation ladder; absent: the policy's. */
  readonly ladder?: readonly LadderStep[];
}

export interface ClientRoster {
  readonly clientId: string;
  readonly clientName: string;
  /** Oldest first; effectiveFrom strictly increasing. */
  readonly versions: readonly RosterVersion[];
}

export type RosterRole = 'primary' | 'backup' | 'pool';

export interface RosterCandidate {
  readonly accountId: string;
  readonly role: RosterRole;
  /** 1-based position among backups; 0 otherwise. */
  readonly position: number;
}

export const describeRosterRole = (candidate: Pick<RosterCandidate, 'role' | 'position'>): string =>
  candidate.role === 'backup' ? `backup ${candidate.position}` : candidate.role;

/** Primary, then backups in order, then the pool in roster order. */
export function rosterCandidates(version: RosterVersion): readonly RosterCandidate[] {
  return [
    { accountId: version.primarySpocAccountId, role: 'primary', position: 0 },
    ...version.backupAccountIds.map((accountId, i) => ({
      accountId,
      role: 'backup' as const,
      position: i + 1,
    })),
    ...version.poolAccountIds.map((accountId) => ({ accountId, role: 'pool' as const, position: 0 })),
  ];
}

/** The version in force at the instant: the latest that has taken effect; null before the first. */
export function rosterInForce(roster: ClientRoster, instant: Instant): RosterVersion | null {
  const atMs = toMillis(instant);
  let inForce: RosterVersion | null = null;
  for (const version of roster.versions) {
    if (Date.parse(version.effectiveFrom) <= atMs) inForce = version;
  }
  return inForce;
}

const nameOf = (names: Readonly<Record<string, string>>, accountId: string): string =>
  names[accountId] ?? accountId;

/**
 * Adds a version taking effect at or after `now`. History is never rewritten: a change to the past is
 * refused, and so is a second version at the same instant.
 */
export function scheduleHandover(
  roster: ClientRoster,
  input: unknown,
  now: Instant,
): Validated<ClientRoster> {
  const checked = validateRosterVersion(input, roster.clientId);
  if (!checked.ok) return checked;
  const version = checked.value;
  const fromMs = Date.parse(version.effectiveFrom);
  if (fromMs < toMillis(now)) {
    return invalid([
      problem(
        'effectiveFrom',
        'A roster change cannot take effect in the past; past rosters are kept as history.',
      ),
    ]);
  }
  if (roster.versions.some((v) => Date.parse(v.effectiveFrom) === fromMs)) {
    return invalid([
      problem(
        'effectiveFrom',
        `A roster change already takes effect at ${version.effectiveFrom}; edit or cancel it.`,
      ),
    ]);
  }
  const versions = [...roster.versions, version].sort(
    (a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom),
  );
  return valid({ ...roster, versions: trimHistory(versions, toMillis(now)) });
}

// Keeps stored rosters bounded: the oldest versions go first, never the one in force or any future one.
function trimHistory(versions: readonly RosterVersion[], nowMs: number): readonly RosterVersion[] {
  let result = [...versions];
  while (result.length > MAX_ROSTER_VERSIONS) {
    const second = result[1];
    if (!second || Date.parse(second.effectiveFrom) > nowMs) break;
    result = result.slice(1);
  }
  return result;
}

export interface DeliveryAssignee {
  /** Null leaves the issue unassigned. */
  readonly accountId: string | null;
  readonly reason: string;
}

/** Who gets the issue once vetted. Component leads are looked up by the caller and passed in. */
export function resolveDeliveryTarget(
  target: DeliveryTarget,
  componentLeads: Readonly<Record<string, string | null>> = {},
  names: Readonly<Record<string, string>> = {},
): DeliveryAssignee {
  switch (target.kind) {
    case 'user':
      return {
        accountId: target.accountId,
        reason: `Vetted work for this client goes to ${nameOf(names, target.accountId)}.`,
      };
    case 'unassigned':
      return {
        accountId: null,
        reason: 'Vetted work for this client is left unassigned for the delivery team to pick up.',
      };
    case 'component-lead': {
      const lead = componentLeads[target.componentId] ?? null;
      return lead === null
        ? {
            accountId: null,
            reason: `Component ${target.componentId} has no lead, so the vetted issue is left unassigned.`,
          }
        : {
            accountId: lead,
            reason: `Vetted work goes to ${nameOf(names, lead)}, lead of component ${target.componentId}.`,
          };
    }
  }
}

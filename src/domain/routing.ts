import { availabilityAt, type AvailabilityStatus } from './availability';
import { describeRosterRole, rosterCandidates, type RosterCandidate, type RosterVersion } from './roster';
import { activeOutOfOffice, calendarOf, type SpocProfile } from './spoc-profile';
import { formatMinutes, MINUTE_MS, toIso, toMillis, type Instant } from './time';
import { addWorkingMinutesMs } from './working-hours';
import { describeMoment, describeUtc } from './zone-time';

/**
 * Who gets a new client issue. Candidates are tried in roster order (primary, backups, then the pool, least
 * loaded first), and an absent candidate's delegate is tried in their place. The first who is not away, has
 * room, and is working now, or starts soon enough to meet the response target, gets it. When nobody can, the
 * issue is left unrouted, flagged and escalated: never quietly given to someone who is away.
 */
export interface RoutingInput {
  readonly now: Instant;
  readonly client: { readonly id: string; readonly name: string };
  /** The roster in force now; null when the client has none. */
  readonly roster: RosterVersion | null;
  readonly profiles: readonly SpocProfile[];
  /** Open client issues awaiting each account now; an account left out has none. */
  readonly openClientIssues: Readonly<Record<string, number>>;
  /** The response target for this issue, in working minutes. */
  readonly responseTargetMinutes: number;
  readonly defaultCapacity?: number | null;
  /** Display names for people without a profile (escalation manager, delegates). */
  readonly names?: Readonly<Record<string, string>>;
  /** People who must not get the issue this time, e.g. the SPOC it is being moved away from. */
  readonly excludeAccountIds?: readonly string[];
  /**
   * The SPOC the issue moves away from (they are away, or did not respond in time): never chosen, and when
   * they are out of office, their delegate is tried first, before the roster's order.
   */
  readonly movingFrom?: string;
}

export type CandidateStatus =
  AvailabilityStatus | 'no-profile' | 'excluded' | 'already-considered' | 'too-late';

export interface ConsideredCandidate {
  readonly accountId: string;
  readonly displayName: string;
  /** "primary", "backup 2", "pool", "delegate of Priya Shah". */
  readonly role: string;
  readonly status: CandidateStatus;
  readonly chosen: boolean;
  /** The whole line, e.g. "Ana Lima (backup 1) has 8 of 8 open client issues: full". */
  readonly reason: string;
}

export type RoutingDecision =
  | {
      readonly outcome: 'routed';
      readonly spocAccountId: string;
      readonly spocName: string;
      readonly role: string;
      /** Now when they are working, else the start of their next shift. */
      readonly startsAt: string;
      /** The response target counted in the chosen SPOC's working time from now. */
      readonly dueAt: string;
      readonly considered: readonly ConsideredCandidate[];
      readonly reasons: readonly string[];
      readonly summary: string;
    }
  | {
      readonly outcome: 'unrouted';
      /** Flag the issue: nobody owns it. */
      readonly flag: true;
      /** Who hears about it; null when the client has no roster. */
      readonly escalateToAccountId: string | null;
      readonly considered: readonly ConsideredCandidate[];
      readonly reasons: readonly string[];
      readonly summary: string;
    };

interface Chosen {
  readonly accountId: string;
  readonly displayName: string;
  readonly role: string;
  readonly startsAt: number;
  readonly profile: SpocProfile;
}

export function chooseSpoc(input: RoutingInput): RoutingDecision {
  const nowMs = toMillis(input.now, 'routing time');
  const target = input.responseTargetMinutes;
  if (!Number.isFinite(target) || target <= 0)
    throw new RangeError('The response target must be a positive number of minutes.');
  const targetText = formatMinutes(target);
  const profiles = new Map(input.profiles.map((p) => [p.accountId, p]));
  const nameOf = (id: string): string => profiles.get(id)?.displayName ?? input.names?.[id] ?? `user ${id}`;
  const loadOf = (id: string): number => input.openClientIssues[id] ?? 0;
  const excluded = new Set([
    ...(input.excludeAccountIds ?? []),
    ...(input.movingFrom ? [input.movingFrom] : []),
  ]);
  const client = input.client.name;

  if (input.roster === null) {
    const reason = `Client ${client} has no roster in force, so there is nobody to route the issue to.`;
    return {
      outcome: 'unrouted',
      flag: true,
      escalateToAccountId: null,
      considered: [],
      reasons: [reason, 'The issue is flagged for a manager to set up the roster and assign it.'],
      summary: `Unrouted: client ${client} has no roster in force. Flagged for a manager.`,
    };
  }

  const considered: ConsideredCandidate[] = [];
  const seen = new Set<string>();
  const line = (
    accountId: string,
    role: string,
    status: CandidateStatus,
    text: string,
    chosen = false,
  ): void => {
    const displayName = nameOf(accountId);
    considered.push({
      accountId,
      displayName,
      role,
      status,
      chosen,
      reason: `${displayName} (${role}) ${text}`,
    });
  };

  const consider = (accountId: string, role: string): Chosen | null => {
    if (seen.has(accountId)) {
      line(accountId, role, 'already-considered', 'was already considered above');
      return null;
    }
    seen.add(accountId);
    if (excluded.has(accountId)) {
      line(accountId, role, 'excluded', 'is the SPOC the issue is being moved away from; skipped');
      return null;
    }
    const profile = profiles.get(accountId);
    if (!profile) {
      line(
        accountId,
        role,
        'no-profile',
        'has no SPOC profile, so their hours and absences are unknown; skipped',
      );
      return null;
    }
    const availability = availabilityAt(
      profile,
      new Date(nowMs),
      { openClientIssues: loadOf(accountId) },
      // The reasons are stored and read later: moments are named absolutely, never "tomorrow".
      { defaultCapacity: input.defaultCapacity ?? null, wording: 'stored' },
    );
    const name = profile.displayName;
    switch (availability.status) {
      case 'available':
        line(accountId, role, 'available', `${availability.phrase}: chosen`, true);
        return { accountId, displayName: name, role, startsAt: nowMs, profile };
      case 'at-capacity':
        line(accountId, role, 'at-capacity', availability.phrase);
        return null;
      case 'off-shift': {
        if (availability.nextStartAt === null) {
          line(accountId, role, 'off-shift', availability.phrase);
          return null;
        }
        const startsAt = Date.parse(availability.nextStartAt);
        if (startsAt - nowMs <= target * MINUTE_MS) {
          line(
            accountId,
            role,
            'off-shift',
            `${availability.phrase}, within the ${targetText} target: chosen`,
            true,
          );
          return { accountId, displayName: name, role, startsAt, profile };
        }
        line(accountId, role, 'too-late', `${availability.phrase}, later than the ${targetText} target`);
        return null;
      }
      case 'away': {
        const delegate = availability.delegateAccountId;
        if (delegate === null) {
          line(accountId, role, 'away', `${availability.phrase} and named no delegate`);
          return null;
        }
        if (seen.has(delegate)) {
          line(
            accountId,
            role,
            'away',
            `${availability.phrase}; delegate ${nameOf(delegate)} was already considered`,
          );
          return null;
        }
        line(accountId, role, 'away', `${availability.phrase}; delegate ${nameOf(delegate)} considered`);
        return consider(delegate, `delegate of ${name}`);
      }
    }
  };

  const roster = input.roster;
  const ordered = orderCandidates(rosterCandidates(roster), loadOf);
  let chosen: Chosen | null = null;
  const from = input.movingFrom ? profiles.get(input.movingFrom) : undefined;
  const cover = from ? activeOutOfOffice(from, nowMs)?.delegateAccountId : null;
  if (from && cover && !excluded.has(cover)) chosen = consider(cover, `delegate of ${from.displayName}`);
  for (const candidate of chosen ? [] : ordered) {
    chosen = consider(candidate.accountId, describeRosterRole(candidate));
    if (chosen) break;
  }
  const reasons = considered.map((c) => `${c.reason}.`);
  if (ordered.some((c) => c.role === 'pool')) reasons.push('Pool members are tried least loaded first.');

  if (chosen === null) {
    const manager = roster.escalationManagerAccountId;
    const summary =
      `Unrouted: none of the ${considered.length} people considered for client ${client} can take the issue ` +
      `within the ${targetText} target. Flagged and escalated to ${nameOf(manager)} (escalation manager).`;
    return {
      outcome: 'unrouted',
      flag: true,
      escalateToAccountId: manager,
      considered,
      reasons: [...reasons, summary],
      summary,
    };
  }

  const zone = chosen.profile.timeZone;
  // A chosen candidate always has working hours, so the due time exists.
  const dueMs = addWorkingMinutesMs(calendarOf(chosen.profile), nowMs, target) ?? chosen.startsAt;
  const summary =
    `Routed to ${chosen.displayName} (${chosen.role}) for client ${client}. Response due ` +
    `${describeMoment(dueMs, zone)} (${describeUtc(dueMs, zone)}), ${targetText} of their working time.`;
  return {
    outcome: 'routed',
    spocAccountId: chosen.accountId,
    spocName: chosen.displayName,
    role: chosen.role,
    startsAt: toIso(chosen.startsAt),
    dueAt: toIso(dueMs),
    considered,
    reasons: [...reasons, summary],
    summary,
  };
}

/** Roster order, except the pool, which goes least loaded first (roster order breaks ties). */
function orderCandidates(
  candidates: readonly RosterCandidate[],
  loadOf: (id: string) => number,
): readonly RosterCandidate[] {
  const named = candidates.filter((c) => c.role !== 'pool');
  const pool = candidates
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.role === 'pool')
    .sort((a, b) => loadOf(a.c.accountId) - loadOf(b.c.accountId) || a.index - b.index)
    .map(({ c }) => c);
  return [...named, ...pool];
}

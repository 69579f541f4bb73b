import { activeOutOfOffice, type SpocProfile } from './spoc-profile';
import { availabilityAt, effectiveCapacity } from './availability';
import { rosterInForce, scheduleHandover, type ClientRoster, type RosterVersion } from './roster';
import { validateRosterVersion } from './roster-validation';
import { toIso, toMillis, type Instant } from './time';
import { isUnvetted } from './triage';
import { applyTriageAction, type TriageOutcome, type TriageRecord } from './triage-record';
import { invalid, problem, valid, type Validated, type ValidationProblem } from './validation';
import { describeMoment } from './zone-time';

/**
 * A SPOC leaves the team (or moves on to other work): every roster role they hold — primary, backup, pool,
 * escalation manager — and every open client issue of theirs passes to one successor. Decided here, in
 * plain words, for a manager to read before anything is applied: the roster versions to add (history is
 * kept: the version in force gets a successor taking effect now; versions planned for later are changed in
 * place, as they are not history yet), the issues that move from whom to whom, and what to watch out for.
 */
export type OffboardedRole = 'primary' | 'backup' | 'pool' | 'escalation-manager';

export interface RoleChange {
  readonly role: OffboardedRole;
  /** 1-based place among the backups; 0 for the other roles. */
  readonly position: number;
  readonly from: string;
  /** Who holds the role afterwards; null when the successor is on the roster already and the place goes. */
  readonly to: string | null;
  readonly reason: string;
}

export interface RosterOffboarding {
  readonly clientId: string;
  readonly clientName: string;
  /** When the changed roster takes effect: now for the one in force, its own time for one planned later. */
  readonly effectiveFrom: string;
  readonly planned: boolean;
  readonly changes: readonly RoleChange[];
}

export interface RosterOffboardingPlan {
  /** The rosters to save, each with its new or changed versions; untouched rosters are left out. */
  readonly rosters: readonly ClientRoster[];
  readonly offboardings: readonly RosterOffboarding[];
  readonly warnings: readonly string[];
}

export interface RosterOffboardingInput {
  readonly rosters: readonly ClientRoster[];
  readonly leavingAccountId: string;
  readonly successorAccountId: string;
  readonly now: Instant;
  readonly names?: Readonly<Record<string, string>>;
  /** Why, kept as the new versions' handover note. */
  readonly reason?: string;
}

const MAX_HANDOVER_NOTE = 500;

type Names = Readonly<Record<string, string>>;
const nameOf = (names: Names | undefined, id: string): string => names?.[id] ?? id;

export function planRosterOffboarding(input: RosterOffboardingInput): Validated<RosterOffboardingPlan> {
  const { leavingAccountId: leaving, successorAccountId: successor, names } = input;
  if (leaving === successor) {
    return invalid([
      problem('successorAccountId', 'Choose someone other than the person who is leaving to take over.'),
    ]);
  }
  const nowMs = toMillis(input.now, 'offboarding time');
  const L = nameOf(names, leaving);
  const S = nameOf(names, successor);
  const note = boundedNote(`${L} leaves the SPOC team; ${S} takes over their roles.`, input.reason);
  const rosters: ClientRoster[] = [];
  const offboardings: RosterOffboarding[] = [];
  const warnings: string[] = [];
  const problems: ValidationProblem[] = [];

  for (const roster of input.rosters) {
    const inForce = rosterInForce(roster, input.now);
    let changed: ClientRoster = roster;
    // A version that has not taken effect yet is a plan, not history: it is changed where it stands.
    const planned = roster.versions.filter((v) => Date.parse(v.effectiveFrom) >= nowMs);
    for (const version of planned) {
      const replaced = replacePerson(version, leaving, successor, names);
      if (replaced.changes.length === 0) continue;
      const checked = validateRosterVersion({ ...replaced.version, handoverNote: note }, roster.clientId);
      if (!checked.ok) {
        problems.push(...inWords(roster.clientName, checked.problems));
        continue;
      }
      changed = {
        ...changed,
        versions: changed.versions.map((v) =>
          v === version ? { ...replaced.version, handoverNote: note } : v,
        ),
      };
      offboardings.push({
        clientId: roster.clientId,
        clientName: roster.clientName,
        effectiveFrom: version.effectiveFrom,
        planned: true,
        changes: replaced.changes,
      });
    }
    if (inForce && Date.parse(inForce.effectiveFrom) < nowMs) {
      const replaced = replacePerson(inForce, leaving, successor, names);
      if (replaced.changes.length > 0) {
        const effectiveFrom = toIso(nowMs);
        const scheduled = scheduleHandover(
          changed,
          { ...replaced.version, effectiveFrom, handoverNote: note },
          input.now,
        );
        if (!scheduled.ok) {
          problems.push(...inWords(roster.clientName, scheduled.problems));
          continue;
        }
        changed = scheduled.value;
        offboardings.push({
          clientId: roster.clientId,
          clientName: roster.clientName,
          effectiveFrom,
          planned: false,
          changes: replaced.changes,
        });
      }
    }
    const stillDelivers = [inForce, ...planned].some(
      (v) => v?.deliveryTarget.kind === 'user' && v.deliveryTarget.accountId === leaving,
    );
    if (stillDelivers) {
      warnings.push(
        `${L} also receives the vetted work of ${roster.clientName}. Offboarding leaves delivery alone: ` +
          'choose who receives it instead in the roster editor.',
      );
    }
    if (changed !== roster) rosters.push(changed);
  }
  if (problems.length > 0) return invalid(problems);
  // Per client, the change taking effect now comes before those planned for later.
  offboardings.sort(
    (a, b) => a.clientName.localeCompare(b.clientName) || a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  return valid({ rosters, offboardings, warnings });
}

/** A roster the successor cannot fill as it stands, named so the manager knows what to change first. */
function inWords(clientName: string, problems: readonly ValidationProblem[]): ValidationProblem[] {
  return problems.map((p) =>
    problem(
      'rosters',
      p.path === 'escalationManagerAccountId'
        ? `${clientName}: the successor would be both its primary SPOC and its escalation manager. Choose another successor, or give ${clientName} another escalation manager first.`
        : `${clientName}: ${p.message}`,
    ),
  );
}

function boundedNote(base: string, reason: string | undefined): string {
  const full = reason?.trim() ? `${base} ${reason.trim()}` : base;
  return full.length <= MAX_HANDOVER_NOTE ? full : `${full.slice(0, MAX_HANDOVER_NOTE - 1)}…`;
}

/**
 * The version with the successor in every place the leaving person held, in the roster's order. Each
 * person is listed once on a roster, so where the successor already has a place, the leaving person's
 * place goes instead and those after move up.
 */
function replacePerson(
  version: RosterVersion,
  leaving: string,
  successor: string,
  names: Names | undefined,
): { readonly version: RosterVersion; readonly changes: readonly RoleChange[] } {
  const L = nameOf(names, leaving);
  const S = nameOf(names, successor);
  const changes: RoleChange[] = [];
  let primary = version.primarySpocAccountId;
  let backups = [...version.backupAccountIds];
  let pool = [...version.poolAccountIds];
  let manager = version.escalationManagerAccountId;

  if (primary === leaving) {
    const wasBackup = backups.indexOf(successor);
    const wasInPool = pool.includes(successor);
    primary = successor;
    backups = backups.filter((id) => id !== successor);
    pool = pool.filter((id) => id !== successor);
    changes.push({
      role: 'primary',
      position: 0,
      from: leaving,
      to: successor,
      reason:
        `${S} becomes the primary SPOC in place of ${L}.` +
        (wasBackup >= 0 ? ` ${S} leaves backup place ${wasBackup + 1}; the backups after move up.` : '') +
        (wasInPool ? ` ${S} leaves the pool.` : ''),
    });
  }
  const backupPlace = backups.indexOf(leaving);
  if (backupPlace >= 0) {
    const position = backupPlace + 1;
    if (primary === successor || backups.includes(successor)) {
      backups = backups.filter((id) => id !== leaving);
      const already = primary === successor ? 'the primary SPOC' : 'a backup';
      changes.push({
        role: 'backup',
        position,
        from: leaving,
        to: null,
        reason: `${L} leaves backup place ${position}; ${S} is already ${already}, so the backups after move up.`,
      });
    } else {
      const wasInPool = pool.includes(successor);
      backups[backupPlace] = successor;
      pool = pool.filter((id) => id !== successor);
      changes.push({
        role: 'backup',
        position,
        from: leaving,
        to: successor,
        reason: `${S} takes ${L}'s place as backup ${position}.${wasInPool ? ` ${S} leaves the pool.` : ''}`,
      });
    }
  }
  if (pool.includes(leaving)) {
    const onRoster = primary === successor || backups.includes(successor) || pool.includes(successor);
    pool = onRoster
      ? pool.filter((id) => id !== leaving)
      : pool.map((id) => (id === leaving ? successor : id));
    changes.push({
      role: 'pool',
      position: 0,
      from: leaving,
      to: onRoster ? null : successor,
      reason: onRoster
        ? `${L} leaves the pool; ${S} is on this roster already.`
        : `${S} takes ${L}'s place in the pool.`,
    });
  }
  if (manager === leaving) {
    manager = successor;
    changes.push({
      role: 'escalation-manager',
      position: 0,
      from: leaving,
      to: successor,
      reason: `${S} becomes the escalation manager in place of ${L}: escalations of this client, and issues nobody could take, go to ${S}.`,
    });
  }
  return {
    version: {
      ...version,
      primarySpocAccountId: primary,
      backupAccountIds: backups,
      poolAccountIds: pool,
      escalationManagerAccountId: manager,
    },
    changes,
  };
}

// ---- the issues ----------------------------------------------------------------------------------------------

export interface OffboardedIssue {
  readonly issueId: string;
  readonly issueKey: string;
  readonly record: TriageRecord;
}

/**
 * What happens to one open issue: it `move`s to the successor (from the leaving SPOC, or from whoever has
 * covered it during their absence), or the successor, who has covered it, `keep`s it for good, so the
 * leaving person can no longer take it back.
 */
export interface IssueMove {
  readonly kind: 'move' | 'keep';
  readonly issueId: string;
  readonly issueKey: string;
  /** The issue's SPOC now. */
  readonly from: string;
  readonly to: string;
  /** Whether it was handed over from the leaving person during an absence. */
  readonly handedOver: boolean;
  readonly reason: string;
}

export function planIssueMoves(
  issues: readonly OffboardedIssue[],
  leaving: string,
  successor: string,
  names?: Names,
): readonly IssueMove[] {
  const L = nameOf(names, leaving);
  const S = nameOf(names, successor);
  const seen = new Set<string>();
  const moves: IssueMove[] = [];
  for (const { issueId, issueKey, record } of issues) {
    if (seen.has(issueId) || !isUnvetted(record.state)) continue;
    seen.add(issueId);
    const base = { issueId, issueKey, to: successor };
    if (record.spocAccountId === leaving) {
      moves.push({
        ...base,
        kind: 'move',
        from: leaving,
        handedOver: false,
        reason: `${L} leaves the SPOC team; ${S} takes over their clients.`,
      });
    } else if (record.handedOverFrom === leaving && record.spocAccountId !== null) {
      const holder = record.spocAccountId;
      moves.push(
        holder === successor
          ? {
              ...base,
              kind: 'keep',
              from: holder,
              handedOver: true,
              reason: `${S} covered this issue during ${L}'s absence and keeps it, as ${L} leaves the SPOC team.`,
            }
          : {
              ...base,
              kind: 'move',
              from: holder,
              handedOver: true,
              reason: `${nameOf(names, holder)} covered this issue during ${L}'s absence; ${L} leaves the SPOC team, so ${S} takes it over.`,
            },
      );
    }
  }
  return moves.sort((a, b) => a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true }));
}

/** Whether the record is still as the move was planned on (same SPOC, same claim, still open). */
export function moveStillApplies(record: TriageRecord, move: IssueMove, leaving: string): boolean {
  if (!isUnvetted(record.state) || record.spocAccountId !== move.from) return false;
  return move.handedOver ? record.handedOverFrom === leaving : record.spocAccountId === leaving;
}

export interface IssueMoveContext {
  /** The manager who offboards. */
  readonly by: string;
  readonly at: Instant;
  /** A fresh response due time in the successor's hours, as any reassignment gives; absent keeps the clock. */
  readonly dueAt?: Instant | null;
  readonly historyLimit?: number;
  readonly names?: Names;
}

/**
 * The record after the move: a reassignment by the manager, with the reason in the history. A `keep` is
 * recorded as the reassignment from the leaving person it is: their claim on the issue ends, while the
 * response clock and any acknowledgement of the successor, who has held it all along, stay as they are.
 */
export function applyIssueMove(
  record: TriageRecord,
  move: IssueMove,
  leaving: string,
  context: IssueMoveContext,
): TriageOutcome {
  if (!moveStillApplies(record, move, leaving)) {
    return {
      ok: false,
      refusal: `${move.issueKey} changed since the preview (its SPOC or state is no longer the same), so it was not moved.`,
    };
  }
  const actionContext = {
    by: context.by,
    at: context.at,
    ...(context.historyLimit !== undefined ? { historyLimit: context.historyLimit } : {}),
    ...(context.names ? { names: context.names } : {}),
  };
  if (move.kind === 'keep') {
    const outcome = applyTriageAction(
      { ...record, spocAccountId: leaving },
      { type: 'reassign', toAccountId: move.to, note: move.reason },
      actionContext,
    );
    return outcome.ok
      ? { ...outcome, record: { ...outcome.record, acknowledged: record.acknowledged ?? null } }
      : outcome;
  }
  return applyTriageAction(
    record,
    {
      type: 'reassign',
      toAccountId: move.to,
      note: move.reason,
      ...(context.dueAt !== undefined ? { dueAt: context.dueAt } : {}),
    },
    actionContext,
  );
}

// ---- what to watch out for -------------------------------------------------------------------------------------

export interface OffboardingWarningsInput {
  readonly now: Instant;
  readonly leavingAccountId: string;
  readonly successorAccountId: string;
  /** The leaving person's profile, if they have one. */
  readonly leavingProfile: SpocProfile | null;
  readonly successorProfile: SpocProfile | null;
  /** Every SPOC profile, to find absences the leaving person is to cover. */
  readonly profiles: readonly SpocProfile[];
  /** Open client issues the successor holds now. */
  readonly successorOpen: number;
  /** Issues the offboarding gives them. */
  readonly moving: number;
  readonly defaultCapacity: number | null;
  readonly names?: Names;
}

/** Facts a manager should know before applying: each a sentence that says what follows from it. */
export function offboardingWarnings(input: OffboardingWarningsInput): readonly string[] {
  const nowMs = toMillis(input.now);
  const names = input.names;
  const L = nameOf(names, input.leavingAccountId);
  const S = input.successorProfile?.displayName ?? nameOf(names, input.successorAccountId);
  const warnings: string[] = [];
  const successor = input.successorProfile;
  if (!successor) {
    warnings.push(
      `${S} has no SPOC profile: routing skips them for new issues of these clients, and the response ` +
        'clocks of the issues they get run around the clock. Add their availability first.',
    );
  } else {
    const availability = availabilityAt(
      successor,
      input.now,
      { openClientIssues: input.successorOpen },
      { defaultCapacity: input.defaultCapacity, names, wording: 'stored' },
    );
    if (availability.status === 'away') {
      warnings.push(
        `${S} ${availability.phrase}: the sweep hands the waiting issues they get on to their delegate or a backup until they are back.`,
      );
    }
    const capacity = effectiveCapacity(successor, input.defaultCapacity);
    const total = input.successorOpen + input.moving;
    if (capacity !== null && total > capacity) {
      warnings.push(
        `${S} would hold ${total} open client issues, over their capacity of ${capacity}: routing sends them no new issues until some are vetted.`,
      );
    }
  }
  for (const profile of input.profiles) {
    if (profile.accountId === input.leavingAccountId) continue;
    for (const period of profile.outOfOffice) {
      if (period.delegateAccountId !== input.leavingAccountId || Date.parse(period.until) <= nowMs) continue;
      warnings.push(
        `${L} is to cover ${profile.displayName}'s absence from ${describeMoment(Date.parse(period.from), profile.timeZone)} ` +
          `until ${describeMoment(Date.parse(period.until), profile.timeZone)}; choose another delegate under Availability, or routing still sends them ${profile.displayName}'s issues.`,
      );
    }
  }
  const away = input.leavingProfile ? activeOutOfOffice(input.leavingProfile, nowMs) : null;
  if (away && input.leavingProfile) {
    warnings.push(
      `${L} is out of office until ${describeMoment(Date.parse(away.until), input.leavingProfile.timeZone)}: ` +
        'the issues handed over during the absence pass to the successor too, and none come back to them.',
    );
  }
  return warnings;
}

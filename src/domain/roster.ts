import { isIsoInstant, toIso, toMillis, type Instant } from './time';
import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';
import { describeWorkingHours, validateWorkingCalendar, type WorkingCalendar } from './working-hours';
import { formatLocalDay, formatLocalTime } from './zone-time';

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

export const MAX_BACKUPS = 10;
export const MAX_POOL = 50;
export const MAX_ROSTER_VERSIONS = 100;
const MAX_HANDOVER_NOTE = 500;

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
const listNames = (names: Readonly<Record<string, string>>, ids: readonly string[]): string =>
  ids.length ? ids.map((id) => nameOf(names, id)).join(', ') : 'none';

function describeDeliveryTarget(target: DeliveryTarget, names: Readonly<Record<string, string>>): string {
  switch (target.kind) {
    case 'user':
      return nameOf(names, target.accountId);
    case 'component-lead':
      return `the lead of component ${target.componentId}`;
    case 'unassigned':
      return 'unassigned';
  }
}

/** What a handover changes, one line per field, in words. */
export function describeRosterChanges(
  before: RosterVersion | null,
  after: RosterVersion,
  names: Readonly<Record<string, string>> = {},
): readonly string[] {
  const lines: string[] = [];
  const change = (label: string, from: string, to: string): void => {
    if (from !== to) lines.push(before === null ? `${label}: ${to}` : `${label}: ${from} → ${to}`);
  };
  const b = before;
  change(
    'Primary SPOC',
    b ? nameOf(names, b.primarySpocAccountId) : '',
    nameOf(names, after.primarySpocAccountId),
  );
  change('Backups', b ? listNames(names, b.backupAccountIds) : '', listNames(names, after.backupAccountIds));
  change('Pool', b ? listNames(names, b.poolAccountIds) : '', listNames(names, after.poolAccountIds));
  change(
    'Escalation manager',
    b ? nameOf(names, b.escalationManagerAccountId) : '',
    nameOf(names, after.escalationManagerAccountId),
  );
  change(
    'Vetted work goes to',
    b ? describeDeliveryTarget(b.deliveryTarget, names) : '',
    describeDeliveryTarget(after.deliveryTarget, names),
  );
  const hours = (v: RosterVersion): string =>
    v.supportHours ? describeWorkingHours(v.supportHours) : 'not agreed';
  change('Support hours', b ? hours(b) : '', hours(after));
  return lines;
}

export interface ScheduledHandover {
  readonly effectiveFrom: string;
  /** "Mon 1 Dec 09:00 UTC" */
  readonly when: string;
  readonly changes: readonly string[];
  readonly note: string | null;
}

/** Handovers that have not yet taken effect, soonest first, each with what it changes. */
export function upcomingHandovers(
  roster: ClientRoster,
  now: Instant,
  names: Readonly<Record<string, string>> = {},
): readonly ScheduledHandover[] {
  const nowMs = toMillis(now);
  const result: ScheduledHandover[] = [];
  roster.versions.forEach((version, i) => {
    const fromMs = Date.parse(version.effectiveFrom);
    if (fromMs <= nowMs) return;
    result.push({
      effectiveFrom: version.effectiveFrom,
      when: `${formatLocalDay(fromMs, 'UTC', nowMs)} ${formatLocalTime(fromMs, 'UTC')} UTC`,
      changes: describeRosterChanges(roster.versions[i - 1] ?? null, version, names),
      note: version.handoverNote ?? null,
    });
  });
  return result;
}

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

/** Drops a handover that has not taken effect yet. */
export function cancelHandover(
  roster: ClientRoster,
  effectiveFrom: Instant,
  now: Instant,
): Validated<ClientRoster> {
  const fromMs = toMillis(effectiveFrom);
  if (fromMs <= toMillis(now)) {
    return invalid([problem('effectiveFrom', 'A roster change that has taken effect is history and stays.')]);
  }
  const versions = roster.versions.filter((v) => Date.parse(v.effectiveFrom) !== fromMs);
  if (versions.length === roster.versions.length) {
    return invalid([problem('effectiveFrom', `No roster change is scheduled for ${toIso(fromMs)}.`)]);
  }
  return valid({ ...roster, versions });
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

function validateAccountList(
  input: unknown,
  path: string,
  label: string,
  max: number,
  taken: Map<string, string>,
  problems: ValidationProblem[],
): string[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    problems.push(problem(path, `${label} must be a list of Jira account ids (empty for none).`));
    return [];
  }
  if (input.length > max)
    problems.push(problem(path, `At most ${max} people can be listed as ${label.toLowerCase()}.`));
  const ids: string[] = [];
  for (const [i, id] of input.entries()) {
    const before = problems.length;
    checkAccountId(id, at(path, i), `Each entry of ${label.toLowerCase()}`, problems);
    if (problems.length > before) continue;
    const already = taken.get(id as string);
    if (already !== undefined) {
      const as = label === 'Backups' ? 'a backup' : 'in the pool';
      problems.push(
        problem(
          at(path, i),
          already === 'the primary SPOC'
            ? `${String(id)} is the primary SPOC and cannot also be ${as}.`
            : `${String(id)} is already ${already}; list each person once.`,
        ),
      );
      continue;
    }
    taken.set(id as string, label === 'Backups' ? 'a backup' : 'in the pool');
    ids.push(id as string);
  }
  return ids;
}

function validateDeliveryTarget(input: unknown, problems: ValidationProblem[]): DeliveryTarget | null {
  const path = 'deliveryTarget';
  if (!isRecord(input)) {
    problems.push(problem(path, 'Say where vetted work goes: a user, a component lead, or unassigned.'));
    return null;
  }
  switch (input.kind) {
    case 'user': {
      const before = problems.length;
      checkAccountId(input.accountId, at(path, 'accountId'), 'The delivery assignee', problems);
      return problems.length > before ? null : { kind: 'user', accountId: input.accountId as string };
    }
    case 'component-lead':
      if (!isNonEmptyString(input.componentId) || !/^\d+$/.test(input.componentId)) {
        problems.push(problem(at(path, 'componentId'), 'Name the component by its Jira id, e.g. 10001.'));
        return null;
      }
      return { kind: 'component-lead', componentId: input.componentId };
    case 'unassigned':
      return { kind: 'unassigned' };
    default:
      problems.push(
        problem(
          at(path, 'kind'),
          `"${String(input.kind)}" is not a delivery target; use user, component-lead or unassigned.`,
        ),
      );
      return null;
  }
}

/** Checks one roster version read from storage or a form. */
export function validateRosterVersion(input: unknown, expectedClientId?: string): Validated<RosterVersion> {
  if (!isRecord(input)) return invalid([problem('', 'A roster must be an object.')]);
  const problems: ValidationProblem[] = [];
  const { clientId, effectiveFrom, primarySpocAccountId, escalationManagerAccountId, handoverNote } = input;
  if (!isNonEmptyString(clientId)) problems.push(problem('clientId', 'A roster must name its client.'));
  else if (expectedClientId !== undefined && clientId !== expectedClientId) {
    problems.push(problem('clientId', `This roster is for client "${clientId}", not "${expectedClientId}".`));
  }
  if (!isIsoInstant(effectiveFrom)) {
    problems.push(problem('effectiveFrom', 'Say when the roster takes effect, as an ISO instant.'));
  }
  const primaryBefore = problems.length;
  if (primarySpocAccountId === undefined || primarySpocAccountId === null || primarySpocAccountId === '') {
    problems.push(problem('primarySpocAccountId', 'A roster needs a primary SPOC.'));
  } else checkAccountId(primarySpocAccountId, 'primarySpocAccountId', 'The primary SPOC', problems);
  const taken = new Map<string, string>();
  if (problems.length === primaryBefore) taken.set(primarySpocAccountId as string, 'the primary SPOC');
  const backups = validateAccountList(
    input.backupAccountIds,
    'backupAccountIds',
    'Backups',
    MAX_BACKUPS,
    taken,
    problems,
  );
  const pool = validateAccountList(input.poolAccountIds, 'poolAccountIds', 'Pool', MAX_POOL, taken, problems);
  const deliveryTarget = validateDeliveryTarget(input.deliveryTarget, problems);
  if (escalationManagerAccountId === undefined || escalationManagerAccountId === null) {
    problems.push(problem('escalationManagerAccountId', 'A roster needs an escalation manager.'));
  } else {
    checkAccountId(
      escalationManagerAccountId,
      'escalationManagerAccountId',
      'The escalation manager',
      problems,
    );
    if (escalationManagerAccountId === primarySpocAccountId) {
      problems.push(
        problem(
          'escalationManagerAccountId',
          'The escalation manager must be someone other than the primary SPOC.',
        ),
      );
    }
  }
  let supportHours: WorkingCalendar | null = null;
  if (input.supportHours !== undefined && input.supportHours !== null) {
    const hours = validateWorkingCalendar(input.supportHours, 'supportHours');
    if (hours.ok) supportHours = hours.value;
    else problems.push(...hours.problems);
  }
  if (
    handoverNote !== undefined &&
    (typeof handoverNote !== 'string' || handoverNote.length > MAX_HANDOVER_NOTE)
  ) {
    problems.push(
      problem('handoverNote', `The handover note must be text of at most ${MAX_HANDOVER_NOTE} characters.`),
    );
  }
  if (problems.length || deliveryTarget === null) return invalid(problems);
  return valid({
    clientId: clientId as string,
    effectiveFrom: toIso(Date.parse(effectiveFrom as string)),
    primarySpocAccountId: primarySpocAccountId as string,
    backupAccountIds: backups,
    poolAccountIds: pool,
    supportHours,
    deliveryTarget,
    escalationManagerAccountId: escalationManagerAccountId as string,
    ...(handoverNote === undefined ? {} : { handoverNote: handoverNote as string }),
  });
}

/** Checks a client's whole roster history. */
export function validateClientRoster(input: unknown): Validated<ClientRoster> {
  if (!isRecord(input)) return invalid([problem('', 'A client roster must be an object.')]);
  const problems: ValidationProblem[] = [];
  const { clientId, clientName, versions } = input;
  if (!isNonEmptyString(clientId)) problems.push(problem('clientId', 'The client needs an id.'));
  if (!isNonEmptyString(clientName) || clientName.length > 255) {
    problems.push(problem('clientName', 'The client needs a name of at most 255 characters.'));
  }
  if (!Array.isArray(versions) || versions.length === 0) {
    problems.push(problem('versions', 'A client roster needs at least one version.'));
    return invalid(problems);
  }
  if (versions.length > MAX_ROSTER_VERSIONS) {
    problems.push(problem('versions', `At most ${MAX_ROSTER_VERSIONS} roster versions are kept.`));
  }
  const checked: RosterVersion[] = [];
  for (const [i, raw] of versions.entries()) {
    const result = validateRosterVersion(raw, isNonEmptyString(clientId) ? clientId : undefined);
    if (!result.ok) {
      problems.push(
        ...result.problems.map((p) => ({
          ...p,
          path: p.path ? `versions[${i}].${p.path}` : `versions[${i}]`,
        })),
      );
      continue;
    }
    const previous = checked[checked.length - 1];
    if (previous && Date.parse(result.value.effectiveFrom) <= Date.parse(previous.effectiveFrom)) {
      problems.push(
        problem(
          `versions[${i}].effectiveFrom`,
          'Roster versions must be in order, each later than the one before.',
        ),
      );
    }
    checked.push(result.value);
  }
  if (problems.length) return invalid(problems);
  return valid({
    clientId: clientId as string,
    clientName: (clientName as string).trim(),
    versions: checked,
  });
}

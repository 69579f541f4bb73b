import { validateLadder } from './policy-validation';
import type { ClientRoster, DeliveryTarget, RosterVersion } from './roster';
import { isIsoInstant, toIso } from './time';
import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  quote,
  valid,
  type Validated,
  type ValidationProblem,
  under,
} from './validation';
import { validateWorkingCalendar, type WorkingCalendar } from './working-hours';

/**
 * Checks rosters that arrive untrusted, from storage or a manager's form, and the limits on what one may
 * hold. Kept apart from roster.ts so the model and its decisions read on their own; every problem names the
 * field it concerns.
 */
export const MAX_BACKUPS = 10;
export const MAX_POOL = 50;
/** Versions kept per client; handovers trim the oldest past ones beyond it. */
export const MAX_ROSTER_VERSIONS = 100;
const MAX_HANDOVER_NOTE = 500;

function validateAccountList(
  input: unknown,
  path: string,
  label: 'Backups' | 'Pool',
  max: number,
  taken: Map<string, string>,
  problems: ValidationProblem[],
): string[] {
  if (input === undefined) return [];
  const list = label === 'Backups' ? 'The backups' : 'The pool';
  if (!Array.isArray(input)) {
    problems.push(problem(path, `${list} must be a list of people (empty for none).`));
    return [];
  }
  if (input.length > max) problems.push(problem(path, `${list} can hold at most ${max} people.`));
  const ids: string[] = [];
  for (const [i, id] of input.entries()) {
    const who = label === 'Backups' ? `Backup ${i + 1}` : `Pool member ${i + 1}`;
    const before = problems.length;
    checkAccountId(id, at(path, i), who, problems);
    if (problems.length > before) continue;
    const already = taken.get(id as string);
    if (already !== undefined) {
      problems.push(
        problem(
          at(path, i),
          already === 'the primary SPOC'
            ? `${who} is the primary SPOC already; list each person once.`
            : `${who} is already ${already}; list each person once.`,
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
    problems.push(problem(path, 'Say where vetted work goes: to a person, a component lead, or nobody.'));
    return null;
  }
  switch (input.kind) {
    case 'user': {
      const before = problems.length;
      checkAccountId(input.accountId, at(path, 'accountId'), 'The person who receives vetted work', problems);
      return problems.length > before ? null : { kind: 'user', accountId: input.accountId as string };
    }
    case 'component-lead':
      if (!isNonEmptyString(input.componentId) || !/^\d+$/.test(input.componentId)) {
        problems.push(
          problem(at(path, 'componentId'), 'Choose the component whose lead receives vetted work.'),
        );
        return null;
      }
      return { kind: 'component-lead', componentId: input.componentId };
    case 'unassigned':
      return { kind: 'unassigned' };
    default:
      problems.push(
        problem(
          at(path, 'kind'),
          `Vetted work cannot go to ${quote(input.kind)}; send it to a person (user), a component lead (component-lead) or nobody (unassigned).`,
        ),
      );
      return null;
  }
}

/** Checks one roster version read from storage or a form. */
export function validateRosterVersion(input: unknown, expectedClientId?: string): Validated<RosterVersion> {
  if (!isRecord(input)) return invalid([problem('', 'Send the roster as its people and where work goes.')]);
  const problems: ValidationProblem[] = [];
  const { clientId, effectiveFrom, primarySpocAccountId, escalationManagerAccountId, handoverNote } = input;
  if (!isNonEmptyString(clientId)) problems.push(problem('clientId', 'A roster must name its client.'));
  else if (expectedClientId !== undefined && clientId !== expectedClientId) {
    problems.push(
      problem('clientId', `This roster is for client ${quote(clientId)}, not ${quote(expectedClientId)}.`),
    );
  }
  if (!isIsoInstant(effectiveFrom)) {
    problems.push(
      problem(
        'effectiveFrom',
        `The roster takes effect at ${quote(effectiveFrom)}, which is not a moment in time.`,
      ),
    );
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
    const hours = validateWorkingCalendar(input.supportHours, 'supportHours', 'Support hours');
    if (hours.ok) supportHours = hours.value;
    else problems.push(...hours.problems);
  }
  if (
    handoverNote !== undefined &&
    (typeof handoverNote !== 'string' || handoverNote.length > MAX_HANDOVER_NOTE)
  ) {
    problems.push(
      problem('handoverNote', `The handover note can be at most ${MAX_HANDOVER_NOTE} characters.`),
    );
  }
  const ladder =
    input.ladder === undefined || input.ladder === null ? undefined : validateLadder(input.ladder, problems);
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
    ...(ladder === undefined ? {} : { ladder }),
  });
}

/** Checks a client's whole roster history. */
export function validateClientRoster(input: unknown): Validated<ClientRoster> {
  if (!isRecord(input)) return invalid([problem('', 'Send the client roster as its client and versions.')]);
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
        ...under(at('versions', i), result.problems, versions.length > 1 ? `Version ${i + 1}` : undefined),
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

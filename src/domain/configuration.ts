import { matchRuleWarnings, type ClientMatchRule } from './client-matching';
import { validateMatchRules } from './client-matching-validation';
import { DEFAULT_POLICY, type SpocPolicy } from './policy';
import { validatePolicy } from './policy-validation';
import { rosterCandidates, type ClientRoster } from './roster';
import { validateClientRoster } from './roster-validation';
import type { SpocProfile } from './spoc-profile';
import { validateSpocProfile } from './spoc-profile-validation';
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

/**
 * The whole configuration of the app as one document: the clients and the ordered rules that recognise them,
 * each client's dated roster, the SPOC profiles, the policy, and a few settings. It is what managers import
 * and export as JSON; storage splits it into shards, but it is always checked as a whole, because its parts
 * refer to each other (rules and rosters name clients, rosters name SPOCs).
 */
export const CONFIGURATION_SCHEMA_VERSION = 1 as const;
export const MAX_CLIENTS = 500;
export const MAX_SPOC_PROFILES = 500;
const MAX_DELIVERY_TEAM = 200;
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ROLE_NAME = /^[^\s].{0,59}$/;

export interface Client {
  readonly id: string;
  readonly name: string;
}

export interface AppSettings {
  /** People who receive vetted work and may send it back to the SPOC. */
  readonly deliveryTeamAccountIds: readonly string[];
  /**
   * The project role that may read the app's internal comments (routing reasons, bypass notes); null makes
   * them public. Messages meant for the client are always public.
   */
  readonly internalCommentRole: string | null;
}

export const DEFAULT_SETTINGS: AppSettings = { deliveryTeamAccountIds: [], internalCommentRole: 'members' };

export interface Configuration {
  readonly schemaVersion: typeof CONFIGURATION_SCHEMA_VERSION;
  readonly clients: readonly Client[];
  readonly rules: readonly ClientMatchRule[];
  readonly rosters: readonly ClientRoster[];
  readonly profiles: readonly SpocProfile[];
  readonly policy: SpocPolicy;
  readonly settings: AppSettings;
}

export const EMPTY_CONFIGURATION: Configuration = {
  schemaVersion: CONFIGURATION_SCHEMA_VERSION,
  clients: [],
  rules: [],
  rosters: [],
  profiles: [],
  policy: DEFAULT_POLICY,
  settings: DEFAULT_SETTINGS,
};

const prefixed = (prefix: string, problems: readonly ValidationProblem[]): ValidationProblem[] =>
  problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));

function validateClients(input: unknown, problems: ValidationProblem[]): Client[] {
  if (!Array.isArray(input)) {
    problems.push(problem('clients', 'The clients must be a list of { id, name }.'));
    return [];
  }
  if (input.length > MAX_CLIENTS) {
    problems.push(
      problem('clients', `At most ${MAX_CLIENTS} clients can be configured; there are ${input.length}.`),
    );
  }
  const clients: Client[] = [];
  const ids = new Set<string>();
  for (const [i, raw] of input.entries()) {
    const path = at('clients', i);
    if (!isRecord(raw)) {
      problems.push(problem(path, 'Each client needs an id and a name.'));
      continue;
    }
    const { id, name } = raw;
    if (typeof id !== 'string' || !CLIENT_ID.test(id)) {
      problems.push(
        problem(
          at(path, 'id'),
          `Client id "${String(id)}" must be 1 to 64 letters, digits, dots, dashes or underscores, e.g. acme.`,
        ),
      );
      continue;
    }
    if (ids.has(id)) {
      problems.push(problem(at(path, 'id'), `Client id "${id}" is listed twice.`));
      continue;
    }
    if (!isNonEmptyString(name) || name.length > 255) {
      problems.push(problem(at(path, 'name'), `Client ${id} needs a name of at most 255 characters.`));
      continue;
    }
    ids.add(id);
    clients.push({ id, name: name.trim() });
  }
  return clients;
}

export function validateSettings(input: unknown, problems: ValidationProblem[]): AppSettings {
  if (input === undefined) return DEFAULT_SETTINGS;
  if (!isRecord(input)) {
    problems.push(problem('settings', 'The settings must be an object.'));
    return DEFAULT_SETTINGS;
  }
  for (const key of Object.keys(input)) {
    if (!(key in DEFAULT_SETTINGS)) problems.push(problem(at('settings', key), `"${key}" is not a setting.`));
  }
  const team = input.deliveryTeamAccountIds ?? [];
  const deliveryTeamAccountIds: string[] = [];
  if (!Array.isArray(team)) {
    problems.push(
      problem('settings.deliveryTeamAccountIds', 'The delivery team must be a list of account ids.'),
    );
  } else {
    if (team.length > MAX_DELIVERY_TEAM) {
      problems.push(
        problem(
          'settings.deliveryTeamAccountIds',
          `At most ${MAX_DELIVERY_TEAM} people fit in the delivery team.`,
        ),
      );
    }
    for (const [i, id] of team.entries()) {
      const before = problems.length;
      checkAccountId(id, at('settings.deliveryTeamAccountIds', i), 'Each delivery team member', problems);
      if (problems.length === before && !deliveryTeamAccountIds.includes(id as string)) {
        deliveryTeamAccountIds.push(id as string);
      }
    }
  }
  const role =
    input.internalCommentRole === undefined
      ? DEFAULT_SETTINGS.internalCommentRole
      : input.internalCommentRole;
  if (role !== null && (typeof role !== 'string' || !ROLE_NAME.test(role))) {
    problems.push(
      problem(
        'settings.internalCommentRole',
        'Name a project role such as members, or null for public comments.',
      ),
    );
  }
  return { deliveryTeamAccountIds, internalCommentRole: role as string | null };
}

/** Checks a whole configuration document, its parts against each other included. */
export function validateConfiguration(input: unknown): Validated<Configuration> {
  if (!isRecord(input)) return invalid([problem('', 'The configuration must be a JSON object.')]);
  const problems: ValidationProblem[] = [];
  const known = new Set([
    'schemaVersion',
    'version',
    'clients',
    'rules',
    'rosters',
    'profiles',
    'policy',
    'settings',
  ]);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.push(problem(key, `"${key}" is not part of the configuration.`));
  }
  if (input.schemaVersion !== undefined && input.schemaVersion !== CONFIGURATION_SCHEMA_VERSION) {
    problems.push(
      problem(
        'schemaVersion',
        `Configuration version ${String(input.schemaVersion)} is not one this app reads.`,
      ),
    );
  }
  const clients = validateClients(input.clients ?? [], problems);
  const clientIds = clients.map((c) => c.id);

  const rules = validateMatchRules(input.rules ?? [], clientIds);
  if (!rules.ok) problems.push(...rules.problems);

  const rosters: ClientRoster[] = [];
  const rawRosters = input.rosters ?? [];
  if (!Array.isArray(rawRosters)) {
    problems.push(problem('rosters', 'The rosters must be a list, one per client.'));
  } else {
    for (const [i, raw] of rawRosters.entries()) {
      const path = at('rosters', i);
      const client = isRecord(raw) ? clients.find((c) => c.id === raw.clientId) : undefined;
      if (!client) {
        const named = isRecord(raw) ? String(raw.clientId) : '?';
        problems.push(
          problem(
            at(path, 'clientId'),
            `Roster ${i + 1} is for client "${named}", which is not in the client list.`,
          ),
        );
        continue;
      }
      // The client list owns the name; a roster may leave it out.
      const checked = validateClientRoster({ ...(raw as Record<string, unknown>), clientName: client.name });
      if (!checked.ok) {
        problems.push(...prefixed(path, checked.problems));
        continue;
      }
      if (rosters.some((r) => r.clientId === client.id)) {
        problems.push(
          problem(
            at(path, 'clientId'),
            `Client ${client.name} has more than one roster; keep one with several versions.`,
          ),
        );
        continue;
      }
      rosters.push(checked.value);
    }
  }

  const profiles: SpocProfile[] = [];
  const rawProfiles = input.profiles ?? [];
  if (!Array.isArray(rawProfiles)) {
    problems.push(problem('profiles', 'The SPOC profiles must be a list.'));
  } else {
    if (rawProfiles.length > MAX_SPOC_PROFILES) {
      problems.push(problem('profiles', `At most ${MAX_SPOC_PROFILES} SPOC profiles can be kept.`));
    }
    for (const [i, raw] of rawProfiles.entries()) {
      const checked = validateSpocProfile(raw);
      if (!checked.ok) {
        problems.push(...prefixed(at('profiles', i), checked.problems));
      } else if (profiles.some((p) => p.accountId === checked.value.accountId)) {
        problems.push(
          problem(
            at(at('profiles', i), 'accountId'),
            `${checked.value.displayName} has two profiles; keep one.`,
          ),
        );
      } else {
        profiles.push(checked.value);
      }
    }
  }

  const policy = validatePolicy(input.policy ?? DEFAULT_POLICY);
  if (!policy.ok) problems.push(...prefixed('policy', policy.problems));
  const settings = validateSettings(input.settings, problems);

  if (problems.length || !rules.ok || !policy.ok) return invalid(problems);
  return valid({
    schemaVersion: CONFIGURATION_SCHEMA_VERSION,
    clients,
    rules: rules.value,
    rosters,
    profiles,
    policy: policy.value,
    settings,
  });
}

/** Advice that does not block saving: rules that may not work, people on rosters with no profile. */
export function configurationWarnings(configuration: Configuration): readonly string[] {
  const names = Object.fromEntries(configuration.clients.map((c) => [c.id, c.name]));
  const warnings = [...matchRuleWarnings(configuration.rules, names)];
  const profiled = new Set(configuration.profiles.map((p) => p.accountId));
  for (const roster of configuration.rosters) {
    const people = new Set(roster.versions.flatMap((v) => rosterCandidates(v).map((c) => c.accountId)));
    for (const accountId of people) {
      if (!profiled.has(accountId)) {
        warnings.push(
          `${accountId} is on the roster of ${roster.clientName} but has no SPOC profile, so routing skips them.`,
        );
      }
    }
  }
  for (const client of configuration.clients) {
    if (!configuration.rosters.some((r) => r.clientId === client.id)) {
      warnings.push(
        `Client ${client.name} has no roster: its issues are flagged for a manager instead of routed.`,
      );
    }
    if (!configuration.rules.some((r) => r.clientId === client.id && r.enabled !== false)) {
      warnings.push(
        `No enabled rule recognises client ${client.name}, so none of its issues will be routed.`,
      );
    }
  }
  return warnings;
}

/** Every account id the configuration names, for checking that each is a Jira user and for display names. */
export function accountIdsIn(configuration: Configuration): readonly string[] {
  const ids = new Set<string>();
  for (const roster of configuration.rosters) {
    for (const v of roster.versions) {
      for (const c of rosterCandidates(v)) ids.add(c.accountId);
      ids.add(v.escalationManagerAccountId);
      if (v.deliveryTarget.kind === 'user') ids.add(v.deliveryTarget.accountId);
    }
  }
  for (const p of configuration.profiles) {
    ids.add(p.accountId);
    for (const away of p.outOfOffice) if (away.delegateAccountId) ids.add(away.delegateAccountId);
  }
  for (const id of configuration.settings.deliveryTeamAccountIds) ids.add(id);
  for (const rule of configuration.rules)
    if (rule.kind === 'reporter-account') for (const v of rule.values) ids.add(v);
  return [...ids];
}

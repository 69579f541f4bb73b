import { validateMatchRules } from './client-matching-validation';
import {
  CONFIGURATION_SCHEMA_VERSION,
  DEFAULT_SETTINGS,
  type AppSettings,
  type Client,
  type Configuration,
} from './configuration';
import { DEFAULT_POLICY } from './policy';
import { validatePolicy } from './policy-validation';
import type { ClientRoster } from './roster';
import { validateClientRoster } from './roster-validation';
import type { SpocProfile } from './spoc-profile';
import { validateSpocProfile } from './spoc-profile-validation';
import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  excerpt,
  isRecord,
  problem,
  quote,
  under,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';

/**
 * Checks a whole configuration document that arrives untrusted (an import, a stored copy, a settings form):
 * each part with its own validator, then the parts against each other, every problem with its path inside
 * the document. Kept apart from configuration.ts so the document's shape and its advice read on their own.
 */
export const MAX_CLIENTS = 500;
export const MAX_SPOC_PROFILES = 500;
const MAX_DELIVERY_TEAM = 200;
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ROLE_NAME = /^[^\s].{0,59}$/;

function validateClients(input: unknown, problems: ValidationProblem[]): Client[] {
  if (!Array.isArray(input)) {
    problems.push(problem('clients', 'The clients must be a list, each with an id and a name.'));
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
      problems.push(problem(path, `Client ${i + 1} needs an id and a name.`));
      continue;
    }
    const { id, name } = raw;
    if (typeof id !== 'string' || !CLIENT_ID.test(id)) {
      problems.push(
        problem(
          at(path, 'id'),
          `Client ${i + 1}: the id ${quote(id)} must be 1 to 64 letters, digits, dots, dashes or underscores, e.g. acme.`,
        ),
      );
      continue;
    }
    if (ids.has(id)) {
      problems.push(
        problem(at(path, 'id'), `Client ${i + 1}: the id ${quote(id)} belongs to another client already.`),
      );
      continue;
    }
    if (!isNonEmptyString(name) || name.length > 255) {
      problems.push(problem(at(path, 'name'), `Client ${quote(id)} needs a name of at most 255 characters.`));
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
    if (!(key in DEFAULT_SETTINGS))
      problems.push(problem(at('settings', key), `${quote(key)} is not a setting.`));
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
  if (!isRecord(input)) {
    return invalid([problem('', 'The configuration must be a JSON object, as the export writes it.')]);
  }
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
    if (!known.has(key)) problems.push(problem(key, `${quote(key)} is not part of the configuration.`));
  }
  if (input.schemaVersion !== undefined && input.schemaVersion !== CONFIGURATION_SCHEMA_VERSION) {
    problems.push(
      problem(
        'schemaVersion',
        `Configuration version ${quote(input.schemaVersion)} is not one this app reads.`,
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
        const named = isRecord(raw) ? quote(raw.clientId) : 'nothing';
        problems.push(
          problem(
            at(path, 'clientId'),
            `Roster ${i + 1} is for client ${named}, which is not in the client list.`,
          ),
        );
        continue;
      }
      // The client list owns the name; a roster may leave it out.
      const checked = validateClientRoster({ ...(raw as Record<string, unknown>), clientName: client.name });
      if (!checked.ok) {
        problems.push(...under(path, checked.problems, `Roster of ${client.name}`));
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
        const name = isRecord(raw) && isNonEmptyString(raw.displayName) ? raw.displayName : null;
        const subject = name ? `Profile of ${excerpt(name)}` : `Profile ${i + 1}`;
        problems.push(...under(at('profiles', i), checked.problems, subject));
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
  if (!policy.ok) problems.push(...under('policy', policy.problems, 'Policy'));
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

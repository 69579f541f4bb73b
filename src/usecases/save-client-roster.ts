import {
  rosterCandidates,
  scheduleHandover,
  type Client,
  type ClientRoster,
  type ValidationProblem,
} from '../domain';
import type { ConfigurationSaved } from '../contract/project-page';
import {
  checkPeopleExist,
  requireProjectAdministrator,
  rosterPeopleFields,
} from './support/configuration-access';
import { expectedVersionOf, payloadRecord } from './support/payload';
import { InvalidInputError } from './errors';
import type { AppJira, Clock, ConfigurationRepository, UserJira } from './ports';

/**
 * A manager sets who looks after a client from a given moment (now when no time is given): a new dated
 * roster version, so earlier routing stays explained by the roster then in force. A client not seen before
 * is added with the name given. Every problem of the payload is named at once, each at its field.
 */
export interface SaveClientRosterDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NOT_SAVED = 'The roster was not saved.';

export const saveClientRoster = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: SaveClientRosterDeps,
  ): Promise<ConfigurationSaved> {
    const payload = payloadRecord(params.payload, 'the roster');
    const expectedVersion = expectedVersionOf(payload);
    const { clientId, clientName, version } = payload;
    const problems: ValidationProblem[] = [];
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
      problems.push({
        path: 'clientId',
        message: 'Name the client by its id: letters, digits, dots, dashes or underscores, e.g. acme.',
      });
    }
    if (
      clientName !== undefined &&
      (typeof clientName !== 'string' || !clientName.trim() || clientName.length > 255)
    ) {
      problems.push({ path: 'clientName', message: 'The client name must be text of 1 to 255 characters.' });
    }
    if (typeof version !== 'object' || version === null || Array.isArray(version)) {
      problems.push({
        path: 'version',
        message: 'Send the roster: its primary SPOC, backups, pool and more.',
      });
    }
    if (problems.length) throw InvalidInputError.of(NOT_SAVED, problems);
    const id = clientId as string;
    await requireProjectAdministrator(deps.user, params.projectKey, 'change client rosters');

    const now = deps.clock.now();
    const head = await deps.config.head();
    const known = head.clients.find((c) => c.id === id);
    if (!known && clientName === undefined) {
      throw InvalidInputError.at('clientName', `Client ${id} is new: give its name.`);
    }
    const name = typeof clientName === 'string' ? clientName.trim() : (known as Client).name;
    const existing = await deps.config.roster(id);
    const base: ClientRoster = existing
      ? { ...existing, clientName: name }
      : { clientId: id, clientName: name, versions: [] };
    const scheduled = scheduleHandover(
      base,
      { effectiveFrom: now.toISOString(), ...(version as Record<string, unknown>), clientId: id },
      now,
    );
    if (!scheduled.ok) throw InvalidInputError.of(NOT_SAVED, scheduled.problems, 'version');
    const added = scheduled.value.versions.find((v) => !base.versions.includes(v));
    const people = added
      ? [
          ...rosterCandidates(added).map((c) => c.accountId),
          added.escalationManagerAccountId,
          ...(added.deliveryTarget.kind === 'user' ? [added.deliveryTarget.accountId] : []),
        ]
      : [];
    const names = await checkPeopleExist(
      [...new Set(people)],
      deps.jira,
      added ? rosterPeopleFields(added, 'version') : undefined,
    );
    const clients =
      known && known.name === name ? undefined : [...head.clients.filter((c) => c.id !== id), { id, name }];
    const saved = await deps.config.save(
      { rosters: [scheduled.value], ...(clients ? { clients } : {}), names },
      expectedVersion,
      params.callerAccountId,
      now,
    );
    const warnings = added
      ? rosterCandidates(added)
          .filter((c) => !head.profileAccountIds.includes(c.accountId))
          .map((c) => `${names[c.accountId] ?? c.accountId} has no SPOC profile yet, so routing skips them.`)
      : [];
    return { version: saved, warnings };
  },
};

import {
  describeProblems,
  rosterCandidates,
  scheduleHandover,
  type Client,
  type ClientRoster,
} from '../domain';
import type { ConfigurationSaved } from '../contract/project-page';
import { checkPeopleExist, requireProjectAdministrator } from './support/configuration-access';
import { expectedVersionOf, payloadRecord } from './support/payload';
import { InvalidInputError } from './errors';
import type { AppJira, Clock, ConfigurationRepository, UserJira } from './ports';

/**
 * A manager sets who looks after a client from a given moment (now when no time is given): a new dated
 * roster version, so earlier routing stays explained by the roster then in force. A client not seen before
 * is added with the name given.
 */
export interface SaveClientRosterDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const saveClientRoster = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: SaveClientRosterDeps,
  ): Promise<ConfigurationSaved> {
    const payload = payloadRecord(params.payload, 'the roster');
    const expectedVersion = expectedVersionOf(payload);
    const { clientId, clientName } = payload;
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
      throw new InvalidInputError(
        'Name the client by its id: letters, digits, dots, dashes or underscores, e.g. acme.',
      );
    }
    if (
      clientName !== undefined &&
      (typeof clientName !== 'string' || !clientName.trim() || clientName.length > 255)
    ) {
      throw new InvalidInputError('The client name must be text of at most 255 characters.');
    }
    const version = payload.version;
    if (typeof version !== 'object' || version === null || Array.isArray(version)) {
      throw new InvalidInputError(
        'Send the roster as version: { primarySpocAccountId, backupAccountIds, … }.',
      );
    }
    await requireProjectAdministrator(deps.user, params.projectKey, 'change client rosters');

    const now = deps.clock.now();
    const head = await deps.config.head();
    const known = head.clients.find((c) => c.id === clientId);
    if (!known && clientName === undefined) {
      throw new InvalidInputError(`Client ${clientId} is new: give its name as clientName.`);
    }
    const name = typeof clientName === 'string' ? clientName.trim() : (known as Client).name;
    const existing = await deps.config.roster(clientId);
    const base: ClientRoster = existing
      ? { ...existing, clientName: name }
      : { clientId, clientName: name, versions: [] };
    const scheduled = scheduleHandover(
      base,
      { effectiveFrom: now.toISOString(), ...(version as Record<string, unknown>), clientId },
      now,
    );
    if (!scheduled.ok)
      throw new InvalidInputError(`The roster was not saved. ${describeProblems(scheduled.problems)}`);
    const added = scheduled.value.versions.find((v) => !base.versions.includes(v));
    const people = added
      ? [
          ...rosterCandidates(added).map((c) => c.accountId),
          added.escalationManagerAccountId,
          ...(added.deliveryTarget.kind === 'user' ? [added.deliveryTarget.accountId] : []),
        ]
      : [];
    const names = await checkPeopleExist([...new Set(people)], deps.jira);
    const clients =
      known && known.name === name
        ? undefined
        : [...head.clients.filter((c) => c.id !== clientId), { id: clientId, name }];
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

import { accountIdsIn, configurationWarnings, validateConfiguration } from '../domain';
import type { ConfigurationSaved } from '../contract/project-page';
import { checkPeopleExist, requireProjectAdministrator } from './support/configuration-access';
import { expectedVersionOf, payloadRecord } from './support/payload';
import { InvalidInputError } from './errors';
import type { AppJira, Clock, ConfigurationRepository, UserJira } from './ports';

/**
 * Replaces the whole configuration with an imported document: checked as a whole (clients, rules, rosters,
 * profiles, policy and how they refer to each other), every person checked against Jira, and saved only on
 * top of the version the administrator started from.
 */
export interface ImportConfigurationDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export const importConfiguration = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: ImportConfigurationDeps,
  ): Promise<ConfigurationSaved> {
    const payload = payloadRecord(params.payload, 'the import');
    const expectedVersion = expectedVersionOf(payload);
    const checked = validateConfiguration(payload.document);
    if (!checked.ok)
      throw InvalidInputError.of('The configuration was not imported.', checked.problems, 'document');
    await requireProjectAdministrator(deps.user, params.projectKey, 'import the SPOC configuration');
    const names = await checkPeopleExist(accountIdsIn(checked.value), deps.jira);
    const version = await deps.config.save(
      { replaceWith: checked.value, names },
      expectedVersion,
      params.callerAccountId,
      deps.clock.now(),
    );
    return { version, warnings: configurationWarnings(checked.value) };
  },
};

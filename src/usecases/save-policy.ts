import { under, validatePolicy, validateSettings, type ValidationProblem } from '../domain';
import type { ConfigurationSaved } from '../contract/project-page';
import { checkPeopleExist, requireProjectAdministrator } from './support/configuration-access';
import { expectedVersionOf, payloadRecord } from './support/payload';
import { InvalidInputError } from './errors';
import type { AppJira, Clock, ConfigurationRepository, UserJira } from './ports';

/** Project administrators set the response targets, capacity default, escalation ladder and bypass handling. */
export interface SavePolicyDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export const savePolicy = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: SavePolicyDeps,
  ): Promise<ConfigurationSaved> {
    const payload = payloadRecord(params.payload, 'the policy');
    const expectedVersion = expectedVersionOf(payload);
    const policy = validatePolicy(payload.policy);
    // Policy problems sit under `policy` in the payload; the settings' paths start with `settings` already.
    const problems: ValidationProblem[] = policy.ok ? [] : under('policy', policy.problems);
    const settings =
      payload.settings === undefined ? undefined : validateSettings(payload.settings, problems);
    if (!policy.ok || problems.length) {
      throw InvalidInputError.of('The policy was not saved.', problems);
    }
    await requireProjectAdministrator(deps.user, params.projectKey, 'change the SPOC policy');
    const names = settings
      ? await checkPeopleExist(settings.deliveryTeamAccountIds, deps.jira, (id) => [
          `settings.deliveryTeamAccountIds[${settings.deliveryTeamAccountIds.indexOf(id)}]`,
        ])
      : {};
    const version = await deps.config.save(
      { policy: policy.value, ...(settings ? { settings } : {}), names },
      expectedVersion,
      params.callerAccountId,
      deps.clock.now(),
    );
    return { version, warnings: [] };
  },
};

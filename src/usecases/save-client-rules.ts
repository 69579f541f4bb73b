import { matchRuleWarnings, validateMatchRules } from '../domain';
import type { ConfigurationSaved } from '../contract/project-page';
import { checkPeopleExist, requireProjectAdministrator } from './support/configuration-access';
import { expectedVersionOf, payloadRecord } from './support/payload';
import { ConfigurationConflictError, InvalidInputError } from './errors';
import type { AppJira, Clock, ConfigurationRepository, UserJira } from './ports';

/**
 * A project administrator replaces the ordered list of client matching rules (the first enabled rule that
 * matches a new issue decides its client). The list is checked as a whole against the clients that exist,
 * every reporter account against Jira, and it is saved only on top of the version the editor read.
 */
export interface SaveClientRulesDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export const saveClientRules = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: SaveClientRulesDeps,
  ): Promise<ConfigurationSaved> {
    const payload = payloadRecord(params.payload, 'the matching rules');
    const expectedVersion = expectedVersionOf(payload);
    if (!Array.isArray(payload.rules)) {
      throw InvalidInputError.at(
        'rules',
        'Send the matching rules as rules: a list of { id, clientId, kind, values }.',
      );
    }
    await requireProjectAdministrator(deps.user, params.projectKey, 'change the client matching rules');
    const head = await deps.config.head();
    // Refused before Jira is asked about anyone: the save would refuse it anyway.
    if (head.version !== expectedVersion) throw new ConfigurationConflictError(expectedVersion, head.version);
    const checked = validateMatchRules(
      payload.rules,
      head.clients.map((c) => c.id),
    );
    if (!checked.ok) {
      throw InvalidInputError.of('The matching rules were not saved.', checked.problems);
    }
    const reporters = checked.value.flatMap((rule) => (rule.kind === 'reporter-account' ? rule.values : []));
    const names = await checkPeopleExist([...new Set(reporters)], deps.jira, (id) =>
      checked.value.flatMap((rule, r) =>
        rule.kind === 'reporter-account'
          ? rule.values.flatMap((v, i) => (v === id ? [`rules[${r}].values[${i}]`] : []))
          : [],
      ),
    );
    const version = await deps.config.save(
      { rules: checked.value, names },
      expectedVersion,
      params.callerAccountId,
      deps.clock.now(),
    );
    const clientNames = Object.fromEntries(head.clients.map((c) => [c.id, c.name]));
    const unrecognised = head.clients
      .filter((c) => !checked.value.some((r) => r.clientId === c.id && r.enabled !== false))
      .map((c) => `No enabled rule recognises client ${c.name}, so none of its issues will be routed.`);
    return { version, warnings: [...matchRuleWarnings(checked.value, clientNames), ...unrecognised] };
  },
};

import { validateSpocProfile, withoutPastOutOfOffice } from '../domain';
import type { ConfigurationSaved } from '../contract/project-page';
import { isProjectAdministrator } from './support/caller-roles';
import { checkPeopleExist } from './support/configuration-access';
import { expectedVersionOf, payloadRecord } from './support/payload';
import { InvalidInputError, NotAllowedError } from './errors';
import type { AppJira, Clock, ConfigurationRepository, UserJira } from './ports';

/**
 * A SPOC keeps their own profile (time zone, hours, capacity, absences); project administrators keep
 * everyone's and add new SPOCs. Absences that are over are dropped, so profiles stay small.
 */
export interface SaveSpocProfileDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export const saveSpocProfile = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: SaveSpocProfileDeps,
  ): Promise<ConfigurationSaved> {
    const payload = payloadRecord(params.payload, 'the profile');
    const expectedVersion = expectedVersionOf(payload);
    const checked = validateSpocProfile(payload.profile);
    if (!checked.ok) throw InvalidInputError.of('The profile was not saved.', checked.problems, 'profile');
    const profile = withoutPastOutOfOffice(checked.value, deps.clock.now());
    const head = await deps.config.head();
    const ownExisting =
      profile.accountId === params.callerAccountId && head.profileAccountIds.includes(profile.accountId);
    if (!ownExisting && !(await isProjectAdministrator(deps.user, params.projectKey))) {
      throw new NotAllowedError(
        profile.accountId === params.callerAccountId
          ? `Only administrators of project ${params.projectKey} can make someone a SPOC; ask one to add your profile.`
          : `You can only change your own SPOC profile; administrators of project ${params.projectKey} can change anyone's.`,
      );
    }
    const delegates = profile.outOfOffice
      .map((o) => o.delegateAccountId)
      .filter((id): id is string => id !== null);
    const names = await checkPeopleExist([...new Set([profile.accountId, ...delegates])], deps.jira, (id) => [
      ...(id === profile.accountId ? ['profile.accountId'] : []),
      ...profile.outOfOffice.flatMap((o, i) =>
        o.delegateAccountId === id ? [`profile.outOfOffice[${i}].delegateAccountId`] : [],
      ),
    ]);
    const version = await deps.config.save(
      { profiles: [profile], names },
      expectedVersion,
      params.callerAccountId,
      deps.clock.now(),
    );
    return { version, warnings: [] };
  },
};

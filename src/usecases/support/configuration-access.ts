import { excerpt, quote, type Configuration } from '../../domain';
import type { ConfigurationDocument } from '../../contract/project-page';
import { isProjectAdministrator } from './caller-roles';
import { InvalidInputError, NotAllowedError } from '../errors';
import type { AppJira, ConfigurationReader, UserJira } from '../ports';
import { keptProjectRights, type KeptRightsDeps } from './kept-rights';

/**
 * Who may read and change the configuration: project administrators (asked of Jira as the caller) keep
 * rosters and policy; SPOCs and the delivery team may read it; each SPOC edits their own profile.
 */
export async function requireProjectAdministrator(
  user: UserJira,
  projectKey: string,
  what: string,
): Promise<void> {
  if (!(await isProjectAdministrator(user, projectKey))) {
    throw new NotAllowedError(`Only administrators of project ${projectKey} can ${what}.`);
  }
}

/**
 * Whether the caller administers the project (or all of Jira), for screens: with a rights cache (`rights`
 * and `clock`) Jira's answer is kept five minutes (support/kept-rights.ts). Saves ask Jira each time
 * (requireProjectAdministrator).
 */
export async function administersProjectForScreens(
  callerAccountId: string,
  projectKey: string,
  deps: { readonly config: ConfigurationReader; readonly user: UserJira } & Partial<KeptRightsDeps>,
): Promise<boolean> {
  const { clock, rights } = deps;
  if (!clock || !rights) return isProjectAdministrator(deps.user, projectKey);
  const version = deps.config.head().then((h) => h.version);
  const held = await keptProjectRights(callerAccountId, projectKey, version, { ...deps, clock, rights });
  return held.has('ADMINISTER_PROJECTS') || held.has('ADMINISTER');
}

/**
 * What the caller may do with the configuration: read it (or NotAllowedError), and whether they may change
 * it, by the same rule every configuration save enforces. Jira is asked at most once, and with a rights
 * cache not again for five minutes: this is for screens; saves ask Jira each time.
 */
export async function configurationRights(
  callerAccountId: string,
  projectKey: string,
  deps: { readonly config: ConfigurationReader; readonly user: UserJira } & Partial<KeptRightsDeps>,
): Promise<{ readonly canEdit: boolean }> {
  const [head, canEdit] = await Promise.all([
    deps.config.head(),
    administersProjectForScreens(callerAccountId, projectKey, deps),
  ]);
  if (canEdit) return { canEdit };
  if (head.profileAccountIds.includes(callerAccountId)) return { canEdit };
  if (head.settings.deliveryTeamAccountIds.includes(callerAccountId)) return { canEdit };
  throw new NotAllowedError(
    'Only SPOCs, the delivery team and project administrators can see the SPOC configuration.',
  );
}

export function toDocument(configuration: Configuration, version: number): ConfigurationDocument {
  return {
    schemaVersion: configuration.schemaVersion,
    version,
    clients: configuration.clients,
    rules: configuration.rules,
    rosters: configuration.rosters,
    profiles: configuration.profiles,
    policy: configuration.policy,
    settings: configuration.settings,
  };
}

/**
 * Every account id must be a Jira user: a typo would otherwise route issues to nobody. Returns their names.
 * `fieldsOf` says where in the payload each person was named, so the refusal stands at those fields.
 */
export async function checkPeopleExist(
  accountIds: readonly string[],
  jira: AppJira,
  fieldsOf: (accountId: string) => readonly string[] = () => [],
): Promise<Readonly<Record<string, string>>> {
  if (accountIds.length === 0) return {};
  const names = await jira.userNames(accountIds);
  const unknown = accountIds.filter((id) => !(id in names));
  if (unknown.length) {
    throw new InvalidInputError(
      `No Jira user has the account id${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 10)
        .map(excerpt)
        .join(', ')}${unknown.length > 10 ? ', …' : ''}.`,
      unknown.flatMap((id) =>
        fieldsOf(id).map((field) => ({
          field,
          message: `No Jira user has the account id ${quote(id)}; choose the person again.`,
        })),
      ),
    );
  }
  return names;
}

/** Where a roster version names each person, under `prefix`: for refusals placed at the right picker. */
export function rosterPeopleFields(
  version: {
    readonly primarySpocAccountId: string;
    readonly backupAccountIds: readonly string[];
    readonly poolAccountIds: readonly string[];
    readonly escalationManagerAccountId: string;
    readonly deliveryTarget: { readonly kind: string; readonly accountId?: string };
  },
  prefix: string,
): (accountId: string) => readonly string[] {
  return (id) => [
    ...(version.primarySpocAccountId === id ? [`${prefix}.primarySpocAccountId`] : []),
    ...version.backupAccountIds.flatMap((b, i) => (b === id ? [`${prefix}.backupAccountIds[${i}]`] : [])),
    ...version.poolAccountIds.flatMap((b, i) => (b === id ? [`${prefix}.poolAccountIds[${i}]`] : [])),
    ...(version.escalationManagerAccountId === id ? [`${prefix}.escalationManagerAccountId`] : []),
    ...(version.deliveryTarget.accountId === id ? [`${prefix}.deliveryTarget.accountId`] : []),
  ];
}

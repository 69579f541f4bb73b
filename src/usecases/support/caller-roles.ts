import { rosterInForce, type AppSettings, type RosterVersion } from '../../domain';
import { activeOutOfOffice } from '../../domain/spoc-profile';
import type { CallerRole } from '../../contract/issue-panel';
import type { AppJira, ConfigurationReader, UserJira } from '../ports';
import type { TriageEntry } from './triage-entry';

/**
 * Who the caller is for one client issue, decided from the app's own record and configuration (never from
 * the issue property, which anyone who can edit the issue can rewrite) and, for managers, from Jira's
 * answer about the caller's own permissions.
 */
export interface RoleDeps {
  readonly config: ConfigurationReader;
  /** Only who leads a component (delivery membership); views pass one that keeps the answer a while. */
  readonly jira: Pick<AppJira, 'componentLead'>;
  readonly user: UserJira;
}

export interface IssueRoles {
  readonly roles: ReadonlySet<CallerRole>;
  readonly roster: RosterVersion | null;
  readonly settings: AppSettings;
}

export async function rolesOnIssue(
  callerAccountId: string,
  entry: TriageEntry,
  now: Date,
  deps: RoleDeps,
  options: { readonly askJiraAboutManager: boolean },
): Promise<IssueRoles> {
  const [head, roster] = await Promise.all([deps.config.head(), deps.config.roster(entry.record.clientId)]);
  const inForce = roster ? rosterInForce(roster, now) : null;
  const roles = new Set<CallerRole>();
  const spoc = entry.record.spocAccountId;
  if (spoc === callerAccountId) roles.add('spoc');
  if (
    inForce &&
    (inForce.backupAccountIds.includes(callerAccountId) || inForce.poolAccountIds.includes(callerAccountId))
  ) {
    roles.add('backup');
  }
  if (spoc !== null && spoc !== callerAccountId) {
    const [profile] = await deps.config.profiles([spoc]);
    if (profile && activeOutOfOffice(profile, now.getTime())?.delegateAccountId === callerAccountId) {
      roles.add('delegate');
    }
  }
  if (inForce?.escalationManagerAccountId === callerAccountId) roles.add('escalation-manager');
  if (entry.record.handedOverFrom && entry.record.handedOverFrom === callerAccountId)
    roles.add('former-spoc');
  if (await isDeliveryMember(callerAccountId, inForce, head.settings, deps.jira)) roles.add('delivery');
  if (options.askJiraAboutManager) {
    const granted = await deps.user.issuePermissions(entry.issueId, ['ADMINISTER_PROJECTS']);
    if (granted.has('ADMINISTER_PROJECTS')) roles.add('manager');
  }
  return { roles, roster: inForce, settings: head.settings };
}

async function isDeliveryMember(
  accountId: string,
  roster: RosterVersion | null,
  settings: AppSettings,
  jira: Pick<AppJira, 'componentLead'>,
): Promise<boolean> {
  if (settings.deliveryTeamAccountIds.includes(accountId)) return true;
  const target = roster?.deliveryTarget;
  if (target?.kind === 'user') return target.accountId === accountId;
  if (target?.kind === 'component-lead') return (await jira.componentLead(target.componentId)) === accountId;
  return false;
}

/** Whether the caller administers the project (or all of Jira): they keep rosters and policy. */
export async function isProjectAdministrator(user: UserJira, projectKey: string): Promise<boolean> {
  const granted = await user.projectPermissions(projectKey, ['ADMINISTER_PROJECTS', 'ADMINISTER']);
  return granted.has('ADMINISTER_PROJECTS') || granted.has('ADMINISTER');
}

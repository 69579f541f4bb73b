import type { DashboardRecord } from './store';

/**
 * Who may see and change a dashboard, as on Jira without share permissions: the system dashboard is seen
 * by everyone signed in and changed only by Jira administrators; a person's own dashboard is seen by its
 * owner and the administrators, and changed only by its owner.
 */
export interface DashboardCaller {
  /** The person (or the app user acting for one); undefined for anonymous callers and the app itself. */
  readonly accountId: string | undefined;
  /** Holds the global Administer Jira permission (the `jira-admins` group; the app acting as itself). */
  readonly isAdmin: boolean;
}

export function mayView(dashboard: DashboardRecord, caller: DashboardCaller): boolean {
  if (caller.isAdmin) return true;
  if (caller.accountId === undefined) return false;
  return dashboard.owner === null || dashboard.owner === caller.accountId;
}

export function mayEdit(dashboard: DashboardRecord, caller: DashboardCaller): boolean {
  if (dashboard.owner === null) return caller.isAdmin;
  return caller.accountId !== undefined && dashboard.owner === caller.accountId;
}

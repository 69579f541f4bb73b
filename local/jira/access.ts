import type { Principal } from '../http/types';
import {
  ALL_PROJECT_PERMISSIONS,
  JIRA_ADMINS_GROUP,
  PROJECT_ROLES,
  ROLE_PERMISSIONS,
  type ProjectRoleName,
} from './catalog';
import type { CommentRecord, IssueRecord, JiraStore, UserRecord } from './store';

/**
 * What one caller may do: project permissions from project roles (directly or through groups), the global
 * Administer Jira permission from the `jira-admins` group, and the "Reporter" issue-security rule for
 * clients (someone whose only role in a project is `clients` sees only the issues they reported).
 *
 * The app acting as itself (`asApp()`) holds every permission everywhere, as Forge app users do through
 * the atlassian-addons roles and groups.
 */
export class Access {
  private readonly roles: Map<string, Set<ProjectRoleName>>;
  private readonly groupNames: Set<string>;

  constructor(
    store: JiraStore,
    /** The person, or the app user for the app itself. */
    readonly actor: UserRecord,
    /** True for `asApp()`: every permission. */
    readonly isAppItself: boolean,
  ) {
    this.roles = isAppItself ? new Map() : store.rolesByProject(actor.accountId);
    this.groupNames = new Set(store.groupsOf(actor.accountId).map((g) => g.name.toLowerCase()));
  }

  /** Resolves a principal; undefined for anonymous callers and for unknown or deactivated people. */
  static of(
    store: JiraStore,
    principal: Principal,
    appName?: (appId: string) => string | undefined,
  ): Access | undefined {
    if (principal.kind === 'anonymous') return undefined;
    if (principal.kind === 'app')
      return new Access(store, store.ensureAppUser(principal.appId, appName?.(principal.appId)), true);
    const person = store.getUser(principal.accountId);
    if (!person || !person.active || person.accountType !== 'atlassian') return undefined;
    return new Access(store, person, false);
  }

  /** Someone else's permissions (permission checks, assignable users). */
  static forUser(store: JiraStore, user: UserRecord): Access {
    return new Access(store, user, false);
  }

  get accountId(): string {
    return this.actor.accountId;
  }

  hasGlobal(key: string): boolean {
    if (!this.actor.active) return false;
    switch (key) {
      case 'ADMINISTER':
      case 'SYSTEM_ADMIN':
        return this.isAppItself || this.groupNames.has(JIRA_ADMINS_GROUP);
      case 'USER_PICKER':
      case 'CREATE_SHARED_OBJECTS':
      case 'BULK_CHANGE':
        return true;
      default:
        return false;
    }
  }

  projectPermissions(projectId: string): ReadonlySet<string> {
    if (this.isAppItself) return ALL_PROJECT_PERMISSIONS;
    const granted = new Set<string>();
    for (const role of this.roles.get(projectId) ?? [])
      for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
    return granted;
  }

  has(projectId: string, key: string): boolean {
    return this.projectPermissions(projectId).has(key);
  }

  /** True in any project (Jira's answer for a project permission asked without context). */
  hasAnywhere(key: string): boolean {
    if (this.isAppItself) return ALL_PROJECT_PERMISSIONS.has(key);
    for (const projectId of this.roles.keys()) if (this.has(projectId, key)) return true;
    return false;
  }

  /** Clients see only what they reported. */
  reporterOnly(projectId: string): boolean {
    if (this.isAppItself) return false;
    const roles = this.roles.get(projectId);
    return !!roles && roles.has('clients') && !roles.has('members') && !roles.has('administrators');
  }

  canBrowseProject(projectId: string): boolean {
    return this.has(projectId, 'BROWSE_PROJECTS');
  }

  canBrowseIssue(issue: IssueRecord): boolean {
    if (!this.canBrowseProject(issue.projectId)) return false;
    return !this.reporterOnly(issue.projectId) || issue.reporter === this.actor.accountId;
  }

  /** A project permission on one issue: it also needs the issue to be visible. */
  hasOnIssue(issue: IssueRecord, key: string): boolean {
    return this.canBrowseIssue(issue) && this.has(issue.projectId, key);
  }

  inGroup(name: string): boolean {
    return this.isAppItself || this.groupNames.has(name.toLowerCase());
  }

  inRole(projectId: string, role: string): boolean {
    if (this.isAppItself) return true;
    const wanted = roleNamed(role);
    return !!wanted && (this.roles.get(projectId)?.has(wanted) ?? false);
  }

  canSeeComment(comment: CommentRecord, issue: IssueRecord): boolean {
    const v = comment.visibility;
    if (!v) return true;
    return v.type === 'group' ? this.inGroup(v.value) : this.inRole(issue.projectId, v.value);
  }

  canEditComment(comment: CommentRecord, issue: IssueRecord): boolean {
    if (!this.canSeeComment(comment, issue)) return false;
    if (this.hasOnIssue(issue, 'EDIT_ALL_COMMENTS')) return true;
    return comment.author === this.actor.accountId && this.hasOnIssue(issue, 'EDIT_OWN_COMMENTS');
  }

  canDeleteComment(comment: CommentRecord, issue: IssueRecord): boolean {
    if (!this.canSeeComment(comment, issue)) return false;
    if (this.hasOnIssue(issue, 'DELETE_ALL_COMMENTS')) return true;
    return comment.author === this.actor.accountId && this.hasOnIssue(issue, 'DELETE_OWN_COMMENTS');
  }

  /** Admins, project admins and the app may edit without notifying watchers. */
  canSuppressNotifications(projectId: string): boolean {
    return this.isAppItself || this.hasGlobal('ADMINISTER') || this.has(projectId, 'ADMINISTER_PROJECTS');
  }
}

/** `administrators`, `Administrators` and the role id all name the same role. */
export function roleNamed(text: string): ProjectRoleName | undefined {
  const lower = text.toLowerCase();
  return PROJECT_ROLES.find(
    (r) => r.name === lower || r.label.toLowerCase() === lower || String(r.id) === text,
  )?.name;
}

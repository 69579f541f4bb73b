import { isInternalNote } from './servicedesk/internal-note';
import type { Access } from './access';
import { adfHtml } from './adf';
import { avatarUrl, avatarUrls } from './avatars';
import {
  ISSUE_TYPES,
  LINK_TYPES,
  PROJECT_ROLES,
  STATUS_CATEGORIES,
  type IssueTypeDef,
  type LinkTypeDef,
  type PriorityDef,
  type ResolutionDef,
  type StatusDef,
} from './catalog';
import type {
  CommentRecord,
  ComponentRecord,
  IssueRecord,
  JiraStore,
  ProjectRecord,
  UserRecord,
} from './store';
import { jiraTime } from './time';

/**
 * JSON renderings of Jira's beans, shaped after the OpenAPI schemas (most of which forbid extra properties):
 * `User`, `UserDetails`, `Project`, `ProjectComponent`, `StatusDetails`, `Priority`, `IssueTypeDetails`,
 * `Comment`, `IssueLinkType`.
 */

/** Email is shown when the person's profile shows it, and always to the person themself. */
function emailFor(user: UserRecord, viewer: Access | undefined): Record<string, string> {
  if (!user.email) return {};
  return user.emailVisible || viewer?.accountId === user.accountId ? { emailAddress: user.email } : {};
}

/** `UserDetails`: issue fields, comment authors, group members, changelog authors. */
export function userDetailsJson(
  base: string,
  user: UserRecord,
  viewer: Access | undefined,
): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    ...emailFor(user, viewer),
    avatarUrls: avatarUrls(base, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/** `User`: user endpoints and myself (adds `locale`). */
export function userJson(
  base: string,
  user: UserRecord,
  viewer: Access | undefined,
): Record<string, unknown> {
  return { ...userDetailsJson(base, user, viewer), locale: user.locale };
}

/** A referenced account, rendered if it exists (a deleted person renders as null, as Jira shows "Former user"). */
export function userRef(
  base: string,
  store: JiraStore,
  accountId: string | null,
  viewer: Access | undefined,
): unknown {
  if (!accountId) return null;
  const user = store.getUser(accountId);
  return user ? userDetailsJson(base, user, viewer) : null;
}

export function statusCategoryJson(base: string, status: StatusDef): Record<string, unknown> {
  const c = STATUS_CATEGORIES[status.category];
  return {
    self: `${base}/rest/api/3/statuscategory/${c.id}`,
    id: c.id,
    key: c.key,
    colorName: c.colorName,
    name: c.name,
  };
}

export function statusJson(base: string, status: StatusDef): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: avatarUrl(base, 'status', status.id, 16),
    name: status.name,
    untranslatedName: status.name,
    id: status.id,
    statusCategory: statusCategoryJson(base, status),
  };
}

export function priorityJson(base: string, priority: PriorityDef): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/priority/${priority.id}`,
    iconUrl: avatarUrl(base, 'priority', priority.id, 16),
    name: priority.name,
    id: priority.id,
  };
}

export function priorityDetailsJson(
  base: string,
  priority: PriorityDef,
  isDefault: boolean,
): Record<string, unknown> {
  return {
    ...priorityJson(base, priority),
    statusColor: priority.statusColor,
    description: priority.description,
    isDefault,
  };
}

export function issueTypeJson(base: string, type: IssueTypeDef): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: avatarUrl(base, 'issuetype', type.id, 16),
    name: type.name,
    subtask: false,
    avatarId: type.avatarId,
    hierarchyLevel: 0,
  };
}

export function resolutionJson(base: string, resolution: ResolutionDef): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/resolution/${resolution.id}`,
    id: resolution.id,
    description: resolution.description,
    name: resolution.name,
  };
}

/** The short project reference used inside issues and events. */
export function projectRefJson(base: string, project: ProjectRecord): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: avatarUrls(base, 'project', project.id),
  };
}

/** `Project`; `full` adds components, issue types, lead and roles (project get). */
export function projectJson(
  base: string,
  store: JiraStore,
  project: ProjectRecord,
  viewer: Access,
  full: boolean,
): Record<string, unknown> {
  const summary: Record<string, unknown> = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRefJson(base, project),
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
  if (!full) return summary;
  const lead = project.leadAccountId ? store.getUser(project.leadAccountId) : undefined;
  return {
    ...summary,
    description: project.description,
    ...(lead ? { lead: userJson(base, lead, viewer) } : {}),
    components: store
      .listComponents(project.id)
      .map((c) => componentJson(base, store, c, project, viewer, true)),
    issueTypes: ISSUE_TYPES.map((t) => issueTypeJson(base, t)),
    assigneeType: 'UNASSIGNED',
    roles: Object.fromEntries(
      PROJECT_ROLES.map((r) => [r.label, `${base}/rest/api/3/project/${project.id}/role/${r.id}`]),
    ),
  };
}

/** `ProjectComponent`; `full` is the component endpoint's form, otherwise the issue field's. */
export function componentJson(
  base: string,
  store: JiraStore,
  component: ComponentRecord,
  project: ProjectRecord,
  viewer: Access,
  full: boolean,
): Record<string, unknown> {
  const short: Record<string, unknown> = {
    self: `${base}/rest/api/3/component/${component.id}`,
    id: component.id,
    name: component.name,
    ...(component.description ? { description: component.description } : {}),
  };
  if (!full) return short;
  const lead = component.leadAccountId ? store.getUser(component.leadAccountId) : undefined;
  return {
    ...short,
    ...(lead ? { lead: userJson(base, lead, viewer), leadAccountId: lead.accountId } : {}),
    assigneeType: 'PROJECT_DEFAULT',
    realAssigneeType: 'PROJECT_DEFAULT',
    isAssigneeTypeValid: false,
    project: project.key,
    projectId: Number(project.id),
  };
}

export function commentJson(
  base: string,
  store: JiraStore,
  comment: CommentRecord,
  viewer: Access,
  options: { renderedBody?: boolean; properties?: boolean } = {},
): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issue/${comment.issueId}/comment/${comment.id}`,
    id: comment.id,
    author: userRef(base, store, comment.author, viewer),
    body: comment.body,
    ...(options.renderedBody ? { renderedBody: adfHtml(comment.body) } : {}),
    updateAuthor: userRef(base, store, comment.updateAuthor, viewer),
    created: jiraTime(comment.created),
    updated: jiraTime(comment.updated),
    ...(comment.visibility
      ? { visibility: { ...comment.visibility, identifier: comment.visibility.value } }
      : {}),
    jsdPublic: !isInternalNote(store, comment.id),
    ...(options.properties ? { properties: store.commentProperties(comment.id) } : {}),
  };
}

export function linkTypeJson(base: string, type: LinkTypeDef): Record<string, unknown> {
  return {
    id: type.id,
    name: type.name,
    inward: type.inward,
    outward: type.outward,
    self: `${base}/rest/api/3/issueLinkType/${type.id}`,
  };
}

export function linkTypeById(id: string): LinkTypeDef | undefined {
  return LINK_TYPES.find((t) => t.id === id);
}

/** The other issue of a link, as Jira nests it: key, id and a few fields. */
export function linkedIssueJson(
  base: string,
  issue: IssueRecord,
  status: StatusDef,
  priority: PriorityDef | undefined,
  type: IssueTypeDef,
): Record<string, unknown> {
  return {
    id: issue.id,
    key: issue.key,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: statusJson(base, status),
      ...(priority ? { priority: priorityJson(base, priority) } : {}),
      issuetype: issueTypeJson(base, type),
    },
  };
}

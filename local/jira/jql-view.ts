import type { JqlCatalog, JqlContext, JqlIssue } from '../jql/types';
import type { Access } from './access';
import { adfText } from './adf';
import { jqlAppFieldValue } from './app-field-values';
import {
  ISSUE_TYPES,
  PRIORITIES,
  priorityById,
  RESOLUTIONS,
  resolutionById,
  STATUS_CATEGORIES,
  STATUSES,
} from './catalog';
import { jqlCustomFields } from './fields';
import type { JiraServices } from './http';
import { issueTypeOf, statusOf } from './issue-view';
import type { IssueRecord } from './store';

/**
 * What the JQL engine sees: one `JqlIssue` per issue the searcher may browse (so a search can never leak an
 * issue), and the `JqlContext` of the searcher (custom fields, indexed properties, groups, people, time zone).
 */
export function jqlIssues(svc: JiraServices, access: Access): JqlIssue[] {
  const { store } = svc;
  const visible = store.listIssues().filter((i) => access.canBrowseIssue(i));
  if (visible.length === 0) return [];
  const projects = new Map(store.listProjects().map((p) => [p.id, p]));
  const componentNames = new Map<string, string>();
  for (const p of projects.values())
    for (const c of store.listComponents(p.id)) componentNames.set(c.id, c.name);
  const properties = store.allIssueProperties();
  const appValues = store.allAppFieldValues();
  const appFields = store.listAppFields();
  const byId = new Map(visible.map((i) => [i.id, i]));
  const commentText = new Map<string, string[]>();
  for (const c of store.allComments()) {
    const issue = byId.get(c.issueId);
    if (!issue || !access.canSeeComment(c, issue)) continue;
    const list = commentText.get(c.issueId) ?? [];
    list.push(adfText(c.body));
    commentText.set(c.issueId, list);
  }
  return visible.map((issue) =>
    toJqlIssue(issue, {
      projectName: projects.get(issue.projectId)?.name ?? '',
      projectKey: projects.get(issue.projectId)?.key ?? '',
      components: issue.componentIds.map((id) => componentNames.get(id) ?? id),
      commentText: (commentText.get(issue.id) ?? []).join('\n'),
      properties: properties.get(issue.id) ?? {},
      customFields: Object.fromEntries(
        appFields.map((f) => [f.id, jqlAppFieldValue(f, appValues.get(issue.id)?.[f.id] ?? null)]),
      ),
    }),
  );
}

function toJqlIssue(
  issue: IssueRecord,
  extra: Pick<
    JqlIssue,
    'projectName' | 'projectKey' | 'components' | 'commentText' | 'properties' | 'customFields'
  >,
): JqlIssue {
  const status = statusOf(issue);
  return {
    id: issue.id,
    key: issue.key,
    keyNumber: issue.number,
    projectId: issue.projectId,
    issueType: issueTypeOf(issue).name,
    summary: issue.summary,
    descriptionText: adfText(issue.description),
    status: status.name,
    statusCategory: STATUS_CATEGORIES[status.category].name,
    priority: issue.priorityId ? (priorityById(issue.priorityId)?.name ?? null) : null,
    assigneeAccountId: issue.assignee,
    reporterAccountId: issue.reporter,
    creatorAccountId: issue.creator,
    labels: issue.labels,
    resolution: issue.resolutionId ? (resolutionById(issue.resolutionId)?.name ?? null) : null,
    created: new Date(issue.created),
    updated: new Date(issue.updated),
    resolutionDate: issue.resolutionDate ? new Date(issue.resolutionDate) : null,
    ...extra,
  };
}

export function jqlContext(svc: JiraServices, access: Access): JqlContext {
  const { store } = svc;
  return {
    ...(access.isAppItself ? {} : { currentAccountId: access.accountId }),
    now: svc.clock.now(),
    timeZone: access.actor.timeZone,
    customFields: jqlCustomFields(store),
    propertyIndexes: [...svc.propertyIndexes],
    catalog: jqlCatalog(svc, access),
    displayNameOf: (accountId) => store.getUser(accountId)?.displayName,
    membersOf: (groupName) =>
      store.getGroup({ name: groupName }) ? store.groupMembers(groupName) : undefined,
    resolveUser: (text) => {
      const byId = store.getUser(text);
      if (byId) return [byId.accountId];
      const byEmail = text.includes('@') ? store.getUserByEmail(text) : undefined;
      if (byEmail) return [byEmail.accountId];
      const lower = text.toLowerCase();
      return store
        .listUsers({ includeApps: true })
        .filter((u) => u.displayName.toLowerCase() === lower)
        .map((u) => u.accountId);
    },
  };
}

/**
 * What the searcher's JQL may name: the site's statuses (in workflow order), issue types, priorities (highest
 * first), resolutions, and the projects they may browse with those projects' components.
 */
export function jqlCatalog(svc: JiraServices, access: Access): JqlCatalog {
  const projects = svc.store.listProjects().filter((p) => access.canBrowseProject(p.id));
  const named = ({ id, name }: { id: string; name: string }) => ({ id, name });
  return {
    statuses: STATUSES.map(named),
    issueTypes: ISSUE_TYPES.map(named),
    priorities: PRIORITIES.map(named),
    resolutions: RESOLUTIONS.map(named),
    components: projects.flatMap((p) => svc.store.listComponents(p.id).map(named)),
    projects: projects.map(({ id, key, name }) => ({ id, key, name })),
  };
}

import type { Router } from '../../http/router';
import { json } from '../../http/types';
import { Access } from '../access';
import {
  badRequest,
  intParam,
  ISSUE_NOT_FOUND,
  jiraHandler,
  listParam,
  notFound,
  type JiraRequest,
  type JiraServices,
} from '../http';
import { userDetailsJson, userJson } from '../render';
import type { ProjectRecord, UserRecord } from '../store';

/**
 * People and groups: myself, user lookups and searches, assignable users, who may browse an issue, group
 * membership.
 */
export function userRoutes(router: Router, svc: JiraServices): void {
  router.get(
    '/rest/api/3/myself',
    jiraHandler(svc, (jr) => json(200, userJson(jr.base, jr.access.actor, jr.access))),
  );

  router.get(
    '/rest/api/3/user',
    jiraHandler(svc, (jr) => {
      const accountId = jr.req.query.get('accountId');
      if (!accountId) throw badRequest('The accountId query parameter is required.');
      const user = jr.svc.store.getUser(accountId);
      if (!user) throw notFound(`Specified user does not exist or you do not have required permissions`);
      return json(200, userJson(jr.base, user, jr.access));
    }),
  );

  router.get(
    '/rest/api/3/user/bulk',
    jiraHandler(svc, (jr) => {
      const ids = listParam(jr.req.query, 'accountId');
      if (ids.length === 0) throw badRequest('The accountId query parameter is required.');
      if (ids.length > 200) throw badRequest('At most 200 accountId values can be requested at once.');
      const startAt = intParam(jr.req.query, 'startAt', 0);
      const maxResults = Math.min(intParam(jr.req.query, 'maxResults', 10, 1), 200);
      const users = [...new Set(ids)].map((id) => jr.svc.store.getUser(id)).filter((u) => u !== undefined);
      return json(
        200,
        page(jr, '/rest/api/3/user/bulk', users, startAt, maxResults, (u) => userJson(jr.base, u, jr.access)),
      );
    }),
  );

  router.get(
    '/rest/api/3/user/search',
    jiraHandler(svc, (jr) => {
      const query = jr.req.query.get('query');
      const accountId = jr.req.query.get('accountId');
      if (!query && !accountId)
        throw badRequest('One of the query or accountId query parameters must be provided.');
      const startAt = intParam(jr.req.query, 'startAt', 0);
      const maxResults = Math.min(intParam(jr.req.query, 'maxResults', 50, 0), 1000);
      // Without "Browse users and groups" Jira answers an empty list rather than an error.
      if (!jr.access.hasGlobal('USER_PICKER')) return json(200, []);
      const found = jr.svc.store
        .listUsers({ includeApps: true })
        .filter(
          (u) => u.active && (!accountId || u.accountId === accountId) && (!query || matchesQuery(u, query)),
        );
      return json(
        200,
        found.slice(startAt, startAt + maxResults).map((u) => userJson(jr.base, u, jr.access)),
      );
    }),
  );

  router.get(
    '/rest/api/3/user/assignable/search',
    jiraHandler(svc, (jr) => {
      const q = jr.req.query;
      const project = assignableContext(jr, q.get('issueKey') ?? q.get('issueId'), q.get('project'));
      const query = q.get('query');
      const accountId = q.get('accountId');
      const startAt = intParam(q, 'startAt', 0);
      const maxResults = Math.min(intParam(q, 'maxResults', 50, 0), 1000);
      const assignable = jr.svc.store
        .listUsers()
        .filter(
          (u) => u.active && (!accountId || u.accountId === accountId) && (!query || matchesQuery(u, query)),
        )
        .filter((u) => Access.forUser(jr.svc.store, u).has(project.id, 'ASSIGNABLE_USER'));
      return json(
        200,
        assignable.slice(startAt, startAt + maxResults).map((u) => userJson(jr.base, u, jr.access)),
      );
    }),
  );

  // Who may browse an issue (or any issue of a project), among people matching a query or an account id.
  router.get(
    '/rest/api/3/user/viewissue/search',
    jiraHandler(svc, (jr) => {
      const q = jr.req.query;
      const query = q.get('query');
      const accountId = q.get('accountId');
      if (!query && !accountId)
        throw badRequest('One of the query or accountId query parameters must be provided.');
      if (query && accountId) throw badRequest('Give either a query or an accountId, not both.');
      const issueKey = q.get('issueKey');
      const projectKey = q.get('projectKey');
      if (!issueKey && !projectKey)
        throw badRequest('The issueKey or projectKey query parameter is required.');
      const { store } = jr.svc;
      const issue = issueKey ? store.getIssue(issueKey) : undefined;
      const project = issue ? undefined : projectKey ? store.getProject(projectKey) : undefined;
      if (
        issueKey
          ? !issue || !jr.access.canBrowseIssue(issue)
          : !project || !jr.access.canBrowseProject(project.id)
      )
        throw notFound(issueKey ? ISSUE_NOT_FOUND : `No project could be found with key '${projectKey}'.`);
      const startAt = intParam(q, 'startAt', 0);
      const maxResults = Math.min(intParam(q, 'maxResults', 50, 0), 1000);
      // Without "Browse users and groups" Jira answers an empty list rather than an error.
      if (!jr.access.hasGlobal('USER_PICKER')) return json(200, []);
      const found = store
        .listUsers()
        .filter(
          (u) => u.active && (!accountId || u.accountId === accountId) && (!query || matchesQuery(u, query)),
        )
        .filter((u) => {
          const them = Access.forUser(store, u);
          return issue ? them.canBrowseIssue(issue) : them.canBrowseProject((project as ProjectRecord).id);
        });
      return json(
        200,
        found.slice(startAt, startAt + maxResults).map((u) => userJson(jr.base, u, jr.access)),
      );
    }),
  );

  router.get(
    '/rest/api/3/user/groups',
    jiraHandler(svc, (jr) => {
      const accountId = jr.req.query.get('accountId');
      if (!accountId) throw badRequest('The accountId query parameter is required.');
      const user = jr.svc.store.getUser(accountId);
      if (!user) throw notFound(`Specified user does not exist or you do not have required permissions`);
      if (!jr.access.hasGlobal('USER_PICKER'))
        throw notFound('You do not have the permission to see the specified groups.');
      return json(
        200,
        jr.svc.store.groupsOf(accountId).map((g) => ({
          name: g.name,
          groupId: g.groupId,
          self: `${jr.base}/rest/api/3/group?groupId=${g.groupId}`,
        })),
      );
    }),
  );

  router.get(
    '/rest/api/3/group/member',
    jiraHandler(svc, (jr) => {
      const q = jr.req.query;
      const groupId = q.get('groupId');
      const groupname = q.get('groupname');
      if (!groupId && !groupname) throw badRequest('You must provide either a groupname or a groupId.');
      const group = jr.svc.store.getGroup(groupId ? { groupId } : { name: groupname ?? '' });
      if (!group) throw notFound(`Group does not exist.`);
      if (!jr.access.hasGlobal('USER_PICKER'))
        throw notFound('You do not have the permission to see the specified group.');
      const includeInactive = q.get('includeInactiveUsers') === 'true';
      const startAt = intParam(q, 'startAt', 0);
      const maxResults = Math.min(intParam(q, 'maxResults', 50, 1), 50);
      const members = jr.svc.store
        .groupMembers(group.name)
        .map((id) => jr.svc.store.getUser(id))
        .filter((u): u is UserRecord => u !== undefined && (includeInactive || u.active));
      const path = `/rest/api/3/group/member?groupId=${encodeURIComponent(group.groupId)}&includeInactiveUsers=${includeInactive}`;
      return json(
        200,
        page(jr, path, members, startAt, maxResults, (u) => userDetailsJson(jr.base, u, jr.access)),
      );
    }),
  );
}

/** Jira matches the start of the display name's words, or of the email address. */
export function matchesQuery(user: UserRecord, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return true;
  if (
    user.displayName
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(q))
  )
    return true;
  if (user.displayName.toLowerCase().startsWith(q)) return true;
  return !!user.email && user.email.toLowerCase().startsWith(q);
}

function assignableContext(
  jr: JiraRequest,
  issueRef: string | null,
  projectRef: string | null,
): ProjectRecord {
  const { store } = jr.svc;
  if (issueRef) {
    const issue = store.getIssue(issueRef);
    if (!issue || !jr.access.canBrowseIssue(issue)) throw notFound(ISSUE_NOT_FOUND);
    return store.getProject(issue.projectId) as ProjectRecord;
  }
  if (projectRef) {
    const project = store.getProject(projectRef);
    if (!project || !jr.access.canBrowseProject(project.id))
      throw notFound(`No project could be found with key '${projectRef}'.`);
    return project;
  }
  throw badRequest('The project key or id, or the issue key or id, is required.');
}

/** A `PageBean…` of already-filtered values. */
function page<T>(
  jr: JiraRequest,
  path: string,
  all: readonly T[],
  startAt: number,
  maxResults: number,
  render: (value: T) => unknown,
): Record<string, unknown> {
  const values = all.slice(startAt, startAt + maxResults).map(render);
  const isLast = startAt + maxResults >= all.length;
  const sep = path.includes('?') ? '&' : '?';
  return {
    self: `${jr.base}${path}${sep}startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast
      ? {}
      : { nextPage: `${jr.base}${path}${sep}startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  };
}

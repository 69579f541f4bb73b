import type { Router } from '../../http/router';
import { json } from '../../http/types';
import { Access } from '../access';
import { PERMISSION_BY_KEY } from '../catalog';
import {
  badRequest,
  forbidden,
  isObject,
  ISSUE_NOT_FOUND,
  jiraHandler,
  listParam,
  notFound,
  objectBody,
  onlyKnownKeys,
  type JiraRequest,
  type JiraServices,
} from '../http';
import type { IssueRecord, ProjectRecord } from '../store';

/** `mypermissions` (global, project or issue context) and the bulk `permissions/check`. */
export function permissionRoutes(router: Router, svc: JiraServices): void {
  router.get(
    '/rest/api/3/mypermissions',
    jiraHandler(svc, (jr) => {
      const q = jr.req.query;
      const keys = listParam(q, 'permissions');
      if (keys.length === 0)
        throw badRequest(
          "The 'permissions' query parameter is required, e.g. permissions=BROWSE_PROJECTS,EDIT_ISSUES.",
        );
      for (const key of keys)
        if (!PERMISSION_BY_KEY.has(key)) throw badRequest(`The permission key '${key}' is not valid.`);
      if (q.get('commentId') && keys.some((k) => k !== 'BROWSE_PROJECTS')) {
        throw badRequest('Only BROWSE_PROJECTS can be checked for a comment.');
      }
      const { issue, project } = contextOf(jr);
      const permissions: Record<string, unknown> = {};
      for (const key of keys) {
        const def = PERMISSION_BY_KEY.get(key);
        if (!def) continue;
        const have =
          def.type === 'GLOBAL'
            ? jr.access.hasGlobal(key)
            : issue
              ? jr.access.hasOnIssue(issue, key)
              : project
                ? jr.access.has(project.id, key)
                : jr.access.hasAnywhere(key);
        permissions[key] = {
          id: def.id,
          key,
          name: def.name,
          type: def.type,
          description: def.description,
          havePermission: have,
        };
      }
      return json(200, { permissions });
    }),
  );

  router.post(
    '/rest/api/3/permissions/check',
    jiraHandler(svc, (jr) => {
      const { store } = jr.svc;
      const body = objectBody(jr.req);
      onlyKnownKeys(body, ['accountId', 'globalPermissions', 'projectPermissions']);
      let subject: Access = jr.access;
      if (body.accountId !== undefined && body.accountId !== null) {
        if (typeof body.accountId !== 'string') throw badRequest("'accountId' must be a string.");
        const user = store.getUser(body.accountId);
        if (!user) throw badRequest(`The account ID '${body.accountId}' is invalid.`);
        if (user.accountId !== jr.access.accountId) {
          if (!jr.access.isAppItself && !jr.access.hasGlobal('ADMINISTER')) {
            throw forbidden(
              'You need the Administer Jira global permission to check the permissions of other users.',
            );
          }
          subject = user.accountType === 'app' ? jr.access : Access.forUser(store, user);
        }
      }
      const globals = keyList(body.globalPermissions, 'globalPermissions', 'GLOBAL');
      const projectChecks = body.projectPermissions ?? [];
      if (!Array.isArray(projectChecks)) throw badRequest("'projectPermissions' must be a list.");
      const projectPermissions: Array<{ permission: string; projects: number[]; issues: number[] }> = [];
      let projectCount = 0;
      let issueCount = 0;
      for (const [i, check] of projectChecks.entries()) {
        if (!isObject(check)) throw badRequest(`projectPermissions[${i}] must be an object.`);
        onlyKnownKeys(check, ['permissions', 'projects', 'issues']);
        const keys = keyList(check.permissions, `projectPermissions[${i}].permissions`, 'PROJECT');
        if (keys.length === 0)
          throw badRequest(`projectPermissions[${i}] needs at least one project permission.`);
        // Invalid project and issue ids are ignored, as Jira does.
        const projects = idList(check.projects, `projectPermissions[${i}].projects`)
          .map((id) => store.getProject(String(id)))
          .filter((p): p is ProjectRecord => p !== undefined);
        const issues = idList(check.issues, `projectPermissions[${i}].issues`)
          .map((id) => store.getIssue(String(id)))
          .filter((x): x is IssueRecord => x !== undefined);
        projectCount += projects.length;
        issueCount += issues.length;
        for (const key of keys) {
          projectPermissions.push({
            permission: key,
            projects: projects.filter((p) => subject.has(p.id, key)).map((p) => Number(p.id)),
            issues: issues.filter((x) => subject.hasOnIssue(x, key)).map((x) => Number(x.id)),
          });
        }
      }
      if (projectCount > 1000 || issueCount > 1000)
        throw badRequest('At most 1000 projects and 1000 issues can be checked.');
      return json(200, {
        globalPermissions: globals.filter((k) => subject.hasGlobal(k)),
        projectPermissions,
      });
    }),
  );
}

function contextOf(jr: JiraRequest): { issue?: IssueRecord; project?: ProjectRecord } {
  const q = jr.req.query;
  const { store } = jr.svc;
  const issueRef = q.get('issueId') || q.get('issueKey');
  if (issueRef) {
    const issue = store.getIssue(issueRef);
    if (!issue || !jr.access.canBrowseIssue(issue)) throw notFound(ISSUE_NOT_FOUND);
    return { issue };
  }
  const projectRef = q.get('projectId') || q.get('projectKey');
  if (projectRef) {
    const project = store.getProject(projectRef);
    if (!project || !jr.access.canBrowseProject(project.id))
      throw notFound(`No project could be found with key '${projectRef}'.`);
    return { project };
  }
  const commentId = q.get('commentId');
  if (commentId) {
    const comment = store.getComment(commentId);
    const issue = comment && store.getIssue(comment.issueId);
    if (!comment || !issue || !jr.access.canBrowseIssue(issue) || !jr.access.canSeeComment(comment, issue)) {
      throw notFound(`Can not find a comment for the id: ${commentId}.`);
    }
    return { issue };
  }
  return {};
}

/** Permission keys of one type; null entries and empty strings are ignored, unknown keys are a 400. */
function keyList(value: unknown, name: string, type: 'GLOBAL' | 'PROJECT'): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`'${name}' must be a list of permission keys.`);
  const keys: string[] = [];
  for (const key of value) {
    if (key === null || key === '') continue;
    if (typeof key !== 'string' || PERMISSION_BY_KEY.get(key)?.type !== type) {
      throw badRequest(`'${String(key)}' in ${name} is not a valid ${type.toLowerCase()} permission.`);
    }
    keys.push(key);
  }
  return keys;
}

function idList(value: unknown, name: string): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`'${name}' must be a list of numeric ids.`);
  return value.flatMap((v) => {
    if (v === null) return [];
    if (typeof v === 'number' && Number.isInteger(v)) return [v];
    if (typeof v === 'string' && /^\d+$/.test(v)) return [Number(v)];
    throw badRequest(`'${String(v)}' in ${name} is not a numeric id.`);
  });
}

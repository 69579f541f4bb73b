import type { Router } from '../../http/router';
import { json } from '../../http/types';
import { DEFAULT_PRIORITY, ISSUE_TYPES, LINK_TYPES, PRIORITIES, STATUSES } from '../catalog';
import { allFields, fieldDetailsJson } from '../fields';
import {
  badRequest,
  intParam,
  jiraHandler,
  listParam,
  notFound,
  type JiraRequest,
  type JiraServices,
} from '../http';
import {
  componentJson,
  issueTypeJson,
  linkTypeJson,
  priorityDetailsJson,
  projectJson,
  statusJson,
} from '../render';
import type { ProjectRecord } from '../store';

/** Projects, components, and the site's field, priority, status, issue type and link type catalogues. */
export function projectRoutes(router: Router, svc: JiraServices): void {
  router.get(
    '/rest/api/3/project/search',
    jiraHandler(svc, (jr) => {
      const q = jr.req.query;
      const startAt = intParam(q, 'startAt', 0);
      const maxResults = Math.min(intParam(q, 'maxResults', 50, 1), 100);
      const keys = new Set(listParam(q, 'keys').map((k) => k.toUpperCase()));
      const ids = new Set(listParam(q, 'id'));
      const query = (q.get('query') ?? '').toLowerCase();
      const orderBy = q.get('orderBy') ?? 'key';
      const order = orderBy.replace(/^[+-]/, '');
      if (
        ![
          'key',
          'name',
          'category',
          'owner',
          'issueCount',
          'lastIssueUpdatedDate',
          'archivedDate',
          'deletedDate',
        ].includes(order)
      ) {
        throw badRequest(`The orderBy value '${orderBy}' is not supported.`);
      }
      const projects = jr.svc.store
        .listProjects()
        .filter((p) => jr.access.canBrowseProject(p.id))
        .filter((p) => keys.size === 0 || keys.has(p.key))
        .filter((p) => ids.size === 0 || ids.has(p.id))
        .filter((p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
        .sort((a, b) => (order === 'name' ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key)));
      if (orderBy.startsWith('-')) projects.reverse();
      const values = projects.slice(startAt, startAt + maxResults);
      const isLast = startAt + maxResults >= projects.length;
      const self = `${jr.base}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
      return json(200, {
        self,
        ...(isLast
          ? {}
          : {
              nextPage: `${jr.base}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`,
            }),
        maxResults,
        startAt,
        total: projects.length,
        isLast,
        values: values.map((p) => projectJson(jr.base, jr.svc.store, p, jr.access, false)),
      });
    }),
  );

  router.get(
    '/rest/api/3/project/:projectIdOrKey',
    jiraHandler(svc, (jr) => {
      const project = browsableProject(jr, jr.req.params.projectIdOrKey ?? '');
      return json(200, projectJson(jr.base, jr.svc.store, project, jr.access, true));
    }),
  );

  router.get(
    '/rest/api/3/project/:projectIdOrKey/components',
    jiraHandler(svc, (jr) => {
      const project = browsableProject(jr, jr.req.params.projectIdOrKey ?? '');
      return json(
        200,
        jr.svc.store
          .listComponents(project.id)
          .map((c) => componentJson(jr.base, jr.svc.store, c, project, jr.access, true)),
      );
    }),
  );

  router.get(
    '/rest/api/3/component/:id',
    jiraHandler(svc, (jr) => {
      const id = jr.req.params.id ?? '';
      const component = jr.svc.store.getComponent(id);
      const project = component && jr.svc.store.getProject(component.projectId);
      if (!component || !project || !jr.access.canBrowseProject(project.id)) {
        throw notFound(`The component with id ${id} does not exist.`);
      }
      return json(200, componentJson(jr.base, jr.svc.store, component, project, jr.access, true));
    }),
  );

  router.get(
    '/rest/api/3/field',
    jiraHandler(svc, (jr) => json(200, allFields(jr.svc.store).map(fieldDetailsJson))),
  );

  router.get(
    '/rest/api/3/priority',
    jiraHandler(svc, (jr) =>
      json(
        200,
        PRIORITIES.map((p) => priorityDetailsJson(jr.base, p, p.id === DEFAULT_PRIORITY.id)),
      ),
    ),
  );

  router.get(
    '/rest/api/3/status',
    jiraHandler(svc, (jr) =>
      json(
        200,
        STATUSES.map((s) => statusJson(jr.base, s)),
      ),
    ),
  );

  router.get(
    '/rest/api/3/issuetype',
    jiraHandler(svc, (jr) =>
      json(
        200,
        ISSUE_TYPES.map((t) => issueTypeJson(jr.base, t)),
      ),
    ),
  );

  router.get(
    '/rest/api/3/issueLinkType',
    jiraHandler(svc, (jr) => json(200, { issueLinkTypes: LINK_TYPES.map((t) => linkTypeJson(jr.base, t)) })),
  );
}

/** A project the caller may browse, or Jira's 404. */
export function browsableProject(jr: JiraRequest, idOrKey: string): ProjectRecord {
  const project = jr.svc.store.getProject(idOrKey);
  if (!project || !jr.access.canBrowseProject(project.id)) {
    throw notFound(
      /^\d+$/.test(idOrKey)
        ? `No project could be found with id '${idOrKey}'.`
        : `No project could be found with key '${idOrKey}'.`,
    );
  }
  return project;
}

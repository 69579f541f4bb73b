import type { Router } from '../../http/router';
import { json } from '../../http/types';
import { forbidden, jiraHandler, notFound, type JiraServices } from '../http';
import { browsableIssue, checkProperty } from './issue-helpers';

/**
 * Issue entity properties. Reading needs Browse; writing needs Edit issues (so anyone who can edit an issue
 * can rewrite its properties, as on Jira Cloud). Property changes send no issue events: Jira has no Forge
 * issue-updated event for them.
 */
export function propertyRoutes(router: Router, svc: JiraServices): void {
  const base = '/rest/api/3/issue/:issueIdOrKey/properties';

  router.get(
    base,
    jiraHandler(svc, (jr) => {
      const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
      return json(200, {
        keys: jr.svc.store.issuePropertyKeys(issue.id).map((key) => ({
          self: `${jr.base}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
          key,
        })),
      });
    }),
  );

  router.get(
    `${base}/:propertyKey`,
    jiraHandler(svc, (jr) => {
      const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
      const key = jr.req.params.propertyKey ?? '';
      const found = jr.svc.store.getIssueProperty(issue.id, key);
      if (!found.found) throw notFound(`The property with key '${key}' does not exist.`);
      return json(200, { key, value: found.value });
    }),
  );

  router.put(
    `${base}/:propertyKey`,
    jiraHandler(svc, (jr) => {
      const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
      if (!jr.access.hasOnIssue(issue, 'EDIT_ISSUES'))
        throw forbidden('You do not have permission to edit this issue.');
      const key = checkProperty(jr.req.params.propertyKey, jr.req.body, 'propertyKey');
      const outcome = jr.svc.store.transaction(() =>
        jr.svc.store.setIssueProperty(issue.id, key, jr.req.body),
      );
      return json(outcome === 'created' ? 201 : 200);
    }),
  );

  router.delete(
    `${base}/:propertyKey`,
    jiraHandler(svc, (jr) => {
      const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
      const key = jr.req.params.propertyKey ?? '';
      if (!jr.access.hasOnIssue(issue, 'EDIT_ISSUES'))
        throw forbidden('You do not have permission to edit this issue.');
      if (!jr.svc.store.deleteIssueProperty(issue.id, key))
        throw notFound(`The property with key '${key}' does not exist.`);
      return json(204);
    }),
  );
}

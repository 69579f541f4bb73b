import api, { route } from '@forge/api';
import Resolver from '@forge/resolver';
import { fail, ok, projectKeyFrom, type Reply } from './reply';

/**
 * Resolver of the SPOC project page. The project comes from the untrusted front-end context; the count is
 * asked of Jira as the signed-in person, so it never shows more than they may see.
 */
interface ProjectOverview {
  readonly projectKey: string;
  readonly openIssues: number;
}

const resolver = new Resolver();

resolver.define('getProjectOverview', async ({ context }): Promise<Reply<ProjectOverview>> => {
  const projectKey = projectKeyFrom(
    (context as { extension?: { project?: { key?: unknown } } }).extension?.project?.key,
  );
  if (!context.accountId) return fail('Sign in to see this page.');
  if (!projectKey) return fail('This page needs a project.');
  const response = await api.asUser().requestJira(route`/rest/api/3/search/approximate-count`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql: `project = "${projectKey}" AND statusCategory != Done` }),
  });
  if (!response.ok) return fail(`You cannot see project ${projectKey}.`);
  const { count } = (await response.json()) as { count: number };
  return ok({ projectKey, openIssues: count });
});

export const spocProjectPageResolver = resolver.getDefinitions();

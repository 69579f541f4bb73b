import api, { route } from '@forge/api';
import Resolver from '@forge/resolver';
import type { ProjectOverview } from '../contract/project-page';
import { configurationRights } from '../usecases/configuration-access';
import { InvalidInputError, NotAllowedError, NotFoundError } from '../usecases/errors';
import { exportConfiguration } from '../usecases/export-configuration';
import { getConfiguration } from '../usecases/get-configuration';
import { getMyProfile } from '../usecases/get-my-profile';
import { importConfiguration } from '../usecases/import-configuration';
import { listMyTriageQueue, listVettedQueue } from '../usecases/list-triage-queue';
import { previewRouting } from '../usecases/preview-routing';
import { saveClientRoster } from '../usecases/save-client-roster';
import { saveClientRules } from '../usecases/save-client-rules';
import { savePolicy } from '../usecases/save-policy';
import { saveSpocProfile } from '../usecases/save-spoc-profile';
import { answer, type ResolverContext } from './answer';
import { resolverDependencies } from './dependencies';
import { projectKeyFrom } from './reply';

/**
 * Resolver of the SPOC project page (`spoc-project-page`): queues, configuration, profiles, policy and the
 * routing preview. The project comes from the page's untrusted context; rights are asked of Jira as the
 * signed-in person. Payloads and answers: src/contract/project-page.ts.
 */

const resolver = new Resolver();

function requireProject(context: ResolverContext): string {
  const key = projectKeyFrom(context.extension?.project?.key);
  if (!key) throw new InvalidInputError('This page needs a project.');
  return key;
}

type PageCall<T> = (caller: string, projectKey: string, payload: unknown) => Promise<T>;

function define<T>(name: string, run: PageCall<T>): void {
  resolver.define(name, ({ payload, context }) =>
    answer(context as ResolverContext, (caller) =>
      run(caller, requireProject(context as ResolverContext), payload),
    ),
  );
}

define('getMyQueue', (caller) =>
  listMyTriageQueue.execute({ callerAccountId: caller }, resolverDependencies()),
);
define('getVettedQueue', (caller, projectKey) =>
  listVettedQueue.execute({ callerAccountId: caller, projectKey }, resolverDependencies()),
);
define('getConfiguration', (caller, projectKey) =>
  getConfiguration.execute({ callerAccountId: caller, projectKey }, resolverDependencies()),
);
define('exportConfiguration', (caller, projectKey) =>
  exportConfiguration.execute({ callerAccountId: caller, projectKey }, resolverDependencies()),
);
define('importConfiguration', (caller, projectKey, payload) =>
  importConfiguration.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('saveRoster', (caller, projectKey, payload) =>
  saveClientRoster.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('saveRules', (caller, projectKey, payload) =>
  saveClientRules.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('getMyProfile', (caller) => getMyProfile.execute({ callerAccountId: caller }, resolverDependencies()));
define('saveProfile', (caller, projectKey, payload) =>
  saveSpocProfile.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('savePolicy', (caller, projectKey, payload) =>
  savePolicy.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('previewRouting', (caller, projectKey, payload) =>
  previewRouting.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);

/** Open issues as Jira counts them for the caller; a project they cannot see is refused. */
async function countOpenIssues(projectKey: string): Promise<number> {
  const response = await api.asUser().requestJira(route`/rest/api/3/search/approximate-count`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ jql: `project = "${projectKey}" AND statusCategory != Done` }),
  });
  if (!response.ok) throw new NotFoundError(`You cannot see project ${projectKey}.`);
  return ((await response.json()) as { count: number }).count;
}

define('getProjectOverview', async (caller, projectKey): Promise<ProjectOverview> => {
  const openIssues = await countOpenIssues(projectKey);
  const canSeeConfiguration = await configurationRights(caller, projectKey, resolverDependencies()).then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotAllowedError) return false;
      throw error;
    },
  );
  return { projectKey, openIssues, canSeeConfiguration };
});

export const spocProjectPageResolver = resolver.getDefinitions();

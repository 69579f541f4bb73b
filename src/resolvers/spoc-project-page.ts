import Resolver from '@forge/resolver';
import { resolverDependencies } from '../composition';
import { isProjectKey } from '../contract/reply';
import { InvalidInputError } from '../usecases/errors';
import { exportConfiguration } from '../usecases/export-configuration';
import { getConfiguration } from '../usecases/get-configuration';
import { getMyProfile } from '../usecases/get-my-profile';
import { getProjectOverview } from '../usecases/get-project-overview';
import { getReports, getReportsCsv } from '../usecases/get-reports';
import { importConfiguration } from '../usecases/import-configuration';
import { listHandedOverIssues } from '../usecases/list-handed-over-issues';
import { listMyTriageQueue } from '../usecases/list-my-triage-queue';
import { listVettedQueue } from '../usecases/list-vetted-queue';
import { offboardSpoc } from '../usecases/offboard-spoc';
import { previewOffboarding } from '../usecases/preview-offboarding';
import { previewRouting } from '../usecases/preview-routing';
import { saveClientRoster } from '../usecases/save-client-roster';
import { saveClientRules } from '../usecases/save-client-rules';
import { savePolicy } from '../usecases/save-policy';
import { saveSpocProfile } from '../usecases/save-spoc-profile';
import { takeBackHandedOverIssues } from '../usecases/take-back-handed-over-issues';
import { answer, type ResolverContext } from './answer';

/**
 * Resolver of the SPOC project page (`spoc-project-page`): queues, configuration, profiles, policy and the
 * routing preview, taking back what was handed over during an absence, and offboarding a SPOC. The project
 * comes from the page's untrusted context; rights are asked of Jira as the signed-in person. Payloads and
 * answers: src/contract/project-page.ts.
 */

/** What a resolver invocation may spend on Jira writes before it leaves the rest to the sweep. */
const WRITE_TIME_MS = 15_000;

/** Real elapsed time since the call started, whatever clock the app's dates follow. */
function timeLeft(): () => number {
  const started = performance.now();
  return () => WRITE_TIME_MS - (performance.now() - started);
}

const resolver = new Resolver();

function requireProject(context: ResolverContext): string {
  const key = context.extension?.project?.key;
  if (!isProjectKey(key)) throw new InvalidInputError('This page needs a project.');
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

define('getHandedOverIssues', (caller) =>
  listHandedOverIssues.execute({ callerAccountId: caller }, resolverDependencies()),
);
define('takeBackHandedOverIssues', (caller, _projectKey, payload) =>
  takeBackHandedOverIssues.execute(
    { callerAccountId: caller, payload, timeLeftMs: timeLeft() },
    resolverDependencies(),
  ),
);
define('previewOffboarding', (caller, projectKey, payload) =>
  previewOffboarding.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('applyOffboarding', (caller, projectKey, payload) =>
  offboardSpoc.execute(
    { callerAccountId: caller, projectKey, payload, timeLeftMs: timeLeft() },
    resolverDependencies(),
  ),
);

define('getProjectOverview', (caller, projectKey) =>
  getProjectOverview.execute({ callerAccountId: caller, projectKey }, resolverDependencies()),
);

// Reports: managers (project administrators, escalation managers) and SPOCs; src/contract/reports.ts.
define('getReports', (caller, projectKey, payload) =>
  getReports.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);
define('getReportsCsv', (caller, projectKey, payload) =>
  getReportsCsv.execute({ callerAccountId: caller, projectKey, payload }, resolverDependencies()),
);

export const spocProjectPageResolver = resolver.getDefinitions();

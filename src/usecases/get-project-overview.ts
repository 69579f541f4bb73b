import type { ProjectOverview } from '../contract/project-page';
import { configurationRights } from './support/configuration-access';
import { NotAllowedError, NotFoundError } from './errors';
import type { ConfigurationReader, UserJira } from './ports';

/**
 * The project page's header: how many issues of the project are open, as Jira counts them for the caller,
 * and whether the caller may see the SPOC configuration. A project the caller cannot see is refused.
 */
export interface GetProjectOverviewParams {
  readonly callerAccountId: string;
  readonly projectKey: string;
}

export interface GetProjectOverviewDeps {
  readonly config: ConfigurationReader;
  readonly user: UserJira;
}

export const getProjectOverview = {
  async execute(params: GetProjectOverviewParams, deps: GetProjectOverviewDeps): Promise<ProjectOverview> {
    const [openIssues, canSeeConfiguration] = await Promise.all([
      deps.user.openIssueCount(params.projectKey),
      configurationRights(params.callerAccountId, params.projectKey, deps).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NotAllowedError) return false;
          throw error;
        },
      ),
    ]);
    if (openIssues === undefined) throw new NotFoundError(`You cannot see project ${params.projectKey}.`);
    return { projectKey: params.projectKey, openIssues, canSeeConfiguration };
  },
};

import type { ProjectOverview } from '../contract/project-page';
import { landingFor } from '../domain/project-landing';
import { administersProjectForScreens } from './support/configuration-access';
import { NotFoundError } from './errors';
import type { Clock, ConfigurationReader, RightsCache, UserJira } from './ports';

/**
 * The project page's header: how many issues of the project are open, as Jira counts them for the caller,
 * whether the caller may see the SPOC configuration, and the subpage where the caller's work is (the page
 * opens there). A project the caller cannot see is refused.
 */
export interface GetProjectOverviewParams {
  readonly callerAccountId: string;
  readonly projectKey: string;
}

export interface GetProjectOverviewDeps {
  readonly config: ConfigurationReader;
  readonly user: UserJira;
  /** With both, the caller's rights are kept five minutes (support/kept-rights.ts). */
  readonly clock?: Clock;
  readonly rights?: RightsCache;
}

export const getProjectOverview = {
  async execute(params: GetProjectOverviewParams, deps: GetProjectOverviewDeps): Promise<ProjectOverview> {
    const [openIssues, head, isAdministrator] = await Promise.all([
      deps.user.openIssueCount(params.projectKey),
      deps.config.head(),
      administersProjectForScreens(params.callerAccountId, params.projectKey, deps),
    ]);
    if (openIssues === undefined) throw new NotFoundError(`You cannot see project ${params.projectKey}.`);
    const landing = landingFor({
      isSpoc: head.profileAccountIds.includes(params.callerAccountId),
      isProjectAdministrator: isAdministrator,
      isDelivery: head.settings.deliveryTeamAccountIds.includes(params.callerAccountId),
    });
    // The same rule configurationRights enforces on every configuration read.
    const canSeeConfiguration = landing.role !== null;
    return { projectKey: params.projectKey, openIssues, canSeeConfiguration, landing };
  },
};

import { configurationWarnings } from '../domain';
import type { ConfigurationView } from '../contract/project-page';
import { configurationRights, toDocument } from './support/configuration-access';
import type { AppJira, Clock, ConfigurationReader, RightsCache, UserJira } from './ports';

/**
 * The configuration for the project page's "Clients & SPOCs", "Availability" and "Policy" screens, with
 * whether the caller may change it, so the page offers only the edits the saves would accept.
 */
export const getConfiguration = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string },
    deps: {
      readonly config: ConfigurationReader;
      readonly user: UserJira;
      readonly jira: AppJira;
      /** With both, the caller's rights are kept five minutes (support/kept-rights.ts). */
      readonly clock?: Clock;
      readonly rights?: RightsCache;
    },
  ): Promise<ConfigurationView> {
    const { canEdit } = await configurationRights(params.callerAccountId, params.projectKey, deps);
    const [head, configuration] = await Promise.all([deps.config.head(), deps.config.all()]);
    const names: Record<string, string> = {
      ...head.names,
      ...Object.fromEntries(configuration.profiles.map((p) => [p.accountId, p.displayName])),
    };
    // Whoever saved last may be named nowhere in the configuration (an administrator who imported it).
    if (head.updatedBy && !(head.updatedBy in names)) {
      Object.assign(names, await deps.jira.userNames([head.updatedBy]));
    }
    return {
      version: head.version,
      updatedAt: head.updatedAt,
      updatedBy: head.updatedBy
        ? { accountId: head.updatedBy, displayName: names[head.updatedBy] ?? head.updatedBy }
        : null,
      document: toDocument(configuration, head.version),
      names,
      warnings: configurationWarnings(configuration),
      canEdit,
    };
  },
};

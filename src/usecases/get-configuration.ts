import { configurationWarnings } from '../domain';
import type { ConfigurationView } from '../contract/project-page';
import { requireConfigurationReader, toDocument } from './configuration-access';
import type { ConfigurationReader, UserJira } from './ports';

/** The configuration for the project page's "Clients & SPOCs", "Availability" and "Policy" screens. */
export const getConfiguration = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string },
    deps: { readonly config: ConfigurationReader; readonly user: UserJira },
  ): Promise<ConfigurationView> {
    await requireConfigurationReader(params.callerAccountId, params.projectKey, deps);
    const [head, configuration] = await Promise.all([deps.config.head(), deps.config.all()]);
    const names = {
      ...head.names,
      ...Object.fromEntries(configuration.profiles.map((p) => [p.accountId, p.displayName])),
    };
    return {
      version: head.version,
      updatedAt: head.updatedAt,
      updatedBy: head.updatedBy
        ? { accountId: head.updatedBy, displayName: names[head.updatedBy] ?? head.updatedBy }
        : null,
      document: toDocument(configuration, head.version),
      names,
      warnings: configurationWarnings(configuration),
    };
  },
};

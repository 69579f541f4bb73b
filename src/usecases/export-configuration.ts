import type { ConfigurationDocument } from '../contract/project-page';
import { requireProjectAdministrator, toDocument } from './support/configuration-access';
import type { ConfigurationReader, UserJira } from './ports';

/** The whole configuration as one JSON document, to keep, review or import elsewhere. */
export const exportConfiguration = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string },
    deps: { readonly config: ConfigurationReader; readonly user: UserJira },
  ): Promise<ConfigurationDocument> {
    await requireProjectAdministrator(deps.user, params.projectKey, 'export the SPOC configuration');
    const [head, configuration] = await Promise.all([deps.config.head(), deps.config.all()]);
    return toDocument(configuration, head.version);
  },
};

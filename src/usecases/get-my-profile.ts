import type { SpocProfileView } from '../contract/project-page';
import type { ConfigurationReader } from './ports';

/** The caller's own SPOC profile (null when they have none), with the version to save changes on top of. */
export const getMyProfile = {
  async execute(
    params: { readonly callerAccountId: string },
    deps: { readonly config: ConfigurationReader },
  ): Promise<SpocProfileView | null> {
    const head = await deps.config.head();
    const [profile] = await deps.config.profiles([params.callerAccountId]);
    return profile ? { version: head.version, profile } : null;
  },
};

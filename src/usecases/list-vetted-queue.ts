import type { QueueItem } from '../contract/project-page';
import { NotFoundError } from './errors';
import type { RightsCache } from './ports';
import { keptVisibleProject } from './support/kept-rights';
import { QUEUE_SIZE, visibleItems, type QueueDeps } from './support/queue-items';

/**
 * Vetted for delivery: the client issues of a project that their SPOC accepted for delivery. Whether the
 * caller may see the project is kept five minutes (support/kept-rights.ts); Jira's search, as the caller,
 * still says which of the issues they may see.
 */
export const listVettedQueue = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string },
    deps: QueueDeps & { readonly rights?: RightsCache },
  ): Promise<readonly QueueItem[]> {
    const version = deps.config.head().then((h) => h.version);
    const project = await keptVisibleProject(params.callerAccountId, params.projectKey, version, deps);
    if (!project)
      throw new NotFoundError(`Project ${params.projectKey} does not exist or you cannot see it.`);
    const entries = await deps.triage.inState(project.id, 'vetted', QUEUE_SIZE);
    return visibleItems(entries, deps);
  },
};

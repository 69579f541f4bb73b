import type { QueueItem } from '../contract/project-page';
import { NotFoundError } from './errors';
import { QUEUE_SIZE, visibleItems, type QueueDeps } from './support/queue-items';

/** Vetted for delivery: the client issues of a project that their SPOC accepted for delivery. */
export const listVettedQueue = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string },
    deps: QueueDeps,
  ): Promise<readonly QueueItem[]> {
    const project = await deps.user.project(params.projectKey);
    if (!project)
      throw new NotFoundError(`Project ${params.projectKey} does not exist or you cannot see it.`);
    const entries = await deps.triage.inState(project.id, 'vetted', QUEUE_SIZE);
    return visibleItems(entries, deps);
  },
};

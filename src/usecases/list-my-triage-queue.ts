import type { QueueItem } from '../contract/project-page';
import { QUEUE_SIZE, visibleItems, type QueueDeps } from './support/queue-items';

/** My triage queue: the caller's own client issues that still await them (not yet vetted). */
export const listMyTriageQueue = {
  async execute(
    params: { readonly callerAccountId: string },
    deps: QueueDeps,
  ): Promise<readonly QueueItem[]> {
    const entries = await deps.triage.openFor(params.callerAccountId, QUEUE_SIZE);
    return visibleItems(entries, deps);
  },
};

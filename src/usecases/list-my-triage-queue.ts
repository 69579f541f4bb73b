import type { QueueItem } from '../contract/project-page';
import { mostUrgentFirst, QUEUE_SIZE, visibleItems, type QueueDeps } from './support/queue-items';

/**
 * My triage queue: the caller's own client issues that still await them (not yet vetted), breached and at
 * risk first, so the SPOC sees what to do next.
 */
export const listMyTriageQueue = {
  async execute(
    params: { readonly callerAccountId: string },
    deps: QueueDeps,
  ): Promise<readonly QueueItem[]> {
    const entries = await deps.triage.openFor(params.callerAccountId, QUEUE_SIZE);
    return mostUrgentFirst(await visibleItems(entries, deps));
  },
};

import { activeOutOfOffice, type TriageRecord } from '../domain';
import type { HandedOverIssues } from '../contract/project-page';
import { QUEUE_SIZE, visibleItems, type QueueDeps } from './support/queue-items';

/**
 * What the app handed over from the caller while they were out of office and is still open, with whoever
 * holds each issue now: shown on "My triage queue" when they are back, to take back in one action or one by
 * one. Nothing comes back on its own: the SPOC chooses.
 */
export const listHandedOverIssues = {
  async execute(params: { readonly callerAccountId: string }, deps: QueueDeps): Promise<HandedOverIssues> {
    const now = deps.clock.now();
    const [entries, [profile]] = await Promise.all([
      deps.triage.handedOverFrom(params.callerAccountId, QUEUE_SIZE),
      deps.config.profiles([params.callerAccountId]),
    ]);
    const records = new Map(entries.map((e) => [e.issueId, e.record]));
    const items = await visibleItems(entries, deps);
    const away = profile ? activeOutOfOffice(profile, now.getTime()) : null;
    return {
      items: items.map((item) => ({
        ...item,
        handedOverAt: handedOverAt(records.get(item.issueId) as TriageRecord),
      })),
      awayUntil: away ? new Date(away.until).toISOString() : null,
    };
  },
};

/** The latest handover the bounded history still keeps. */
const handedOverAt = (record: TriageRecord): string | null =>
  record.history.findLast((h) => h.event === 'hand-over')?.at ?? null;

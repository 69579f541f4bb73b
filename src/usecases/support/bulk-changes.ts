import type { BulkIssueResult, BulkOutcome } from '../../contract/project-page';
import { TriageConflictError } from '../errors';
import { sendOutbox, type OutboxDeps } from './send-outbox';
import { sendLeaseUntil, type StoredTriageEntry, type TriageEntry } from './triage-entry';

/**
 * A change made to many issues at once (a SPOC taking back what was handed over, an offboarding): every
 * issue's change is stored first with the Jira writes it needs, each by compare-and-set on its record, and
 * then as many as fit are sent. What is not sent now waits in the issues' outboxes, which the sweep's
 * owed-writes slice finishes, so a long list neither runs out the invocation's time nor loses a write.
 */
export interface BulkChange {
  /** The entry as read, for the compare-and-set. */
  readonly stored: StoredTriageEntry;
  /** The entry with its new record and the writes it owes. */
  readonly next: TriageEntry;
  /** What to tell the person once its writes are in Jira. */
  readonly done: string;
}

export interface BulkSendOptions {
  /** Milliseconds the invocation has left; no new issue is sent below `reserveMs`. */
  readonly timeLeftMs?: () => number;
  readonly reserveMs?: number;
  /** At most this many issues' writes are sent now (each is a few Jira calls); the sweep sends the rest. */
  readonly sendAtMost?: number;
}

/** Issues sent side by side: enough to be quick, few enough to stay far from Jira's burst limits. */
const SENT_TOGETHER = 3;
export const SEND_AT_MOST = 20;

export const pendingMessage = 'Saved; Jira is being updated and the app finishes it within a few minutes.';

const result = (change: BulkChange, outcome: BulkOutcome, message: string): BulkIssueResult => ({
  issueId: change.next.issueId,
  issueKey: change.next.issueKey,
  outcome,
  message,
});

export async function storeThenSend(
  changes: readonly BulkChange[],
  deps: OutboxDeps,
  options: BulkSendOptions = {},
): Promise<readonly BulkIssueResult[]> {
  const now = deps.clock.now();
  const sendAtMost = options.sendAtMost ?? SEND_AT_MOST;
  const reserve = options.reserveMs ?? 5_000;
  const hasTime = () => (options.timeLeftMs ? options.timeLeftMs() > reserve : true);

  // Those sent now carry a lease, so the sweep leaves their writes alone meanwhile (no comment twice).
  const stored = await Promise.all(
    changes.map(async (change, i) => {
      const next = i < sendAtMost ? { ...change.next, sendingUntil: sendLeaseUntil(now) } : change.next;
      try {
        const revision = await deps.triage.update(next, change.stored.revision, now);
        return { change, entry: { entry: next, revision } as StoredTriageEntry };
      } catch (error) {
        if (error instanceof TriageConflictError) return { change, entry: null };
        throw error;
      }
    }),
  );

  const results = new Map<BulkChange, BulkIssueResult>();
  const toSend: Array<{ change: BulkChange; entry: StoredTriageEntry }> = [];
  stored.forEach(({ change, entry }, i) => {
    if (entry === null) {
      results.set(
        change,
        result(
          change,
          'conflict',
          `Someone acted on ${change.next.issueKey} at the same moment; nothing of theirs was overwritten and this issue was left as it is.`,
        ),
      );
    } else if (i < sendAtMost) toSend.push({ change, entry });
    else results.set(change, result(change, 'writes-pending', pendingMessage));
  });

  let stopped = false;
  const sendNext = async (): Promise<void> => {
    for (let item = toSend.shift(); item; item = toSend.shift()) {
      const { change, entry } = item;
      if (stopped || !hasTime()) {
        stopped = true;
        results.set(change, result(change, 'writes-pending', pendingMessage));
        continue;
      }
      try {
        const sent = await sendOutbox(entry, deps, { holdsLease: true });
        results.set(
          change,
          sent.entry.outbox.length === 0
            ? result(change, 'done', change.done)
            : result(change, 'writes-pending', pendingMessage),
        );
      } catch {
        // The change is stored and its writes are owed: Jira asked to wait, or failed; the sweep goes on.
        stopped = true;
        results.set(change, result(change, 'writes-pending', pendingMessage));
      }
    }
  };
  await Promise.all(Array.from({ length: SENT_TOGETHER }, sendNext));
  return changes.map((change) => results.get(change) as BulkIssueResult);
}

/** One sentence over the results: how many went through, and what is left to look at. */
export function summarize(
  results: readonly BulkIssueResult[],
  words: { readonly verb: string; readonly none: string },
): string {
  if (results.length === 0) return words.none;
  const count = (outcomes: readonly BulkOutcome[]) =>
    results.filter((r) => outcomes.includes(r.outcome)).length;
  const through = count(['done', 'writes-pending']);
  const pending = count(['writes-pending']);
  const issues = (n: number) => `${n} ${n === 1 ? 'issue' : 'issues'}`;
  const head =
    through === results.length
      ? `${words.verb}: ${issues(through)}.`
      : through === 0
        ? `Nothing was ${words.verb.toLowerCase()}; see each issue below.`
        : `${words.verb}: ${through} of ${issues(results.length)}; see the others below.`;
  return pending > 0
    ? `${head} Jira is still being updated for ${issues(pending)}; the app finishes it within a few minutes.`
    : head;
}

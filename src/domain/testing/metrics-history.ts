import type { SatisfactionRating } from '../metrics';
import {
  applyTriageAction,
  newTriageRecord,
  recordEscalationStep,
  type TriageActionInput,
  type TriageRecord,
} from '../triage-record';
import type { LadderStepKind } from '../policy';

/**
 * A seeded fortnight for the metrics tests, in London, across the start of British Summer Time (Sunday
 * 30 March 2025, 01:00 UTC). Every figure the tests expect is worked out by hand from these moments.
 *
 * - A (Acme, Priya): routed Mon 24 Mar 09:00Z; asks the client at 09:30 (first response 30 min); the client
 *   answers at 10:00; Priya accepts at 11:00 (vetting 120 min); resolved Wed 26 Mar 09:00Z (2,880 min);
 *   rated 5 on Thu 27 Mar.
 * - B (Acme, Priya then Chloe): routed Sun 30 Mar 23:30Z, which is Mon 31 Mar 00:30 in London (second week,
 *   though the first week in UTC); due 12:00Z; warned at 10:00Z (level 1, not late); moved to Chloe at
 *   12:30Z (level 2, a breach, both against Priya); Chloe accepts at 13:30Z (response and vetting 840 min);
 *   delivery returns it on 1 Apr 09:00Z (a bounce-back); Chloe accepts again at 10:00Z; rated 4 on 2 Apr.
 * - C (Globex, Tom): routed Tue 25 Mar 14:00Z; rejected at 14:10Z (first response 10 min); rated 2.
 * - D (Globex, Tom): routed Wed 2 Apr 08:00Z, due 12:00Z, still unanswered at "now" (3 Apr 00:00Z): a breach.
 * - E (Acme, Priya): routed Thu 20 Mar 09:00Z (before the period); accepted Tue 25 Mar 09:00Z (first response
 *   and vetting 7,200 min, counted in the period because that is when they became known).
 */
type Step =
  | { readonly at: string; readonly by: string | null; readonly action: TriageActionInput }
  | { readonly at: string; readonly ladder: LadderStepKind; readonly moveTo?: string };

function build(
  start: { clientId: string; spoc: string; routedAt: string; dueAt: string },
  steps: readonly Step[],
): TriageRecord {
  let record = newTriageRecord({
    clientId: start.clientId,
    spocAccountId: start.spoc,
    routedAt: start.routedAt,
    dueAt: start.dueAt,
    reason: 'Routed.',
  });
  for (const step of steps) {
    if ('ladder' in step) {
      const outcome = recordEscalationStep(record, step.ladder, { at: step.at, moveTo: step.moveTo });
      if (!outcome.recorded) throw new Error(outcome.reason);
      record = outcome.record;
    } else {
      const outcome = applyTriageAction(record, step.action, { by: step.by, at: step.at });
      if (!outcome.ok) throw new Error(outcome.refusal);
      record = outcome.record;
    }
  }
  return record;
}

export const FORTNIGHT = {
  fromMs: Date.parse('2025-03-24T00:00:00Z'),
  // Monday 7 April 00:00 in London (BST).
  toMs: Date.parse('2025-04-06T23:00:00Z'),
};
export const FORTNIGHT_NOW_MS = Date.parse('2025-04-03T00:00:00Z');

export const seededIssues = () => [
  {
    issueKey: 'SUP-1',
    resolvedAt: '2025-03-26T09:00:00Z',
    record: build(
      { clientId: 'acme', spoc: 'priya', routedAt: '2025-03-24T09:00:00Z', dueAt: '2025-03-24T13:00:00Z' },
      [
        { at: '2025-03-24T09:30:00Z', by: 'priya', action: { type: 'request-info', note: 'Which browser?' } },
        {
          at: '2025-03-24T10:00:00Z',
          by: null,
          action: { type: 'client-replied', dueAt: '2025-03-24T14:00:00Z' },
        },
        { at: '2025-03-24T11:00:00Z', by: 'priya', action: { type: 'accept-for-delivery' } },
      ],
    ),
  },
  {
    issueKey: 'SUP-2',
    resolvedAt: null,
    record: build(
      { clientId: 'acme', spoc: 'priya', routedAt: '2025-03-30T23:30:00Z', dueAt: '2025-03-31T12:00:00Z' },
      [
        { at: '2025-03-31T10:00:00Z', ladder: 'warn-spoc' },
        { at: '2025-03-31T12:30:00Z', ladder: 'move-to-next-backup', moveTo: 'chloe' },
        { at: '2025-03-31T13:30:00Z', by: 'chloe', action: { type: 'accept-for-delivery' } },
        {
          at: '2025-04-01T09:00:00Z',
          by: 'dev',
          action: { type: 'return-to-spoc', note: 'Steps unclear', dueAt: '2025-04-01T13:00:00Z' },
        },
        { at: '2025-04-01T10:00:00Z', by: 'chloe', action: { type: 'accept-for-delivery' } },
      ],
    ),
  },
  {
    issueKey: 'SUP-3',
    resolvedAt: null,
    record: build(
      { clientId: 'globex', spoc: 'tom', routedAt: '2025-03-25T14:00:00Z', dueAt: '2025-03-25T18:00:00Z' },
      [{ at: '2025-03-25T14:10:00Z', by: 'tom', action: { type: 'reject', note: 'Not ours' } }],
    ),
  },
  {
    issueKey: 'SUP-4',
    resolvedAt: null,
    record: build(
      { clientId: 'globex', spoc: 'tom', routedAt: '2025-04-02T08:00:00Z', dueAt: '2025-04-02T12:00:00Z' },
      [],
    ),
  },
  {
    issueKey: 'SUP-5',
    resolvedAt: null,
    record: build(
      { clientId: 'acme', spoc: 'priya', routedAt: '2025-03-20T09:00:00Z', dueAt: '2025-03-20T13:00:00Z' },
      [{ at: '2025-03-25T09:00:00Z', by: 'priya', action: { type: 'accept-for-delivery' } }],
    ),
  },
];

export const seededRatings: readonly SatisfactionRating[] = [
  { issueKey: 'SUP-1', rating: 5, ratedAt: '2025-03-27T10:00:00Z' },
  { issueKey: 'SUP-2', rating: 4, ratedAt: '2025-04-02T10:00:00Z' },
  { issueKey: 'SUP-3', rating: 2, ratedAt: '2025-03-27T12:00:00Z' },
];

import {
  applyTriageAction,
  newTriageRecord,
  type TriageActionInput,
  type TriageRecord,
} from '../triage-record';

/** Acme's issue routed to Priya on Mon 9 Jun 2025 at 09:00Z, response due at 13:00Z. */
export const aTriageRecord = (overrides: Partial<TriageRecord> = {}): TriageRecord => ({
  ...newTriageRecord({
    clientId: 'acme',
    spocAccountId: 'acc-priya',
    routedAt: '2025-06-09T09:00:00Z',
    dueAt: '2025-06-09T13:00:00Z',
    reason: 'Routed to Priya Shah (primary).',
  }),
  ...overrides,
});

/** Applies actions in turn, one minute apart, failing loudly on a refusal. */
export function afterActions(
  record: TriageRecord,
  actions: readonly TriageActionInput[],
  by: string | null = 'acc-priya',
): TriageRecord {
  let current = record;
  let minute = Date.parse(record.routedAt);
  for (const action of actions) {
    minute += 60_000;
    const outcome = applyTriageAction(current, action, { by, at: new Date(minute) });
    if (!outcome.ok) throw new Error(`Unexpected refusal of ${action.type}: ${outcome.refusal}`);
    current = outcome.record;
  }
  return current;
}

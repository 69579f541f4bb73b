/**
 * The vetting gate. A client issue waits for its SPOC, who asks the client for information, accepts it for
 * delivery, rejects it or marks it a duplicate; delivery can send a vetted issue back ("returned", a
 * bounce-back). A rejected or duplicate issue can be reopened (the SPOC's undo, or the client answering a
 * rejection): it waits for its SPOC again. Reassigning, escalating, taking over, acknowledging an escalation, the app's handover while
 * a SPOC is away and their taking the issue back change who owns the issue, not its state.
 */
export const TRIAGE_STATES = [
  'awaiting-spoc',
  'info-requested',
  'vetted',
  'rejected',
  'duplicate',
  'returned',
] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export const TRIAGE_ACTIONS = [
  'accept-for-delivery',
  'request-info',
  'client-replied',
  'reject',
  'mark-duplicate',
  'return-to-spoc',
  'reassign',
  'escalate',
  'take-over',
  'acknowledge',
  'hand-over',
  'take-back',
  'reopen',
] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

const STATE_LABELS: Readonly<Record<TriageState, string>> = {
  'awaiting-spoc': 'waiting for its SPOC',
  'info-requested': 'waiting for information from the client',
  vetted: 'vetted for delivery',
  rejected: 'rejected',
  duplicate: 'marked as a duplicate',
  returned: 'returned to its SPOC by delivery',
};

const ACTION_LABELS: Readonly<Record<TriageAction, string>> = {
  'accept-for-delivery': 'accept for delivery',
  'request-info': 'ask the client for information',
  'client-replied': 'record the client’s reply',
  reject: 'reject',
  'mark-duplicate': 'mark as duplicate',
  'return-to-spoc': 'return to SPOC',
  reassign: 'reassign',
  escalate: 'escalate',
  'take-over': 'take over',
  acknowledge: 'acknowledge the escalation',
  'hand-over': 'hand over',
  'take-back': 'take back',
  reopen: 'reopen',
};

export const describeTriageState = (state: TriageState): string => STATE_LABELS[state];
export const describeTriageAction = (action: TriageAction): string => ACTION_LABELS[action];

/** States in which the SPOC still owes a decision: the issue is not yet with delivery. */
const UNVETTED: readonly TriageState[] = ['awaiting-spoc', 'info-requested', 'returned'];
/** States in which the SPOC's response clock runs (the client is not the one being waited for). */
const WAITING_ON_SPOC: readonly TriageState[] = ['awaiting-spoc', 'returned'];

export const isUnvetted = (state: TriageState): boolean => UNVETTED.includes(state);
export const isWaitingOnSpoc = (state: TriageState): boolean => WAITING_ON_SPOC.includes(state);
export const isClosedInTriage = (state: TriageState): boolean =>
  state === 'rejected' || state === 'duplicate';

const TRANSITIONS: Readonly<
  Record<TriageAction, { from: readonly TriageState[]; to: TriageState | 'unchanged' }>
> = {
  'accept-for-delivery': { from: UNVETTED, to: 'vetted' },
  'request-info': { from: WAITING_ON_SPOC, to: 'info-requested' },
  // A client who answers a rejection brings the issue back to its SPOC, as one who answers a question does.
  'client-replied': { from: ['info-requested', 'rejected'], to: 'awaiting-spoc' },
  reject: { from: UNVETTED, to: 'rejected' },
  'mark-duplicate': { from: UNVETTED, to: 'duplicate' },
  'return-to-spoc': { from: ['vetted'], to: 'returned' },
  reassign: { from: UNVETTED, to: 'unchanged' },
  escalate: { from: UNVETTED, to: 'unchanged' },
  'take-over': { from: UNVETTED, to: 'unchanged' },
  acknowledge: { from: UNVETTED, to: 'unchanged' },
  'hand-over': { from: UNVETTED, to: 'unchanged' },
  'take-back': { from: UNVETTED, to: 'unchanged' },
  reopen: { from: ['rejected', 'duplicate'], to: 'awaiting-spoc' },
};

export type TriageTransition =
  { readonly ok: true; readonly to: TriageState } | { readonly ok: false; readonly refusal: string };

/** Actions that make sense now, in the order a panel would offer them. */
export function allowedTriageActions(state: TriageState): readonly TriageAction[] {
  return TRIAGE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(state));
}

export function triageTransition(state: TriageState, action: TriageAction): TriageTransition {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(state)) return { ok: true, to: rule.to === 'unchanged' ? state : rule.to };
  const allowed = allowedTriageActions(state);
  const now =
    allowed.length === 0
      ? 'Nothing more can be done with it in triage.'
      : `What can be done now: ${allowed.map(describeTriageAction).join(', ')}.`;
  return {
    ok: false,
    refusal: `You cannot ${describeTriageAction(action)} this issue: it is ${describeTriageState(state)}. ${now}`,
  };
}

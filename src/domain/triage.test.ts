import {
  allowedTriageActions,
  isUnvetted,
  isWaitingOnSpoc,
  TRIAGE_ACTIONS,
  TRIAGE_STATES,
  triageTransition,
  type TriageAction,
  type TriageState,
} from './triage';

describe('triage state machine', () => {
  // Every legal move, spelled out; every other (state, action) pair must be refused.
  const legal: ReadonlyArray<[TriageState, TriageAction, TriageState]> = [
    ['awaiting-spoc', 'accept-for-delivery', 'vetted'],
    ['awaiting-spoc', 'request-info', 'info-requested'],
    ['awaiting-spoc', 'reject', 'rejected'],
    ['awaiting-spoc', 'mark-duplicate', 'duplicate'],
    ['awaiting-spoc', 'reassign', 'awaiting-spoc'],
    ['awaiting-spoc', 'escalate', 'awaiting-spoc'],
    ['awaiting-spoc', 'take-over', 'awaiting-spoc'],
    ['info-requested', 'client-replied', 'awaiting-spoc'],
    ['info-requested', 'accept-for-delivery', 'vetted'],
    ['info-requested', 'reject', 'rejected'],
    ['info-requested', 'mark-duplicate', 'duplicate'],
    ['info-requested', 'reassign', 'info-requested'],
    ['info-requested', 'escalate', 'info-requested'],
    ['info-requested', 'take-over', 'info-requested'],
    ['vetted', 'return-to-spoc', 'returned'],
    ['returned', 'accept-for-delivery', 'vetted'],
    ['returned', 'request-info', 'info-requested'],
    ['returned', 'reject', 'rejected'],
    ['returned', 'mark-duplicate', 'duplicate'],
    ['returned', 'reassign', 'returned'],
    ['returned', 'escalate', 'returned'],
    ['returned', 'take-over', 'returned'],
    // The SPOC's undo, and the client answering a rejection: back with the SPOC.
    ['rejected', 'reopen', 'awaiting-spoc'],
    ['duplicate', 'reopen', 'awaiting-spoc'],
    ['rejected', 'client-replied', 'awaiting-spoc'],
    // Who owns an unvetted issue changes; its state does not.
    ...(['awaiting-spoc', 'info-requested', 'returned'] as const).flatMap((state) =>
      (['acknowledge', 'hand-over', 'take-back'] as const).map(
        (action): [TriageState, TriageAction, TriageState] => [state, action, state],
      ),
    ),
  ];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(triageTransition(from, action)).toEqual({ ok: true, to });
  });

  it('refuses every other move', () => {
    const legalKeys = new Set(legal.map(([from, action]) => `${from}/${action}`));
    let refused = 0;
    for (const state of TRIAGE_STATES) {
      for (const action of TRIAGE_ACTIONS) {
        if (legalKeys.has(`${state}/${action}`)) continue;
        const result = triageTransition(state, action);
        expect(result.ok).toBe(false);
        refused += 1;
      }
    }
    expect(refused).toBe(TRIAGE_STATES.length * TRIAGE_ACTIONS.length - legal.length);
  });

  it('explains a refusal and says what can be done instead', () => {
    expect(triageTransition('vetted', 'reject')).toEqual({
      ok: false,
      refusal:
        'You cannot reject this issue: it is vetted for delivery. What can be done now: return to SPOC.',
    });
    expect(triageTransition('awaiting-spoc', 'client-replied')).toMatchObject({
      ok: false,
      refusal: expect.stringContaining(
        'it is waiting for its SPOC. What can be done now: accept for delivery,',
      ),
    });
  });

  it('says a rejected or duplicate issue can only be reopened', () => {
    expect(allowedTriageActions('rejected')).toEqual(['client-replied', 'reopen']);
    expect(allowedTriageActions('duplicate')).toEqual(['reopen']);
    const result = triageTransition('duplicate', 'accept-for-delivery');
    expect(result.ok ? '' : result.refusal).toMatch(/What can be done now: reopen\.$/);
  });

  it('knows when the SPOC owes a decision and when their clock runs', () => {
    expect(TRIAGE_STATES.filter(isUnvetted)).toEqual(['awaiting-spoc', 'info-requested', 'returned']);
    expect(TRIAGE_STATES.filter(isWaitingOnSpoc)).toEqual(['awaiting-spoc', 'returned']);
  });
});

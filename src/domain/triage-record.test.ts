import { afterActions, aTriageRecord } from './testing/triage-builders';
import {
  applyTriageAction,
  boundNote,
  MAX_HISTORY_LIMIT,
  MAX_NOTE_LENGTH,
  newTriageRecord,
  recordEscalationStep,
  TRIAGE_RECORD_MAX_BYTES,
  triageRecordBytes,
  type TriageRecord,
} from './triage-record';

const at = '2025-06-09T10:00:00Z';
const names = { 'acc-priya': 'Priya Shah', 'acc-tom': 'Tom Berg', 'acc-dev': 'Dee Veloper' };

describe('a new triage record', () => {
  it('starts awaiting the SPOC with the response clock running', () => {
    const record = aTriageRecord();
    expect(record).toMatchObject({
      schemaVersion: 1,
      state: 'awaiting-spoc',
      spocAccountId: 'acc-priya',
      routedAt: '2025-06-09T09:00:00.000Z',
      clockStartedAt: '2025-06-09T09:00:00.000Z',
      dueAt: '2025-06-09T13:00:00.000Z',
      escalationLevel: 0,
      droppedHistoryEntries: 0,
    });
    expect(record.history).toEqual([
      {
        at: '2025-06-09T09:00:00.000Z',
        event: 'routed',
        by: null,
        from: null,
        to: 'awaiting-spoc',
        spoc: 'acc-priya',
        note: 'Routed to Priya Shah (primary).',
      },
    ]);
  });

  it('records an unrouted issue with no SPOC and no clock', () => {
    const record = newTriageRecord({
      clientId: 'acme',
      spocAccountId: null,
      routedAt: at,
      dueAt: null,
      reason: 'Nobody eligible.',
    });
    expect(record).toMatchObject({ spocAccountId: null, dueAt: null, clockStartedAt: null });
    expect(record.history[0]?.event).toBe('unrouted');
  });
});

describe('applyTriageAction', () => {
  it('accepting vets the issue, stops the clock and marks the first response', () => {
    const outcome = applyTriageAction(
      aTriageRecord(),
      { type: 'accept-for-delivery' },
      { by: 'acc-priya', at, names },
    );
    expect(outcome).toMatchObject({
      ok: true,
      summary: 'Priya Shah accepted the issue for delivery.',
      record: {
        state: 'vetted',
        vettedAt: '2025-06-09T10:00:00.000Z',
        firstResponseAt: '2025-06-09T10:00:00.000Z',
        dueAt: null,
        clockStartedAt: null,
      },
    });
  });

  it('asking for information pauses the clock; the reply restarts it with a new due time', () => {
    const asked = afterActions(aTriageRecord(), [{ type: 'request-info', note: 'Which browser?' }]);
    expect(asked).toMatchObject({ state: 'info-requested', dueAt: null, clockStartedAt: null });
    expect(asked.firstResponseAt).toBe('2025-06-09T09:01:00.000Z');
    const replied = applyTriageAction(
      asked,
      { type: 'client-replied', dueAt: '2025-06-10T09:00:00Z' },
      { by: 'acc-client', at: '2025-06-09T15:00:00Z' },
    );
    expect(replied).toMatchObject({
      ok: true,
      record: {
        state: 'awaiting-spoc',
        clockStartedAt: '2025-06-09T15:00:00.000Z',
        dueAt: '2025-06-10T09:00:00.000Z',
        // The first response stays the first.
        firstResponseAt: '2025-06-09T09:01:00.000Z',
      },
    });
  });

  it('delivery returning a vetted issue counts a bounce-back and restarts the SPOC clock', () => {
    const vetted = afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]);
    const outcome = applyTriageAction(
      vetted,
      { type: 'return-to-spoc', note: 'No steps to reproduce.', dueAt: '2025-06-09T16:00:00Z' },
      { by: 'acc-dev', at: '2025-06-09T12:00:00Z', names },
    );
    expect(outcome).toMatchObject({
      ok: true,
      summary: 'Dee Veloper returned the issue to its SPOC.',
      record: {
        state: 'returned',
        bounceBacks: 1,
        dueAt: '2025-06-09T16:00:00.000Z',
        vettedAt: vetted.vettedAt,
      },
    });
  });

  it('reassigning and taking over change the SPOC but not the state', () => {
    const reassigned = applyTriageAction(
      aTriageRecord(),
      { type: 'reassign', toAccountId: 'acc-tom', dueAt: '2025-06-09T15:00:00Z' },
      { by: 'acc-maria', at, names },
    );
    expect(reassigned).toMatchObject({
      ok: true,
      record: { state: 'awaiting-spoc', spocAccountId: 'acc-tom', dueAt: '2025-06-09T15:00:00.000Z' },
    });
    const tookOver = applyTriageAction(aTriageRecord(), { type: 'take-over' }, { by: 'acc-tom', at, names });
    expect(tookOver).toMatchObject({
      ok: true,
      summary: 'Tom Berg took over the issue from Priya Shah.',
      // No new due time given: the clock keeps running as it was.
      record: { spocAccountId: 'acc-tom', dueAt: '2025-06-09T13:00:00.000Z' },
    });
  });

  it('starts the new SPOC’s clock when they can start, never before the reassignment or after the due time', () => {
    const reassign = (clockStartsAt: string, dueAt = '2025-06-11T13:00:00Z') =>
      applyTriageAction(
        aTriageRecord(),
        { type: 'reassign', toAccountId: 'acc-tom', dueAt, clockStartsAt },
        { by: 'acc-maria', at, names },
      );
    expect(reassign('2025-06-11T09:00:00Z')).toMatchObject({
      ok: true,
      record: { clockStartedAt: '2025-06-11T09:00:00.000Z', dueAt: '2025-06-11T13:00:00.000Z' },
    });
    expect(reassign('2025-06-09T09:00:00Z')).toEqual({
      ok: false,
      refusal: 'A response clock cannot start before the action that starts it.',
    });
    expect(reassign('2025-06-12T09:00:00Z')).toEqual({
      ok: false,
      refusal: 'A response cannot be due before its clock starts.',
    });
  });

  it('escalating joins the ladder: the manager is told at once (level 3), and each escalation raises it', () => {
    const once = afterActions(aTriageRecord(), [{ type: 'escalate' }]);
    expect(once.escalationLevel).toBe(3);
    expect(once.escalationSteps).toEqual([
      { step: 'notify-escalation-manager', dueAt: once.dueAt, at: expect.any(String) },
    ]);
    const twice = afterActions(once, [{ type: 'escalate' }]);
    expect(twice.escalationLevel).toBe(4);
    // The step is taken once per response clock, however often people escalate.
    expect(twice.escalationSteps).toHaveLength(1);
    expect(twice.state).toBe('awaiting-spoc');
  });

  it.each<[string, TriageRecord, Parameters<typeof applyTriageAction>[1], string | null, string]>([
    [
      'rejecting a vetted issue',
      afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]),
      { type: 'reject', note: 'no' },
      'acc-priya',
      'You cannot reject this issue: it is vetted for delivery. What can be done now: return to SPOC.',
    ],
    [
      'rejecting without a reason',
      aTriageRecord(),
      { type: 'reject', note: '  ' },
      'acc-priya',
      'Say why the issue is rejected; the client will read it.',
    ],
    [
      'returning without saying what is unclear',
      afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]),
      { type: 'return-to-spoc', note: '', dueAt: null },
      'acc-dev',
      'Say what is unclear, so the SPOC can put it right.',
    ],
    [
      'a duplicate of something that is not an issue key',
      aTriageRecord(),
      { type: 'mark-duplicate', duplicateOf: 'the other one' },
      'acc-priya',
      '"the other one" is not an issue key such as SUP-12.',
    ],
    [
      'reassigning to the current SPOC',
      aTriageRecord(),
      { type: 'reassign', toAccountId: 'acc-priya' },
      'acc-maria',
      'Priya Shah is already the SPOC of this issue.',
    ],
    [
      'the SPOC taking over from themselves',
      aTriageRecord(),
      { type: 'take-over' },
      'acc-priya',
      'Priya Shah is already the SPOC of this issue.',
    ],
    [
      'vetting an issue nobody was routed',
      aTriageRecord({ spocAccountId: null }),
      { type: 'accept-for-delivery' },
      'acc-maria',
      'Nobody is the SPOC of this issue yet; reassign it or take it over first.',
    ],
    [
      'a due time before the action',
      afterActions(aTriageRecord(), [{ type: 'request-info' }]),
      { type: 'client-replied', dueAt: '2025-06-09T09:59:00Z' },
      'acc-client',
      'A response cannot be due before the action that starts its clock.',
    ],
  ])('refuses %s, and says why', (_name, record, action, by, refusal) => {
    expect(applyTriageAction(record, action, { by, at, names })).toEqual({ ok: false, refusal });
  });

  it('lets a manager take over an unrouted issue and then vet it', () => {
    const unrouted = newTriageRecord({
      clientId: 'acme',
      spocAccountId: null,
      routedAt: at,
      dueAt: null,
      reason: 'x',
    });
    const taken = afterActions(
      unrouted,
      [{ type: 'take-over' }, { type: 'accept-for-delivery' }],
      'acc-maria',
    );
    expect(taken).toMatchObject({ spocAccountId: 'acc-maria', state: 'vetted' });
  });
});

describe('bounded history', () => {
  it('keeps the newest entries up to the limit and counts the dropped ones', () => {
    let record = aTriageRecord();
    for (let i = 0; i < 30; i += 1) {
      record = afterActions(record, [{ type: 'escalate', note: `escalation ${i}` }]);
    }
    expect(record.history).toHaveLength(20);
    expect(record.droppedHistoryEntries).toBe(11);
    expect(record.history[19]?.note).toBe('escalation 29');
    expect(record.history[0]?.note).toBe('escalation 10');
  });

  it('honours a smaller limit from the policy', () => {
    let record = aTriageRecord();
    for (let i = 0; i < 10; i += 1) {
      const outcome = applyTriageAction(record, { type: 'escalate' }, { by: 'x', at, historyLimit: 5 });
      if (!outcome.ok) throw new Error(outcome.refusal);
      record = outcome.record;
    }
    expect(record.history).toHaveLength(5);
    expect(record.droppedHistoryEntries).toBe(6);
  });

  it('stays under the byte budget, far below 32 KB, with a long history of the largest possible entries', () => {
    const longId = 'x'.repeat(128);
    // Three bytes a character in UTF-8, quotes that JSON escapes, control characters that would escape to six.
    const heavyNote = '界"\u0001'.repeat(200);
    let record = aTriageRecord({ clientId: 'c'.repeat(64), spocAccountId: longId });
    for (let i = 0; i < 500; i += 1) {
      const outcome = applyTriageAction(
        record,
        i % 2 === 0
          ? { type: 'reassign', toAccountId: `${i}`.padEnd(128, 'y'), note: heavyNote }
          : { type: 'escalate', note: heavyNote },
        { by: longId, at: new Date(Date.parse(at) + i * 60_000), historyLimit: MAX_HISTORY_LIMIT },
      );
      if (!outcome.ok) throw new Error(outcome.refusal);
      record = outcome.record;
    }
    const bytes = triageRecordBytes(record);
    expect(bytes).toBeLessThanOrEqual(TRIAGE_RECORD_MAX_BYTES);
    expect(bytes).toBeLessThan((32 * 1024) / 2);
    expect(record.history.length + record.droppedHistoryEntries).toBe(501);
    expect(record.history.length).toBeGreaterThan(10);
  });

  it('drops more of the oldest entries when the rest of the record is large, to hold the byte budget', () => {
    let record = aTriageRecord({ clientId: 'c'.repeat(12_000) });
    for (let i = 0; i < 30; i += 1) {
      record = afterActions(record, [{ type: 'escalate', note: 'n'.repeat(MAX_NOTE_LENGTH) }]);
    }
    expect(triageRecordBytes(record)).toBeLessThanOrEqual(TRIAGE_RECORD_MAX_BYTES);
    expect(record.history.length).toBeLessThan(20);
    expect(record.history.length + record.droppedHistoryEntries).toBe(31);
  });

  it('shortens notes and strips control characters', () => {
    expect(boundNote('line one\n\tline two')).toBe('line one line two');
    const long = boundNote('a'.repeat(500));
    expect(long).toHaveLength(MAX_NOTE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('escalation steps', () => {
  it('records each step once per response clock, raising the level', () => {
    const first = recordEscalationStep(aTriageRecord(), 'warn-spoc', { at });
    expect(first.recorded).toBe(true);
    expect(first.record.escalationLevel).toBe(1);
    const again = recordEscalationStep(first.record, 'warn-spoc', { at: '2025-06-09T10:05:00Z' });
    expect(again).toEqual({
      recorded: false,
      record: first.record,
      reason: 'This escalation step was already taken for the current response.',
    });
    const moved = recordEscalationStep(first.record, 'move-to-next-backup', { at });
    expect(moved.record.escalationLevel).toBe(2);
    expect(moved.record.escalationSteps.map((s) => s.step)).toEqual(['warn-spoc', 'move-to-next-backup']);
  });

  it('allows the step again once a new response clock starts', () => {
    const warned = recordEscalationStep(aTriageRecord(), 'warn-spoc', { at }).record;
    const restarted = afterActions(warned, [
      { type: 'request-info' },
      { type: 'client-replied', dueAt: '2025-06-10T09:00:00Z' },
    ]);
    expect(recordEscalationStep(restarted, 'warn-spoc', { at: '2025-06-10T08:00:00Z' }).recorded).toBe(true);
  });

  it('has nothing to escalate when no response is due', () => {
    const vetted = afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]);
    expect(recordEscalationStep(vetted, 'warn-spoc', { at }).recorded).toBe(false);
  });
});

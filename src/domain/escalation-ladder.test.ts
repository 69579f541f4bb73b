import { checkEscalation, responseDueAt } from './escalation';
import { DEFAULT_POLICY } from './policy';
import { officeHours } from './testing/calendar-builders';
import { afterActions, aTriageRecord } from './testing/triage-builders';
import { readTriageRecord } from './triage-record-reader';
import {
  applyTriageAction,
  newTriageRecord,
  recordEscalationStep,
  recordPropertyRepair,
  type TriageRecord,
} from './triage-record';

/**
 * The ladder as time passes: who a step moves the issue to, acknowledgements that hold the next step, the
 * app's handover while a SPOC is away and their taking the issue back, and the repairs the app notes.
 */
const london = officeHours('Europe/London');
const names = { 'acc-priya': 'Priya Shah', 'acc-tom': 'Tom Berg', 'acc-maria': 'Maria Gomez' };

/** Routed Mon 9 Jun 2025 at 15:00 BST with a 4 h target: due Tue 11:00 BST (10:00Z). */
const routed = (): TriageRecord =>
  newTriageRecord({
    clientId: 'acme',
    spocAccountId: 'acc-priya',
    routedAt: '2025-06-09T14:00:00Z',
    dueAt: responseDueAt(london, '2025-06-09T14:00:00Z', 240),
    reason: 'Routed to Priya Shah (primary).',
  });

const check = (record: TriageRecord, now: string) =>
  checkEscalation({ record, calendar: london, targetMinutes: 240, policy: DEFAULT_POLICY, now });

const take = (
  record: TriageRecord,
  step: Parameters<typeof recordEscalationStep>[1],
  at: string,
  moveTo?: string,
) => {
  const outcome = recordEscalationStep(record, step, { at, ...(moveTo ? { moveTo } : {}) });
  if (!outcome.recorded) throw new Error(outcome.reason);
  return outcome.record;
};

describe('moving the issue on at breach', () => {
  it('gives it to the backup, keeps the client’s clock running and raises the level', () => {
    const warned = take(routed(), 'warn-spoc', '2025-06-10T09:00:00Z');
    const moved = take(warned, 'move-to-next-backup', '2025-06-10T10:00:00Z', 'acc-tom');
    expect(moved).toMatchObject({
      spocAccountId: 'acc-tom',
      escalationLevel: 2,
      dueAt: '2025-06-10T10:00:00.000Z',
      clockStartedAt: routed().clockStartedAt,
    });
    expect(moved.history.at(-1)).toMatchObject({ event: 'escalation-step', spoc: 'acc-tom' });
    // The manager's step is still ahead, at 150% of the same clock.
    const later = check(moved, '2025-06-10T12:00:00Z');
    expect(later.stepsDue.map((s) => s.step)).toEqual(['notify-escalation-manager']);
  });

  it('keeps the SPOC when nobody could take it, and still records the step once', () => {
    const kept = take(routed(), 'move-to-next-backup', '2025-06-10T10:00:00Z');
    expect(kept.spocAccountId).toBe('acc-priya');
    const again = recordEscalationStep(kept, 'move-to-next-backup', { at: '2025-06-10T10:05:00Z' });
    expect(again.recorded).toBe(false);
  });
});

describe('acknowledging an escalation', () => {
  const warned = () => take(routed(), 'warn-spoc', '2025-06-10T09:00:00Z');

  it('holds the next step until the hold ends, then lets it fall due', () => {
    const outcome = applyTriageAction(
      warned(),
      { type: 'acknowledge', until: '2025-06-10T11:00:00Z' },
      { by: 'acc-priya', at: '2025-06-10T09:30:00Z', names },
    );
    if (!outcome.ok) throw new Error(outcome.refusal);
    expect(outcome.record.acknowledged).toEqual({
      by: 'acc-priya',
      at: '2025-06-10T09:30:00.000Z',
      until: '2025-06-10T11:00:00.000Z',
    });
    expect(outcome.record.history.at(-1)).toMatchObject({ event: 'acknowledge', by: 'acc-priya' });
    // At breach (10:00Z) the move would be due, but it waits for the hold.
    const atBreach = check(outcome.record, '2025-06-10T10:30:00Z');
    expect(atBreach.stepsDue).toEqual([]);
    expect(atBreach.held.map((s) => s.step)).toEqual(['move-to-next-backup']);
    expect(atBreach.nextStepAt).toBe('2025-06-10T11:00:00.000Z');
    expect(atBreach.reasons).toContain(
      'Held: move the issue to the next backup waits until Tue 10 Jun 2025 12:00 Europe/London (11:00 UTC), as acknowledged.',
    );
    const afterHold = check(outcome.record, '2025-06-10T11:00:00Z');
    expect(afterHold.stepsDue.map((s) => s.step)).toEqual(['move-to-next-backup']);
  });

  it('pushes a step that falls due during the hold to the hold’s end', () => {
    const held = afterActions(warned(), [{ type: 'acknowledge', until: '2025-06-10T12:00:00Z' }]);
    expect(check(held, '2025-06-10T09:05:00Z').nextStepAt).toBe('2025-06-10T12:00:00.000Z');
  });

  it('is refused when nothing has escalated, or with a hold that is already over', () => {
    const early = applyTriageAction(
      routed(),
      { type: 'acknowledge', until: '2025-06-10T11:00:00Z' },
      { by: 'acc-priya', at: '2025-06-09T15:00:00Z' },
    );
    expect(early).toEqual({
      ok: false,
      refusal: 'Nothing has escalated on this issue yet, so there is nothing to acknowledge.',
    });
    const past = applyTriageAction(
      warned(),
      { type: 'acknowledge', until: '2025-06-10T09:00:00Z' },
      { by: 'acc-priya', at: '2025-06-10T09:30:00Z' },
    );
    expect(past).toMatchObject({ ok: false });
  });

  it('ends when the issue changes hands or its clock restarts', () => {
    const held = afterActions(warned(), [{ type: 'acknowledge', until: '2025-06-10T12:00:00Z' }]);
    const reassigned = afterActions(held, [{ type: 'reassign', toAccountId: 'acc-tom' }]);
    expect(reassigned.acknowledged).toBeNull();
    const asked = afterActions(held, [{ type: 'request-info' }]);
    expect(asked.acknowledged).toBeNull();
  });
});

describe('handing over while the SPOC is away, and taking back', () => {
  const handOver = (record: TriageRecord) =>
    applyTriageAction(
      record,
      { type: 'hand-over', toAccountId: 'acc-tom', note: 'Priya Shah is out of office; Tom Berg covers.' },
      { by: null, at: '2025-06-09T15:00:00Z', names },
    );

  it('moves the issue to the cover, keeps the clock, and remembers whose it was', () => {
    const outcome = handOver(aTriageRecord());
    if (!outcome.ok) throw new Error(outcome.refusal);
    expect(outcome.summary).toBe('The app handed the issue over from Priya Shah to Tom Berg.');
    expect(outcome.record).toMatchObject({
      spocAccountId: 'acc-tom',
      handedOverFrom: 'acc-priya',
      dueAt: aTriageRecord().dueAt,
    });
    expect(outcome.record.history.at(-1)).toMatchObject({ event: 'hand-over', by: null, spoc: 'acc-tom' });
  });

  it('is the app’s alone', () => {
    const byPerson = applyTriageAction(
      aTriageRecord(),
      { type: 'hand-over', toAccountId: 'acc-tom', note: 'x' },
      { by: 'acc-maria', at: '2025-06-09T15:00:00Z' },
    );
    expect(byPerson).toEqual({
      ok: false,
      refusal: 'Only the app hands issues over when their SPOC is away.',
    });
  });

  it('lets only the SPOC it came from take it back, with a fresh clock', () => {
    const outcome = handOver(aTriageRecord());
    if (!outcome.ok) throw new Error(outcome.refusal);
    const byOther = applyTriageAction(
      outcome.record,
      { type: 'take-back' },
      { by: 'acc-maria', at: '2025-06-16T09:00:00Z', names },
    );
    expect(byOther).toEqual({
      ok: false,
      refusal: 'Only Priya Shah, whose issue it was before their absence, can take it back.',
    });
    const back = applyTriageAction(
      outcome.record,
      { type: 'take-back', dueAt: '2025-06-16T13:00:00Z' },
      { by: 'acc-priya', at: '2025-06-16T09:00:00Z', names },
    );
    expect(back).toMatchObject({
      ok: true,
      summary: 'Priya Shah took the issue back after their absence.',
      record: {
        spocAccountId: 'acc-priya',
        handedOverFrom: null,
        dueAt: '2025-06-16T13:00:00.000Z',
        clockStartedAt: '2025-06-16T09:00:00.000Z',
      },
    });
  });

  it('has nothing to take back on an issue that was never handed over', () => {
    const outcome = applyTriageAction(
      aTriageRecord(),
      { type: 'take-back' },
      { by: 'acc-priya', at: '2025-06-16T09:00:00Z' },
    );
    expect(outcome).toMatchObject({ ok: false });
  });
});

describe('the repairs the app notes', () => {
  it('record a restored property in the history, changing nothing else', () => {
    const record = aTriageRecord();
    const repaired = recordPropertyRepair(record, {
      at: '2025-06-09T10:00:00Z',
      note: 'state was "vetted" on the issue',
    });
    expect(repaired.history.at(-1)).toMatchObject({
      event: 'property-repaired',
      by: null,
      note: 'state was "vetted" on the issue',
    });
    expect({ ...repaired, history: record.history }).toEqual(record);
  });
});

describe('records written before acknowledgements and handovers existed', () => {
  it('read back, meaning none', () => {
    const { acknowledged: _a, handedOverFrom: _h, ...older } = aTriageRecord();
    expect(readTriageRecord(older)).toMatchObject({ ok: true });
  });

  it('refuse a damaged acknowledgement', () => {
    const damaged = { ...aTriageRecord(), acknowledged: { by: 'acc-priya' } };
    expect(readTriageRecord(damaged)).toMatchObject({ ok: false });
  });
});

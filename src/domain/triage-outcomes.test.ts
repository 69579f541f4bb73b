import { afterActions, aTriageRecord } from './testing/triage-builders';
import { readTriageRecord } from './triage-record-reader';
import { applyTriageAction, boundQuestion, MAX_QUESTION_LENGTH, type TriageRecord } from './triage-record';

/** What the client is asked, duplicates they can or cannot follow, and reopening a closed issue. */
const at = '2025-06-09T10:00:00Z';
const names = { 'acc-priya': 'Priya Shah', 'acc-client': 'Li Wei' };

function apply(record: TriageRecord, action: Parameters<typeof applyTriageAction>[1], by = 'acc-priya') {
  const outcome = applyTriageAction(record, action, { by, at, names });
  if (!outcome.ok) throw new Error(outcome.refusal);
  return outcome;
}

describe("the client's question", () => {
  it('is kept whole, with who asked and when, while the client is waited for', () => {
    const question = 'Which consignment number?\nAnd which depot shipped it?';
    const { record } = apply(aTriageRecord(), { type: 'request-info', note: question });
    expect(record.clientQuestion).toEqual({
      text: question,
      askedBy: 'acc-priya',
      askedAt: '2025-06-09T10:00:00.000Z',
    });
    // The history keeps only a glance of it.
    expect(record.history.at(-1)?.note).toBe('Which consignment number? And which depot shipped it?');
    expect(readTriageRecord(record).ok).toBe(true);
  });

  it('goes once the client answers, or the SPOC decides without them', () => {
    const asked = afterActions(aTriageRecord(), [{ type: 'request-info', note: 'Which browser?' }]);
    expect(
      apply(asked, { type: 'client-replied', dueAt: null }, 'acc-client').record.clientQuestion,
    ).toBeNull();
    expect(apply(asked, { type: 'reject', note: 'Works as designed.' }).record.clientQuestion).toBeNull();
    expect(apply(asked, { type: 'escalate' }).record.clientQuestion).toMatchObject({
      text: 'Which browser?',
    });
  });

  it('is bounded and cleaned, lines kept', () => {
    expect(boundQuestion('  a\r\nb\u0007c  ')).toBe('a\nb c');
    expect(boundQuestion('x'.repeat(MAX_QUESTION_LENGTH + 5))).toHaveLength(MAX_QUESTION_LENGTH);
  });

  it('is refused when read back damaged', () => {
    const damaged = { ...aTriageRecord(), clientQuestion: { text: '', askedBy: 7, askedAt: 'soon' } };
    expect(readTriageRecord(damaged)).toMatchObject({ ok: false, problems: [{ path: 'clientQuestion' }] });
    expect(readTriageRecord({ ...aTriageRecord(), duplicateClientCanOpen: 'maybe' }).ok).toBe(false);
  });
});

describe('a duplicate the client can or cannot follow', () => {
  it('records whether the client can open the other issue', () => {
    const { record } = apply(aTriageRecord(), {
      type: 'mark-duplicate',
      duplicateOf: 'DEV-4',
      clientCanOpen: false,
    });
    expect(record).toMatchObject({ state: 'duplicate', duplicateOf: 'DEV-4', duplicateClientCanOpen: false });
    expect(readTriageRecord(record).ok).toBe(true);
  });
});

describe('reopening', () => {
  it('brings a rejected issue back to its SPOC with a fresh clock', () => {
    const rejected = afterActions(aTriageRecord(), [{ type: 'reject', note: 'Works as designed.' }]);
    expect(rejected).toMatchObject({ dueAt: null, clockStartedAt: null });
    const { record, summary } = apply(rejected, {
      type: 'reopen',
      dueAt: '2025-06-09T14:00:00Z',
      note: 'I misread the report.',
    });
    expect(summary).toBe('Priya Shah reopened the issue; it is back with Priya Shah.');
    expect(record).toMatchObject({
      state: 'awaiting-spoc',
      spocAccountId: 'acc-priya',
      clockStartedAt: '2025-06-09T10:00:00.000Z',
      dueAt: '2025-06-09T14:00:00.000Z',
    });
    expect(record.history.at(-1)).toMatchObject({ event: 'reopen', from: 'rejected', to: 'awaiting-spoc' });
  });

  it('undoes a duplicate: it points at nothing any more', () => {
    const duplicate = afterActions(aTriageRecord(), [
      { type: 'mark-duplicate', duplicateOf: 'SUP-2', clientCanOpen: true },
    ]);
    const { record } = apply(duplicate, { type: 'reopen', dueAt: null });
    expect(record).toMatchObject({ state: 'awaiting-spoc', duplicateOf: null, duplicateClientCanOpen: null });
  });

  it('takes the client answering a rejection as a reply that reopens it', () => {
    const rejected = afterActions(aTriageRecord(), [{ type: 'reject', note: 'Works as designed.' }]);
    const { record, summary } = apply(
      rejected,
      { type: 'client-replied', dueAt: '2025-06-09T14:00:00Z' },
      'acc-client',
    );
    expect(summary).toBe('The client answered the rejection; the issue is reopened and back with its SPOC.');
    expect(record).toMatchObject({ state: 'awaiting-spoc', dueAt: '2025-06-09T14:00:00.000Z' });
  });

  it('refuses to reopen what is still open, or as the app', () => {
    expect(
      applyTriageAction(aTriageRecord(), { type: 'reopen', dueAt: null }, { by: 'acc-priya', at }),
    ).toMatchObject({
      ok: false,
      refusal: expect.stringContaining('You cannot reopen this issue: it is waiting for its SPOC.'),
    });
    const rejected = afterActions(aTriageRecord(), [{ type: 'reject', note: 'No.' }]);
    expect(applyTriageAction(rejected, { type: 'reopen', dueAt: null }, { by: null, at })).toEqual({
      ok: false,
      refusal: 'Only a person can reopen an issue.',
    });
  });
});

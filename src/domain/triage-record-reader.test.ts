import { afterActions, aTriageRecord } from './testing/triage-builders';
import { readTriageRecord } from './triage-record-reader';

describe('readTriageRecord', () => {
  it('reads back what it wrote, through JSON', () => {
    const record = afterActions(aTriageRecord(), [{ type: 'request-info', note: 'x' }]);
    expect(readTriageRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, value: record });
  });

  it('refuses other versions and damaged fields', () => {
    expect(readTriageRecord({ ...aTriageRecord(), schemaVersion: 2 })).toEqual({
      ok: false,
      problems: [{ path: 'schemaVersion', message: 'Triage record version 2 is not one this app reads.' }],
    });
    const damaged = readTriageRecord({ ...aTriageRecord(), state: 'done', dueAt: 'soon', history: [{}] });
    expect(damaged.ok ? [] : damaged.problems.map((p) => p.path)).toEqual(['state', 'dueAt', 'history[0]']);
  });
});

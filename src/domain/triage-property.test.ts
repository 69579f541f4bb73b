import { afterActions, aTriageRecord } from './testing/triage-builders';
import { compareWithProperty, TRIAGE_PROPERTY_INDEX, toTriageProperty } from './triage-property';

describe('the searchable property copy', () => {
  it('carries the flat fields JQL searches, and leaves out what is not set', () => {
    expect(toTriageProperty(aTriageRecord())).toEqual({
      schemaVersion: 1,
      state: 'awaiting-spoc',
      clientId: 'acme',
      spocAccountId: 'acc-priya',
      escalationLevel: 0,
      routedAt: '2025-06-09T09:00:00.000Z',
      dueAt: '2025-06-09T13:00:00.000Z',
      bounceBacks: 0,
    });
    const vetted = toTriageProperty(afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]));
    expect(vetted).toMatchObject({ state: 'vetted', vettedAt: '2025-06-09T09:01:00.000Z' });
    expect('dueAt' in vetted).toBe(false);
    expect('spocAccountId' in toTriageProperty(aTriageRecord({ spocAccountId: null }))).toBe(false);
  });

  it('declares an index type for every searchable field', () => {
    const full = toTriageProperty(afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]));
    const searchable = Object.keys({ ...full, dueAt: 'x' }).filter((k) => k !== 'schemaVersion');
    expect(Object.keys(TRIAGE_PROPERTY_INDEX).sort()).toEqual(searchable.sort());
  });

  it('matches a faithful copy read back from Jira', () => {
    const record = aTriageRecord();
    expect(compareWithProperty(record, JSON.parse(JSON.stringify(toTriageProperty(record))))).toEqual({
      matches: true,
    });
  });

  it('names each field someone changed, added or removed on the issue', () => {
    const record = aTriageRecord();
    const edited = { ...toTriageProperty(record), state: 'vetted', extra: 1 } as Record<string, unknown>;
    delete edited.dueAt;
    expect(compareWithProperty(record, edited)).toEqual({
      matches: false,
      differences: [
        'state is "vetted" on the issue but "awaiting-spoc" in the app\'s record.',
        'dueAt is missing on the issue but "2025-06-09T13:00:00.000Z" in the app\'s record.',
        "extra is 1 on the issue but not set in the app's record.",
      ],
    });
  });

  it('says when the property is gone or not an object', () => {
    expect(compareWithProperty(aTriageRecord(), undefined)).toEqual({
      matches: false,
      differences: ['The issue has no "spoc" property.'],
    });
    expect(compareWithProperty(aTriageRecord(), 'vetted')).toMatchObject({ matches: false });
  });
});

import { createJqlEngine } from './index';
import { jqlContext, jqlIssue, PROPERTY_INDEXES, CUSTOM_FIELDS, searchKeys, USERS } from './testing/builders';

const engine = createJqlEngine();

const issues = [
  jqlIssue({
    key: 'SUP-1',
    customFields: {
      customfield_10010: USERS.alice.accountId,
      customfield_10011: 5,
      customfield_10012: 'Acme',
      customfield_10013: '2026-03-12',
      customfield_10014: '2026-03-09T10:00:00.000Z',
      customfield_10015: 'spoc-team',
    },
    properties: {
      spoc: {
        state: 'vetted',
        escalationLevel: 2,
        sla: { dueAt: '2026-03-10T12:00:00Z' },
        spocAccountId: USERS.alice.accountId,
        note: 'The client asked for a callback',
        tags: ['urgent', 'phone'],
        history: [{ by: USERS.bob.accountId }, { by: USERS.carol.accountId }],
      },
    },
  }),
  jqlIssue({
    key: 'SUP-2',
    customFields: {
      customfield_10010: USERS.carol.accountId,
      customfield_10011: 1.5,
      customfield_10012: 'acme',
      customfield_10013: '2026-03-09',
      customfield_10014: null,
    },
    properties: {
      spoc: {
        state: 'new',
        escalationLevel: 0,
        sla: { dueAt: '2026-03-09T12:00:00Z' },
        spocAccountId: USERS.carol.accountId,
      },
    },
  }),
  jqlIssue({ key: 'SUP-3' }),
  jqlIssue({
    key: 'SUP-4',
    customFields: { customfield_10011: 8, customfield_10012: ['Globex', 'Initech'] },
    properties: { spoc: { state: 'vetted', escalationLevel: 3, tags: [] } },
  }),
];

const find = (jql: string, context = jqlContext()) => searchKeys(engine, jql, issues, context).sort();

describe('custom fields by id and by name', () => {
  it('finds a user field by cf[id], customfield_id and its name in any case', () => {
    expect(find('SPOC = currentUser()')).toEqual(['SUP-1']);
    expect(find('spoc = currentUser()')).toEqual(['SUP-1']);
    expect(find('"SPOC" = currentUser()')).toEqual(['SUP-1']);
    expect(find('cf[10010] = "carol@example.com"')).toEqual(['SUP-2']);
    expect(find('customfield_10010 in membersOf("spoc-team")')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('SPOC is EMPTY')).toEqual(['SUP-3', 'SUP-4']);
    expect(find('SPOC != currentUser()')).toEqual(['SUP-2']);
  });

  it('number fields compare numerically', () => {
    expect(find('"Story Points" > 2')).toEqual(['SUP-1', 'SUP-4']);
    expect(find('"story points" = 1.5')).toEqual(['SUP-2']);
    expect(find('cf[10011] <= 5')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('"Story Points" in (1.5, 8)')).toEqual(['SUP-2', 'SUP-4']);
    expect(find('"Story Points" is EMPTY')).toEqual(['SUP-3']);
    expect(find('NOT "Story Points" > 2')).toEqual(['SUP-2']);
  });

  it('string fields compare exactly, on any of their values', () => {
    expect(find('Client = Acme')).toEqual(['SUP-1']);
    expect(find('Client = acme')).toEqual(['SUP-2']);
    expect(find('Client in (Initech)')).toEqual(['SUP-4']);
    expect(find('Client != Acme')).toEqual(['SUP-2', 'SUP-4']);
    expect(find('Client is EMPTY')).toEqual(['SUP-3']);
  });

  it('date fields compare days, relative to today in the searcher’s zone', () => {
    expect(find('"Go-live" = "2026-03-12"')).toEqual(['SUP-1']);
    expect(find('"Go-live" > "2026/03/09"')).toEqual(['SUP-1']);
    expect(find('"Go-live" < now()')).toEqual(['SUP-2']);
    expect(find('"Go-live" >= startOfDay()')).toEqual(['SUP-1']);
    expect(find('"Go-live" <= 2d')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('"Go-live" <= 1d')).toEqual(['SUP-2']);
    expect(find('"Go-live" is EMPTY')).toEqual(['SUP-3', 'SUP-4']);
  });

  it('date-time fields compare instants', () => {
    expect(find('"Vetted at" >= startOfDay(-1d)')).toEqual(['SUP-1']);
    expect(find('"Vetted at" = "2026-03-09 10:00"')).toEqual(['SUP-1']);
    expect(find('"Vetted at" is EMPTY')).toEqual(['SUP-2', 'SUP-3', 'SUP-4']);
  });

  it('group fields compare group names, case-insensitively', () => {
    expect(find('"Escalation group" = "SPOC-Team"')).toEqual(['SUP-1']);
    expect(find('"Escalation group" is EMPTY')).toEqual(['SUP-2', 'SUP-3', 'SUP-4']);
  });

  it('searches every custom field that has the name', () => {
    const context = jqlContext({
      customFields: [...CUSTOM_FIELDS, { id: 'customfield_10020', name: 'client', type: 'string' }],
    });
    const twice = [jqlIssue({ key: 'SUP-8', customFields: { customfield_10020: 'Acme' } }), ...issues];
    expect(searchKeys(engine, 'Client = Acme', twice, context).sort()).toEqual(['SUP-1', 'SUP-8']);
    expect(searchKeys(engine, 'NOT Client = Acme', twice, context).sort()).toEqual(['SUP-2', 'SUP-4']);
    expect(searchKeys(engine, 'cf[10020] = Acme', twice, context)).toEqual(['SUP-8']);
  });
});

describe('issue properties by path and by search alias', () => {
  it('string values are exact', () => {
    expect(find('issue.property[spoc].state = vetted')).toEqual(['SUP-1', 'SUP-4']);
    expect(find('issue.property[spoc].state = Vetted')).toEqual([]);
    expect(find('issue.property[spoc].state in (new, vetted)')).toEqual(['SUP-1', 'SUP-2', 'SUP-4']);
    expect(find('issue.property[spoc].state != vetted')).toEqual(['SUP-2']);
    expect(find('issue.property[spoc].state is EMPTY')).toEqual(['SUP-3']);
    expect(find('spocState = "vetted"')).toEqual(['SUP-1', 'SUP-4']);
    expect(find('SPOCSTATE = new')).toEqual(['SUP-2']);
  });

  it('arrays are searched value by value', () => {
    expect(find('issue.property[spoc].tags = urgent')).toEqual(['SUP-1']);
    expect(find('issue.property[spoc].tags is EMPTY')).toEqual(['SUP-2', 'SUP-3', 'SUP-4']);
    const context = jqlContext({
      propertyIndexes: [...PROPERTY_INDEXES, { propertyKey: 'spoc', path: 'history.by', type: 'user' }],
    });
    expect(find('issue.property[spoc].history.by = "bob@example.com"', context)).toEqual(['SUP-1']);
  });

  it('number values compare numerically', () => {
    expect(find('issue.property[spoc].escalationLevel >= 2')).toEqual(['SUP-1', 'SUP-4']);
    expect(find('issue.property[spoc].escalationLevel = 0')).toEqual(['SUP-2']);
    expect(find('issue.property[spoc].escalationLevel < 1')).toEqual(['SUP-2']);
  });

  it('date values compare as dates, by path or alias', () => {
    expect(find('issue.property[spoc].sla.dueAt < now()')).toEqual(['SUP-2']);
    expect(find('spocDueAt > now()')).toEqual(['SUP-1']);
    expect(find('spocDueAt <= endOfDay()')).toEqual(['SUP-1', 'SUP-2']);
  });

  it('user values take account ids and currentUser()', () => {
    expect(find('issue.property[spoc].spocAccountId = currentUser()')).toEqual(['SUP-1']);
    expect(find(`issue.property[spoc].spocAccountId = ${USERS.carol.accountId}`)).toEqual(['SUP-2']);
  });

  it('text values take ~ and !~', () => {
    expect(find('issue.property[spoc].note ~ callback')).toEqual(['SUP-1']);
    expect(find('issue.property[spoc].note ~ "client asks"')).toEqual(['SUP-1']);
    expect(find('issue.property[spoc].note !~ callback')).toEqual([]);
    expect(find('issue.property[spoc].note is EMPTY')).toEqual(['SUP-2', 'SUP-3', 'SUP-4']);
  });
});

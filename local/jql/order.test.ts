import { createJqlEngine } from './index';
import { jqlIssue, searchKeys, USERS } from './testing/builders';

const engine = createJqlEngine();

const issues = [
  jqlIssue({
    key: 'SUP-1',
    created: '2026-03-01T10:00:00Z',
    priority: 'Low',
    status: 'Open',
    assigneeAccountId: USERS.bob.accountId,
    summary: 'beta',
    customFields: { customfield_10011: 3 },
    properties: { spoc: { state: 'vetted', escalationLevel: 2 } },
  }),
  jqlIssue({
    key: 'SUP-2',
    created: '2026-03-03T10:00:00Z',
    priority: 'Highest',
    status: 'Done',
    summary: 'Alpha',
    properties: { spoc: { state: 'new', escalationLevel: 0 } },
  }),
  jqlIssue({
    key: 'OPS-3',
    created: '2026-03-02T10:00:00Z',
    priority: null,
    status: 'In Progress',
    assigneeAccountId: USERS.alice.accountId,
    summary: 'gamma',
    customFields: { customfield_10011: 1 },
  }),
  jqlIssue({
    key: 'SUP-10',
    created: '2026-03-03T10:00:00Z',
    priority: 'High',
    status: 'Open',
    assigneeAccountId: USERS.alice.accountId,
    summary: 'delta',
    customFields: { customfield_10011: 3 },
    properties: { spoc: { state: 'escalated', escalationLevel: 1 } },
  }),
];

const order = (jql: string) => searchKeys(engine, jql, issues);

describe('ORDER BY', () => {
  it('defaults to created DESC, newest key first on a tie', () => {
    expect(order('')).toEqual(['SUP-10', 'SUP-2', 'OPS-3', 'SUP-1']);
    expect(order('project in (SUP, OPS)')).toEqual(['SUP-10', 'SUP-2', 'OPS-3', 'SUP-1']);
  });

  it('sorts dates newest first unless told ASC', () => {
    expect(order('ORDER BY created')).toEqual(['SUP-10', 'SUP-2', 'OPS-3', 'SUP-1']);
    expect(order('ORDER BY created ASC')).toEqual(['SUP-1', 'OPS-3', 'SUP-10', 'SUP-2']);
    expect(order('order by createdDate desc')).toEqual(['SUP-10', 'SUP-2', 'OPS-3', 'SUP-1']);
  });

  it('sorts keys by project, then by number (SUP-10 after SUP-2)', () => {
    expect(order('ORDER BY key')).toEqual(['OPS-3', 'SUP-1', 'SUP-2', 'SUP-10']);
    expect(order('ORDER BY issuekey DESC')).toEqual(['SUP-10', 'SUP-2', 'SUP-1', 'OPS-3']);
  });

  it('sorts priority by urgency, most urgent first by default; empty values last ascending, first descending', () => {
    expect(order('ORDER BY priority')).toEqual(['OPS-3', 'SUP-2', 'SUP-10', 'SUP-1']);
    expect(order('ORDER BY priority ASC')).toEqual(['SUP-1', 'SUP-10', 'SUP-2', 'OPS-3']);
  });

  it('sorts on several fields', () => {
    expect(order('ORDER BY status ASC, created DESC')).toEqual(['SUP-2', 'OPS-3', 'SUP-10', 'SUP-1']);
    expect(order('ORDER BY status DESC, key ASC')).toEqual(['SUP-1', 'SUP-10', 'OPS-3', 'SUP-2']);
  });

  it('sorts text case-insensitively and users by account id', () => {
    expect(order('ORDER BY summary')).toEqual(['SUP-2', 'SUP-1', 'SUP-10', 'OPS-3']);
    expect(order('ORDER BY assignee ASC')).toEqual(['SUP-10', 'OPS-3', 'SUP-1', 'SUP-2']);
  });

  it('sorts custom fields and indexed properties', () => {
    expect(order('ORDER BY "Story Points" ASC')).toEqual(['OPS-3', 'SUP-10', 'SUP-1', 'SUP-2']);
    expect(order('ORDER BY cf[10011] DESC, key ASC')).toEqual(['SUP-2', 'SUP-1', 'SUP-10', 'OPS-3']);
    expect(order('ORDER BY issue.property[spoc].escalationLevel')).toEqual([
      'SUP-2',
      'SUP-10',
      'SUP-1',
      'OPS-3',
    ]);
    expect(order('ORDER BY spocState DESC')).toEqual(['OPS-3', 'SUP-1', 'SUP-2', 'SUP-10']);
  });

  it('sorts projects by name', () => {
    expect(order('ORDER BY project, key')).toEqual(['OPS-3', 'SUP-1', 'SUP-2', 'SUP-10']);
  });
});

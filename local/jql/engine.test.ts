import { createJqlEngine } from './index';
import { jqlContext, jqlIssue, searchKeys, USERS } from './testing/builders';
import type { JqlIssue } from './types';

const engine = createJqlEngine();

const issues: JqlIssue[] = [
  jqlIssue({
    key: 'SUP-1',
    issueType: 'Bug',
    status: 'Open',
    statusCategory: 'To Do',
    priority: 'High',
    assigneeAccountId: USERS.alice.accountId,
    reporterAccountId: USERS.bob.accountId,
    creatorAccountId: USERS.bob.accountId,
    labels: ['vip', 'billing'],
    components: ['Printers'],
  }),
  jqlIssue({
    key: 'SUP-2',
    issueType: 'Task',
    status: 'In Progress',
    statusCategory: 'In Progress',
    priority: 'Low',
    assigneeAccountId: USERS.bob.accountId,
    reporterAccountId: USERS.carol.accountId,
    creatorAccountId: USERS.alice.accountId,
    labels: ['VIP'],
    components: ['Network', 'Printers'],
  }),
  jqlIssue({
    key: 'SUP-3',
    issueType: 'Task',
    status: 'Done',
    statusCategory: 'Done',
    priority: null,
    resolution: 'Fixed',
    resolutionDate: '2026-03-05T00:00:00Z',
    assigneeAccountId: null,
    reporterAccountId: USERS.alice.accountId,
  }),
  jqlIssue({
    key: 'OPS-7',
    projectName: 'Operations',
    projectId: '10001',
    issueType: 'Incident',
    status: 'Waiting for support',
    statusCategory: 'In Progress',
    priority: 'Highest',
    resolution: "Won't Do",
    resolutionDate: '2026-03-06T00:00:00Z',
    assigneeAccountId: USERS.carol.accountId,
  }),
];

const find = (jql: string, context = jqlContext()) => searchKeys(engine, jql, issues, context).sort();

describe('project', () => {
  it('matches by key, name or id, case-insensitively', () => {
    expect(find('project = SUP')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('project = sup')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('project = "operations"')).toEqual(['OPS-7']);
    expect(find('project = 10001')).toEqual(['OPS-7']);
    expect(find('project in (OPS, Support)')).toEqual(['OPS-7', 'SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('project != SUP')).toEqual(['OPS-7']);
    expect(find('project not in (SUP)')).toEqual(['OPS-7']);
  });
});

describe('issue type, status and status category', () => {
  it('compares names case-insensitively, with type as an alias of issuetype', () => {
    expect(find('issuetype = bug')).toEqual(['SUP-1']);
    expect(find('type in (Task, Incident)')).toEqual(['OPS-7', 'SUP-2', 'SUP-3']);
    expect(find('issuetype != Task')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('status = "in progress"')).toEqual(['SUP-2']);
    expect(find('status not in (Open, Done)')).toEqual(['OPS-7', 'SUP-2']);
  });

  it('knows status categories by name, key and id', () => {
    expect(find('statusCategory = "In Progress"')).toEqual(['OPS-7', 'SUP-2']);
    expect(find('statusCategory = indeterminate')).toEqual(['OPS-7', 'SUP-2']);
    expect(find('statusCategory = new')).toEqual(['SUP-1']);
    expect(find('statusCategory = 3')).toEqual(['SUP-3']);
    expect(find('statusCategory != Done')).toEqual(['OPS-7', 'SUP-1', 'SUP-2']);
  });
});

describe('users: assignee, reporter, creator', () => {
  it('takes account ids, emails, display names and currentUser()', () => {
    expect(find(`assignee = ${USERS.alice.accountId}`)).toEqual(['SUP-1']);
    expect(find('assignee = "bob@example.com"')).toEqual(['SUP-2']);
    expect(find('assignee = "carol chen"')).toEqual(['OPS-7']);
    expect(find('assignee = currentUser()')).toEqual(['SUP-1']);
    expect(find('reporter = currentUser()')).toEqual(['SUP-3']);
    expect(find('creator = currentUser()')).toEqual(['SUP-2']);
    expect(find('reporter in ("Bob Baker", "carol@example.com")')).toEqual(['OPS-7', 'SUP-1', 'SUP-2']);
  });

  it('currentUser() is whoever searches, and nobody for the app', () => {
    const bob = jqlContext({ currentAccountId: USERS.bob.accountId });
    expect(find('assignee = currentUser()', bob)).toEqual(['SUP-2']);
    const app = jqlContext({ currentAccountId: undefined });
    expect(find('assignee = currentUser()', app)).toEqual([]);
    expect(find('assignee in (currentUser(), "carol@example.com")', app)).toEqual(['OPS-7']);
  });

  it('membersOf() lists a group, case-insensitively', () => {
    expect(find('assignee in membersOf("spoc-team")')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('assignee in membersOf("SPOC-Team")')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('assignee not in membersOf("spoc-team")')).toEqual(['SUP-2']);
    expect(find('assignee in membersOf("empty-group")')).toEqual([]);
  });

  it('EMPTY is unassigned, and != / NOT IN / NOT never match unassigned issues', () => {
    expect(find('assignee is EMPTY')).toEqual(['SUP-3']);
    expect(find('assignee is null')).toEqual(['SUP-3']);
    expect(find('assignee = EMPTY')).toEqual(['SUP-3']);
    expect(find('assignee is not EMPTY')).toEqual(['OPS-7', 'SUP-1', 'SUP-2']);
    expect(find('assignee != EMPTY')).toEqual(['OPS-7', 'SUP-1', 'SUP-2']);
    expect(find('assignee != currentUser()')).toEqual(['OPS-7', 'SUP-2']);
    expect(find('NOT assignee = currentUser()')).toEqual(['OPS-7', 'SUP-2']);
    expect(find('assignee not in (currentUser())')).toEqual(['OPS-7', 'SUP-2']);
    expect(find('assignee != currentUser() OR assignee is EMPTY')).toEqual(['OPS-7', 'SUP-2', 'SUP-3']);
    expect(find('assignee in (EMPTY, currentUser())')).toEqual(['SUP-1', 'SUP-3']);
    expect(find('assignee not in (EMPTY, currentUser())')).toEqual(['OPS-7', 'SUP-2']);
  });
});

describe('labels and components', () => {
  it('labels are exact and case-sensitive; multi-valued fields match on any value', () => {
    expect(find('labels = vip')).toEqual(['SUP-1']);
    expect(find('labels = VIP')).toEqual(['SUP-2']);
    expect(find('labels in (billing, VIP)')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('labels != billing')).toEqual(['SUP-2']);
    expect(find('labels is EMPTY')).toEqual(['OPS-7', 'SUP-3']);
    expect(find('labels is not EMPTY')).toEqual(['SUP-1', 'SUP-2']);
  });

  it('components compare by name, case-insensitively', () => {
    expect(find('component = printers')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('component != Network')).toEqual(['SUP-1']);
    expect(find('component is EMPTY')).toEqual(['OPS-7', 'SUP-3']);
  });
});

describe('priority', () => {
  it('matches names and orders by urgency: priority > Low is more urgent than Low', () => {
    expect(find('priority = high')).toEqual(['SUP-1']);
    expect(find('priority > Low')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('priority >= high')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('priority < High')).toEqual(['SUP-2']);
    expect(find('priority <= Low')).toEqual(['SUP-2']);
    expect(find('priority is EMPTY')).toEqual(['SUP-3']);
    expect(find('NOT priority > Low')).toEqual(['SUP-2']);
  });

  it('knows the default scheme’s ids: 1 is Highest, 5 Lowest', () => {
    expect(find('priority = 1')).toEqual(['OPS-7']);
    expect(find('priority in (2, Low)')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('priority > 4')).toEqual(['OPS-7', 'SUP-1']);
  });
});

describe('resolution', () => {
  it('Unresolved is EMPTY', () => {
    expect(find('resolution = Unresolved')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('resolution = "unresolved"')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('resolution is EMPTY')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('resolution != Unresolved')).toEqual(['OPS-7', 'SUP-3']);
    expect(find('resolution = fixed')).toEqual(['SUP-3']);
    expect(find('resolution in ("Won\'t Do", Unresolved)')).toEqual(['OPS-7', 'SUP-1', 'SUP-2']);
    expect(find('resolution != Fixed')).toEqual(['OPS-7']);
  });
});

describe('issue keys and ids', () => {
  it('matches keys case-insensitively, and ids, under key, issuekey, issue and id', () => {
    expect(find('key = SUP-2')).toEqual(['SUP-2']);
    expect(find('issuekey = sup-2')).toEqual(['SUP-2']);
    expect(find('issue in (SUP-1, OPS-7)')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('id = 10003')).toEqual(['SUP-3']);
    expect(find('key != SUP-1')).toEqual(['OPS-7', 'SUP-2', 'SUP-3']);
    expect(find('key not in (SUP-1, 10002)')).toEqual(['OPS-7', 'SUP-3']);
  });

  it('compares keys within their project only', () => {
    expect(find('key > SUP-1')).toEqual(['SUP-2', 'SUP-3']);
    expect(find('key >= SUP-2')).toEqual(['SUP-2', 'SUP-3']);
    expect(find('key < SUP-3')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('key <= OPS-7')).toEqual(['OPS-7']);
    expect(find('id > 10002')).toEqual(['OPS-7', 'SUP-3']);
  });
});

describe('AND, OR, NOT and parentheses', () => {
  it('binds AND tighter than OR, as Jira does', () => {
    expect(find('status = Open OR status = Done AND priority is EMPTY')).toEqual(['SUP-1', 'SUP-3']);
    expect(find('(status = Open OR status = Done) AND assignee is EMPTY')).toEqual(['SUP-3']);
    expect(find('project = SUP and assignee = currentUser() or key = OPS-7')).toEqual(['OPS-7', 'SUP-1']);
  });

  it('NOT applies De Morgan and inverts operators', () => {
    expect(find('NOT (status = Open OR status = Done)')).toEqual(['OPS-7', 'SUP-2']);
    expect(find('!(project = SUP AND priority = Low)')).toEqual(['OPS-7', 'SUP-1']);
    expect(find('NOT NOT labels = vip')).toEqual(['SUP-1']);
    // NOT of a clause never reaches issues where the field is empty (SUP-3 is unassigned, OPS-7 has no labels).
    expect(find('NOT labels = billing')).toEqual(['SUP-2']);
    expect(find('NOT assignee is EMPTY')).toEqual(['OPS-7', 'SUP-1', 'SUP-2']);
  });
});

describe('bounded', () => {
  it('is false only when there is no WHERE clause', () => {
    const context = jqlContext();
    expect(engine.compile('', context).bounded).toBe(false);
    expect(engine.compile('ORDER BY created DESC', context).bounded).toBe(false);
    expect(engine.compile('project = SUP', context).bounded).toBe(true);
    expect(engine.compile('project = SUP ORDER BY key', context).bounded).toBe(true);
    expect(find('order by key')).toEqual(['OPS-7', 'SUP-1', 'SUP-2', 'SUP-3']);
  });
});

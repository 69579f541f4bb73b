import { createJqlEngine } from './index';
import {
  CATALOG,
  catalogContext,
  jqlContext,
  jqlErrorOf,
  jqlIssue,
  searchKeys,
  USERS,
} from './testing/builders';
import type { JqlContext } from './types';

const engine = createJqlEngine();

const issues = [
  jqlIssue({
    key: 'SUP-1',
    created: '2026-03-01T10:00:00Z',
    status: 'To Do',
    statusCategory: 'To Do',
    priority: 'Medium',
    components: ['Billing'],
    assigneeAccountId: USERS.bob.accountId,
    reporterAccountId: USERS.alice.accountId,
    customFields: { customfield_10010: USERS.bob.accountId },
  }),
  jqlIssue({
    key: 'SUP-2',
    created: '2026-03-02T10:00:00Z',
    issueType: 'Bug',
    status: 'In Progress',
    statusCategory: 'In Progress',
    priority: 'High',
    components: ['Mobile App'],
    assigneeAccountId: USERS.carol.accountId,
    reporterAccountId: USERS.carol.accountId,
    customFields: { customfield_10010: USERS.carol.accountId },
    properties: { spoc: { spocAccountId: USERS.carol.accountId } },
  }),
  jqlIssue({
    key: 'SUP-3',
    created: '2026-03-03T10:00:00Z',
    resolution: 'Done',
    priority: 'Low',
    assigneeAccountId: USERS.alice.accountId,
    reporterAccountId: USERS.bob.accountId,
    customFields: { customfield_10010: USERS.alice.accountId },
    properties: { spoc: { spocAccountId: USERS.alice.accountId } },
  }),
  // A project the searcher may not browse (absent from the catalog).
  jqlIssue({ key: 'OPS-4', created: '2026-03-04T10:00:00Z', status: 'To Do' }),
];

const find = (jql: string, context: JqlContext = catalogContext()) =>
  searchKeys(engine, jql, issues, context).sort();
const order = (jql: string, context: JqlContext = catalogContext()) =>
  searchKeys(engine, jql, issues, context);

describe('values the site does not have', () => {
  it.each([
    ['status = "In Progres"', 'In Progres', 'status'],
    ['status != "In Progres"', 'In Progres', 'status'],
    ['NOT status in ("To Do", Doing)', 'Doing', 'status'],
    ['status = 99', '99', 'status'],
    ['issuetype = Bugg', 'Bugg', 'issuetype'],
    ['type in (Task, Bugg)', 'Bugg', 'type'],
    ['component = Nope', 'Nope', 'component'],
    ['priority = Urgent', 'Urgent', 'priority'],
    ['priority >= Urgent', 'Urgent', 'priority'],
    ['priority = 9', '9', 'priority'],
    ['resolution = Nope', 'Nope', 'resolution'],
    ['resolution not in (Done, Nope)', 'Nope', 'resolution'],
    ['project = NOPE', 'NOPE', 'project'],
    ['project = 99999', '99999', 'project'],
    ['assignee = nobody', 'nobody', 'assignee'],
    ['SPOC in ("bob@example.com", "No One")', 'No One', 'SPOC'],
  ])('refuses %s as Jira does', (jql, value, field) => {
    expect(jqlErrorOf(engine, jql, catalogContext())).toBe(
      `The value '${value}' does not exist for the field '${field}'.`,
    );
  });

  it('refuses a project the searcher may not browse exactly like a missing one', () => {
    expect(jqlErrorOf(engine, 'project = OPS', catalogContext())).toBe(
      "The value 'OPS' does not exist for the field 'project'.",
    );
    expect(jqlErrorOf(engine, 'project in (SUP, "OPS project")', catalogContext())).toBe(
      "The value 'OPS project' does not exist for the field 'project'.",
    );
    expect(find('project = SUP')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
  });

  it('accepts names in any case, and ids', () => {
    expect(find('status = "in progress"')).toEqual(['SUP-2']);
    expect(find('status = 10001')).toEqual(['SUP-3']);
    expect(find('status = "10001"')).toEqual(['SUP-3']);
    expect(find('issuetype = 10002')).toEqual(['SUP-2']);
    expect(find('type = bug')).toEqual(['SUP-2']);
    expect(find('priority = 2')).toEqual(['SUP-2']);
    expect(find('priority > medium')).toEqual(['SUP-2']);
    expect(find('component = "mobile app"')).toEqual(['SUP-2']);
    expect(find('component = 10000')).toEqual(['SUP-1']);
    expect(find('resolution = 10000')).toEqual(['SUP-3']);
    expect(find('resolution = Unresolved')).toEqual(['OPS-4', 'SUP-1', 'SUP-2']);
    expect(find('project = sup AND project = Support AND project = 10000')).toEqual([
      'SUP-1',
      'SUP-2',
      'SUP-3',
    ]);
  });

  it('keeps the old behaviour when the context has no catalog', () => {
    const bare = jqlContext();
    expect(find('status = "In Progres"', bare)).toEqual([]);
    expect(find('project = NOPE OR project = OPS', bare)).toEqual(['OPS-4']);
    expect(find('component = Nope', bare)).toEqual([]);
    expect(find('priority = 2', bare)).toEqual(['SUP-2']);
    expect(jqlErrorOf(engine, 'status = 3', bare)).toMatch(/by name only/);
  });

  it('follows the site’s own priority scheme for comparisons and ORDER BY', () => {
    const scheme = catalogContext({
      catalog: {
        ...CATALOG,
        priorities: [
          { id: '10', name: 'Blocker' },
          { id: '11', name: 'Major' },
          { id: '12', name: 'Minor' },
        ],
      },
    });
    const ranked = [
      jqlIssue({ key: 'SUP-1', priority: 'Minor' }),
      jqlIssue({ key: 'SUP-2', priority: 'Blocker' }),
      jqlIssue({ key: 'SUP-3', priority: 'Major' }),
    ];
    expect(searchKeys(engine, 'priority > Minor ORDER BY priority', ranked, scheme)).toEqual([
      'SUP-2',
      'SUP-3',
    ]);
    expect(searchKeys(engine, 'priority = 12', ranked, scheme)).toEqual(['SUP-1']);
    expect(searchKeys(engine, 'project = SUP ORDER BY priority ASC', ranked, scheme)).toEqual([
      'SUP-1',
      'SUP-3',
      'SUP-2',
    ]);
    expect(jqlErrorOf(engine, 'priority = Medium', scheme)).toBe(
      "The value 'Medium' does not exist for the field 'priority'.",
    );
  });
});

describe('ORDER BY with the catalog and display names', () => {
  it('sorts statuses in workflow order, not alphabetically', () => {
    expect(order('project = SUP ORDER BY status ASC')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(order('project = SUP ORDER BY status DESC')).toEqual(['SUP-3', 'SUP-2', 'SUP-1']);
    expect(order('project = SUP ORDER BY status ASC', jqlContext())).toEqual(['SUP-3', 'SUP-2', 'SUP-1']);
  });

  it('sorts issue types and resolutions in the catalog’s order', () => {
    const reversed = catalogContext({
      catalog: {
        ...CATALOG,
        issueTypes: [...CATALOG.issueTypes].reverse(),
        resolutions: [...CATALOG.resolutions].reverse(),
      },
    });
    expect(order('project = SUP ORDER BY issuetype ASC, key ASC', reversed)).toEqual([
      'SUP-2',
      'SUP-1',
      'SUP-3',
    ]);
    expect(order('project = SUP ORDER BY issuetype ASC, key ASC')).toEqual(['SUP-1', 'SUP-3', 'SUP-2']);
    const resolved = [
      jqlIssue({ key: 'SUP-1', resolution: 'Done' }),
      jqlIssue({ key: 'SUP-2', resolution: "Won't Do" }),
      jqlIssue({ key: 'SUP-3' }),
    ];
    expect(searchKeys(engine, 'project = SUP ORDER BY resolution ASC', resolved, reversed)).toEqual([
      'SUP-2',
      'SUP-1',
      'SUP-3',
    ]);
    expect(searchKeys(engine, 'project = SUP ORDER BY resolution ASC', resolved, catalogContext())).toEqual([
      'SUP-1',
      'SUP-2',
      'SUP-3',
    ]);
  });

  // Display names sort the other way round from account ids (alice < bob < carol).
  const renamed = catalogContext({
    displayNameOf: (accountId) =>
      ({
        [USERS.alice.accountId]: 'Zoe Quinn',
        [USERS.bob.accountId]: 'mia Park',
        [USERS.carol.accountId]: 'Abe Lane',
      })[accountId],
  });

  it('sorts people by display name, case-insensitively', () => {
    expect(order('project = SUP ORDER BY assignee ASC', renamed)).toEqual(['SUP-2', 'SUP-1', 'SUP-3']);
    expect(order('project = SUP ORDER BY assignee DESC', renamed)).toEqual(['SUP-3', 'SUP-1', 'SUP-2']);
    expect(order('project = SUP ORDER BY reporter ASC', renamed)).toEqual(['SUP-2', 'SUP-3', 'SUP-1']);
    expect(order('project = SUP ORDER BY creator ASC, key DESC', renamed)).toEqual([
      'SUP-3',
      'SUP-2',
      'SUP-1',
    ]);
  });

  it('sorts user custom fields and user property values by display name too', () => {
    expect(order('project = SUP ORDER BY SPOC ASC', renamed)).toEqual(['SUP-2', 'SUP-1', 'SUP-3']);
    expect(order('project = SUP ORDER BY cf[10010] ASC', renamed)).toEqual(['SUP-2', 'SUP-1', 'SUP-3']);
    expect(order('project = SUP ORDER BY issue.property[spoc].spocAccountId ASC', renamed)).toEqual([
      'SUP-2',
      'SUP-3',
      'SUP-1',
    ]);
  });

  it('sorts by account id when the context cannot name people', () => {
    expect(order('project = SUP ORDER BY assignee ASC', jqlContext())).toEqual(['SUP-3', 'SUP-1', 'SUP-2']);
  });
});

describe('functions this site does not evaluate', () => {
  it.each([
    ['project in projectsWhereUserHasPermission("Browse Projects")', 'projectsWhereUserHasPermission'],
    ['project = projectsLeadByUser()', 'projectsLeadByUser'],
    ['issuekey in linkedIssues(SUP-1)', 'linkedIssues'],
    ['status in (Done, standardIssueTypes())', 'standardIssueTypes'],
  ])('says %s is not supported here', (jql, name) => {
    expect(jqlErrorOf(engine, jql, catalogContext())).toBe(
      `The JQL function '${name}' is not supported by this local Jira site.`,
    );
  });

  it('says an unknown function cannot be found, even where a list is expected', () => {
    expect(jqlErrorOf(engine, 'project in bogus()', catalogContext())).toBe(
      "Unable to find JQL function 'bogus()'.",
    );
    expect(jqlErrorOf(engine, 'labels not in nope(1, 2)')).toBe("Unable to find JQL function 'nope(1, 2)'.");
  });
});

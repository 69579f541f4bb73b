/**
 * Builders for JQL tests: issues as the Jira store hands them to the engine, and a searcher's context with
 * users, groups, custom fields and property indexes.
 */
import {
  JqlError,
  type JqlCatalog,
  type JqlContext,
  type JqlCustomField,
  type JqlEngine,
  type JqlIssue,
  type JqlPropertyIndex,
} from '../types';

export interface TestUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly email: string;
}

export const USERS = {
  alice: { accountId: '5b10a2844c20165700ede21g', displayName: 'Alice Archer', email: 'alice@example.com' },
  bob: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Bob Baker', email: 'bob@example.com' },
  carol: { accountId: '60d9c2e1f4a8b70069a1c3d2', displayName: 'Carol Chen', email: 'carol@example.com' },
} satisfies Record<string, TestUser>;

export const GROUPS: Readonly<Record<string, readonly string[]>> = {
  'jira-software-users': [USERS.alice.accountId, USERS.bob.accountId, USERS.carol.accountId],
  'spoc-team': [USERS.alice.accountId, USERS.carol.accountId],
  'empty-group': [],
};

export const CUSTOM_FIELDS: readonly JqlCustomField[] = [
  { id: 'customfield_10010', name: 'SPOC', type: 'user' },
  { id: 'customfield_10011', name: 'Story Points', type: 'number' },
  { id: 'customfield_10012', name: 'Client', type: 'string' },
  { id: 'customfield_10013', name: 'Go-live', type: 'date' },
  { id: 'customfield_10014', name: 'Vetted at', type: 'datetime' },
  { id: 'customfield_10015', name: 'Escalation group', type: 'group' },
  { id: 'customfield_10016', name: 'SPOC details', type: 'object' },
];

export const PROPERTY_INDEXES: readonly JqlPropertyIndex[] = [
  { propertyKey: 'spoc', path: 'state', type: 'string', searchAlias: 'spocState' },
  { propertyKey: 'spoc', path: 'escalationLevel', type: 'number' },
  { propertyKey: 'spoc', path: 'sla.dueAt', type: 'date', searchAlias: 'spocDueAt' },
  { propertyKey: 'spoc', path: 'spocAccountId', type: 'user' },
  { propertyKey: 'spoc', path: 'note', type: 'text' },
  { propertyKey: 'spoc', path: 'tags', type: 'string' },
];

/** A site's catalog as the Jira store hands it over: statuses in workflow order, priorities highest first. */
export const CATALOG: JqlCatalog = {
  statuses: [
    { id: '10000', name: 'To Do' },
    { id: '3', name: 'In Progress' },
    { id: '10001', name: 'Done' },
  ],
  issueTypes: [
    { id: '10001', name: 'Task' },
    { id: '10002', name: 'Bug' },
  ],
  priorities: [
    { id: '1', name: 'Highest' },
    { id: '2', name: 'High' },
    { id: '3', name: 'Medium' },
    { id: '4', name: 'Low' },
    { id: '5', name: 'Lowest' },
  ],
  resolutions: [
    { id: '10000', name: 'Done' },
    { id: '10001', name: "Won't Do" },
  ],
  components: [
    { id: '10000', name: 'Billing' },
    { id: '10001', name: 'Mobile App' },
  ],
  projects: [{ id: '10000', key: 'SUP', name: 'Support' }],
};

/** The searcher's context on a site that knows its catalog and people's display names. */
export function catalogContext(overrides: Partial<JqlContext> = {}): JqlContext {
  const users: readonly TestUser[] = Object.values(USERS);
  return jqlContext({
    catalog: CATALOG,
    displayNameOf: (accountId) => users.find((user) => user.accountId === accountId)?.displayName,
    ...overrides,
  });
}

/** 2026-03-10 09:30 UTC, a Tuesday; in Europe/Paris (UTC+1 in March before DST) it is 10:30. */
export const NOW = new Date('2026-03-10T09:30:00.000Z');

export function jqlContext(overrides: Partial<JqlContext> = {}): JqlContext {
  const users = Object.values(USERS);
  return {
    currentAccountId: USERS.alice.accountId,
    now: NOW,
    timeZone: 'UTC',
    customFields: CUSTOM_FIELDS,
    propertyIndexes: PROPERTY_INDEXES,
    membersOf: (group) => {
      const key = Object.keys(GROUPS).find((name) => name.toLowerCase() === group.toLowerCase());
      return key === undefined ? undefined : GROUPS[key];
    },
    resolveUser: (text) =>
      users
        .filter(
          (user) =>
            user.accountId === text ||
            user.email.toLowerCase() === text.toLowerCase() ||
            user.displayName.toLowerCase() === text.toLowerCase(),
        )
        .map((user) => user.accountId),
    ...overrides,
  };
}

type IssueOverrides = Partial<Omit<JqlIssue, 'created' | 'updated' | 'resolutionDate'>> & {
  readonly key: string;
  readonly created?: string | Date;
  readonly updated?: string | Date;
  readonly resolutionDate?: string | Date | null;
};

const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** An issue with plausible defaults; the key decides project key, key number and id. */
export function jqlIssue(overrides: IssueOverrides): JqlIssue {
  const [projectKey = 'SUP', number = '1'] = overrides.key.split('-');
  const keyNumber = Number(number);
  const created = asDate(overrides.created ?? '2026-03-01T12:00:00.000Z');
  const resolution = overrides.resolution ?? null;
  return {
    id: String(10000 + keyNumber),
    projectId: projectKey === 'SUP' ? '10000' : '10001',
    projectName: projectKey === 'SUP' ? 'Support' : `${projectKey} project`,
    issueType: 'Task',
    summary: `Issue ${overrides.key}`,
    descriptionText: '',
    commentText: '',
    status: resolution ? 'Done' : 'To Do',
    statusCategory: resolution ? 'Done' : 'To Do',
    priority: 'Medium',
    assigneeAccountId: null,
    reporterAccountId: USERS.bob.accountId,
    creatorAccountId: USERS.bob.accountId,
    labels: [],
    components: [],
    customFields: {},
    properties: {},
    ...overrides,
    projectKey,
    keyNumber,
    resolution,
    created,
    updated: asDate(overrides.updated ?? created),
    resolutionDate:
      overrides.resolutionDate === undefined || overrides.resolutionDate === null
        ? null
        : asDate(overrides.resolutionDate),
  };
}

/** Keys of the issues a query finds, in the query's order. */
export function searchKeys(
  engine: JqlEngine,
  jql: string,
  issues: readonly JqlIssue[],
  context: JqlContext = jqlContext(),
): string[] {
  const compiled = engine.compile(jql, context);
  return issues
    .filter((issue) => compiled.matches(issue))
    .sort(compiled.compare)
    .map((issue) => issue.key);
}

/** The message of the JqlError a query is refused with (fails the test when it is accepted). */
export function jqlErrorOf(engine: JqlEngine, jql: string, context: JqlContext = jqlContext()): string {
  try {
    engine.compile(jql, context);
  } catch (error) {
    if (error instanceof JqlError) return error.message;
    throw error;
  }
  throw new Error(`Expected "${jql}" to be refused, but it compiled`);
}

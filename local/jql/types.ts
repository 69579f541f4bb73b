/**
 * The contract between the JQL engine (local/jql) and the Jira store (local/jira). The store turns each
 * issue into a `JqlIssue`; the engine compiles a query into a predicate and an order over them.
 */

/** A user-typed custom field value is an account id; other types keep their JSON value. */
export type FieldValue =
  string | number | boolean | null | readonly string[] | Readonly<Record<string, unknown>>;

export interface JqlIssue {
  readonly id: string;
  readonly key: string;
  /** Numeric part of the key, for ORDER BY key. */
  readonly keyNumber: number;
  readonly projectId: string;
  readonly projectKey: string;
  readonly projectName: string;
  readonly issueType: string;
  readonly summary: string;
  /** Plain text of the ADF description, for `~`. */
  readonly descriptionText: string;
  /** Plain text of all comment bodies, for `comment ~`. */
  readonly commentText: string;
  readonly status: string;
  /** `To Do`, `In Progress` or `Done`. */
  readonly statusCategory: string;
  readonly priority: string | null;
  readonly assigneeAccountId: string | null;
  readonly reporterAccountId: string | null;
  readonly creatorAccountId: string | null;
  readonly labels: readonly string[];
  readonly components: readonly string[];
  /** Resolution name, or null when unresolved. */
  readonly resolution: string | null;
  readonly created: Date;
  readonly updated: Date;
  readonly resolutionDate: Date | null;
  /** Values by field id (`customfield_10010`). */
  readonly customFields: Readonly<Record<string, FieldValue>>;
  /** Issue entity properties by key (the stored JSON values). */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A custom field JQL can name, by id (`cf[10010]`, `customfield_10010`) or by name (`Owner`). */
export interface JqlCustomField {
  readonly id: string;
  readonly name: string;
  readonly type: 'user' | 'string' | 'number' | 'date' | 'datetime' | 'group' | 'object';
}

/** A value of an issue property that a `jira:entityProperty` module indexes. */
export interface JqlPropertyIndex {
  readonly propertyKey: string;
  /** Dotted path inside the property value, e.g. `state` or `sla.dueAt`. */
  readonly path: string;
  readonly type: 'number' | 'string' | 'text' | 'user' | 'date';
  /** Optional alias usable as a field name in JQL. */
  readonly searchAlias?: string;
}

/** A named thing of the site that JQL can name by name (case-insensitive) or id. */
export interface JqlNamed {
  readonly id: string;
  readonly name: string;
}

/**
 * What exists on the site, as the searcher may see it. Jira refuses a clause that names a value not in here
 * ("The value 'X' does not exist for the field 'Y'."), and ORDER BY follows the order of these lists.
 */
export interface JqlCatalog {
  /** In the workflow's order (To Do, In Progress, Done), which ORDER BY status follows. */
  readonly statuses: readonly JqlNamed[];
  readonly issueTypes: readonly JqlNamed[];
  /** Highest first: `priority > Low` and ORDER BY priority follow this order. */
  readonly priorities: readonly JqlNamed[];
  readonly resolutions: readonly JqlNamed[];
  /** Components of the projects the searcher may browse. */
  readonly components: readonly JqlNamed[];
  /** Only the projects the searcher may browse: Jira does not reveal that the others exist. */
  readonly projects: readonly (JqlNamed & { readonly key: string })[];
}

export interface JqlContext {
  /** The searching person, for `currentUser()`; undefined for the app itself. */
  readonly currentAccountId?: string;
  /** The site clock's time, for `now()`, `startOfDay()` and relative dates like `-2d`. */
  readonly now: Date;
  /** IANA time zone of the searching person, for date literals and `startOfDay()`. */
  readonly timeZone: string;
  readonly customFields: readonly JqlCustomField[];
  readonly propertyIndexes: readonly JqlPropertyIndex[];
  /** Account ids of a group's members, for `membersOf("group")`; undefined when no such group. */
  readonly membersOf: (groupName: string) => readonly string[] | undefined;
  /** Account ids a user clause value names: an account id, an email or a display name. */
  readonly resolveUser: (text: string) => readonly string[];
  /**
   * The site's statuses, issue types, priorities, resolutions, components and browsable projects. Without it
   * the engine accepts any name (matching nothing) and sorts names alphabetically and priorities by Jira's
   * default scheme.
   */
  readonly catalog?: JqlCatalog;
  /** A person's display name, which ORDER BY on user fields sorts by; without it they sort by account id. */
  readonly displayNameOf?: (accountId: string) => string | undefined;
}

export interface CompiledJql {
  readonly matches: (issue: JqlIssue) => boolean;
  /** ORDER BY as a comparator; the default order is `created DESC` then key, as in Jira. */
  readonly compare: (a: JqlIssue, b: JqlIssue) => number;
  /** False when the query has no restriction at all (e.g. only `ORDER BY`); `search/jql` rejects it. */
  readonly bounded: boolean;
}

export interface JqlEngine {
  /** Throws `JqlError` for syntax errors and for anything it does not support. */
  compile(jql: string, context: JqlContext): CompiledJql;
}

/** A query Jira would refuse; `messages` use Jira's wording where it has one. */
export class JqlError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join(' '));
    this.name = 'JqlError';
  }
}

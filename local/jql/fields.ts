/**
 * The fields JQL can name on this site: system fields (with Jira's aliases), custom fields by id or name, and
 * indexed issue-property values by path or search alias. Each knows how to compile a clause and how to sort.
 */
import type { Field } from '@atlaskit/jql-ast';
import {
  checkListUsage,
  comparison,
  compileValueClause,
  effectiveOp,
  EQUALITY_OPS,
  ORDERED_OPS,
  type Op,
  type Predicate,
  type ValueDomain,
} from './clause';
import {
  dateTimeDomain,
  dayDomain,
  exactDomain,
  groupDomain,
  listOf,
  nameDomain,
  numberDomain,
  priorityDomain,
  priorityRanker,
  projectDomain,
  resolutionDomain,
  STATUS_CATEGORY_ORDER,
  statusCategoryDomain,
  userDomain,
} from './domains';
import { fail, messages } from './errors';
import { functionKind, unescapeJql, type FlatOperand } from './operands';
import { analyse, compileTextQuery, type AnalysedText } from './text-search';
import type { JqlContext, JqlCustomField, JqlIssue, JqlNamed, JqlPropertyIndex } from './types';

export type SortValue = string | number | undefined;

export interface SearchField {
  /** Canonical id: two names with one id are aliases (`type` and `issuetype`). */
  readonly id: string;
  /** The name as written in the query, for messages. */
  readonly name: string;
  /** `negated` asks for the clause under NOT, which Jira evaluates with the operator inverted. */
  clause(op: Op, operand: FlatOperand, negated: boolean): Predicate;
  /** Absent when the field cannot be sorted on. */
  readonly sort?: { readonly key: (issue: JqlIssue) => SortValue; readonly descendingByDefault: boolean };
}

type Reader = (issue: JqlIssue) => unknown;

function valueField(
  id: string,
  name: string,
  domain: ValueDomain,
  context: JqlContext,
  sort?: SearchField['sort'],
): SearchField {
  return {
    id,
    name,
    clause: (op, operand, negated) => compileValueClause(name, domain, op, operand, negated, context),
    sort: sort ?? { key: domainSortKey(domain), descendingByDefault: false },
  };
}

/** Sorts on the smallest number, or on the sorted string values joined. */
function domainSortKey(domain: ValueDomain): (issue: JqlIssue) => SortValue {
  return (issue) => {
    const values = domain.values(issue);
    if (!values.length) return undefined;
    if (values.every((value) => typeof value === 'number')) return Math.min(...(values as number[]));
    return values
      .map((value) => String(value).toLowerCase())
      .sort()
      .join('\u0000');
  };
}

const ascending = (key: (issue: JqlIssue) => SortValue) => ({ key, descendingByDefault: false });

/**
 * Jira sorts statuses, issue types and resolutions by the site's order of them (the workflow's order for
 * statuses), not alphabetically; without the catalog they sort by name.
 */
function catalogSort(
  read: (issue: JqlIssue) => string | null,
  known: readonly JqlNamed[] | undefined,
): SearchField['sort'] {
  if (!known) return undefined;
  const order = known.map((entry) => entry.name.toLowerCase());
  return ascending((issue) => {
    const name = read(issue);
    if (name === null) return undefined;
    const index = order.indexOf(name.toLowerCase());
    return index < 0 ? order.length : index;
  });
}

/** Jira sorts people by display name (the account id only breaks ties between namesakes). */
function userSort(read: Reader, context: JqlContext): SearchField['sort'] {
  return ascending((issue) => {
    const people = listOf(read(issue)).filter((entry): entry is string => typeof entry === 'string');
    if (!people.length) return undefined;
    return people
      .map(
        (accountId) => `${(context.displayNameOf?.(accountId) ?? accountId).toLowerCase()}\u0001${accountId}`,
      )
      .sort()
      .join('\u0000');
  });
}

function userField(id: string, name: string, read: Reader, context: JqlContext): SearchField {
  return valueField(id, name, userDomain(name, read, context), context, userSort(read, context));
}

/** Free-text fields: `~` and `!~` with Jira's text-search syntax; `text` takes only `~`. */
function textField(
  id: string,
  name: string,
  read: (issue: JqlIssue) => readonly string[],
  options: { operators: readonly Op[]; emptyState: boolean; sortable?: boolean },
): SearchField {
  const clause = (op: Op, operand: FlatOperand, negated: boolean): Predicate => {
    if (!options.operators.includes(op)) fail(messages.operatorNotSupported(op, name));
    const effective = effectiveOp(op, negated);
    const [item] = operand.items;
    if (op === 'is' || op === 'is not' || item?.kind === 'empty') {
      if (operand.isList || operand.items.length !== 1 || item?.kind !== 'empty')
        fail(messages.isWithValue(op, name));
      if (!options.emptyState) fail(messages.emptyNotSupported(name));
      const wantEmpty = effective === 'is' || effective === '~';
      return (issue) => (read(issue).length === 0) === wantEmpty;
    }
    checkListUsage(name, op, operand);
    if (item?.kind === 'function') {
      functionKind(item);
      return fail(messages.functionInvalidForField(item.name, name));
    }
    const query = compileTextQuery(item?.kind === 'value' ? item.value : '', name);
    const analysed = new Map<string, AnalysedText>();
    const matches = (text: string) => {
      let document = analysed.get(text);
      if (!document) {
        document = analyse(text);
        analysed.set(text, document);
      }
      return query.matches(document);
    };
    if (effective === '~') return (issue) => read(issue).some(matches);
    return (issue) => {
      const texts = read(issue);
      return texts.length > 0 && !texts.some(matches);
    };
  };
  const sort = options.sortable ? ascending((issue) => read(issue)[0]?.toLowerCase()) : undefined;
  return { id, name, clause, sort };
}

const texts = (...values: unknown[]): string[] =>
  values
    .flatMap((value) => listOf(value))
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '');

/** `key`, `issuekey`, `issue`, `id`: issue keys (case-insensitive) or ids; `<` `>` compare keys of one project. */
function issueKeyField(name: string): SearchField {
  type Target = { id: string } | { project: string; number: number };
  const clause = (op: Op, operand: FlatOperand, negated: boolean): Predicate => {
    if (![...EQUALITY_OPS, ...ORDERED_OPS].includes(op)) fail(messages.operatorNotSupported(op, name));
    checkListUsage(name, op, operand);
    const targets: Target[] = operand.items.map((item): Target => {
      if (item.kind === 'empty') return fail(messages.emptyNotSupported(name));
      if (item.kind === 'function') {
        functionKind(item);
        return fail(messages.functionInvalidForField(item.name, name));
      }
      const value = item.value.trim();
      if (/^\d+$/.test(value)) return { id: String(Number(value)) };
      const key = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/.exec(value);
      if (!key) return fail(messages.invalidIssueKey(item.value, name));
      return { project: (key[1] ?? '').toUpperCase(), number: Number(key[2]) };
    });
    const effective = effectiveOp(op, negated);
    const is = (issue: JqlIssue, target: Target) =>
      'id' in target
        ? issue.id === target.id
        : issue.projectKey.toUpperCase() === target.project && issue.keyNumber === target.number;
    if (effective === '=' || effective === 'in')
      return (issue) => targets.some((target) => is(issue, target));
    if (effective === '!=' || effective === 'not in')
      return (issue) => !targets.some((target) => is(issue, target));
    const test = comparison(effective);
    return (issue) =>
      targets.some((target) =>
        'id' in target
          ? test(Number(issue.id), Number(target.id))
          : issue.projectKey.toUpperCase() === target.project && test(issue.keyNumber, target.number),
      );
  };
  return {
    id: 'issuekey',
    name,
    clause,
    sort: ascending(
      (issue) => `${issue.projectKey.toUpperCase()}\u0000${String(issue.keyNumber).padStart(12, '0')}`,
    ),
  };
}

type SystemFieldFactory = (name: string, context: JqlContext) => SearchField;

const dateSort = (read: (issue: JqlIssue) => Date | null) => ({
  key: (issue: JqlIssue) => read(issue)?.getTime(),
  descendingByDefault: true,
});

const SYSTEM_FIELDS: Readonly<Record<string, SystemFieldFactory>> = {
  project: (name, context) =>
    valueField(
      'project',
      name,
      projectDomain(name, context),
      context,
      ascending((issue) => issue.projectName.toLowerCase()),
    ),
  issuetype: (name, context) =>
    valueField(
      'issuetype',
      name,
      nameDomain(name, (issue) => issue.issueType, false, context.catalog?.issueTypes),
      context,
      catalogSort((issue) => issue.issueType, context.catalog?.issueTypes),
    ),
  status: (name, context) =>
    valueField(
      'status',
      name,
      nameDomain(name, (issue) => issue.status, false, context.catalog?.statuses),
      context,
      catalogSort((issue) => issue.status, context.catalog?.statuses),
    ),
  statuscategory: (name, context) =>
    valueField(
      'statuscategory',
      name,
      statusCategoryDomain(name),
      context,
      ascending((issue) => STATUS_CATEGORY_ORDER.indexOf(issue.statusCategory.toLowerCase())),
    ),
  assignee: (name, context) => userField('assignee', name, (issue) => issue.assigneeAccountId, context),
  reporter: (name, context) => userField('reporter', name, (issue) => issue.reporterAccountId, context),
  creator: (name, context) => userField('creator', name, (issue) => issue.creatorAccountId, context),
  labels: (name, context) =>
    valueField(
      'labels',
      name,
      exactDomain((issue) => issue.labels),
      context,
    ),
  component: (name, context) =>
    valueField(
      'component',
      name,
      nameDomain(name, (issue) => issue.components, true, context.catalog?.components),
      context,
    ),
  priority: (name, context) => {
    const rank = priorityRanker(context);
    return valueField('priority', name, priorityDomain(name, context), context, {
      key: (issue) => (issue.priority === null ? undefined : (rank(issue.priority) ?? 0)),
      descendingByDefault: true,
    });
  },
  resolution: (name, context) =>
    valueField(
      'resolution',
      name,
      resolutionDomain(name, context),
      context,
      catalogSort((issue) => issue.resolution, context.catalog?.resolutions),
    ),
  created: (name, context) =>
    valueField(
      'created',
      name,
      dateTimeDomain(name, (issue) => issue.created, context),
      context,
      dateSort((i) => i.created),
    ),
  updated: (name, context) =>
    valueField(
      'updated',
      name,
      dateTimeDomain(name, (issue) => issue.updated, context),
      context,
      dateSort((i) => i.updated),
    ),
  resolutiondate: (name, context) =>
    valueField(
      'resolutiondate',
      name,
      dateTimeDomain(name, (issue) => issue.resolutionDate, context),
      context,
      dateSort((issue) => issue.resolutionDate),
    ),
  summary: (name) =>
    textField('summary', name, (issue) => texts(issue.summary), {
      operators: ['~', '!~', 'is', 'is not'],
      emptyState: false,
      sortable: true,
    }),
  description: (name) =>
    textField('description', name, (issue) => texts(issue.descriptionText), {
      operators: ['~', '!~', 'is', 'is not'],
      emptyState: true,
    }),
  comment: (name) =>
    textField('comment', name, (issue) => texts(issue.commentText), {
      operators: ['~', '!~', 'is', 'is not'],
      emptyState: false,
    }),
  text: (name) =>
    textField('text', name, (issue) => texts(issue.summary, issue.descriptionText, issue.commentText), {
      operators: ['~'],
      emptyState: false,
    }),
  issuekey: (name) => issueKeyField(name),
};

const SYSTEM_ALIASES: Readonly<Record<string, string>> = {
  type: 'issuetype',
  createddate: 'created',
  updateddate: 'updated',
  resolved: 'resolutiondate',
  key: 'issuekey',
  issue: 'issuekey',
  id: 'issuekey',
};

/** Jira fields this site keeps no data for: refused plainly rather than reported as unknown. */
const JIRA_FIELDS_NOT_HERE = new Set(
  [
    'affectedVersion',
    'approvals',
    'attachments',
    'category',
    'due',
    'duedate',
    'environment',
    'epic link',
    'filter',
    'fixVersion',
    'issueLink',
    'issueLinkType',
    'lastViewed',
    'level',
    'originalEstimate',
    'parent',
    'parentEpic',
    'rank',
    'remainingEstimate',
    'request',
    'savedFilter',
    'sprint',
    'statusCategoryChangedDate',
    'subtasks',
    'team',
    'timeEstimate',
    'timeOriginalEstimate',
    'timeSpent',
    'voter',
    'votes',
    'watcher',
    'watchers',
    'workRatio',
  ].map((name) => name.toLowerCase()),
);

/** The field as Jira names it in messages: `status`, `cf[10010]`, `issue.property[triage].state`. */
export function fieldLabel(field: Field): string {
  const properties = (field.properties ?? []).map((property) => {
    const key = property.key ? unescapeJql(property.key.text) : '';
    const path = (property.path ?? []).map((segment) => unescapeJql(segment.text)).join('');
    return `[${key}]${path}`;
  });
  return `${unescapeJql(field.text)}${properties.join('')}`;
}

/** Looks a field up by the name written in a clause or ORDER BY; undefined when no such field exists. */
export function lookupField(field: Field, context: JqlContext): SearchField | undefined {
  const name = unescapeJql(field.text);
  if (field.properties && field.properties.length) return propertyField(field, context);
  const lower = name.toLowerCase();
  const system = SYSTEM_FIELDS[SYSTEM_ALIASES[lower] ?? lower];
  if (system) return system(name, context);
  const customId = /^cf\[(\d+)\]$/i.exec(name)?.[1] ?? /^customfield_(\d+)$/i.exec(name)?.[1];
  if (customId !== undefined) {
    const custom = context.customFields.find((candidate) => candidate.id === `customfield_${customId}`);
    return custom ? customField(custom, name, context) : undefined;
  }
  const alias = context.propertyIndexes.find((index) => index.searchAlias?.toLowerCase() === lower);
  if (alias) return propertyIndexField(alias, name, context);
  const named = context.customFields.filter((candidate) => candidate.name.toLowerCase() === lower);
  if (named.length) return anyOf(named.map((custom) => customField(custom, name, context)));
  if (JIRA_FIELDS_NOT_HERE.has(lower)) fail(messages.fieldNotSupportedLocally(name));
  return undefined;
}

/** Several custom fields with one name: Jira runs the clause on each and takes any match (NOT included). */
function anyOf(fields: SearchField[]): SearchField {
  const [first] = fields;
  if (fields.length === 1 && first) return first;
  return {
    id: fields.map((field) => field.id).join('|'),
    name: first?.name ?? '',
    clause: (op, operand, negated) => {
      const predicates = fields.map((field) => field.clause(op, operand, negated));
      return (issue) => predicates.some((predicate) => predicate(issue));
    },
    sort: first?.sort,
  };
}

function customField(custom: JqlCustomField, name: string, context: JqlContext): SearchField {
  const read: Reader = (issue) => issue.customFields[custom.id];
  switch (custom.type) {
    case 'user':
      return userField(custom.id, name, read, context);
    case 'string':
      return valueField(custom.id, name, exactDomain(read), context);
    case 'number':
      return valueField(custom.id, name, numberDomain(name, read), context);
    case 'date':
      return valueField(custom.id, name, dayDomain(name, read, context), context);
    case 'datetime':
      return valueField(custom.id, name, dateTimeDomain(name, read, context), context);
    case 'group':
      return valueField(custom.id, name, groupDomain(name, read, context), context);
    case 'object':
      return { id: custom.id, name, clause: () => fail(messages.objectFieldNotSupported(name)) };
  }
}

function propertyField(field: Field, context: JqlContext): SearchField | undefined {
  const [property, ...rest] = field.properties ?? [];
  if (!property?.key || rest.length) return undefined;
  const key = unescapeJql(property.key.text);
  const path = (property.path ?? [])
    .map((segment) => unescapeJql(segment.text))
    .join('')
    .replace(/^\./, '');
  const index = context.propertyIndexes.find(
    (candidate) => candidate.propertyKey === key && candidate.path === path,
  );
  if (!index) return undefined;
  return propertyIndexField(index, `issue.property[${key}]${path ? `.${path}` : ''}`, context);
}

/** The values at a dotted path in a property's JSON; arrays on the way are searched element by element. */
export function propertyValues(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of path.split('.').filter(Boolean)) {
    current = current
      .flatMap((entry) => (Array.isArray(entry) ? entry : [entry]))
      .flatMap((entry) =>
        entry !== null && typeof entry === 'object' && Object.prototype.hasOwnProperty.call(entry, segment)
          ? [(entry as Record<string, unknown>)[segment]]
          : [],
      );
  }
  return current.flatMap((entry) => (Array.isArray(entry) ? entry : [entry]));
}

function propertyIndexField(index: JqlPropertyIndex, name: string, context: JqlContext): SearchField {
  const read: Reader = (issue) => propertyValues(issue.properties[index.propertyKey], index.path);
  const id = `issue.property[${index.propertyKey}].${index.path}`;
  switch (index.type) {
    case 'string':
      return valueField(id, name, exactDomain(read), context);
    case 'number':
      return valueField(id, name, numberDomain(name, read), context);
    case 'date':
      return valueField(id, name, dateTimeDomain(name, read, context), context);
    case 'user':
      return userField(id, name, read, context);
    case 'text':
      return textField(id, name, (issue) => texts(read(issue)), {
        operators: ['~', '!~', 'is', 'is not'],
        emptyState: true,
        sortable: true,
      });
  }
}

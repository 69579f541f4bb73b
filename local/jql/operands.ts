/**
 * The right-hand side of a clause, flattened from the AST, and the JQL functions this site evaluates.
 */
import type { Operand } from '@atlaskit/jql-ast';
import { fail, messages } from './errors';
import { addCalendar, fromLocal, toLocal, type LocalDateTime } from './time';
import type { JqlContext } from './types';

export interface ValueItem {
  readonly kind: 'value';
  /** Semantic value (quotes and escapes removed). */
  readonly value: string;
  readonly quoted: boolean;
}
export interface EmptyItem {
  readonly kind: 'empty';
}
export interface FunctionItem {
  readonly kind: 'function';
  readonly name: string;
  readonly args: readonly string[];
  /** As Jira prints it in messages: `membersOf(jira-users)`. */
  readonly display: string;
}
export type OperandItem = ValueItem | EmptyItem | FunctionItem;

export interface FlatOperand {
  /** A parenthesised list, or a function that returns a list (`membersOf`). */
  readonly isList: boolean;
  readonly items: readonly OperandItem[];
  readonly display: string;
}

/** Decodes JQL escapes (`\"`, `\'`, `\t`, `\n`, `\r`, `\\`, `\ `, `\uXXXX`) in a token's literal text. */
export function unescapeJql(text: string): string {
  const quoted = text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0]);
  const body = quoted ? text.slice(1, -1) : text;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return escape === 't' ? '\t' : escape === 'n' ? '\n' : escape === 'r' ? '\r' : escape;
  });
}

export function isQuoted(text: string): boolean {
  return text.startsWith('"') || text.startsWith("'");
}

export function flattenOperand(operand: Operand): FlatOperand {
  const items: OperandItem[] = [];
  const collect = (node: Operand): void => {
    switch (node.operandType) {
      case 'list':
        node.values.forEach(collect);
        return;
      case 'keyword':
        items.push({ kind: 'empty' });
        return;
      case 'function': {
        const name = unescapeJql(node.function.text);
        const args = node.arguments.map((argument) => unescapeJql(argument.text));
        items.push({ kind: 'function', name, args, display: `${name}(${args.join(', ')})` });
        return;
      }
      case 'value':
        items.push({ kind: 'value', value: unescapeJql(node.text), quoted: isQuoted(node.text) });
        return;
    }
  };
  collect(operand);
  const display = items.map(displayItem).join(', ');
  if (operand.operandType === 'list') return { isList: true, items, display: `(${display})` };
  const only = items[0];
  const isList = only?.kind === 'function' && LIST_FUNCTIONS.has(only.name.toLowerCase());
  return { isList, items, display };
}

function displayItem(item: OperandItem): string {
  return item.kind === 'empty' ? 'EMPTY' : item.kind === 'function' ? item.display : item.value;
}

const LIST_FUNCTIONS = new Set(['membersof']);
const USER_FUNCTIONS = new Set(['currentuser', 'membersof']);
const DATE_FUNCTIONS: Readonly<Record<string, { edge: 'start' | 'end'; unit: 'd' | 'M' | 'y' }>> = {
  startofday: { edge: 'start', unit: 'd' },
  endofday: { edge: 'end', unit: 'd' },
  startofmonth: { edge: 'start', unit: 'M' },
  endofmonth: { edge: 'end', unit: 'M' },
  startofyear: { edge: 'start', unit: 'y' },
  endofyear: { edge: 'end', unit: 'y' },
};

/** Jira Cloud functions this site knows by name but does not evaluate: a clear refusal, not "unknown". */
const JIRA_FUNCTIONS_NOT_HERE = new Set(
  [
    'startOfWeek',
    'endOfWeek',
    'currentLogin',
    'lastLogin',
    'issueHistory',
    'watchedIssues',
    'votedIssues',
    'linkedIssues',
    'openSprints',
    'closedSprints',
    'futureSprints',
    'releasedVersions',
    'unreleasedVersions',
    'latestReleasedVersion',
    'earliestUnreleasedVersion',
    'componentsLeadByUser',
    'projectsLeadByUser',
    'projectsWhereUserHasPermission',
    'projectsWhereUserHasRole',
    'standardIssueTypes',
    'subtaskIssueTypes',
    'cascadeOption',
    'updatedBy',
    'approved',
    'approver',
    'myApproval',
    'myPending',
    'pending',
    'pendingBy',
    'breached',
    'completed',
    'elapsed',
    'everBreached',
    'paused',
    'remaining',
    'running',
    'withinCalendarHours',
    'issuesWithRemoteLinksByGlobalId',
    'lastCommentedBy',
  ].map((name) => name.toLowerCase()),
);

export type FunctionKind = 'user' | 'date';

/** Checks the function exists here; returns what kind of value it yields. */
export function functionKind(item: FunctionItem): FunctionKind {
  const name = item.name.toLowerCase();
  if (USER_FUNCTIONS.has(name)) return 'user';
  if (name === 'now' || name in DATE_FUNCTIONS) return 'date';
  if (JIRA_FUNCTIONS_NOT_HERE.has(name)) return fail(messages.functionNotSupportedLocally(item.name));
  return fail(messages.noSuchFunction(item.display));
}

/** Account ids from `currentUser()` (none for the app itself) or `membersOf("group")`. */
export function evaluateUserFunction(item: FunctionItem, context: JqlContext): readonly string[] {
  const name = item.name.toLowerCase();
  if (name === 'currentuser') {
    if (item.args.length) fail(messages.functionArgumentCount('currentUser', 0, item.args.length));
    return context.currentAccountId ? [context.currentAccountId] : [];
  }
  if (item.args.length !== 1) fail(messages.functionArgumentCount('membersOf', 1, item.args.length));
  const group = item.args[0] ?? '';
  const members = context.membersOf(group);
  if (!members) return fail(messages.membersOfNoGroup(group));
  return members;
}

/** Epoch milliseconds from `now()`, `startOfDay("-1d")`, `endOfMonth(+1)` and the like. */
export function evaluateDateFunction(item: FunctionItem, context: JqlContext): number {
  const name = item.name.toLowerCase();
  const nowMs = context.now.getTime();
  if (name === 'now') {
    if (item.args.length) fail(messages.functionArgumentCount('now', 0, item.args.length));
    return nowMs;
  }
  const spec = DATE_FUNCTIONS[name];
  if (!spec) return fail(messages.noSuchFunction(item.display));
  const canonical = canonicalName(name);
  if (item.args.length > 1) fail(messages.functionArgumentRange(canonical, 0, 1, item.args.length));
  const offset = item.args[0] === undefined ? undefined : parseOffset(item.args[0], spec.unit, canonical);
  let local = toLocal(nowMs, context.timeZone);
  // Calendar offsets move the day first, then the edge of the period is taken (endOfMonth(-1M) ends last month).
  if (offset && offset.unit !== 'h' && offset.unit !== 'm')
    local = addCalendar(local, offset.unit, offset.amount);
  const edge = periodEdge(local, spec.unit, spec.edge);
  let ms = fromLocal(edge, context.timeZone);
  if (offset?.unit === 'h') ms += offset.amount * 3_600_000;
  if (offset?.unit === 'm') ms += offset.amount * 60_000;
  return ms;
}

function canonicalName(lower: string): string {
  return lower.replace(/^(start|end)of(day|month|year)$/, (_, edge: string, unit: string) => {
    return `${edge}Of${unit[0]?.toUpperCase() ?? ''}${unit.slice(1)}`;
  });
}

function parseOffset(
  text: string,
  defaultUnit: 'd' | 'M' | 'y',
  name: string,
): { unit: 'y' | 'M' | 'w' | 'd' | 'h' | 'm'; amount: number } {
  const match = /^\s*([+-]?)(\d+)([yMwdhm]?)\s*$/.exec(text);
  if (!match) return fail(messages.functionDuration(name));
  const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  const unit = (match[3] || defaultUnit) as 'y' | 'M' | 'w' | 'd' | 'h' | 'm';
  return { unit, amount };
}

function periodEdge(local: LocalDateTime, unit: 'd' | 'M' | 'y', edge: 'start' | 'end'): LocalDateTime {
  const start: LocalDateTime = {
    year: local.year,
    month: unit === 'y' ? 1 : local.month,
    day: unit === 'd' ? local.day : 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
  if (edge === 'start') return start;
  const next = addCalendar(start, unit, 1);
  // The last millisecond before the next period starts, as Jira's endOf… functions return.
  const previousDay = addCalendar(next, 'd', -1);
  return { ...previousDay, hour: 23, minute: 59, second: 59, millisecond: 999 };
}

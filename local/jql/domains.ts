/**
 * The kinds of values JQL fields hold, each with Jira's comparison rules: names and keys case-insensitive,
 * labels and string values exact, users by account id, numbers, date-times and dates.
 */
import { EMPTY_OPS, EQUALITY_OPS, ORDERED_OPS, type Key, type ValueDomain } from './clause';
import { fail, messages } from './errors';
import type { ValueItem } from './operands';
import {
  dayNumber,
  dayNumberOfInstant,
  parseCalendarDate,
  parsePeriod,
  storedDayNumber,
  storedInstant,
  fromLocal,
} from './time';
import type { JqlContext, JqlIssue, JqlNamed } from './types';

type Reader = (issue: JqlIssue) => unknown;

/** Reads a stored value as a list: null/undefined/'' are empty, arrays are multi-valued. */
export function listOf(value: unknown): readonly unknown[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value))
    return value.filter((entry) => entry !== null && entry !== undefined && entry !== '');
  return [value];
}

const strings = (value: unknown): string[] =>
  listOf(value).flatMap((entry) =>
    typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean'
      ? [String(entry)]
      : [],
  );

const operators = (emptyState: boolean, ...groups: (readonly string[])[]) =>
  [...groups.flat(), ...(emptyState ? EMPTY_OPS : [])] as ValueDomain['operators'];

/**
 * A value looked up among what exists, as Jira reads a name-or-id operand: an unquoted number is an id first
 * and a name second, anything else a name (case-insensitive) first and an id second.
 */
export function findNamed<T extends JqlNamed>(
  known: readonly T[],
  item: ValueItem,
  alsoMatches: (entry: T, lower: string) => boolean = () => false,
): T | undefined {
  const lower = item.value.toLowerCase();
  const byName = () => known.find((entry) => entry.name.toLowerCase() === lower || alsoMatches(entry, lower));
  const byId = () =>
    /^\d+$/.test(item.value.trim()) ? known.find((entry) => entry.id === item.value.trim()) : undefined;
  return item.quoted ? (byName() ?? byId()) : (byId() ?? byName());
}

/**
 * Names compared case-insensitively (status, issue type, component…). With the site's list of what exists
 * (`known`), a name or id not in it is refused as Jira refuses it. Without one the engine sees names only, so a
 * numeric literal, which Jira would also read as an id, is refused rather than silently matching nothing.
 */
export function nameDomain(
  field: string,
  read: Reader,
  emptyState: boolean,
  known?: readonly JqlNamed[],
): ValueDomain {
  return {
    operators: operators(emptyState, EQUALITY_OPS),
    emptyState,
    values: (issue) => strings(read(issue)).map((name) => name.toLowerCase()),
    literal: (item) => {
      if (known) {
        const found = findNamed(known, item);
        if (!found) return fail(messages.valueDoesNotExist(item.value, field));
        return [found.name.toLowerCase()];
      }
      if (/^\d+$/.test(item.value.trim())) fail(messages.idsNotSupported(item.value, field));
      return [item.value.toLowerCase()];
    },
  };
}

/** Values compared exactly (labels, string custom fields, string property values). */
export function exactDomain(read: Reader, emptyState = true): ValueDomain {
  return {
    operators: operators(emptyState, EQUALITY_OPS),
    emptyState,
    values: (issue) => strings(read(issue)),
    literal: (item) => [item.value],
  };
}

/** Users by account id; a literal may be an account id, an email or a display name. */
export function userDomain(field: string, read: Reader, context: JqlContext, emptyState = true): ValueDomain {
  return {
    operators: operators(emptyState, EQUALITY_OPS),
    emptyState,
    users: true,
    values: (issue) => strings(read(issue)),
    literal: (item) => {
      const accountIds = context.resolveUser(item.value);
      if (!accountIds.length) fail(messages.valueDoesNotExist(item.value, field));
      return accountIds;
    },
  };
}

/** Groups by name, case-insensitive; the group must exist. */
export function groupDomain(field: string, read: Reader, context: JqlContext): ValueDomain {
  return {
    operators: operators(true, EQUALITY_OPS),
    emptyState: true,
    values: (issue) => strings(read(issue)).map((group) => group.toLowerCase()),
    literal: (item) => {
      if (!context.membersOf(item.value)) fail(messages.groupDoesNotExist(item.value, field));
      return [item.value.toLowerCase()];
    },
  };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function numberDomain(field: string, read: Reader): ValueDomain {
  return {
    operators: operators(true, EQUALITY_OPS, ORDERED_OPS),
    emptyState: true,
    values: (issue) =>
      listOf(read(issue)).flatMap((entry) => {
        const number =
          typeof entry === 'number'
            ? entry
            : typeof entry === 'string' && NUMBER.test(entry)
              ? Number(entry)
              : NaN;
        return Number.isFinite(number) ? [number] : [];
      }),
    literal: (item) => {
      if (!NUMBER.test(item.value.trim())) fail(messages.invalidNumber(item.value, field));
      return [Number(item.value)];
    },
    rank: (key) => (typeof key === 'number' ? key : undefined),
  };
}

/** A date-time literal as epoch ms, in the searcher's zone; undefined when it is not one of Jira's forms. */
export function parseDateTimeLiteral(text: string, context: JqlContext): number | undefined {
  const period = parsePeriod(text);
  if (period !== undefined) return context.now.getTime() + period;
  const date = parseCalendarDate(text);
  if (date) {
    const wall = { ...date, hour: date.hour ?? 0, minute: date.minute ?? 0, second: 0, millisecond: 0 };
    return fromLocal(wall, context.timeZone);
  }
  if (/^-?\d{1,15}$/.test(text.trim())) return Number(text);
  return undefined;
}

/** Date-times (created, updated, datetime custom fields, date properties) as epoch milliseconds. */
export function dateTimeDomain(
  field: string,
  read: Reader,
  context: JqlContext,
  emptyState = true,
): ValueDomain {
  return {
    operators: operators(emptyState, EQUALITY_OPS, ORDERED_OPS),
    emptyState,
    values: (issue) =>
      listOf(read(issue)).flatMap((entry) => {
        const ms = entry instanceof Date ? entry.getTime() : storedInstant(entry);
        return ms === undefined || Number.isNaN(ms) ? [] : [ms];
      }),
    literal: (item) => {
      const ms = parseDateTimeLiteral(item.value, context);
      if (ms === undefined) return fail(messages.invalidDate(item.value, field));
      return [ms];
    },
    instant: (ms) => ms,
    rank: (key) => (typeof key === 'number' ? key : undefined),
  };
}

/** Dates without time (date custom fields) as day numbers; relative periods count from today in the searcher's zone. */
export function dayDomain(field: string, read: Reader, context: JqlContext): ValueDomain {
  return {
    operators: operators(true, EQUALITY_OPS, ORDERED_OPS),
    emptyState: true,
    values: (issue) =>
      listOf(read(issue)).flatMap((entry) => {
        const day = storedDayNumber(entry);
        return day === undefined ? [] : [day];
      }),
    literal: (item: ValueItem) => {
      const period = parsePeriod(item.value);
      if (period !== undefined) return [dayNumberOfInstant(context.now.getTime() + period, context.timeZone)];
      const date = parseCalendarDate(item.value);
      if (!date || date.hour !== undefined) return fail(messages.invalidDay(item.value, field));
      return [dayNumber(date.year, date.month, date.day)];
    },
    instant: (ms) => dayNumberOfInstant(ms, context.timeZone),
    rank: (key) => (typeof key === 'number' ? key : undefined),
  };
}

/** Jira's default priority scheme, highest first; `priority > Low` means more urgent than Low. */
export const DEFAULT_PRIORITIES = ['highest', 'high', 'medium', 'low', 'lowest'];

/** Ranks priority names for `<` `>` and ORDER BY: the most urgent ranks highest. */
export function priorityRanker(context: JqlContext): (name: Key) => number | undefined {
  const order =
    context.catalog?.priorities.map((priority) => priority.name.toLowerCase()) ?? DEFAULT_PRIORITIES;
  return (name) => {
    const index = order.indexOf(String(name).toLowerCase());
    return index < 0 ? undefined : order.length - index;
  };
}

/**
 * Priorities by name or id: the site's own when the context has its catalog, else Jira's default scheme
 * (1 Highest … 5 Lowest).
 */
export function priorityDomain(field: string, context: JqlContext): ValueDomain {
  const known = context.catalog?.priorities;
  const names = nameDomain(field, (issue) => issue.priority, true, known);
  return {
    ...names,
    operators: operators(true, EQUALITY_OPS, ORDERED_OPS),
    literal: (item) => {
      if (known) return names.literal(item);
      const byId = DEFAULT_PRIORITIES[Number(item.value.trim()) - 1];
      return /^\d+$/.test(item.value.trim()) && byId ? [byId] : names.literal(item);
    },
    rank: priorityRanker(context),
  };
}

/** Status categories by name (`To Do`), key (`new`) or id (`2`). */
const STATUS_CATEGORIES: Readonly<Record<string, string>> = {
  'to do': 'to do',
  new: 'to do',
  '2': 'to do',
  'in progress': 'in progress',
  indeterminate: 'in progress',
  '4': 'in progress',
  done: 'done',
  '3': 'done',
  'no category': 'no category',
  undefined: 'no category',
  '1': 'no category',
};

export const STATUS_CATEGORY_ORDER = ['no category', 'to do', 'in progress', 'done'];

export function statusCategoryDomain(field: string): ValueDomain {
  return {
    operators: EQUALITY_OPS,
    emptyState: false,
    values: (issue) => [
      STATUS_CATEGORIES[issue.statusCategory.toLowerCase()] ?? issue.statusCategory.toLowerCase(),
    ],
    literal: (item) => {
      const category = STATUS_CATEGORIES[item.value.toLowerCase()];
      if (!category) return fail(messages.valueDoesNotExist(item.value, field));
      return [category];
    },
  };
}

/**
 * Projects by key or name (case-insensitive) or id. With the catalog only the projects the searcher may browse
 * exist: any other is refused exactly like a missing one, so a search cannot reveal that it exists.
 */
export function projectDomain(field: string, context: JqlContext): ValueDomain {
  const projects = context.catalog?.projects;
  if (projects) {
    return {
      operators: EQUALITY_OPS,
      emptyState: false,
      values: (issue) => [`id:${issue.projectId}`],
      literal: (item) => {
        const found = findNamed(projects, item, (project, lower) => project.key.toLowerCase() === lower);
        if (!found) return fail(messages.valueDoesNotExist(item.value, field));
        return [`id:${found.id}`];
      },
    };
  }
  return {
    operators: EQUALITY_OPS,
    emptyState: false,
    values: (issue) => [
      issue.projectKey.toLowerCase(),
      issue.projectName.toLowerCase(),
      `id:${issue.projectId}`,
    ],
    literal: (item) => [item.value.toLowerCase(), `id:${item.value}`],
  };
}

/** Resolutions by name or id; `Unresolved` is EMPTY. */
export function resolutionDomain(field: string, context: JqlContext): ValueDomain {
  const names = nameDomain(field, (issue) => issue.resolution, true, context.catalog?.resolutions);
  return {
    ...names,
    literal: (item) => (item.value.toLowerCase() === 'unresolved' ? 'empty' : names.literal(item)),
  };
}

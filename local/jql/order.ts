/**
 * ORDER BY as a comparator. Without ORDER BY the order is `created DESC`; ties are broken by the issue key
 * (newest number first) so that paging is stable. Empty values sort last ascending and first descending.
 */
import type { OrderBy } from '@atlaskit/jql-ast';
import { fail, messages } from './errors';
import { fieldLabel, lookupField, type SortValue } from './fields';
import type { JqlContext, JqlIssue } from './types';

type Comparator = (a: JqlIssue, b: JqlIssue) => number;

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

const byCreatedDescending: Comparator = (a, b) => b.created.getTime() - a.created.getTime();

const byKeyDescending: Comparator = (a, b) =>
  b.keyNumber - a.keyNumber ||
  compareValues(a.projectKey.toUpperCase(), b.projectKey.toUpperCase()) ||
  compareValues(a.id, b.id);

export function compileOrderBy(orderBy: OrderBy | void, context: JqlContext): Comparator {
  const comparators: Comparator[] = [];
  const seen = new Map<string, string>();
  for (const entry of orderBy?.fields ?? []) {
    const field = lookupField(entry.field, context);
    const name = field?.name ?? fieldLabel(entry.field);
    if (!name) return fail('Error in the JQL Query: A field name cannot be empty.');
    if (!field) return fail(messages.cannotSort(name));
    const sort = field.sort;
    if (!sort) return fail(messages.fieldNotSortable(name));
    const earlier = seen.get(field.id);
    if (earlier !== undefined) {
      fail(
        earlier.toLowerCase() === name.toLowerCase()
          ? messages.sortFieldRepeated(name)
          : messages.sortFieldAlias(name, earlier),
      );
    }
    seen.set(field.id, name);
    const direction = entry.direction?.value;
    const descending = direction ? direction.toUpperCase() === 'DESC' : sort.descendingByDefault;
    const sign = descending ? -1 : 1;
    comparators.push((a, b) => sign * compareValues(sort.key(a), sort.key(b)));
  }
  if (!comparators.length) comparators.push(byCreatedDescending);
  comparators.push(byKeyDescending);
  return (a, b) => {
    for (const comparator of comparators) {
      const result = comparator(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

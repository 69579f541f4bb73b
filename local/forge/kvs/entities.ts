import type { StorageEntity } from '../manifest';
import { badRequest, KvsApiError, MAX_ENTITY_QUERY_LIMIT } from './limits';
import type { KvsEntry } from './store';

/**
 * The Custom Entity Store's rules: values must fit the entity declared in `app.storage.entities`, and
 * complex queries run over a declared index (partition, range condition, filters, sort). Filters are also
 * the conditions of transaction operations on entities.
 */

export interface EntityFilter {
  readonly property: string;
  readonly condition: string;
  readonly values: readonly unknown[];
}

export type EntityFilters = { readonly and?: readonly EntityFilter[]; readonly or?: readonly EntityFilter[] };

export function findEntity(entities: readonly StorageEntity[], name: string): StorageEntity {
  const entity = entities.find((e) => e.name === name);
  // local: the docs do not name the code for an entity missing from the manifest.
  if (!entity)
    throw badRequest(
      'ENTITY_NOT_FOUND',
      `Entity ${name} is not declared in app.storage.entities of manifest.yml.`,
    );
  return entity;
}

export function checkEntityValue(entity: StorageEntity, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(
      'INVALID_ENTITY_VALUE',
      `A value of entity ${entity.name} must be an object of its attributes.`,
    );
  }
  for (const [name, attributeValue] of Object.entries(value)) {
    const attribute = entity.attributes[name];
    if (!attribute) {
      throw badRequest('INVALID_ENTITY_VALUE', `Entity ${entity.name} has no attribute ${name}.`);
    }
    if (!fitsType(attribute.type, attributeValue)) {
      throw badRequest(
        'INVALID_ENTITY_VALUE',
        `Attribute ${name} of entity ${entity.name} must be of type ${attribute.type}.`,
      );
    }
  }
}

function fitsType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    default:
      return true;
  }
}

/** Checks the `{ and | or: [...] }` shape; returns the operator and its filters. */
export function checkFilters(filters: unknown): { operator: 'and' | 'or'; items: readonly EntityFilter[] } {
  const f = (filters ?? {}) as EntityFilters;
  if (f.and !== undefined && f.or !== undefined) {
    throw badRequest(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  const operator = f.or !== undefined ? 'or' : 'and';
  const items = f[operator];
  if (!Array.isArray(items) || items.length === 0) {
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  }
  for (const item of items as EntityFilter[]) checkCondition(item.condition, item.values);
  return { operator, items };
}

const VALUE_COUNTS: Readonly<Record<string, number>> = {
  BEGINS_WITH: 1,
  BETWEEN: 2,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};

function checkCondition(condition: unknown, values: unknown): void {
  const count = typeof condition === 'string' ? VALUE_COUNTS[condition] : undefined;
  if (count === undefined)
    throw badRequest('INVALID_FILTER_CONDITION', `The condition ${String(condition)} is not supported.`);
  if (!Array.isArray(values) || values.length < count) {
    throw badRequest(
      count === 2 ? 'INSUFFICIENT_FILTER_VALUES' : 'INVALID_FILTER_VALUES',
      `The condition ${String(condition)} needs ${count} value(s).`,
    );
  }
}

/** Evaluates one condition on an attribute value (undefined when the item lacks the attribute). */
export function conditionHolds(condition: string, values: readonly unknown[], actual: unknown): boolean {
  const [a, b] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && actual === a;
    case 'NOT_EQUAL_TO':
      return actual !== a;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(a));
    case 'CONTAINS':
      return (typeof actual === 'string' || Array.isArray(actual)) && actual.includes(a as never);
    case 'NOT_CONTAINS':
      return !((typeof actual === 'string' || Array.isArray(actual)) && actual.includes(a as never));
    case 'BETWEEN':
      return comparable(actual, a) && compare(actual, a) >= 0 && compare(actual, b) <= 0;
    case 'GREATER_THAN':
      return comparable(actual, a) && compare(actual, a) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(actual, a) && compare(actual, a) >= 0;
    case 'LESS_THAN':
      return comparable(actual, a) && compare(actual, a) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(actual, a) && compare(actual, a) <= 0;
    default:
      return false;
  }
}

export function filtersHold(
  filters: { operator: 'and' | 'or'; items: readonly EntityFilter[] },
  value: unknown,
): boolean {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const results = filters.items.map((f) => conditionHolds(f.condition, f.values, record[f.property]));
  return filters.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function comparable(x: unknown, y: unknown): boolean {
  return (typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string');
}

function compare(x: unknown, y: unknown): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const xs = String(x);
  const ys = String(y);
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}

interface EntityQueryRequest {
  readonly entityName: string;
  readonly indexName?: unknown;
  readonly partition?: unknown;
  readonly range?: { condition?: unknown; values?: unknown };
  readonly filters?: unknown;
  readonly sort?: unknown;
  readonly limit?: unknown;
  readonly cursor?: unknown;
}

/** An entity's declared indexes in one shape (a bare string names a range-only index). */
export function indexesOf(
  entity: StorageEntity,
): Array<{ name: string; range: readonly string[]; partition: readonly string[] }> {
  return (entity.indexes ?? []).map((i) =>
    typeof i === 'string' ? { name: i, range: [i], partition: [] } : { ...i, partition: i.partition ?? [] },
  );
}

/**
 * Runs a complex query over one partition of an index and returns one page and the next cursor.
 * `entriesOf` gives the live entries of the partition (or more: they are filtered here again).
 */
export function queryEntity(
  entity: StorageEntity,
  entriesOf: (indexName: string, partition: readonly unknown[]) => readonly KvsEntry[],
  request: EntityQueryRequest,
): { page: KvsEntry[]; cursor?: string } {
  const index = indexesOf(entity).find((i) => i.name === request.indexName);
  if (!index) {
    throw badRequest(
      'INVALID_ENTITY_INDEX',
      `Entity ${entity.name} has no index ${String(request.indexName)}.`,
    );
  }
  const rangeAttribute = index.range[0] as string;
  const partitionAttributes = index.partition ?? [];
  const partition = request.partition === undefined ? [] : request.partition;
  if (!Array.isArray(partition) || partition.length !== partitionAttributes.length) {
    throw badRequest(
      'INVALID_PARTITION',
      `Index ${index.name} is partitioned by [${partitionAttributes.join(', ')}]; pass one value for each.`,
    );
  }
  const limit = request.limit ?? 10;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_ENTITY_QUERY_LIMIT) {
    throw badRequest(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      `The page limit must be set between 1 and ${MAX_ENTITY_QUERY_LIMIT}.`,
    );
  }
  if (request.range) checkCondition(request.range.condition, request.range.values);
  const filters = request.filters === undefined ? undefined : checkFilters(request.filters);
  const offset = decodeOffset(request.cursor);

  const matching = entriesOf(index.name, partition).filter((entry) => {
    const record = entry.value as Record<string, unknown>;
    if (record[rangeAttribute] === undefined) return false;
    if (!partitionAttributes.every((attribute, i) => record[attribute] === partition[i])) return false;
    if (
      request.range &&
      !conditionHolds(
        String(request.range.condition),
        request.range.values as unknown[],
        record[rangeAttribute],
      )
    ) {
      return false;
    }
    return !filters || filtersHold(filters, record);
  });
  const direction = request.sort === 'DESC' ? -1 : 1;
  matching.sort((x, y) => {
    const byRange = compare(
      (x.value as Record<string, unknown>)[rangeAttribute],
      (y.value as Record<string, unknown>)[rangeAttribute],
    );
    return direction * (byRange !== 0 ? byRange : x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  });
  const page = matching.slice(offset, offset + limit);
  const next = offset + limit;
  return { page, ...(next < matching.length ? { cursor: encodeCursor({ offset: next }) } : {}) };
}

export function encodeCursor(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: unknown): Record<string, unknown> | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const state = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown;
    if (typeof state === 'object' && state !== null) return state as Record<string, unknown>;
  } catch {
    // falls through
  }
  // local: the docs do not name the code for a cursor the store did not issue.
  throw new KvsApiError(400, 'INVALID_CURSOR', 'The cursor is not one this query returned.');
}

function decodeOffset(cursor: unknown): number {
  const state = decodeCursor(cursor);
  if (!state) return 0;
  if (typeof state.offset !== 'number' || !Number.isInteger(state.offset) || state.offset < 0) {
    throw new KvsApiError(400, 'INVALID_CURSOR', 'The cursor is not one this query returned.');
  }
  return state.offset;
}

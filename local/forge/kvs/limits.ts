/**
 * Forge hosted storage limits and the error codes the KVS API answers with when one is broken, so that the
 * real `@forge/kvs` raises the same `ForgeKvsAPIError { code, message }` as in production.
 *
 * Sources: developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs (codes KEY_TOO_SHORT,
 * KEY_TOO_LONG, INVALID_KEY, MAX_SIZE, MAX_DEPTH, INVALID_FILTER_CONDITION, INVALID_FILTER_VALUES,
 * LIST_QUERY_LIMIT_EXCEEDED, QUERY_WHERE_INVALID, QUERY_WHERE_FIELD_INVALID), handling-errors-customentities
 * (EMPTY_KEY, ENTITY_TYPE_*, INVALID_ENTITY_*, COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE, *_FILTER_*), the
 * transactions and batch pages (25 operations, each key once, 4 MB), and `@forge/kvs` 1.6.5 itself
 * (KEY_NOT_FOUND is what its client maps to `undefined`). Codes the docs do not name are marked "local".
 */

export const MAX_KEY_LENGTH = 500;
/** The documented key pattern, as written (in a non-unicode character class `\s-#` is `\s`, `-` and `#`). */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
/** 240 KiB of serialised JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;
/** "maximum object depth (32)". */
export const MAX_VALUE_DEPTH = 32;
/**
 * Page size of `kvs.query()`. The docs disagree: the query page says "up to a maximum of 20", the error table
 * says "should be below 100". The local site enforces 20, the strictest, so code that pages correctly here
 * also does in production.
 */
export const MAX_QUERY_LIMIT = 20;
export const DEFAULT_QUERY_LIMIT = 10;
/** Custom Entity Store complex queries: "The page limit must be set between 1 and 100." */
export const MAX_ENTITY_QUERY_LIMIT = 100;
export const MAX_TRANSACTION_OPERATIONS = 25;
export const MAX_BATCH_ITEMS = 25;
/** Transactions and batch operations: 4 MB per request. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const ENTITY_NAME_PATTERN = /^(?![.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;

/** A rejected KVS request: becomes a non-2xx response with body `{ code, message }`. */
export class KvsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsApiError';
  }
}

export const badRequest = (code: string, message: string): KvsApiError => new KvsApiError(400, code, message);

export type StoreKind = 'kvs' | 'secret' | 'entity';

export function checkKey(key: unknown, kind: StoreKind): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw kind === 'entity'
      ? badRequest('EMPTY_KEY', 'Key cannot be empty.')
      : badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN.toString()}`);
  }
  return key;
}

/** Checks a value and returns its serialised form. */
export function checkValue(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'function' || typeof value === 'symbol') {
    // local: the docs only list array | boolean | number | object | string as storable values.
    throw badRequest('INVALID_VALUE', 'The value must be a string, number, boolean, array or object.');
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw badRequest('INVALID_VALUE', 'Numbers must be finite.');
  }
  if (depthOf(value) > MAX_VALUE_DEPTH) {
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit.`,
    );
  }
  const serialised = JSON.stringify(value);
  if (Buffer.byteLength(serialised, 'utf8') > MAX_VALUE_BYTES) {
    throw badRequest(
      'MAX_SIZE',
      `The provided value has exceeded the maximum size limit (${MAX_VALUE_BYTES} bytes).`,
    );
  }
  return serialised;
}

export function checkEntityName(name: unknown): string {
  if (typeof name !== 'string' || name.length < 3) {
    throw badRequest('ENTITY_TYPE_TOO_SHORT', 'The provided entity name needs to be more than 3 characters.');
  }
  if (name.length > 60) {
    throw badRequest(
      'ENTITY_TYPE_TOO_LARGE',
      'The provided entity name has exceeded the maximum 60 characters.',
    );
  }
  if (!ENTITY_NAME_PATTERN.test(name)) {
    throw badRequest(
      'INVALID_ENTITY_TYPE',
      `The provided entity name does not match the regex: ${ENTITY_NAME_PATTERN}`,
    );
  }
  return name;
}

const TTL_UNITS: Readonly<Record<string, number>> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/** `options.ttl` → milliseconds, or undefined when no TTL is asked for. */
export function ttlMillis(options: unknown): number | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const ttl = (options as { ttl?: unknown }).ttl;
  if (ttl === undefined) return undefined;
  const { value, unit } = (ttl ?? {}) as { value?: unknown; unit?: unknown };
  const factor = typeof unit === 'string' ? TTL_UNITS[unit] : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || factor === undefined) {
    // local: the docs do not name this code.
    throw badRequest(
      'INVALID_TTL',
      'ttl needs a positive integer value and a unit of SECONDS, MINUTES, HOURS or DAYS.',
    );
  }
  return value * factor;
}

/**
 * Nesting depth of arrays and objects: a scalar is 0, `{ a: 1 }` is 1. Stops counting past `cap`, so a
 * hostile, very deep value cannot exhaust the stack.
 */
export function depthOf(value: unknown, cap = MAX_VALUE_DEPTH + 1): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (cap <= 0) return 1;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, cap - 1));
    if (deepest >= cap) break;
  }
  return deepest + 1;
}

import type { StorageEntity } from '../manifest';
import {
  checkEntityValue,
  checkFilters,
  decodeCursor,
  encodeCursor,
  filtersHold,
  findEntity,
  indexesOf,
  queryEntity,
} from './entities';
import {
  badRequest,
  checkEntityName,
  checkKey,
  checkValue,
  DEFAULT_QUERY_LIMIT,
  KvsApiError,
  MAX_BATCH_ITEMS,
  MAX_QUERY_LIMIT,
  MAX_REQUEST_BYTES,
  MAX_TRANSACTION_OPERATIONS,
  ttlMillis,
  type StoreKind,
} from './limits';
import type { KvsEntry, KvsStore } from './store';

/**
 * The Forge KVS REST API as `@forge/kvs` 1.6.5 calls it through `__forge_fetch__({ type: 'kvs' }, path,
 * { method: 'POST', body })`: request and response shapes follow `out/storage-api.js` and
 * `out/interfaces/kvs-api.d.ts`. Failures answer `{ code, message }`, which the package turns into
 * `ForgeKvsAPIError`; a missing key answers 404 `KEY_NOT_FOUND`, which it turns into `undefined`.
 */
export interface KvsApiResponse {
  readonly status: number;
  /** JSON body; undefined for an empty body. */
  readonly body?: unknown;
}

type Body = Record<string, unknown>;

export function createKvsApi(store: KvsStore, entities: readonly StorageEntity[]) {
  store.defineIndexes(
    entities.flatMap((entity) =>
      indexesOf(entity).map((index) => ({
        entityName: entity.name,
        indexName: index.name,
        partition: index.partition,
        range: index.range[0] as string,
      })),
    ),
  );

  const endpoints: Record<string, (body: unknown) => KvsApiResponse> = {
    '/api/v1/get': (body) => getOne('kvs', body as Body),
    '/api/v1/set': (body) => setOne('kvs', body as Body),
    '/api/v1/delete': (body) => deleteOne('kvs', body as Body),
    '/api/v1/secret/get': (body) => getOne('secret', body as Body),
    '/api/v1/secret/set': (body) => setOne('secret', body as Body),
    '/api/v1/secret/delete': (body) => deleteOne('secret', body as Body),
    '/api/v1/entity/get': (body) => getOne('entity', body as Body),
    '/api/v1/entity/set': (body) => setOne('entity', body as Body),
    '/api/v1/entity/delete': (body) => deleteOne('entity', body as Body),
    '/api/v1/query': (body) => query(body as Body),
    '/api/v1/entity/query': (body) => entityQuery(body as Body),
    '/api/v1/batch/set': (body) => batch('set', body),
    '/api/v1/batch/delete': (body) => batch('delete', body),
    '/api/v1/batch/get': (body) => batch('get', body),
    '/api/v1/transaction': (body) => transaction(body as Body),
  };

  /** Handles one request: `path` as sent by the package, `rawBody` the JSON text. */
  function handle(path: string, rawBody: string | undefined): KvsApiResponse {
    const endpoint = endpoints[path.split('?')[0] as string];
    if (!endpoint) {
      return { status: 404, body: { code: 'NOT_FOUND', message: `The local KVS has no endpoint ${path}.` } };
    }
    try {
      if (rawBody !== undefined && Buffer.byteLength(rawBody, 'utf8') > MAX_REQUEST_BYTES) {
        throw new KvsApiError(
          413,
          'PAYLOAD_TOO_LARGE',
          `A request may carry at most ${MAX_REQUEST_BYTES} bytes.`,
        );
      }
      let body: unknown;
      try {
        body = rawBody === undefined || rawBody === '' ? {} : JSON.parse(rawBody);
      } catch {
        throw badRequest('INVALID_REQUEST', 'The request body is not valid JSON.');
      }
      if (typeof body !== 'object' || body === null)
        throw badRequest('INVALID_REQUEST', 'The request body must be JSON.');
      return endpoint(body);
    } catch (error) {
      if (error instanceof KvsApiError)
        return { status: error.status, body: { code: error.code, message: error.message } };
      return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: (error as Error).message } };
    }
  }

  function entityNameOf(kind: StoreKind, body: Body): string {
    if (kind !== 'entity') return '';
    const name = checkEntityName(body.entityName);
    findEntity(entities, name);
    return name;
  }

  function getOne(kind: StoreKind, body: Body): KvsApiResponse {
    const entityName = entityNameOf(kind, body);
    const key = checkKey(body.key, kind);
    const entry = store.read(kind, entityName, key);
    if (!entry)
      return { status: 404, body: { code: 'KEY_NOT_FOUND', message: `The key ${key} does not exist.` } };
    return { status: 200, body: withMetadata(entry, ALL_METADATA) };
  }

  function setOne(kind: StoreKind, body: Body): KvsApiResponse {
    const entityName = entityNameOf(kind, body);
    const key = checkKey(body.key, kind);
    const serialised = checkValue(body.value);
    if (kind === 'entity') checkEntityValue(findEntity(entities, entityName), body.value);
    const options = (body.options ?? {}) as {
      keyPolicy?: unknown;
      returnValue?: unknown;
      returnMetadataFields?: unknown;
    };
    const ttl = ttlMillis(options);
    if (
      options.keyPolicy !== undefined &&
      options.keyPolicy !== 'OVERRIDE' &&
      options.keyPolicy !== 'FAIL_IF_EXISTS'
    ) {
      throw badRequest('INVALID_REQUEST', 'keyPolicy must be OVERRIDE or FAIL_IF_EXISTS.');
    }
    const result = store.atomically(() => {
      if (options.keyPolicy === 'FAIL_IF_EXISTS' && store.read(kind, entityName, key)) {
        // Code as reported by developers for @forge/kvs ≥ 1.3.0 (HTTP 409); not in the error table.
        throw new KvsApiError(409, 'KEY_CONFLICT', `The key ${key} already exists.`);
      }
      return store.write(kind, entityName, key, serialised, ttl);
    });
    if (options.returnValue === undefined) return { status: 204 };
    const returned = options.returnValue === 'PREVIOUS' ? result.previous : result.latest;
    if (!returned) return { status: 204 };
    return { status: 200, body: withMetadata(returned, ALL_METADATA) };
  }

  function deleteOne(kind: StoreKind, body: Body): KvsApiResponse {
    const entityName = entityNameOf(kind, body);
    const key = checkKey(body.key, kind);
    store.remove(kind, entityName, key);
    return { status: 204 };
  }

  function query(body: Body): KvsApiResponse {
    const limit = body.limit ?? DEFAULT_QUERY_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
      throw badRequest(
        'LIST_QUERY_LIMIT_EXCEEDED',
        `Limit for list query should be between 1 and ${MAX_QUERY_LIMIT} (the local site enforces the documented maximum of 20).`,
      );
    }
    let prefix: string | undefined;
    if (body.where !== undefined) {
      if (!Array.isArray(body.where) || body.where.length !== 1) {
        throw badRequest('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
      }
      const where = body.where[0] as { property?: unknown; condition?: unknown; values?: unknown };
      if (where.property !== 'key') {
        throw badRequest('QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.');
      }
      if (where.condition !== 'BEGINS_WITH') {
        throw badRequest('INVALID_FILTER_CONDITION', 'The specified condition is not supported for filters.');
      }
      if (
        !Array.isArray(where.values) ||
        where.values.length !== 1 ||
        !['string', 'number'].includes(typeof where.values[0])
      ) {
        throw badRequest(
          'INVALID_FILTER_VALUES',
          'The specified number of values are not supported by the given condition.',
        );
      }
      prefix = String(where.values[0]);
    }
    const state = decodeCursor(body.after);
    if (state && typeof state.after !== 'string') {
      throw new KvsApiError(400, 'INVALID_CURSOR', 'The cursor is not one this query returned.');
    }
    const rows = store.scan('kvs', '', {
      prefix,
      after: state?.after as string | undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const fields = metadataFieldsOf(body.options);
    return {
      status: 200,
      body: {
        data: page.map((entry) => withMetadata(entry, fields)),
        ...(rows.length > limit && last ? { cursor: encodeCursor({ after: last.key }) } : {}),
      },
    };
  }

  function entityQuery(body: Body): KvsApiResponse {
    const entityName = checkEntityName(body.entityName);
    const entity = findEntity(entities, entityName);
    const { page, cursor } = queryEntity(
      entity,
      (indexName, partition) =>
        store.scanPartition(entityName, indexName, partition) ?? store.scan('entity', entityName),
      body as Parameters<typeof queryEntity>[2] & Body,
    );
    const fields = metadataFieldsOf(body.options ?? { metadataFields: body.metadataFields });
    return {
      status: 200,
      body: { data: page.map((entry) => withMetadata(entry, fields)), ...(cursor ? { cursor } : {}) },
    };
  }

  function batch(operation: 'set' | 'delete' | 'get', body: unknown): KvsApiResponse {
    if (!Array.isArray(body) || body.length === 0) {
      throw badRequest('INVALID_REQUEST', `A batch ${operation} needs at least one item.`);
    }
    if (body.length > MAX_BATCH_ITEMS) {
      // local: the batch page states the limit but not its code.
      throw badRequest('TOO_MANY_ITEMS', `A batch operation can contain at most ${MAX_BATCH_ITEMS} keys.`);
    }
    const seen = new Set<string>();
    for (const item of body as unknown[]) {
      if (typeof item !== 'object' || item === null)
        throw badRequest('INVALID_REQUEST', 'Batch items must be objects.');
    }
    for (const item of body as Body[]) {
      const id = `${String(item.entityName ?? '')}\u0000${String(item.key)}`;
      if (seen.has(id)) {
        throw badRequest('DUPLICATE_KEY', `The key ${String(item.key)} appears more than once in the batch.`);
      }
      seen.add(id);
    }
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of body as Body[]) {
      const kind: StoreKind = item.entityName === undefined ? 'kvs' : 'entity';
      const identity = {
        key: item.key,
        ...(item.entityName === undefined ? {} : { entityName: item.entityName }),
      };
      try {
        if (operation === 'set') {
          setOne(kind, item);
          successfulKeys.push(identity);
        } else if (operation === 'delete') {
          deleteOne(kind, item);
          successfulKeys.push(identity);
        } else {
          const entityName = entityNameOf(kind, item);
          const entry = store.read(kind, entityName, checkKey(item.key, kind));
          if (!entry)
            throw new KvsApiError(404, 'KEY_NOT_FOUND', `The key ${String(item.key)} does not exist.`);
          successfulKeys.push({ ...identity, ...withMetadata(entry, metadataFieldsOf(item.options)) });
        }
      } catch (error) {
        if (!(error instanceof KvsApiError)) throw error;
        failedKeys.push({ ...identity, error: { code: error.code, message: error.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  function transaction(body: Body): KvsApiResponse {
    const sets = listOf(body.set);
    const deletes = listOf(body.delete);
    const checks = listOf(body.check);
    const count = sets.length + deletes.length + checks.length;
    if (count === 0) throw badRequest('INVALID_REQUEST', 'A transaction needs at least one operation.');
    if (count > MAX_TRANSACTION_OPERATIONS) {
      // local: the transactions page states the limit but not its code.
      throw badRequest(
        'TOO_MANY_OPERATIONS',
        `Each transaction can contain a maximum of ${MAX_TRANSACTION_OPERATIONS} operations; this one has ${count}.`,
      );
    }
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      const id = `${String(op.entityName ?? '')}\u0000${String(op.key)}`;
      if (seen.has(id)) {
        // local: "Each key can only be used once in a transaction"; the code is not documented.
        throw badRequest(
          'DUPLICATE_KEY',
          `Each key can only be used once in a transaction; ${String(op.key)} is used twice.`,
        );
      }
      seen.add(id);
    }
    // Validate everything first: nothing is written when any operation is malformed.
    const planned = {
      sets: sets.map((op) => {
        const kind: StoreKind = op.entityName === undefined ? 'kvs' : 'entity';
        const entityName = entityNameOf(kind, op);
        const key = checkKey(op.key, kind);
        const serialised = checkValue(op.value);
        if (kind === 'entity') checkEntityValue(findEntity(entities, entityName), op.value);
        return {
          kind,
          entityName,
          key,
          serialised,
          ttl: ttlMillis(op.options),
          conditions: conditionsOf(kind, op),
        };
      }),
      deletes: deletes.map((op) => {
        const kind: StoreKind = op.entityName === undefined ? 'kvs' : 'entity';
        return {
          kind,
          entityName: entityNameOf(kind, op),
          key: checkKey(op.key, kind),
          conditions: conditionsOf(kind, op),
        };
      }),
      checks: checks.map((op) => {
        const kind: StoreKind = op.entityName === undefined ? 'kvs' : 'entity';
        const conditions = conditionsOf(kind, op);
        if (!conditions) throw badRequest('INVALID_REQUEST', 'A transaction check needs conditions.');
        return { kind, entityName: entityNameOf(kind, op), key: checkKey(op.key, kind), conditions };
      }),
    };
    store.atomically(() => {
      for (const op of [...planned.checks, ...planned.sets, ...planned.deletes]) {
        if (!op.conditions) continue;
        const current = store.read(op.kind, op.entityName, op.key);
        if (!filtersHold(op.conditions, current?.value)) {
          // local: the docs do not name the code of a failed condition.
          throw new KvsApiError(
            409,
            'CONDITIONS_NOT_MET',
            `The conditions on key ${op.key} are not met; nothing was written.`,
          );
        }
      }
      for (const op of planned.sets) store.write(op.kind, op.entityName, op.key, op.serialised, op.ttl);
      for (const op of planned.deletes) store.remove(op.kind, op.entityName, op.key);
    });
    return { status: 204 };
  }

  function conditionsOf(kind: StoreKind, op: Body) {
    if (op.conditions === undefined || op.conditions === null) return undefined;
    if (kind !== 'entity')
      throw badRequest('INVALID_REQUEST', 'Conditions apply only to custom entities (entityName).');
    return checkFilters(op.conditions);
  }

  return {
    handle,
    /** The simulated network round trip set on the store (0: none). */
    roundTripMs: () => store.roundTripMs,
  };
}

export type KvsApi = ReturnType<typeof createKvsApi>;

const ALL_METADATA = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;

function metadataFieldsOf(options: unknown): readonly string[] {
  const fields = (options as { metadataFields?: unknown } | undefined)?.metadataFields;
  return Array.isArray(fields) ? (fields as string[]) : [];
}

/** `{ key, value }` plus the asked-for metadata: createdAt / updatedAt in epoch ms, expireTime in ISO 8601. */
function withMetadata(entry: KvsEntry, fields: readonly string[]): Record<string, unknown> {
  return {
    key: entry.key,
    value: entry.value,
    ...(fields.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
    ...(fields.includes('EXPIRE_TIME') && entry.expireAt !== undefined
      ? { expireTime: new Date(entry.expireAt).toISOString() }
      : {}),
  };
}

function listOf(value: unknown): Body[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((op) => typeof op !== 'object' || op === null)) {
    throw badRequest('INVALID_REQUEST', 'Transaction operations must be lists of objects.');
  }
  return value as Body[];
}

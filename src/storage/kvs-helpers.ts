import { ForgeKvsAPIError, kvs } from '@forge/kvs';

/** Small pieces shared by the KVS repositories. */

/** Keys per `kvs.batchGet` / `batchSet` / `batchDelete` (the platform's batch limit). */
export const BATCH_LIMIT = 25;

/** A stored key: a plain KVS key, or a custom entity's row when `entityName` is given. */
export interface StoredKey {
  readonly key: string;
  readonly entityName?: string;
}

const idOf = (item: StoredKey): string => `${item.entityName ?? ''}\u0000${item.key}`;

/**
 * Reads many keys (plain or entity rows), 25 per `batchGet`, the batches side by side: one round trip for
 * up to 25 keys. The map is keyed by `idOf` (plain keys: the key after a NUL); missing keys are left out.
 */
export async function readMany(items: ReadonlyArray<string | StoredKey>): Promise<Map<string, unknown>> {
  const keys = items.map((item) => (typeof item === 'string' ? { key: item } : item));
  const batches: StoredKey[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_LIMIT) batches.push(keys.slice(i, i + BATCH_LIMIT));
  const results = await Promise.all(batches.map((batch) => kvs.batchGet<unknown>(batch.map(asItem))));
  const values = new Map<string, unknown>();
  for (const result of results) {
    for (const item of result.successfulKeys) values.set(answered(item, keys), item.value);
    const failed = result.failedKeys.find((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (failed) throw new Error(`Reading ${failed.key} from app storage failed: ${failed.error.message}`);
  }
  return values;
}

/** The key a result answers: as it names itself or, should it come back without its entity, the one asked. */
function answered(item: StoredKey, asked: readonly StoredKey[]): string {
  const id = idOf(item);
  if (asked.some((k) => idOf(k) === id)) return id;
  const sameName = asked.filter((k) => k.key === item.key);
  return sameName.length === 1 ? idOf(sameName[0] as StoredKey) : id;
}

const asItem = (item: StoredKey): StoredKey =>
  item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };

/**
 * Gathers the keys asked for while one step of an invocation runs and reads them with one `batchGet`:
 * callers ask for what they need side by side (`Promise.all`), across repositories when they share a
 * reader, and storage sees one request. The read starts once every promise continuation queued so far has
 * run (as DataLoader does), so requests made right after the same await land in the same batch.
 *
 * One reader per invocation: never share one between invocations (each call must carry its own).
 */
export class BatchReader {
  private waiting: Map<string, { readonly item: StoredKey; readonly waiters: Waiter[] }> | undefined;

  /** The stored value, or `found: false` for a missing key. */
  read(item: StoredKey): Promise<{ readonly found: boolean; readonly value: unknown }> {
    if (!this.waiting) {
      const batch = new Map<string, { readonly item: StoredKey; readonly waiters: Waiter[] }>();
      this.waiting = batch;
      void Promise.resolve().then(() =>
        process.nextTick(() => {
          this.waiting = undefined;
          void flush(batch);
        }),
      );
    }
    const batch = this.waiting;
    return new Promise((resolve, reject) => {
      const id = idOf(item);
      const entry = batch.get(id) ?? { item, waiters: [] };
      entry.waiters.push({ resolve, reject });
      batch.set(id, entry);
    });
  }

  /** The value, or undefined when the key is missing. */
  async get<T>(item: StoredKey): Promise<T | undefined> {
    const { found, value } = await this.read(item);
    return found ? (value as T) : undefined;
  }
}

interface Waiter {
  resolve(read: { readonly found: boolean; readonly value: unknown }): void;
  reject(error: unknown): void;
}

async function flush(
  batch: ReadonlyMap<string, { readonly item: StoredKey; readonly waiters: readonly Waiter[] }>,
): Promise<void> {
  try {
    const values = await readMany([...batch.values()].map((entry) => entry.item));
    for (const [id, { waiters }] of batch) {
      for (const w of waiters) w.resolve({ found: values.has(id), value: values.get(id) });
    }
  } catch (error) {
    for (const { waiters } of batch.values()) for (const w of waiters) w.reject(error);
  }
}

/**
 * A write refused because the stored value is not the one expected: a key that already exists
 * (FAIL_IF_EXISTS) or a transaction condition that no longer holds.
 */
export function isConflict(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  return (
    error.responseDetails.status === 409 ||
    ['KEY_CONFLICT', 'CONDITIONS_NOT_MET', 'CONDITIONAL_CHECK_FAILED', 'TRANSACTION_CONFLICT'].includes(
      error.code,
    )
  );
}

/** App storage was briefly unavailable or asked the app to slow down: trying again later can succeed. */
export function isRetryableStorageError(error: unknown): boolean {
  return (
    error instanceof ForgeKvsAPIError &&
    (error.responseDetails.status === 429 || error.responseDetails.status >= 500)
  );
}

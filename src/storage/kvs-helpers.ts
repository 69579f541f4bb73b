import { ForgeKvsAPIError, kvs } from '@forge/kvs';

/** Small pieces shared by the KVS repositories. */

/** Reads many plain KVS keys in batches of 25 (the batch limit); missing keys are left out of the map. */
export async function readMany(keys: readonly string[]): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (let i = 0; i < keys.length; i += 25) {
    const result = await kvs.batchGet<unknown>(keys.slice(i, i + 25).map((key) => ({ key })));
    for (const item of result.successfulKeys) values.set(item.key, item.value);
    const failed = result.failedKeys.find((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (failed) throw new Error(`Reading ${failed.key} from app storage failed: ${failed.error.message}`);
  }
  return values;
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

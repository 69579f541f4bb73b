import { kvs } from '@forge/kvs';
import type { EventLedger } from '../usecases/ports';
import { isConflict } from './kvs-helpers';

/**
 * Which product events the app already handled: Forge delivers at least once, so each event that changes
 * something claims a key first (`FAIL_IF_EXISTS`). Claims expire after a week, long after the platform's
 * last retry, so the ledger does not grow without end.
 */
const TTL_DAYS = 7;

export class KvsEventLedger implements EventLedger {
  async claim(key: string, at: Date): Promise<boolean> {
    try {
      await kvs.set(
        `event:${key}`,
        { claimedAt: at.toISOString() },
        { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: TTL_DAYS, unit: 'DAYS' } },
      );
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async release(key: string): Promise<void> {
    await kvs.delete(`event:${key}`);
  }
}

import { kvs } from '@forge/kvs';
import type { EventLedger } from '../usecases/ports';
import { BatchReader, isConflict } from './kvs-helpers';

/**
 * Which product events the app already handled: Forge delivers at least once, so each event that changes
 * something claims a key. The claim is written either on its own (`claim`, `FAIL_IF_EXISTS`) or in the
 * same transaction as the change it guards (the triage repository's `update` with `claim`), after `claimed`
 * said it is free. Claims expire after a week, long after the platform's last retry, so the ledger does
 * not grow without end.
 */
export const LEDGER_TTL = { value: 7, unit: 'DAYS' } as const;

/** The KVS key of a claim. */
export const ledgerKey = (claim: string): string => `event:${claim}`;

/** The value stored for a claim. */
export const ledgerValue = (at: Date): { readonly claimedAt: string } => ({ claimedAt: at.toISOString() });

export class KvsEventLedger implements EventLedger {
  private readonly reads: BatchReader;

  /** `reads`: the invocation's batch reader, so `claimed` rides along with the other first reads. */
  constructor(options: { readonly reads?: BatchReader } = {}) {
    this.reads = options.reads ?? new BatchReader();
  }

  async claim(key: string, at: Date): Promise<boolean> {
    try {
      await kvs.set(ledgerKey(key), ledgerValue(at), { keyPolicy: 'FAIL_IF_EXISTS', ttl: LEDGER_TTL });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async claimed(key: string): Promise<boolean> {
    return (await this.reads.read({ key: ledgerKey(key) })).found;
  }

  async release(key: string): Promise<void> {
    await kvs.delete(ledgerKey(key));
  }
}

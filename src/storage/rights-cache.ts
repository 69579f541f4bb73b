import { kvs } from '@forge/kvs';
import type { KeptRightsAnswer, RightsCache } from '../usecases/ports';
import { BatchReader } from './kvs-helpers';

/**
 * Jira's answers about people's rights, kept in KVS under the keys the use cases name
 * (`rights:<who>:<what>:<about>`). Whether an answer still counts is the use cases' decision; storage
 * only forgets answers an hour after they were kept, long after they stopped counting, so the keys do
 * not pile up.
 */
export const KEPT_RIGHTS_TTL = { value: 1, unit: 'HOURS' } as const;

export class KvsRightsCache implements RightsCache {
  private readonly reads: BatchReader;

  /** `reads`: the invocation's batch reader, so `get` rides along with the other first reads. */
  constructor(options: { readonly reads?: BatchReader } = {}) {
    this.reads = options.reads ?? new BatchReader();
  }

  async get(key: string): Promise<KeptRightsAnswer | undefined> {
    const stored = await this.reads.get<unknown>({ key });
    return isKept(stored) ? stored : undefined;
  }

  async put(key: string, kept: KeptRightsAnswer): Promise<void> {
    await kvs.set(key, kept, { ttl: KEPT_RIGHTS_TTL });
  }
}

function isKept(value: unknown): value is KeptRightsAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.askedAt === 'string' && typeof v.configVersion === 'number' && 'answer' in v;
}

import { kvs } from '@forge/kvs';
import type { SweepState } from '../usecases/ports';
import { BatchReader } from './kvs-helpers';

/**
 * What the sweep remembers between runs: where its reconcile slice stopped in the open issues (the change
 * time of the last one it checked, never a query cursor, which the platform says must not be kept).
 */
const CURSOR_KEY = 'sweep:reconcile-after';

export class KvsSweepState implements SweepState {
  private readonly reads: BatchReader;

  constructor(options: { readonly reads?: BatchReader } = {}) {
    this.reads = options.reads ?? new BatchReader();
  }

  async reconcileAfter(): Promise<string> {
    const { found, value } = await this.reads.read({ key: CURSOR_KEY });
    return found && typeof value === 'string' ? value : '';
  }

  async saveReconcileAfter(after: string): Promise<void> {
    await kvs.set(CURSOR_KEY, after);
  }
}

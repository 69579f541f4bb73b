import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { fail, ok, type Reply } from './reply';

/**
 * Resolvers of the dashboard gadgets. Gadget views read a snapshot kept in KVS and never call Jira, so a
 * dashboard full of gadgets costs no rate-limit points. Routing and triage keep the snapshots current.
 */
export interface GadgetSnapshot {
  readonly takenAt: string | null;
  readonly rows: readonly unknown[];
}

const EMPTY: GadgetSnapshot = { takenAt: null, rows: [] };

function snapshotResolver(snapshotKey: string) {
  const resolver = new Resolver();
  resolver.define('getSnapshot', async ({ context }): Promise<Reply<GadgetSnapshot>> => {
    if (!context.accountId) return fail('Sign in to see this gadget.');
    return ok((await kvs.get<GadgetSnapshot>(snapshotKey)) ?? EMPTY);
  });
  return resolver.getDefinitions();
}

export const spocWorkloadGadgetResolver = snapshotResolver('snapshot:workload');
export const spocEscalationsGadgetResolver = snapshotResolver('snapshot:escalations');

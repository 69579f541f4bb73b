import { compareWithProperty, recordPropertyRepair } from '../../domain';
import type { AppJira, Clock, ConfigurationReader, TriageRepository } from '../ports';
import { sendOutbox } from './send-outbox';
import { withNotice, type StoredTriageEntry } from './triage-entry';

/**
 * The searchable `spoc` copy on an issue is only a copy: anyone who can edit the issue can rewrite or
 * delete it. Wherever the app sees the copy (an event that carries it, the panel, a queue, the sweep's
 * reconcile slice), it compares it with its own record and, when they differ, writes the copy again,
 * noting the repair in the history. A copy the app is about to write anyway is left alone.
 */
export interface RepairDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
}

export type RepairOutcome =
  | { readonly repaired: false; readonly stored: StoredTriageEntry }
  | { readonly repaired: true; readonly stored: StoredTriageEntry; readonly differences: readonly string[] };

export async function repairCopyIfChanged(
  stored: StoredTriageEntry,
  readBack: unknown,
  deps: RepairDeps,
): Promise<RepairOutcome> {
  if (stored.entry.outbox.some((w) => w.kind === 'edit' || w.kind === 'property')) {
    return { repaired: false, stored };
  }
  const comparison = compareWithProperty(stored.entry.record, readBack);
  if (comparison.matches) return { repaired: false, stored };
  const now = deps.clock.now();
  const [head, policy] = await Promise.all([deps.config.head(), deps.config.policy()]);
  const text = `The spoc property differed from the app's record and was rewritten: ${comparison.differences.join(' ')}`;
  const next = {
    ...withNotice(stored.entry, { at: now.toISOString(), kind: 'property-repaired', text }),
    record: recordPropertyRepair(stored.entry.record, {
      at: now,
      note: comparison.differences.join(' '),
      historyLimit: policy.historyLimit,
    }),
    outbox: [...stored.entry.outbox, { kind: 'property' as const }],
  };
  const revision = await deps.triage.update(next, stored.revision, now);
  const sent = await sendOutbox(
    { entry: next, revision },
    { ...deps, internalCommentRole: head.settings.internalCommentRole },
  );
  return { repaired: true, stored: sent, differences: comparison.differences };
}

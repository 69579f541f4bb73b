import { appJira, userJira } from '../jira/forge-jira';
import { KvsConfigurationRepository } from '../storage/configuration-repository';
import { KvsEventLedger } from '../storage/event-ledger';
import { BatchReader } from '../storage/kvs-helpers';
import { KvsTriageRepository } from '../storage/triage-repository';

/**
 * Fresh adapters for one invocation: each repository reads what it needs at most once, and reads asked for
 * side by side (a triage record and the configuration head, say) go to storage as one batch, as in the trigger.
 */
export function resolverDependencies() {
  const reads = new BatchReader();
  return {
    clock: { now: () => new Date() },
    config: new KvsConfigurationRepository({ reads }),
    triage: new KvsTriageRepository({ reads }),
    ledger: new KvsEventLedger({ reads }),
    jira: appJira(),
    user: userJira(),
  };
}

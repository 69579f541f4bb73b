import { appJira, userJira } from '../jira/forge-jira';
import { KvsConfigurationRepository } from '../storage/configuration-repository';
import { KvsEventLedger } from '../storage/event-ledger';
import { KvsTriageRepository } from '../storage/triage-repository';

/** Fresh adapters for one invocation: each repository reads what it needs at most once. */
export function resolverDependencies() {
  return {
    clock: { now: () => new Date() },
    config: new KvsConfigurationRepository(),
    triage: new KvsTriageRepository(),
    ledger: new KvsEventLedger(),
    jira: appJira(),
    user: userJira(),
  };
}

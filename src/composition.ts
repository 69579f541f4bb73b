import { appJira, userJira } from './jira/forge-jira';
export { issueFactsFrom } from './jira/issue-service';
import { KvsConfigurationRepository } from './storage/configuration-repository';
import { KvsEventLedger } from './storage/event-ledger';
import { BatchReader, isRetryableStorageError } from './storage/kvs-helpers';
import { KvsRightsCache } from './storage/rights-cache';
import { KvsSweepState } from './storage/sweep-state-repository';
import { KvsTriageRepository } from './storage/triage-repository';

/**
 * The one place that wires the app: the adapters the use cases' ports are made of (KVS repositories, the
 * Jira services), fresh for each invocation. Triggers and resolvers take them from here and never build
 * an adapter themselves. One batch reader per invocation, so reads asked for side by side (a triage record
 * and the configuration head, say) go to storage as one `batchGet`.
 */
export function appDependencies() {
  const reads = new BatchReader();
  return {
    clock: { now: () => new Date() },
    config: new KvsConfigurationRepository({ reads }),
    triage: new KvsTriageRepository({ reads }),
    ledger: new KvsEventLedger({ reads }),
    sweepState: new KvsSweepState({ reads }),
    /** Jira's answers about people's rights, kept a few minutes for views (never for writes). */
    rights: new KvsRightsCache({ reads }),
    /** Jira as the app itself (`asApp()`): only after the caller's own permissions were checked. */
    jira: appJira(),
  };
}

/** What a resolver works with: the app's adapters, and Jira as the signed-in person (`asUser()`). */
export function resolverDependencies() {
  return { ...appDependencies(), user: userJira() };
}

export type AppDependencies = ReturnType<typeof appDependencies>;
export type ResolverDependencies = ReturnType<typeof resolverDependencies>;

/** Whether app storage failed in a way that trying again shortly can fix (the trigger then asks to be retried). */
export const isPassingStorageFailure = isRetryableStorageError;

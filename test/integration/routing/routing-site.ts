import type { ProductEvent } from '../../../local/events';
import type { DemoSeed } from '../../../local/seed/types';
import { PEOPLE, seedAppDemo, SPOC_DEMO, type AppDemo } from '../../../local/spoc-demo';
import { startTestSite, TEST_START, type PersonClient, type TestSite } from '../../support/site';

/**
 * The local site with SPOC for Jira configured by its demo seed, for the routing tests.
 *
 * The local Forge host makes the app's `Date` follow the site clock during an invocation. These tests also
 * fake the test file's own `Date` (timers stay real) and move it with the site clock, so expectations they
 * compute from `new Date()` agree with what the app saw.
 */
export { PEOPLE };

export interface RoutingSite extends TestSite {
  readonly demo: AppDemo;
  /** HTTP as the seeded person with this account id. */
  asPerson(accountId: string): PersonClient;
  /** Every product event the site emitted, oldest first. */
  readonly emitted: ProductEvent[];
  /** The SPOC field's id (`customfield_…`). */
  readonly spocFieldId: string;
  /** Calls a resolver of the app as a person, as the bridge's `invoke` would. */
  invoke<T = unknown>(
    moduleKey: 'spoc-panel' | 'spoc-project-page' | 'spoc-workload-gadget' | 'spoc-escalations-gadget',
    functionKey: string,
    asAccountId: string,
    options?: { payload?: unknown; issueKey?: string; projectKey?: string },
  ): Promise<{ ok: true; data: T } | { ok: false; error: string }>;
  /** Files an issue over REST as the person, waits until the app has handled it, and answers its key and id. */
  fileIssue(reporter: string, fields: Record<string, unknown>): Promise<{ key: string; id: string }>;
  /** App requests logged since the given log id. */
  appRequestsSince(
    id: number,
  ): Promise<ReadonlyArray<{ id: number; method: string; path: string; status: number; points: number }>>;
  lastLogId(): Promise<number>;
}

const ALL_BUT_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** `seed`: the Jira data to start from instead of the demo (it should hold the demo's people and projects). */
export async function startRoutingSite(options: { seed?: DemoSeed } = {}): Promise<RoutingSite> {
  jest.useFakeTimers({ doNotFake: [...ALL_BUT_DATE], now: TEST_START });
  const site = await startTestSite(options.seed ? { profile: { ...SPOC_DEMO, seed: options.seed } } : {});
  site.clock.onChange((now) => jest.setSystemTime(now));
  const emitted: ProductEvent[] = [];
  site.events.subscribe((event) => emitted.push(event));
  const email = (accountId: string) => {
    const person = site.jira.store.getUser(accountId);
    if (!person?.email) throw new Error(`No seeded person ${accountId}`);
    return person.email;
  };
  const demo = await seedAppDemo(site);
  const fields = (await site.as(email(PEOPLE.sam)).get('/rest/api/3/field')).body as Array<{
    id: string;
    name: string;
  }>;
  const spocField = fields.find((f) => f.name === 'SPOC');
  if (!spocField) throw new Error('The SPOC field is not registered');

  const routing: Omit<RoutingSite, keyof TestSite> = {
    demo,
    emitted,
    spocFieldId: spocField.id,
    asPerson: (accountId) => site.as(email(accountId)),
    async invoke(moduleKey, functionKey, asAccountId, options = {}) {
      const issue = options.issueKey ? site.jira.store.getIssue(options.issueKey) : undefined;
      const context =
        moduleKey === 'spoc-panel'
          ? { extension: { issue: issue ? { id: issue.id, key: issue.key } : {} } }
          : moduleKey === 'spoc-project-page'
            ? { extension: { project: { key: options.projectKey ?? 'SUP' } } }
            : {
                extension: {
                  gadgetConfiguration: {
                    maxRows: 10,
                    ...(options.projectKey ? { projectKey: options.projectKey } : {}),
                  },
                },
              };
      return (await site.forge.invokeResolver({
        moduleKey,
        functionKey,
        payload: options.payload,
        accountId: asAccountId,
        context,
      })) as never;
    },
    async fileIssue(reporter, issueFields) {
      const created = await site.as(email(reporter)).post('/rest/api/3/issue', { fields: issueFields });
      if (created.status !== 201)
        throw new Error(`Filing failed: ${created.status} ${JSON.stringify(created.body)}`);
      await site.idle();
      return { key: created.body.key, id: created.body.id };
    },
    async appRequestsSince(id) {
      const log = await site.anonymous.get(`/local/api/requests?since=${id}&caller=app`);
      return log.body.entries.filter((e: { caller: string }) => e.caller === 'app');
    },
    async lastLogId() {
      const log = await site.anonymous.get('/local/api/requests');
      const entries = log.body.entries as Array<{ id: number }>;
      return entries.length ? (entries[entries.length - 1] as { id: number }).id : 0;
    },
  };
  return Object.assign(site, routing);
}

export async function stopRoutingSite(site: RoutingSite | undefined): Promise<void> {
  await site?.close();
  jest.useRealTimers();
}

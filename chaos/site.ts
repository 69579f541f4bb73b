/** What the chaos runs share: a demo site delivering like Forge, filing as a client, and reading the outcome. */
import { asClient, file, lastLogId } from '../bench/common';
import { SiteClock } from '../local/clock';
import { seededRandom } from '../local/gateway/testing/tiny-jira';
import { startSite, type Site } from '../local/site';
import { PEOPLE, SPOC_DEMO } from '../local/spoc-demo';
import type { DeliverySettings } from '../local/forge/dispatcher';

export { lastLogId, PEOPLE };

export async function chaosSite(delivery: Partial<DeliverySettings>, seed: number): Promise<Site> {
  return startSite({
    profile: SPOC_DEMO,
    clock: new SiteClock('frozen', new Date('2026-11-23T10:00:00Z')),
    delivery,
    random: seededRandom(seed),
  });
}

/** Files a client issue over REST without waiting for the app (its events queue up and run side by side). */
export const fileClientIssue = (site: Site, summary: string) => file(site, asClient, summary);

/**
 * Lets site time pass a minute at a time until no delivery is running or waiting for a retry and `done`
 * says so (or `maxMinutes` have passed): redeliveries fall due and the sweep runs every five minutes.
 */
export async function drain(site: Site, done: () => boolean, maxMinutes = 240): Promise<number> {
  await site.idle();
  let minutes = 0;
  while (minutes < maxMinutes && (site.forge.pendingRetries().length > 0 || !done())) {
    site.clock.advanceMinutes(1);
    minutes += 1;
    await site.idle();
  }
  return minutes;
}

const textOf = (node: {
  type: string;
  text?: string;
  attrs?: { text?: string };
  content?: unknown[];
}): string =>
  node.type === 'text'
    ? (node.text ?? '')
    : node.type === 'mention'
      ? (node.attrs?.text ?? '')
      : ((node.content ?? []) as Array<Parameters<typeof textOf>[0]>).map(textOf).join('');

const ROUTING_COMMENT = /^(Routed to |Nobody could take this issue)/;

export interface IssueOutcome {
  readonly key: string;
  /** The app's routing comments on the issue (one when it was routed once). */
  readonly routingComments: number;
  /** The app stored a decision: its `spoc` property has a state. */
  readonly decided: boolean;
  /** Jira shows what the app's record says: assignee and SPOC field are the record's SPOC. */
  readonly consistent: boolean;
  readonly spoc: string | null;
}

/** What Jira holds for the issue, read from the site's store (no request, no points). */
export function outcomeOf(site: Site, key: string): IssueOutcome {
  const store = site.jira.store;
  const issue = store.getIssue(key);
  if (!issue) throw new Error(`No issue ${key}`);
  const routingComments = store
    .listComments(issue.id)
    .filter((c) => ROUTING_COMMENT.test(textOf(c.body as unknown as Parameters<typeof textOf>[0]))).length;
  const property = store.getIssueProperty(issue.id, 'spoc');
  const value = property.found ? (property.value as { state?: string; spocAccountId?: string | null }) : null;
  const decided = typeof value?.state === 'string';
  const field = store.listAppFields().find((f) => f.name === 'SPOC');
  const fieldValue = field
    ? (store.getAppFieldValue(field.id, issue.id) as { accountId?: string } | null)
    : null;
  const spoc = value?.spocAccountId ?? null;
  const waiting = value?.state === 'awaiting-spoc';
  // What routing writes must agree while the issue waits on its SPOC; later states move the assignee on.
  const consistent =
    decided && (!waiting || spoc === null || (issue.assignee === spoc && fieldValue?.accountId === spoc));
  return { key, routingComments, decided, consistent, spoc };
}

/** The app's Jira requests and their points since the log id (the app's own and on behalf of people). */
export function appCalls(site: Site, afterId = 0): { calls: number; points: number; failed: number } {
  const entries = site.gateway.requestLog
    .entries({ afterId })
    .filter((e) => e.caller === 'app' || e.caller.startsWith('app-as-user'));
  return {
    calls: entries.length,
    points: entries.reduce((sum, e) => sum + e.points, 0),
    failed: entries.filter((e) => e.status === 429 || e.status >= 500).length,
  };
}

/** A resolver call as the person, as the bridge makes it. */
export async function invoke(
  site: Site,
  accountId: string,
  moduleKey: 'spoc-panel' | 'spoc-project-page',
  functionKey: string,
  payload: unknown,
  where: { issueKey?: string; projectKey?: string },
): Promise<{ ok: boolean; error?: string; code?: string; data?: unknown }> {
  const issue = where.issueKey ? site.jira.store.getIssue(where.issueKey) : undefined;
  const context =
    moduleKey === 'spoc-panel'
      ? { extension: { issue: { id: issue?.id, key: where.issueKey } } }
      : { extension: { project: { key: where.projectKey ?? 'SUP' } } };
  return (await site.forge.invokeResolver({ moduleKey, functionKey, payload, accountId, context })) as {
    ok: boolean;
    error?: string;
    code?: string;
    data?: unknown;
  };
}

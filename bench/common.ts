/** What the benchmark's sections share: filing and acting as people on the local site, and small statistics. */
import type { Principal } from '../local/http/types';
import type { Site } from '../local/site';
import { PEOPLE } from '../local/spoc-demo';

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The value below which `share` (0–1) of the values fall, nearest rank. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER TARGET');

/** Files an issue in SUP over REST as the person; Acme's component by default, so a client rule routes it. */
export async function file(
  site: Site,
  reporter: Principal,
  summary: string,
  components = ['Acme Portal'],
): Promise<{ id: string; key: string }> {
  const answer = await site.gateway.fetch(reporter, {
    method: 'POST',
    url: '/rest/api/3/issue',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Bug' },
        summary,
        components: components.map((name) => ({ name })),
      },
    }),
  });
  if (answer.status !== 201)
    throw new Error(`Filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; key: string };
}

export const asClient: Principal = { kind: 'user', accountId: PEOPLE.liWei };

/** A panel resolver call as the person, on the issue, exactly as the bridge makes it. */
export async function panelCall(
  site: Site,
  accountId: string,
  issueKey: string,
  functionKey: string,
  payload?: unknown,
): Promise<{ ok: boolean; error?: string; data?: unknown }> {
  const issue = site.jira.store.getIssue(issueKey);
  return (await site.forge.invokeResolver({
    moduleKey: 'spoc-panel',
    functionKey,
    payload,
    accountId,
    context: { extension: { issue: { id: issue?.id, key: issueKey } } },
  })) as { ok: boolean; error?: string; data?: unknown };
}

export async function act(site: Site, accountId: string, issueKey: string, payload: unknown): Promise<void> {
  const reply = await panelCall(site, accountId, issueKey, 'applyTriageAction', payload);
  if (!reply.ok) throw new Error(`${JSON.stringify(payload)} on ${issueKey} failed: ${reply.error}`);
  await site.idle();
}

export function lastLogId(site: Site): number {
  return site.gateway.requestLog.entries().at(-1)?.id ?? 0;
}

/** The Jira calls and points the app and people's screens made while `action` ran (anonymous calls left out). */
export async function jiraCallsOf(
  site: Site,
  action: () => Promise<unknown>,
): Promise<{ calls: number; points: number }> {
  const before = lastLogId(site);
  await action();
  await site.idle();
  const calls = site.gateway.requestLog.entries({ afterId: before }).filter((e) => e.caller !== 'anonymous');
  return { calls: calls.length, points: sum(calls.map((e) => e.points)) };
}

/**
 * `npm run bench`: what routing a client issue costs, measured on the local site with the real app.
 *
 * - Jira calls and rate-limit points per routed issue (target: at most 3 points), from the site's request log.
 * - Routing latency, the routing trigger's own run time, against the time of the bare Jira writes routing
 *   needs, made directly as the app (target: within 1.25 times).
 * - Jira calls per gadget view (target: none) and per SPOC panel view.
 *
 * Figures are medians over BENCH_ISSUES issues (default 40) after a warm-up. Latency depends on the machine;
 * the ratio and the counts are what to compare between runs.
 */
import { performance } from 'node:perf_hooks';
import { SiteClock } from '../local/clock';
import type { Principal } from '../local/http/types';
import { PEOPLE } from '../local/seed/demo';
import { startSite, type Site } from '../local/site';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 40);
const WARM_UP = 5;
const POINTS_TARGET = 3;
const LATENCY_RATIO_TARGET = 1.25;

interface Sample {
  readonly ms: number;
  readonly calls: number;
  readonly points: number;
}

async function main(): Promise<void> {
  const site = await startSite({ clock: new SiteClock('frozen', new Date('2026-11-23T10:00:00Z')) });
  try {
    // Points are still counted; only the burst limits, which a tight loop would hit, are lifted.
    site.gateway.rateLimits.configure({ enabled: false });
    const reporter: Principal = { kind: 'user', accountId: PEOPLE.liWei };
    const app: Principal = { kind: 'app', appId: site.forge.appId };
    const spocFieldKey = `${site.forge.appId}__DEVELOPMENT__spoc-field`;

    const routed: Sample[] = [];
    for (let i = 0; i < WARM_UP + ISSUES; i++) {
      const before = lastLogId(site);
      const issue = await file(site, reporter, `Bench issue ${i}`);
      await site.idle();
      // The routing trigger's own run: from the event's delivery to its last write.
      const run = site.forge
        .invocations()
        .filter((r) => r.functionKey === 'on-issue-event' && r.eventType === 'avi:jira:created:issue')
        .at(-1);
      if (!run || run.outcome !== 'ok') throw new Error(`Routing ${issue.key} did not finish: ${run?.error}`);
      const appCalls = site.gateway.requestLog.entries().filter((e) => e.id > before && e.caller === 'app');
      if (i >= WARM_UP)
        routed.push({
          ms: run.durationMs,
          calls: appCalls.length,
          points: sum(appCalls.map((e) => e.points)),
        });
      // The SPOC accepts it, so their load (and so the routing decision) stays the same for every sample.
      await accept(site, issue.key);
    }

    const bare: Sample[] = [];
    for (let i = 0; i < WARM_UP + ISSUES; i++) {
      const issue = await file(site, { kind: 'user', accountId: PEOPLE.priya }, `Bare writes ${i}`); // no rule matches staff
      await site.idle();
      const before = lastLogId(site);
      const started = performance.now();
      await write(site, app, 'PUT', `/rest/api/3/app/field/${spocFieldKey}/value`, {
        updates: [{ issueIds: [Number(issue.id)], value: { accountId: PEOPLE.priya } }],
      });
      await write(site, app, 'PUT', `/rest/api/3/issue/${issue.id}`, {
        fields: { assignee: { accountId: PEOPLE.priya } },
        update: { labels: [{ add: 'spoc-routed' }] },
        properties: [{ key: 'spoc', value: { state: 'awaiting-spoc', spocAccountId: PEOPLE.priya } }],
      });
      await write(site, app, 'POST', `/rest/api/3/issue/${issue.id}/comment`, {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Routed.' }] }],
        },
      });
      await site.idle();
      const ms = performance.now() - started;
      const appCalls = site.gateway.requestLog.entries().filter((e) => e.id > before && e.caller === 'app');
      if (i >= WARM_UP) bare.push({ ms, calls: appCalls.length, points: sum(appCalls.map((e) => e.points)) });
    }

    const gadgetCalls = await jiraCallsOf(site, () =>
      site.forge.invokeResolver({
        moduleKey: 'spoc-workload-gadget',
        functionKey: 'getSnapshot',
        accountId: PEOPLE.hannah,
        context: { extension: { gadgetConfiguration: { maxRows: 10 } } },
      }),
    );
    const escalationCalls = await jiraCallsOf(site, () =>
      site.forge.invokeResolver({
        moduleKey: 'spoc-escalations-gadget',
        functionKey: 'getSnapshot',
        accountId: PEOPLE.hannah,
        context: { extension: { gadgetConfiguration: { maxRows: 10 } } },
      }),
    );
    const sample = site.jira.store.listIssues().find((i) => i.summary === 'Bench issue 0');
    const panelCalls = sample
      ? await jiraCallsOf(site, () =>
          site.forge.invokeResolver({
            moduleKey: 'spoc-panel',
            functionKey: 'getSpocView',
            accountId: PEOPLE.priya,
            context: { extension: { issue: { id: sample.id, key: sample.key } } },
          }),
        )
      : { calls: NaN, points: NaN };

    const routedMs = median(routed.map((s) => s.ms));
    const bareMs = median(bare.map((s) => s.ms));
    const maxPoints = Math.max(...routed.map((s) => s.points));
    const ratio = routedMs / bareMs;
    const lines = [
      `SPOC for Jira routing benchmark: ${ISSUES} issues after ${WARM_UP} warm-up, median figures`,
      ``,
      `routed issue      Jira calls ${median(routed.map((s) => s.calls))}, points ${median(routed.map((s) => s.points))} (max ${maxPoints}; target ≤ ${POINTS_TARGET})  ${verdict(maxPoints <= POINTS_TARGET)}`,
      `bare writes       Jira calls ${median(bare.map((s) => s.calls))}, points ${median(bare.map((s) => s.points))}`,
      `latency           routing ${routedMs.toFixed(2)} ms, bare writes ${bareMs.toFixed(2)} ms, ratio ${ratio.toFixed(2)} (target ≤ ${LATENCY_RATIO_TARGET})  ${verdict(ratio <= LATENCY_RATIO_TARGET)}`,
      `gadget views      workload ${gadgetCalls.calls} Jira calls, escalations ${escalationCalls.calls} (target 0)  ${verdict(gadgetCalls.calls + escalationCalls.calls === 0)}`,
      `SPOC panel view   ${panelCalls.calls} Jira calls, ${panelCalls.points} points`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await site.close();
  }
}

function lastLogId(site: Site): number {
  const entries = site.gateway.requestLog.entries();
  return entries.length ? (entries[entries.length - 1]?.id ?? 0) : 0;
}

async function file(site: Site, reporter: Principal, summary: string): Promise<{ id: string; key: string }> {
  const answer = await site.gateway.fetch(reporter, {
    method: 'POST',
    url: '/rest/api/3/issue',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Bug' },
        summary,
        components: [{ name: 'Acme Portal' }],
      },
    }),
  });
  if (answer.status !== 201)
    throw new Error(`Filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; key: string };
}

async function write(site: Site, app: Principal, method: string, url: string, body: unknown): Promise<void> {
  const answer = await site.gateway.fetch(app, {
    method,
    url,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (answer.status >= 300) throw new Error(`${method} ${url} answered ${answer.status}`);
}

async function accept(site: Site, issueKey: string): Promise<void> {
  const issue = site.jira.store.getIssue(issueKey);
  const reply = (await site.forge.invokeResolver({
    moduleKey: 'spoc-panel',
    functionKey: 'applyTriageAction',
    payload: { action: 'accept-for-delivery' },
    accountId: PEOPLE.priya,
    context: { extension: { issue: { id: issue?.id, key: issueKey } } },
  })) as { ok: boolean; error?: string };
  if (!reply.ok) throw new Error(`Accepting ${issueKey} failed: ${reply.error}`);
  await site.idle();
}

async function jiraCallsOf(
  site: Site,
  action: () => Promise<unknown>,
): Promise<{ calls: number; points: number }> {
  const before = lastLogId(site);
  await action();
  await site.idle();
  const calls = site.gateway.requestLog.entries().filter((e) => e.id > before && e.caller !== 'anonymous');
  return { calls: calls.length, points: sum(calls.map((e) => e.points)) };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER TARGET');

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

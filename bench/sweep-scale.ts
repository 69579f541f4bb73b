/**
 * What one sweep run costs Jira, at different project sizes with the same work due: the sweep must read
 * only what is due through its indexes, so its Jira calls and points may not grow with the number of open
 * issues. The site is loaded through its stores (not through REST): each size gets a few real client issues,
 * routed by the app and left to fall due, plus thousands of open issues copied from one the app routed
 * (waiting on their clients, so nothing is due on them, with a `spoc` copy that matches the record).
 */
import { SiteClock } from '../local/clock';
import { asClient, file } from './common';
import { startSite, type Site } from '../local/site';
import { SPOC_DEMO } from '../local/spoc-demo';
import { toTriageProperty, type TriageRecord } from '../src/domain';

export interface SweepCost {
  /** Open client issues in the project when the sweep ran. */
  readonly size: number;
  /** Issues with a ladder step due when the sweep ran (the filed ones, and the demo's that fell due too). */
  readonly due: number;
  readonly calls: number;
  readonly points: number;
  /** `METHOD template` → calls, to show what the calls were. */
  readonly byEndpoint: Readonly<Record<string, number>>;
  /** Wall time of the run on this machine (reported, never asserted). */
  readonly ms: number;
}

const START = new Date('2026-11-23T10:00:00Z'); // a Monday, 10:00 in London
const ENTITY = 'triage-record';

/**
 * A site with `size` open client issues: `filedDue` filed over REST and routed by the app (they fall due
 * later), the rest copied from one of them in the stores.
 */
export async function siteWithOpenIssues(
  size: number,
  filedDue = 5,
): Promise<{ readonly site: Site; readonly filed: readonly string[] }> {
  const site = await startSite({ profile: SPOC_DEMO, clock: new SiteClock('frozen', START) });
  site.gateway.rateLimits.configure({ enabled: false });
  // What the demo left due is done first, so that what is measured sees only its own work.
  await site.forge.runScheduledTriggers({ all: true });
  await site.idle();
  const filed = [];
  for (let i = 0; i < filedDue; i++) filed.push((await file(site, asClient, `Sweep bench ${i}`)).id);
  await site.idle();
  addWaitingCopies(site, filed[0] as string, Math.max(0, size - countOpen(site)));
  return { site, filed };
}

/** One site per size; `filedDue` client issues are filed and left to reach their first ladder step. */
export async function sweepCostAt(size: number, filedDue = 5): Promise<SweepCost> {
  const { site, filed } = await siteWithOpenIssues(size, filedDue);
  try {
    // The first ladder step of the filed issues: 75% of their 4 h target, in their SPOC's working time.
    // Moving the site clock there starts the sweep, as the platform's schedule would; that run is measured.
    const sweepAt = filed.map((id) => row(site, id).envelope.sweepAt).filter((at): at is string => !!at);
    const at = Math.max(...sweepAt.map((when) => Date.parse(when)));
    const dueNow = (site.forge.kvs.scanPartition(ENTITY, 'sweep-due', ['due']) ?? []).filter(
      (e) => Date.parse(String((e.value as Row).sweepAt)) <= at,
    ).length;
    const before = scheduledRuns(site).length;
    const started = performance.now();
    site.clock.set(new Date(at));
    await site.idle();
    const ms = performance.now() - started;
    const runs = scheduledRuns(site).slice(before);
    if (runs.length !== 1 || runs[0]?.outcome !== 'ok')
      throw new Error(`Expected one sweep run, saw ${runs.length}: ${runs.map((r) => r.error).join('; ')}`);
    const calls = runs.flatMap((r) => site.gateway.requestLog.entries({ invocationId: r.invocationId }));
    if (process.env.BENCH_TRACE) for (const c of calls) console.log(c.method, c.path, c.points);
    const byEndpoint: Record<string, number> = {};
    for (const call of calls) {
      const name = `${call.method} ${call.path
        .split('?')[0]
        ?.replace(/\/issue\/\d+/, '/issue/{id}')
        .replace(/\/app\/field\/[^/]+/, '/app/field/{field}')}`;
      byEndpoint[name] = (byEndpoint[name] ?? 0) + 1;
    }
    return {
      size: countOpen(site),
      due: dueNow,
      calls: calls.length,
      points: calls.reduce((total, c) => total + c.points, 0),
      byEndpoint,
      ms,
    };
  } finally {
    await site.close();
  }
}

interface Row {
  readonly envelope: { readonly record: TriageRecord; readonly sweepAt?: string | null } & Record<
    string,
    unknown
  >;
  readonly [attribute: string]: unknown;
}

function row(site: Site, issueId: string): Row {
  const entry = site.forge.kvs.read('entity', ENTITY, `issue-${issueId}`);
  if (!entry) throw new Error(`The app stored no triage record for issue ${issueId}.`);
  return entry.value as Row;
}

const scheduledRuns = (site: Site) => site.forge.invocations().filter((i) => i.kind === 'scheduled');

export const countOpen = (site: Site): number =>
  site.forge.kvs.scanPartition(ENTITY, 'open-issues', ['open'])?.length ?? 0;

/**
 * `count` more open client issues, in Jira and in the app's records, copied from one the app routed:
 * each waits for its client (no response clock, so nothing is due), and its `spoc` copy matches.
 */
function addWaitingCopies(site: Site, templateIssueId: string, count: number): void {
  const template = row(site, templateIssueId);
  const issue = site.jira.store.getIssue(templateIssueId);
  if (!issue) throw new Error(`No Jira issue ${templateIssueId}.`);
  const record: TriageRecord = {
    ...template.envelope.record,
    state: 'info-requested',
    clockStartedAt: null,
    dueAt: null,
    escalationSteps: [],
  };
  const property = toTriageProperty(record);
  site.db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const number = 100_000 + i;
      const id = String(900_000 + i);
      const key = `SUP-${number}`;
      site.jira.store.insertIssue({ ...issue, id, key, number, summary: `Waiting on the client ${i}` });
      site.jira.store.setIssueProperty(id, 'spoc', property);
      const value: Row = {
        ...template,
        issueId: id,
        issueKey: key,
        state: record.state,
        openFor: template.openFor,
        openQueue: 'open',
        sweepQueue: '',
        sweepAt: '',
        owes: '',
        envelope: { ...template.envelope, issueId: id, issueKey: key, record, sweepAt: null, outbox: [] },
      };
      site.forge.kvs.write('entity', ENTITY, `issue-${id}`, JSON.stringify(value));
    }
  })();
}

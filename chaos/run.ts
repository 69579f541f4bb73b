/**
 * `npm run chaos`: the app under what Forge and Jira really do, on the local site with the real app. Each
 * run prints one JSON line:
 *
 *   at-least-once   client issues whose events are delivered one to three times, shuffled, ten at a time
 *   faults          the same, with Jira failing the app's calls (429s of each RateLimit-Reason, 503s)
 *   triage-races    two people acting on one issue at once, and an action racing the sweep's ladder
 *   config-races    two managers importing the configuration from the same version at once
 *
 * CHAOS_ISSUES sets the number of client issues (default 1000), CHAOS_SEED the draws; CHAOS_DEBUG=1 prints
 * the comments and requests of any issue routed twice. Nothing here is
 * about time: `seconds` is reported so runs on one machine can be compared. A run that loses an issue or
 * routes one twice exits non-zero.
 */
import { type Site } from '../local/site';
import {
  appCalls,
  chaosSite,
  drain,
  fileClientIssue,
  invoke,
  lastLogId,
  outcomeOf,
  PEOPLE,
  type IssueOutcome,
} from './site';

export interface ChaosLine {
  readonly run: string;
  readonly created: number;
  readonly routed: number;
  readonly routedTwice: number;
  readonly lost: number;
  readonly maxRoutingCommentsPerIssue: number;
  /** Failed calls sent again (in the invocation, by redelivery or by the sweep) and event redeliveries. */
  readonly retries: number;
  readonly points: number;
  readonly seconds: number;
  readonly [more: string]: unknown;
}

export interface ChaosOptions {
  readonly issues: number;
  readonly seed: number;
  readonly log: (line: string) => void;
}

function routingFigures(outcomes: readonly IssueOutcome[]) {
  const routed = outcomes.filter((o) => o.decided && o.routingComments >= 1);
  return {
    created: outcomes.length,
    routed: routed.length,
    routedTwice: outcomes.filter((o) => o.routingComments > 1).length,
    lost: outcomes.length - routed.length,
    maxRoutingCommentsPerIssue: Math.max(0, ...outcomes.map((o) => o.routingComments)),
    inconsistent: outcomes.filter((o) => o.decided && !o.consistent).length,
  };
}

async function fileMany(site: Site, count: number, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 1; i <= count; i++)
    keys.push((await fileClientIssue(site, `${prefix} ${i}: scanner drops scans`)).key);
  return keys;
}

const secondsSince = (started: number) => Math.round((performance.now() - started) / 100) / 10;

/** What every routing run reports: the issues' outcomes, and the app's retries and points since `since`. */
function commonFigures(
  run: string,
  site: Site,
  outcomes: readonly IssueOutcome[],
  since: number,
  started: number,
) {
  const calls = appCalls(site, since);
  return {
    run,
    ...routingFigures(outcomes),
    retries: calls.failed + redeliveries(site),
    points: calls.points,
    seconds: secondsSince(started),
  };
}

const redeliveries = (site: Site) =>
  site.forge.invocations().filter((i) => i.kind === 'trigger' && (i.retryCount ?? 0) > 0).length;

/** Every event delivered one to three times, shuffled, ten deliveries at a time. */
export async function atLeastOnce(options: ChaosOptions): Promise<ChaosLine> {
  const started = performance.now();
  const site = await chaosSite({ concurrency: 10, maxCopies: 3, shuffle: true }, options.seed);
  try {
    const since = lastLogId(site);
    const keys = await fileMany(site, options.issues, 'Chaos');
    const minutes = await drain(site, () => keys.every((k) => outcomeOf(site, k).decided), 60);
    const outcomes = keys.map((k) => outcomeOf(site, k));
    return {
      ...commonFigures('at-least-once', site, outcomes, since, started),
      deliveries: site.forge.invocations().filter((i) => i.kind === 'trigger').length,
      extraCopies: site.forge.deliverySettings().copiesMade,
      siteMinutes: minutes,
    };
  } finally {
    await site.close();
  }
}

const REASONS = [
  'jira-quota-global-based',
  'jira-quota-tenant-based',
  'jira-burst-based',
  'jira-per-issue-on-write',
];

/**
 * The same delivery, while 20% of the app's calls get a 429 (5% for each RateLimit-Reason, Retry-After 1 to
 * 3 s) and 5% a 503; then the faults stop and the sweep finishes what retries could not.
 */
export async function faults(options: ChaosOptions): Promise<ChaosLine> {
  const started = performance.now();
  const site = await chaosSite({ concurrency: 10, maxCopies: 3, shuffle: true }, options.seed + 1);
  try {
    site.gateway.faults.set([
      ...REASONS.map((rateLimitReason, i) => ({
        status: 429,
        errorRate: 0.05,
        rateLimitReason,
        retryAfterSeconds: 1 + (i % 3),
        callers: 'app' as const,
      })),
      { status: 503, errorRate: 0.05, retryAfterSeconds: 1, callers: 'app' as const },
    ]);
    const since = lastLogId(site);
    const keys = await fileMany(site, options.issues, 'Faulty');
    // Faults for the first hour of site time; what is still owed then is the sweep's.
    const faulty = await drain(site, () => keys.every((k) => outcomeOf(site, k).routingComments > 0), 60);
    const injected = site.gateway.faults.injected();
    site.gateway.faults.clear();
    const afterFaults = lastLogId(site);
    const sweepsBefore = site.forge.invocations().filter((i) => i.kind === 'scheduled').length;
    const settle = await drain(site, () => keys.every((k) => outcomeOf(site, k).consistent), 120);
    const outcomes = keys.map((k) => outcomeOf(site, k));
    if (process.env.CHAOS_DEBUG) debugTwice(site, outcomes);
    const finishedBySweep = site.forge
      .invocations()
      .filter((i) => i.kind === 'scheduled')
      .slice(sweepsBefore)
      .reduce(
        (n, i) => n + (((i.result as { finished?: unknown[] } | undefined)?.finished?.length as number) ?? 0),
        0,
      );
    return {
      ...commonFigures('faults', site, outcomes, since, started),
      injected,
      finishedBySweep,
      callsAfterFaults: appCalls(site, afterFaults).calls,
      siteMinutes: faulty + settle,
    };
  } finally {
    await site.close();
  }
}

/**
 * Two people act on one issue at once (the SPOC accepts while a colleague takes it over), and the SPOC
 * accepts while the sweep climbs the ladder: each issue ends in one state, and whoever lost was told.
 */
export async function triageRaces(options: ChaosOptions): Promise<ChaosLine> {
  const started = performance.now();
  const site = await chaosSite({ concurrency: 10, maxCopies: 2, shuffle: true }, options.seed + 2);
  const count = Math.max(4, Math.min(60, Math.floor(options.issues / 20)));
  try {
    const since = lastLogId(site);
    const keys = await fileMany(site, count, 'Race');
    await drain(site, () => keys.every((k) => outcomeOf(site, k).decided), 30);
    const half = Math.floor(count / 2);
    let bothWon = 0;
    let loserToldNothing = 0;
    let losers = 0;
    for (const key of keys.slice(0, half)) {
      const spoc = site.jira.store.getIssue(key)?.assignee ?? PEOPLE.priya;
      const colleague = spoc === PEOPLE.chloe ? PEOPLE.priya : PEOPLE.chloe;
      const [accept, takeOver] = await Promise.all([
        invoke(
          site,
          spoc,
          'spoc-panel',
          'applyTriageAction',
          { action: 'accept-for-delivery' },
          { issueKey: key },
        ),
        invoke(
          site,
          colleague,
          'spoc-panel',
          'applyTriageAction',
          { action: 'take-over' },
          { issueKey: key },
        ),
      ]);
      if (accept.ok && takeOver.ok) bothWon++;
      for (const reply of [accept, takeOver]) {
        if (reply.ok) continue;
        losers++;
        if (!reply.error || reply.error.length < 10) loserToldNothing++;
      }
    }
    await site.idle();
    // The rest: the SPOC accepts in the same moment the clock reaches the ladder's steps.
    let acceptedDuringSweep = 0;
    let refusedDuringSweep = 0;
    const rest = keys.slice(half);
    site.clock.advanceMinutes(4 * 60);
    const accepts = rest.map((key) => {
      const spoc = site.jira.store.getIssue(key)?.assignee ?? PEOPLE.priya;
      return invoke(
        site,
        spoc,
        'spoc-panel',
        'applyTriageAction',
        { action: 'accept-for-delivery' },
        { issueKey: key },
      );
    });
    for (const reply of await Promise.all(accepts)) {
      if (reply.ok) acceptedDuringSweep++;
      else {
        refusedDuringSweep++;
        if (!reply.error || reply.error.length < 10) loserToldNothing++;
      }
    }
    await site.idle();
    const outcomes = keys.map((k) => outcomeOf(site, k));
    return {
      ...commonFigures('triage-races', site, outcomes, since, started),
      pairs: half,
      bothWon,
      losers,
      loserToldNothing,
      acceptedDuringSweep,
      refusedDuringSweep,
    };
  } finally {
    await site.close();
  }
}

/** Two managers import the configuration from the same version at once: one wins, the other is told. */
export async function configurationRaces(options: ChaosOptions): Promise<ChaosLine> {
  const started = performance.now();
  const site = await chaosSite({ concurrency: 10 }, options.seed + 3);
  const rounds = 20;
  try {
    const since = lastLogId(site);
    let bothSaved = 0;
    let conflicts = 0;
    let winnerKept = 0;
    for (let round = 1; round <= rounds; round++) {
      const exported = await invoke(
        site,
        PEOPLE.sam,
        'spoc-project-page',
        'exportConfiguration',
        undefined,
        {},
      );
      const current = await invoke(site, PEOPLE.sam, 'spoc-project-page', 'getConfiguration', undefined, {});
      if (!exported.ok || !current.ok)
        throw new Error(`Could not read the configuration: ${exported.error ?? current.error}`);
      const version = (current.data as { version: number }).version;
      const document = exported.data as Record<string, unknown>;
      const edit = (who: string) => {
        const copy = JSON.parse(JSON.stringify(document)) as {
          profiles: Array<{ accountId: string; capacity: number }>;
        };
        const priya = copy.profiles.find((p) => p.accountId === PEOPLE.priya);
        if (priya) priya.capacity = who === PEOPLE.sam ? 20 + round : 60 + round;
        return copy;
      };
      const [first, second] = await Promise.all(
        [PEOPLE.sam, PEOPLE.hannah].map((who) =>
          invoke(
            site,
            who,
            'spoc-project-page',
            'importConfiguration',
            { document: edit(who), expectedVersion: version },
            {},
          ),
        ),
      );
      if (first!.ok && second!.ok) bothSaved++;
      const loser = [first!, second!].find((r) => !r.ok);
      if (loser && /changed|conflict|someone|version/i.test(loser.error ?? '')) conflicts++;
      const after = await invoke(site, PEOPLE.sam, 'spoc-project-page', 'getConfiguration', undefined, {});
      const capacity = (
        after.data as { document: { profiles: Array<{ accountId: string; capacity: number }> } }
      ).document.profiles.find((p) => p.accountId === PEOPLE.priya)?.capacity;
      const winner = first!.ok ? 20 + round : second!.ok ? 60 + round : undefined;
      if (winner !== undefined && capacity === winner) winnerKept++;
    }
    return {
      run: 'config-races',
      created: 0,
      routed: 0,
      routedTwice: 0,
      lost: 0,
      maxRoutingCommentsPerIssue: 0,
      retries: 0,
      points: appCalls(site, since).points,
      seconds: secondsSince(started),
      rounds,
      bothSaved,
      conflictsTold: conflicts,
      winnerKept,
    };
  } finally {
    await site.close();
  }
}

function debugTwice(site: Site, outcomes: readonly IssueOutcome[]): void {
  for (const o of outcomes.filter((x) => x.routingComments > 1)) {
    const issue = site.jira.store.getIssue(o.key)!;
    console.error(
      'TWICE',
      o.key,
      JSON.stringify(
        site.jira.store.listComments(issue.id).map((c) => [c.created, JSON.stringify(c.body).slice(0, 120)]),
      ),
    );
    for (const i of site.forge
      .invocations()
      .filter((x) => JSON.stringify(x).includes(issue.id) || JSON.stringify(x).includes(o.key)))
      console.error(
        ' INV',
        i.invocationId,
        i.kind,
        i.eventType,
        i.retryCount,
        i.outcome,
        i.error?.slice(0, 200),
      );
    for (const e of site.gateway.requestLog
      .entries()
      .filter((e) => e.path.includes(issue.id) || e.path.includes(o.key)))
      console.error(' REQ', e.invocationId, e.method, e.path.slice(0, 80), e.status, e.rateLimitReason ?? '');
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosLine[]> {
  const lines: ChaosLine[] = [];
  for (const run of [atLeastOnce, faults, triageRaces, configurationRaces]) {
    const line = await run(options);
    options.log(JSON.stringify(line));
    lines.push(line);
  }
  return lines;
}

/** Whether a line shows a lost issue, one routed twice, or a race with no clear outcome. */
export function problemsOf(line: ChaosLine): string[] {
  const problems: string[] = [];
  if (line.lost > 0) problems.push(`${line.lost} issues not routed`);
  if (line.routedTwice > 0) problems.push(`${line.routedTwice} issues routed twice`);
  if (Number(line.inconsistent ?? 0) > 0)
    problems.push(`${String(line.inconsistent)} issues where Jira disagrees with the record`);
  if (Number(line.bothWon ?? 0) > 0) problems.push(`${String(line.bothWon)} races both sides won`);
  if (Number(line.loserToldNothing ?? 0) > 0)
    problems.push(`${String(line.loserToldNothing)} losers not told why`);
  if (Number(line.bothSaved ?? 0) > 0)
    problems.push(`${String(line.bothSaved)} configuration races both saved`);
  if (line.run === 'config-races' && line.winnerKept !== line.rounds)
    problems.push('a configuration race lost the winner');
  return problems;
}

if (require.main === module) {
  const options: ChaosOptions = {
    issues: Number(process.env.CHAOS_ISSUES ?? 1000),
    seed: Number(process.env.CHAOS_SEED ?? 20261208),
    log: (line) => console.log(line),
  };
  runChaos(options)
    .then((lines) => {
      const problems = lines.flatMap((l) => problemsOf(l).map((p) => `${l.run}: ${p}`));
      for (const p of problems) console.error(p);
      process.exitCode = problems.length > 0 ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

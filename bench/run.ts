/**
 * `npm run bench`: what SPOC for Jira costs against the app's Jira quota, measured on the local site with
 * the real app, printed with its targets and written to bench/results.json (BENCH_RESULTS to write
 * elsewhere). It fails nothing on timing: times are reported for comparison between runs on one machine;
 * the counts (calls, points) are what the targets are about.
 *
 *   routing        a burst of client issues (BENCH_ISSUES, default 1000), each against the floor of its writes
 *   panel, actions a panel view first and repeated, each triage action against its floor
 *   lifecycle      one client issue's whole life, and the issues per hour the 65,000-point pool serves
 *   gadgets, sweep one view and refresh, one sweep run, at growing numbers of open client issues
 *   ui             each Custom UI bundle's gzipped first load against its floor
 *
 * BENCH_SMOKE=1 runs every section small (npm test does, so the bench cannot rot).
 */
import fs from 'node:fs';
import path from 'node:path';
import { SiteClock } from '../local/clock';
import { startSite } from '../local/site';
import { SPOC_DEMO } from '../local/spoc-demo';
import { verdict } from './common';
import { gadgetCostAt, type GadgetCost } from './gadgets-scale';
import { instrument } from './instruments';
import { actionCosts, GLOBAL_POINTS_PER_HOUR, lifeCost, panelViewCosts } from './lifecycle';
import { measureRouting } from './routing';
import { sweepCostAt, type SweepCost } from './sweep-scale';
import { uiSizes } from './ui';
import { RIGHTS_KEPT_FOR_MS } from '../src/usecases/support/kept-rights';

const SMOKE = process.env.BENCH_SMOKE === '1';
const sizes = (name: string, full: string, smoke: string) =>
  (process.env[name] ?? (SMOKE ? smoke : full)).split(',').map(Number);

export interface BenchOptions {
  readonly routingIssues: number;
  readonly networkIssues: number;
  readonly sweepSizes: readonly number[];
  readonly gadgetSizes: readonly number[];
  readonly resultsFile: string;
  readonly log: (line: string) => void;
}

export const defaultOptions = (): BenchOptions => ({
  routingIssues: Number(process.env.BENCH_ISSUES ?? (SMOKE ? 8 : 1000)),
  networkIssues: Number(process.env.BENCH_NETWORK_ISSUES ?? (SMOKE ? 2 : 10)),
  sweepSizes: sizes('BENCH_SWEEP_SIZES', '1000,10000,100000', '100,1000'),
  gadgetSizes: sizes('BENCH_GADGET_SIZES', '1000,10000,100000', '100,1000'),
  resultsFile: process.env.BENCH_RESULTS ?? path.join(__dirname, 'results.json'),
  log: (line) => console.log(line),
});

/** Runs every section, prints the report and writes the results; answers the results. */
export async function runBench(options: BenchOptions = defaultOptions()): Promise<Record<string, unknown>> {
  const { log } = options;
  const instruments = instrument();
  const site = await startSite({
    profile: SPOC_DEMO,
    clock: new SiteClock('frozen', new Date('2026-11-23T10:00:00Z')),
  });
  let routing;
  let panel;
  let actions;
  let life;
  try {
    routing = await measureRouting(site, instruments, options.routingIssues, options.networkIssues);
    site.gateway.rateLimits.configure({ enabled: false });
    panel = await panelViewCosts(site);
    actions = await actionCosts(site);
    life = await lifeCost(site);
  } finally {
    await site.close();
  }
  const sweeps: SweepCost[] = [];
  for (const size of options.sweepSizes) sweeps.push(await sweepCostAt(size));
  const gadgets: GadgetCost[] = [];
  for (const size of options.gadgetSizes) gadgets.push(await gadgetCostAt(size));
  const ui = await uiSizes();

  const sameSweep = sweeps.every((s) => s.calls === sweeps[0]?.calls && s.points === sweeps[0]?.points);
  const noGadgetPoints = gadgets.every((g) => g.view.points === 0 && g.refresh.points === 0);
  const lifeTarget = life.floor + 2;
  const lines = [
    `SPOC for Jira benchmark${SMOKE ? ' (smoke run: every section small)' : ''}`,
    '',
    ...routing.lines,
    '',
    `panel view        first ${panel.first.calls} Jira calls, ${panel.first.points} points (target ≤ 2)  ${verdict(panel.first.points <= 2)};` +
      ` repeated ${panel.repeated.calls} calls, ${panel.repeated.points} points (target 0)  ${verdict(panel.repeated.points === 0)}`,
    `                  the five views of an issue's life (SPOC twice, client, developer, manager): ${panel.fiveViews.points} points (target ≤ 2)  ${verdict(panel.fiveViews.points <= 2)}`,
    `                  (a first view asks Jira, as the caller, whether they may see the issue and their rights on it;`,
    `                  the answer is kept ${RIGHTS_KEPT_FOR_MS / 60_000} minutes per person and issue, dropped when the configuration is saved)`,
    '',
    `triage actions    points, and the floor: the writes each must make`,
    ...actions.map(
      (a) =>
        `                  ${a.action.padEnd(20)} ${String(a.points).padStart(3)} points, floor ${a.writes}${a.points > a.writes ? ` (+${a.points - a.writes} reading)` : ''}`,
    ),
    '',
    `an issue's life   routing, five views, a request for information and the reply, the acceptance, its share of a sweep:`,
    ...life.steps.map((s) => `                  ${s.step.padEnd(28)} ${s.points} points`),
    `                  ${life.life.points} points in all; its writes' floor ${life.floor}, target ≤ ${lifeTarget}  ${verdict(life.life.points <= lifeTarget)}`,
    `                  (the issue's own estimate before this work: about 48 points, 3 for routing and 9 for each of five views)`,
    `                  the ${GLOBAL_POINTS_PER_HOUR.toLocaleString('en-GB')}-point global pool serves ${life.issuesPerHourGlobal.toLocaleString('en-GB')} such issues an hour across every site;`,
    `                  per site ${[10, 100, 1000].map((n) => `${Math.floor(life.issuesPerHourGlobal / n)} at ${n} sites`).join(', ')}`,
    '',
    `gadgets           both gadgets viewed, then refreshed, by the manager:`,
    ...gadgets.map(
      (g) =>
        `                  ${String(g.size).padStart(7)} open: view ${g.view.points} points (${g.view.ms.toFixed(0)} ms here), refresh ${g.refresh.points} points (${g.refresh.ms.toFixed(0)} ms)`,
    ),
    `                  no Jira points at any size  ${verdict(noGadgetPoints)}`,
    '',
    `sweep run         one run with the same issues due, at growing numbers of open client issues:`,
    ...sweeps.map(
      (c) =>
        `                  ${String(c.size).padStart(7)} open, ${c.due} due: ${c.calls} Jira calls, ${c.points} points (${c.ms.toFixed(0)} ms here)`,
    ),
    `                  the same at every size  ${verdict(sameSweep)}`,
    `                  (times grow here because the local store scans a whole index partition per query)`,
    '',
    `Custom UI         gzipped first load against the floor of its own Atlaskit components:`,
    ...ui.map(
      (u) =>
        `                  ${u.module.padEnd(24)} ${u.gzipKB} KB, floor ${u.floorKB} KB  ${verdict(u.overBudget.length === 0)}`,
    ),
  ];
  for (const line of lines) log(line);

  const bySize = <T extends { size: number }>(list: readonly T[], pick: (t: T) => object) =>
    Object.fromEntries(list.map((t) => [String(t.size), pick(t)]));
  const results = {
    takenAt: new Date().toISOString(),
    smoke: SMOKE,
    routing: routing.results,
    panel: {
      pointsPerView: { first: panel.first.points, repeated: panel.repeated.points },
      callsPerView: { first: panel.first.calls, repeated: panel.repeated.calls },
      pointsForFiveViews: panel.fiveViews.points,
      rightsKeptForMinutes: RIGHTS_KEPT_FOR_MS / 60_000,
    },
    actions: Object.fromEntries(
      actions.map((a) => [a.action, { points: a.points, calls: a.calls, floor: a.writes }]),
    ),
    lifecycle: {
      pointsPerIssue: life.life.points,
      floorPoints: life.floor,
      issuesPerHourGlobal: life.issuesPerHourGlobal,
      issuesPerHourPerSite: Object.fromEntries(
        [10, 100, 1000].map((n) => [String(n), Math.floor(life.issuesPerHourGlobal / n)]),
      ),
      steps: life.steps,
    },
    gadgets: bySize(gadgets, (g) => ({
      pointsPerView: g.view.points,
      pointsPerRefresh: g.refresh.points,
      viewMs: Math.round(g.view.ms),
      refreshMs: Math.round(g.refresh.ms),
    })),
    sweep: bySize(sweeps, (s) => ({ points: s.points, calls: s.calls, due: s.due, ms: Math.round(s.ms) })),
    ui: Object.fromEntries(ui.map((u) => [u.module, { gzipKB: u.gzipKB, floorKB: u.floorKB }])),
  };
  fs.writeFileSync(options.resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nWrote ${path.relative(process.cwd(), options.resultsFile)}.`);
  return results;
}

if (require.main === module) {
  runBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBench } from '../../bench/run';

/**
 * `npm run bench`, small: every section runs and writes every figure the README quotes, so the bench cannot
 * rot. Nothing here is about time; the sweep's and the gadgets' counts are checked as counts.
 */
describe('the benchmark, in a smoke run', () => {
  it('writes every figure, and the counts that do not depend on size stay the same', async () => {
    const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-bench-')), 'results.json');
    const lines: string[] = [];
    await runBench({
      routingIssues: 3,
      networkIssues: 1,
      sweepSizes: [100, 300],
      gadgetSizes: [100, 300],
      resultsFile,
      log: (line) => lines.push(line),
    });
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    for (const key of [
      'pointsPerIssue',
      'callsPerIssue',
      'kvsOpsPerIssue',
      'p50Ms',
      'p95Ms',
      'floorP50Ms',
      'latencyRatio',
    ])
      expect(typeof results.routing[key]).toBe('number');
    expect(results.routing.pointsPerIssue).toBe(3);
    expect(Object.keys(results.panel.pointsPerView)).toEqual(['first', 'repeated']);
    expect(Object.keys(results.actions)).toEqual(
      expect.arrayContaining([
        'accept-for-delivery',
        'request-info',
        'reject',
        'mark-duplicate',
        'reassign',
        'escalate',
        'take-over',
        'return-to-spoc',
      ]),
    );
    expect(results.lifecycle.issuesPerHourGlobal).toBe(Math.floor(65_000 / results.lifecycle.pointsPerIssue));
    expect(results.gadgets['100'].pointsPerView).toBe(0);
    expect(results.gadgets['300'].pointsPerRefresh).toBe(0);
    expect(results.sweep['300'].points).toBe(results.sweep['100'].points);
    expect(Object.keys(results.ui)).toEqual(
      expect.arrayContaining([
        'spoc-panel',
        'spoc-project-page',
        'spoc-workload-gadget',
        'spoc-escalations-gadget',
      ]),
    );
    expect(lines.some((line) => line.includes("an issue's life"))).toBe(true);
  }, 300_000);
});

import { problemsOf, runChaos, type ChaosLine } from '../../chaos/run';

/**
 * `npm run chaos`, small: every run prints its line with the figures the README names, and none loses an
 * issue, routes one twice, or leaves a race without one clear outcome.
 */
describe('the chaos runs, small', () => {
  it('route every issue once under repeated, shuffled, concurrent delivery and faults; races end one way', async () => {
    const printed: string[] = [];
    const lines: ChaosLine[] = await runChaos({ issues: 20, seed: 7, log: (line) => printed.push(line) });
    expect(lines.map((l) => l.run)).toEqual(['at-least-once', 'faults', 'triage-races', 'config-races']);
    for (const line of printed.map((p) => JSON.parse(p) as ChaosLine)) {
      for (const key of [
        'run',
        'created',
        'routed',
        'routedTwice',
        'lost',
        'maxRoutingCommentsPerIssue',
        'retries',
        'points',
        'seconds',
      ])
        expect(line).toHaveProperty(key);
      expect(problemsOf(line)).toEqual([]);
    }
    const [once, faulty] = lines;
    expect(once).toMatchObject({ created: 20, routed: 20, maxRoutingCommentsPerIssue: 1 });
    expect(Number(once!.extraCopies)).toBeGreaterThan(0);
    expect(faulty).toMatchObject({ created: 20, routed: 20, maxRoutingCommentsPerIssue: 1 });
    expect(
      Object.values(faulty!.injected as Record<string, number>).reduce((a, b) => a + b, 0),
    ).toBeGreaterThan(0);
  }, 240_000);
});

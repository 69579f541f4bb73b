import { sweepCostAt } from '../../bench/sweep-scale';

/**
 * The sweep reads only what is due, through the app's indexes: with the same issues due, one run costs the
 * same Jira calls and points whether 100 or 10,000 client issues are open. A count, never a time (the
 * benchmark prints the times, and runs up to 100,000).
 */
describe('one sweep run', () => {
  it('costs the same Jira calls and points at 100 and at 10,000 open client issues', async () => {
    const small = await sweepCostAt(100);
    const large = await sweepCostAt(10_000);
    expect(small.size).toBeGreaterThanOrEqual(100);
    expect(large.size).toBeGreaterThanOrEqual(10_000);
    expect(small.due).toBeGreaterThanOrEqual(5);
    expect(large.due).toBe(small.due);
    // The due steps were taken: a property write and a comment per issue, plus one reconcile search.
    expect(small.byEndpoint['POST /rest/api/3/issue/{id}/comment']).toBe(small.due);
    expect({ calls: large.calls, points: large.points, byEndpoint: large.byEndpoint }).toEqual({
      calls: small.calls,
      points: small.points,
      byEndpoint: small.byEndpoint,
    });
  }, 120_000);
});

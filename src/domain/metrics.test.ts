import { computeMetrics, percentile, weeksOf, type GroupMetrics } from './metrics';
import { FORTNIGHT, FORTNIGHT_NOW_MS, seededIssues, seededRatings } from './testing/metrics-history';

const report = () =>
  computeMetrics({
    issues: seededIssues(),
    ratings: seededRatings,
    period: FORTNIGHT,
    timeZone: 'Europe/London',
    nowMs: FORTNIGHT_NOW_MS,
  });

const spoc = (id: string): GroupMetrics => {
  const row = report().bySpoc.find((r) => r.accountId === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row.metrics;
};

describe('percentile', () => {
  it('interpolates between neighbours, as a spreadsheet does', () => {
    expect(percentile([40, 10, 30, 20], 0.5)).toBe(25);
    expect(percentile([10, 30, 840, 7200], 0.9)).toBeCloseTo(5292);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('metrics over a seeded fortnight across the start of British Summer Time', () => {
  it('overall: response, vetting and resolution times by median and 90th percentile', () => {
    const { overall } = report();
    expect(overall.routed).toBe(4); // SUP-5 was routed before the period
    // First responses 10, 30, 840, 7200 minutes.
    expect(overall.firstResponse).toEqual({ count: 4, medianMinutes: 435, p90Minutes: 5292 });
    // Vetting 120, 840, 7200 minutes: rank 1.8 → 840 + 0.8 × 6360.
    expect(overall.vetting).toEqual({ count: 3, medianMinutes: 840, p90Minutes: 5928 });
    expect(overall.resolution).toEqual({ count: 1, medianMinutes: 2880, p90Minutes: 2880 });
  });

  it('overall: bounce-backs, breaches, escalations by level and satisfaction', () => {
    const { overall } = report();
    expect(overall.vetted).toBe(3);
    expect(overall.bouncedBack).toBe(1);
    expect(overall.bounceBackRate).toBe(0.333);
    // SUP-2 moved after its due time; SUP-4 is still unanswered past its due time. The warning came early.
    expect(overall.breaches).toBe(2);
    expect(overall.escalationsByLevel).toEqual({ 1: 1, 2: 1 });
    expect(overall.satisfaction).toEqual({ count: 3, average: 3.67, median: 4 });
  });

  it('per SPOC: the escalations and the breach count against who held the issue then', () => {
    const priya = spoc('priya');
    expect(priya.routed).toBe(2);
    expect(priya.firstResponse).toEqual({ count: 2, medianMinutes: 3615, p90Minutes: 6483 });
    expect(priya.vetting.count).toBe(2);
    expect(priya.resolution.medianMinutes).toBe(2880);
    expect(priya.breaches).toBe(1);
    expect(priya.escalationsByLevel).toEqual({ 1: 1, 2: 1 });
    expect(priya.satisfaction.average).toBe(5);
  });

  it('per SPOC: the backup who vetted owns the vetting, the bounce-back and the later rating', () => {
    const chloe = spoc('chloe');
    expect(chloe.routed).toBe(0);
    expect(chloe.firstResponse).toEqual({ count: 1, medianMinutes: 840, p90Minutes: 840 });
    expect(chloe.vetted).toBe(1);
    expect(chloe.bounceBackRate).toBe(1);
    expect(chloe.escalationsByLevel).toEqual({});
    expect(chloe.satisfaction).toEqual({ count: 1, average: 4, median: 4 });
    const tom = spoc('tom');
    expect(tom.firstResponse.medianMinutes).toBe(10);
    expect(tom.breaches).toBe(1);
    expect(tom.vetted).toBe(0);
    expect(tom.bounceBackRate).toBeNull();
    expect(tom.satisfaction.average).toBe(2);
  });

  it('per client', () => {
    const byClient = Object.fromEntries(report().byClient.map((r) => [r.clientId, r.metrics]));
    expect(Object.keys(byClient)).toEqual(['acme', 'globex']);
    expect(byClient.acme?.routed).toBe(2);
    expect(byClient.acme?.vetting.count).toBe(3);
    expect(byClient.acme?.satisfaction.average).toBe(4.5);
    expect(byClient.globex?.breaches).toBe(1);
    expect(byClient.globex?.satisfaction.average).toBe(2);
  });

  it('weeks start on Monday in London: the summer-time week is 167 hours and 23:30Z Sunday is next week', () => {
    const weeks = weeksOf(FORTNIGHT, 'Europe/London');
    expect(weeks.map((w) => (w.endMs - w.startMs) / 3_600_000)).toEqual([167, 168]);
    const r = report();
    expect(r.weeks.map((w) => w.label)).toEqual(['2025-03-24', '2025-03-31']);
    expect(r.weeks.map((w) => w.weekStart)).toEqual(['2025-03-24T00:00:00.000Z', '2025-03-30T23:00:00.000Z']);
    expect(r.weeks.map((w) => w.metrics.routed)).toEqual([2, 2]);
    expect(r.weeks.map((w) => w.metrics.firstResponse.count)).toEqual([3, 1]);
    expect(r.weeks.map((w) => w.metrics.breaches)).toEqual([0, 2]);
    expect(r.weeksBySpoc.priya?.map((m) => m.routed)).toEqual([1, 1]);
    // In UTC weeks SUP-2 would fall in the first week.
    const utc = computeMetrics({
      issues: seededIssues(),
      period: { fromMs: FORTNIGHT.fromMs, toMs: Date.parse('2025-04-07T00:00:00Z') },
      timeZone: 'UTC',
      nowMs: FORTNIGHT_NOW_MS,
    });
    expect(utc.weeks.map((w) => w.metrics.routed)).toEqual([3, 1]);
  });

  it('a shorter period leaves out what became known outside it', () => {
    const secondWeek = computeMetrics({
      issues: seededIssues(),
      ratings: seededRatings,
      period: { fromMs: Date.parse('2025-03-30T23:00:00Z'), toMs: FORTNIGHT.toMs },
      timeZone: 'Europe/London',
      nowMs: FORTNIGHT_NOW_MS,
    });
    expect(secondWeek.overall.firstResponse).toEqual({ count: 1, medianMinutes: 840, p90Minutes: 840 });
    expect(secondWeek.overall.resolution.count).toBe(0);
    expect(secondWeek.overall.satisfaction.count).toBe(1);
    expect(secondWeek.bySpoc.map((r) => r.accountId)).toEqual(['chloe', 'priya', 'tom']);
  });
});

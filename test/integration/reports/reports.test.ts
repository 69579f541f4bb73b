import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from '../sweep/sweep-site';

/**
 * Reports on the local site with the SPOC demo, through the project page's resolver. The demo files five
 * client issues as it opens (Tom Fischer's 80 minutes before). Then, by hand:
 * - at +10 minutes the sweep warns Priya about Tom's issue (90 of its 120 minutes run: level 1, not yet
 *   late), and she accepts it for delivery: 90 minutes to her first response and to vet;
 * - at +30 minutes Priya, the SPOC of Li Wei's issue too, asks him for information: 30 minutes to respond.
 * So over the last 7 days: 5 routed, first responses 30 and 90 minutes (median 60, 90th percentile
 * 30 + 0.9 × 60 = 84), one vetted, no bounce-back, one warning, nothing breached yet.
 */
let site: SweepSite;
let openedAt: number;
let tomsIssue: string;
let liWeisIssue: string;
let liWeisSpoc: string;

const reports = (as: string, payload: unknown = { preset: 'last-7-days' }) =>
  site.invoke<any>('spoc-project-page', 'getReports', as, { payload });

beforeAll(async () => {
  site = await startSweepSite();
  openedAt = site.clock.nowMs();
  const byReporter = (who: string) => {
    const issue = site.demo.issues.find((i) => i.reporter === who);
    if (!issue) throw new Error(`The demo files no issue of ${who}`);
    return issue.key;
  };
  tomsIssue = byReporter(PEOPLE.tom);
  liWeisIssue = byReporter(PEOPLE.liWei);
  await site.advance(10);
  site.ok(await site.act(PEOPLE.priya, tomsIssue, { action: 'accept-for-delivery' }));
  await site.advance(20);
  liWeisSpoc = (await site.panel(liWeisIssue)).spoc.accountId;
  site.ok(await site.act(liWeisSpoc, liWeisIssue, { action: 'request-info', message: 'Which photos?' }));
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

describe('Reports on the demo', () => {
  it('the escalation manager sees each figure for the last 7 days, matching the hand-computed answer', async () => {
    const view = site.ok(await reports(PEOPLE.hannah));
    expect(view.audience).toBe('manager');
    // Today and the six days before, in the caller's zone (Hannah has no profile: UTC).
    expect(view.timeZone).toBe('UTC');
    expect(Date.parse(view.to)).toBe(Date.parse(new Date(openedAt).toISOString().slice(0, 10)) + 86_400_000);
    expect(view.overall).toMatchObject({
      routed: 5,
      firstResponse: { count: 2, medianMinutes: 60, p90Minutes: 84 },
      vetting: { count: 1, medianMinutes: 90, p90Minutes: 90 },
      vetted: 1,
      bouncedBack: 0,
      bounceBackRate: 0,
      breaches: 0,
    });
    // The sweep warned Priya about Tom's issue when the clock reached 90 of its 120 minutes, before she accepted.
    expect(view.overall.escalationsByLevel).toEqual({ 1: 1 });
    // Priya is Acme's primary: Tom's and Li Wei's issues and one more are hers; Yuki and Chloe have one each.
    expect(liWeisSpoc).toBe(PEOPLE.priya);
    const routedTo = Object.fromEntries(view.spocs.map((s: any) => [s.displayName, s.metrics.routed]));
    expect(routedTo).toEqual({ 'Priya Shah': 3, 'Yuki Tanaka': 1, 'Chloe Wilson': 1 });
    const priya = view.spocs.find((s: any) => s.accountId === PEOPLE.priya);
    expect(priya.metrics.firstResponse).toEqual({ count: 2, medianMinutes: 60, p90Minutes: 84 });
    expect(priya.metrics.vetting.medianMinutes).toBe(90);
    expect(priya.metrics.escalationsByLevel).toEqual({ 1: 1 });
    expect(priya.burnout).toMatchObject({
      accountId: PEOPLE.priya,
      actions: 2,
      actionsOutsideHours: 0,
      escalationsReceived: 1,
    });
    // The weeks add up to the period.
    const weekly = view.weeks.reduce((n: number, w: any) => n + w.metrics.firstResponse.count, 0);
    expect(weekly).toBe(2);
  });

  it('lists every client with its figures and this week’s coverage of its support hours', async () => {
    const view = site.ok(await reports(PEOPLE.hannah));
    const names = view.clients.map((c: any) => c.clientName);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const perClient = view.clients.reduce((n: number, c: any) => n + c.metrics.routed, 0);
    expect(perClient).toBe(5);
    expect(view.clients.map((c: any) => c.clientId)).toEqual(['acme', 'globex', 'initech']);
    for (const client of view.clients) {
      // Each demo client is supported Monday to Friday 08:00–18:00 in its own zone: 50 hours this week.
      expect(client.coverage).toMatchObject({ clientId: client.clientId, supportHours: 50 });
      const gapHours = client.coverage.gaps.reduce(
        (sum: number, g: any) => sum + (g.endMs - g.startMs) / 3_600_000,
        0,
      );
      expect(client.coverage.uncoveredHours).toBeCloseTo(gapHours, 2);
      for (const gap of client.coverage.gaps)
        expect(gap.text).toMatch(/^\w{3} \d{2}:\d{2}–\d{2}:\d{2} .+: nobody$/);
    }
  });

  it('the CSV holds the same figures', async () => {
    const { filename, csv } = site.ok(
      await site.invoke<any>('spoc-project-page', 'getReportsCsv', PEOPLE.hannah, {
        payload: { preset: 'last-7-days' },
      }),
    );
    expect(filename).toMatch(/^spoc-report-SUP-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, overall] = (csv as string).split('\r\n');
    const cells = Object.fromEntries(
      (overall ?? '').split(',').map((v, i) => [(header ?? '').split(',')[i], v]),
    );
    expect(cells).toMatchObject({
      scope: 'overall',
      routed: '5',
      'first response count': '2',
      'first response median min': '60',
      'first response p90 min': '84',
      vetted: '1',
      breaches: '0',
    });
  });

  it('a SPOC sees the team’s figures and only their own burnout signals', async () => {
    const view = site.ok(await reports(PEOPLE.priya));
    expect(view.audience).toBe('spoc');
    expect(view.overall.firstResponse.count).toBe(2);
    for (const row of view.spocs) {
      if (row.accountId === PEOPLE.priya) expect(row.burnout).not.toBeNull();
      else expect(row.burnout).toBeNull();
    }
  });

  it('refuses a client and a malformed request, with words a person can act on', async () => {
    const client = await reports(PEOPLE.tom);
    expect(client).toMatchObject({ ok: false });
    expect(JSON.stringify(client)).toMatch(
      /Only SPOCs, escalation managers and administrators of project SUP/,
    );
    const wrong = await reports(PEOPLE.hannah, { preset: 'last-year' });
    expect(wrong).toMatchObject({ ok: false });
    expect(JSON.stringify(wrong)).toMatch(
      /The period must be one of last-7-days, last-30-days, last-90-days/,
    );
  });

  it('as time passes, the unanswered High issue breaches and escalates, and the report counts it', async () => {
    // Tom's issue was accepted, so nothing of it escalates; the others run on their own targets.
    const before = site.ok(await reports(PEOPLE.hannah)).overall.breaches;
    expect(before).toBe(0);
    await site.advance(24 * 60);
    const view = site.ok(await reports(PEOPLE.hannah));
    const steps = Object.values(view.overall.escalationsByLevel as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(view.overall.breaches).toBeGreaterThan(0);
    expect(steps).toBeGreaterThan(0);
  });
});

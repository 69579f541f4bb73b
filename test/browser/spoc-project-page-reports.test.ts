import {
  AS,
  expectText,
  openSubpage,
  pageData,
  PEOPLE,
  startProjectPageWorld,
  finishProjectPageWorld,
  expectWithinPolicy,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * Reports over a period on the demo: the figures per SPOC and per client the resolver answers, shown in
 * sortable tables, the week chart, a period picker that asks again, and the CSV of the same figures.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

describe('Reports over a period', () => {
  it('shows each SPOC and client with the resolver’s figures, sorts, and draws the weeks', async () => {
    const view = await pageData<any>(world, 'getReports', PEOPLE.hannah, { preset: 'last-30-days' });
    const frame = await openSubpage(world, AS.hannah, 'reports');
    await frame.waitForSelector('[data-testid=report-spocs] tbody tr');
    const shownRouted = await frame.$$eval('[data-testid=report-spocs] tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-row') ?? '',
          r.querySelector('[data-column=routed]')?.textContent ?? '',
        ]),
      ),
    );
    expect(shownRouted).toEqual(
      Object.fromEntries(view.spocs.map((s: any) => [s.accountId, String(s.metrics.routed)])),
    );
    await expectText(frame, '[data-testid=report-clients]', 'Acme Logistics');

    // Most routed first, then fewest first.
    await frame.click('[data-testid=report-spocs-sort-routed]');
    const order = async () =>
      frame.$$eval('[data-testid=report-spocs] tbody tr [data-column=routed]', (cells) =>
        cells.map((c) => Number(c.textContent)),
      );
    const descending = await order();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await frame.click('[data-testid=report-spocs-sort-routed]');
    const ascending = await order();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    const weeks = await frame.$$eval('[data-testid=chart-weeks] g[data-week]', (bars) =>
      bars.map((g) => Number(g.getAttribute('data-routed'))),
    );
    expect(weeks.reduce((a, b) => a + b, 0)).toBe(view.overall.routed);
    expect(await frame.getAttribute('[data-testid=chart-weeks] svg', 'aria-label')).toContain('routed');
  });

  it('asks again for another period', async () => {
    const frame = await openSubpage(world, AS.hannah, 'reports');
    await frame.waitForSelector('[data-testid=report-spocs] tbody tr');
    await frame.selectOption('[data-testid=report-period]', 'last-7-days');
    await frame.waitForSelector('[data-testid=report-spocs] tbody tr');
    const week = await pageData<any>(world, 'getReports', PEOPLE.hannah, { preset: 'last-7-days' });
    const bars = await frame.$$('[data-testid=chart-weeks] g[data-week]');
    expect(bars).toHaveLength(week.weeks.length);
  });
});

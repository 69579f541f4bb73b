import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from './sweep-site';

/**
 * The SPOC demo opens with one client issue just short of its response target: Tom Fischer's High issue
 * (2 h target) was filed 80 minutes before the demo opened. Someone who moves the site clock on by half an
 * hour at a time, as local/README.md shows, sees each ladder step within a few moves.
 */
let site: SweepSite;
let key: string;

beforeAll(async () => {
  site = await startSweepSite();
  const issue = site.demo.issues.find((i) => i.reporter === PEOPLE.tom);
  if (!issue) throw new Error('The demo files no issue just short of its target');
  key = issue.key;
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

/**
 * `curl -X POST localhost:8080/local/api/clock -H 'Content-Type: application/json' -d '{"advanceMinutes": 30}'`,
 * then waits until the site has run what fell due.
 */
async function halfAnHourLater() {
  // Exactly what the README's curl command sends.
  const moved = await fetch(`${site.url}/local/api/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"advanceMinutes": 30}',
  });
  expect(moved.status).toBe(200);
  expect((await site.anonymous.post('/local/api/idle')).status).toBeLessThan(300);
}

const level = async () => (await site.panel(key)).escalationLevel as number;

describe('the demo’s issue just short of its target', () => {
  it('opens with its SPOC’s response clock two thirds run, every step still ahead', async () => {
    const view = await site.panel(key, PEOPLE.priya);
    expect(view).toMatchObject({
      escalationLevel: 0,
      responseStatus: 'on-track',
      spoc: { displayName: 'Priya Shah' },
    });
    const left = (Date.parse(view.dueAt) - site.clock.nowMs()) / 60_000;
    expect(left).toBe(40);
    expect(await site.comments(key)).toHaveLength(1);
  });

  it('warns Priya after the first half hour', async () => {
    await halfAnHourLater();
    expect(await level()).toBe(1);
    expect((await site.comments(key)).at(-1)!.mentions).toEqual([PEOPLE.priya]);
  });

  it('moves to Chloe after the second', async () => {
    await halfAnHourLater();
    expect(await level()).toBe(2);
    expect(await site.issue(key)).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
  });

  it('tells Hannah, the escalation manager, by the fourth, and the gadget counts it at level 3', async () => {
    await halfAnHourLater();
    await halfAnHourLater();
    expect(await level()).toBe(3);
    expect((await site.comments(key)).at(-1)!.mentions).toEqual([PEOPLE.hannah]);
    const row = (await site.escalations()).rows.find((r: { issueKey: string }) => r.issueKey === key);
    expect(row).toMatchObject({ escalationLevel: 3, response: 'breached' });
  });
});

import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from './sweep-site';

/**
 * Sweeps that overlap, with each other or with a person's action, change nothing more than once: every
 * change is a compare-and-set on the issue's record, and the writes it owes Jira are sent by one of them.
 * Acme's issues reach Priya on Monday 23 November 2026 at 10:00 UTC (warned at 13:00, moved at 14:00).
 */
let site: SweepSite;
let keys: string[];
let raced: string;

beforeAll(async () => {
  site = await startSweepSite();
  // Room with Priya and with Chloe for every issue, so capacity decides nothing here.
  await site.configure((document) => {
    for (const profile of document.profiles) profile.capacity = 20;
  });
  keys = [];
  for (let n = 1; n <= 5; n += 1) keys.push((await site.fileAcmeIssue(`Warehouse ${n} cannot print`)).key);
  await site.setClock('2026-11-23T10:30:00Z');
  // Due at 14:30: its move falls due while Priya acts on it.
  raced = (await site.fileAcmeIssue('Customs broker sees an empty manifest')).key;
  await site.setClock('2026-11-23T12:59:00Z');
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

/** The sweep function run directly, as a second platform instance would run it beside the scheduled one. */
const sweepBeside = () =>
  site.forge.invokeFunction('sweep', { context: { cloudId: site.forge.cloudId, moduleKey: 'spoc-sweep' } });

const mentionsOf = async (key: string) => (await site.comments(key)).map((c) => c.mentions);

describe('two sweeps at once', () => {
  it('two scheduled runs started together warn each SPOC once', async () => {
    site.clock.set(new Date('2026-11-23T13:00:00Z'));
    const runs = await Promise.all([
      site.anonymous.post('/local/api/scheduled/run', { all: true }),
      site.anonymous.post('/local/api/scheduled/run', { all: true }),
    ]);
    await site.idle();
    expect(runs.map((r) => r.body.results[0].ok)).toEqual([true, true]);
    for (const key of keys) expect(await mentionsOf(key)).toEqual([[PEOPLE.priya], [PEOPLE.priya]]);
    expect((await site.panel(keys[0]!)).escalationLevel).toBe(1);
  });

  it('sweeps running side by side with the scheduled one move each issue once, with one comment', async () => {
    site.clock.set(new Date('2026-11-23T14:00:00Z'));
    const reports = (await Promise.all([sweepBeside(), sweepBeside(), site.idle()])).slice(0, 2) as any[];
    await site.idle();
    const scheduled = site.sweepRuns().at(-1)!.result;
    // They did overlap: each met issues the other had just changed, and left them alone.
    expect(reports.flatMap((r) => r.deferred).length).toBeGreaterThan(0);
    const moves = [...reports, scheduled].flatMap((r) =>
      r.escalated.filter((e: { steps: string[] }) => e.steps.includes('move-to-next-backup')),
    );
    for (const key of keys) {
      expect(moves.filter((m: { issueKey: string }) => m.issueKey === key)).toHaveLength(1);
      expect(await mentionsOf(key)).toEqual([[PEOPLE.priya], [PEOPLE.priya], [PEOPLE.priya, PEOPLE.chloe]]);
      expect(await site.issue(key)).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
      expect((await site.issue(key)).property).toMatchObject({
        escalationLevel: 2,
        spocAccountId: PEOPLE.chloe,
      });
    }
  });
});

describe('a sweep racing the SPOC’s own action', () => {
  it('changes the issue once, whichever comes first, and Jira agrees with the app’s record', async () => {
    site.clock.set(new Date('2026-11-23T14:30:00Z'));
    const [accepted] = await Promise.all([
      site.act(PEOPLE.priya, raced, { action: 'accept-for-delivery' }),
      sweepBeside(),
      site.idle(),
    ]);
    await site.idle();
    await site.sweep();
    const view = await site.panel(raced);
    const jira = await site.issue(raced);
    const comments = await site.comments(raced);
    const acceptance = comments.filter((c) => c.text.includes('accepted the issue for delivery'));
    const moves = comments.filter((c) => c.text.includes('so the issue moves from'));
    if (accepted.ok) {
      // Priya was first: the issue is vetted and goes to delivery; the ladder stops.
      expect(view.state).toBe('vetted');
      expect(jira.assignee).toBe(PEOPLE.ben);
      expect([acceptance.length, moves.length]).toEqual([1, 0]);
    } else {
      // The sweep was first: it moved the issue, and her action was refused, changing nothing.
      expect(accepted.error).toMatch(/at the same moment|Only the issue's SPOC/);
      expect(view.state).toBe('awaiting-spoc');
      expect(jira).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
      expect([acceptance.length, moves.length]).toEqual([0, 1]);
    }
    expect(jira.property).toMatchObject({ state: view.state, spocAccountId: view.spoc.accountId });
    expect(view.pendingJiraUpdates).toBe(false);
    console.info(
      `The race at 14:30: ${accepted.ok ? 'Priya accepted first' : `the sweep was first (${accepted.error})`}.`,
    );
  });
});

import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from './sweep-site';

/**
 * The escalation ladder on the local site, run by the real scheduled sweep as the site clock moves. Acme's
 * issues reach Priya (London, working 08:00–18:00) on Monday 23 November 2026 at 10:00 UTC with the Medium
 * target of 4 h, so the response is due at 14:00: she is warned at 75% (13:00), the issue moves to the next
 * available backup at 100% (14:00: Daniel is away, so Chloe, who works 07:00–18:00 UTC from Sydney), and the
 * escalation manager, Hannah, is told at 150% of the target counted in Chloe's hours (16:00).
 */
let site: SweepSite;
let unanswered: string;
let acknowledged: string;
let escalated: string;

beforeAll(async () => {
  site = await startSweepSite();
  unanswered = (await site.fileAcmeIssue('Shipment labels print blank')).key;
  acknowledged = (await site.fileAcmeIssue('Customs form misses the HS code')).key;
  escalated = (await site.fileAcmeIssue('Portal rejects every login from Shenzhen')).key;
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

/** The gadget's row for the issue, and whether its totals count exactly the rows it lists. */
async function onTheGadget(key: string) {
  const snapshot = await site.escalations();
  const tally: Record<string, number> = {};
  for (const row of snapshot.rows)
    if (row.escalationLevel > 0) tally[row.escalationLevel] = (tally[row.escalationLevel] ?? 0) + 1;
  expect(snapshot.matched).toBeLessThanOrEqual(snapshot.rows.length);
  expect(snapshot.totals.byLevel).toEqual(tally);
  return snapshot.rows.find((r: { issueKey: string }) => r.issueKey === key);
}

const levelJql = (level: number) => `project = SUP AND issue.property[spoc].escalationLevel = ${level}`;

describe('as the clock moves through Monday', () => {
  it('11:00: the SPOC escalates one issue by hand, and the escalation manager is told', async () => {
    await site.setClock('2026-11-23T11:00:00Z');
    site.ok(
      await site.act(PEOPLE.priya, escalated, {
        action: 'escalate',
        reason: 'Their whole office is locked out',
      }),
    );
    const told = (await site.comments(escalated)).at(-1)!;
    expect(told.mentions).toEqual([PEOPLE.priya, PEOPLE.hannah]);
    expect((await site.issue(escalated)).property).toMatchObject({ escalationLevel: 3 });
  });

  it('12:59: nothing yet on the issue nobody answers', async () => {
    await site.setClock('2026-11-23T12:59:00Z');
    expect(site.sweepRuns().length).toBeGreaterThan(0);
    expect(await site.comments(unanswered)).toHaveLength(1);
    expect((await site.panel(unanswered)).escalationLevel).toBe(0);
    expect(await onTheGadget(unanswered)).toBeUndefined();
  });

  it('13:00: the SPOC is warned with a mention, and the gadget counts the issue at level 1', async () => {
    await site.setClock('2026-11-23T13:00:00Z');
    const warning = (await site.comments(unanswered)).at(-1)!;
    expect(warning).toMatchObject({ internal: true, mentions: [PEOPLE.priya] });
    expect(warning.text).toBe(
      '@Priya Shah: a response to this client issue is due Mon 23 Nov 2026 14:00 Europe/London. ' +
        'Please respond, or acknowledge in the SPOC panel that you are on it.',
    );
    const view = await site.panel(unanswered, PEOPLE.priya);
    expect(view).toMatchObject({ escalationLevel: 1, responseStatus: 'at-risk' });
    expect(view.history.at(-1)).toMatchObject({ event: 'escalation-step', by: null });
    expect(view.allowedActions).toContain('acknowledge');
    expect((await site.issue(unanswered)).property).toMatchObject({
      escalationLevel: 1,
      spocAccountId: PEOPLE.priya,
    });
    expect(await site.jql(levelJql(1))).toContain(unanswered);
    expect(await onTheGadget(unanswered)).toMatchObject({ escalationLevel: 1, response: 'at-risk' });
  });

  it('13:30: the SPOC acknowledges another warned issue, which holds its next step for an hour', async () => {
    await site.setClock('2026-11-23T13:30:00Z');
    const { view } = site.ok(await site.act(PEOPLE.priya, acknowledged, { action: 'acknowledge' }));
    expect(view.allowedActions).not.toContain('acknowledge');
    const said = (await site.comments(acknowledged)).at(-1)!;
    expect(said.mentions).toEqual([PEOPLE.priya]);
    expect(said.text).toBe(
      '@Priya Shah is on it: the next escalation step waits until Mon 23 Nov 2026 14:30 Europe/London.',
    );
    expect(view.history.at(-1)).toMatchObject({ event: 'acknowledge', by: { displayName: 'Priya Shah' } });
  });

  it('14:00: the unanswered issue moves to the next available backup, with the reasons; the acknowledged one stays', async () => {
    await site.setClock('2026-11-23T14:00:00Z');
    const jira = await site.issue(unanswered);
    expect(jira).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
    expect(jira.property).toMatchObject({
      spocAccountId: PEOPLE.chloe,
      escalationLevel: 2,
      // The client's clock runs on: the response is still due when it was.
      dueAt: '2026-11-23T14:00:00.000Z',
    });
    const moved = (await site.comments(unanswered)).at(-1)!;
    expect(moved.mentions).toEqual([PEOPLE.priya, PEOPLE.chloe]);
    expect(moved.text).toContain(
      'The response was due Mon 23 Nov 2026 14:00 Europe/London, so the issue moves from @Priya Shah to @Chloe Wilson.',
    );
    expect(moved.text).toContain('Daniel Okafor (backup 1) is out of office');
    expect(moved.text).toMatch(/Chloe Wilson \(backup 2\) is working until .*: chosen\./);
    const hers = await site.jql(`SPOC = ${PEOPLE.chloe} AND issue.property[spoc].state = "awaiting-spoc"`);
    expect(hers).toContain(unanswered);
    expect(await site.jql(levelJql(2))).toContain(unanswered);
    const view = await site.panel(unanswered, PEOPLE.chloe);
    expect(view).toMatchObject({
      escalationLevel: 2,
      responseStatus: 'breached',
      callerRoles: ['spoc', 'backup'],
    });
    expect(await onTheGadget(unanswered)).toMatchObject({
      escalationLevel: 2,
      response: 'breached',
      spoc: { displayName: 'Chloe Wilson' },
    });

    expect(await site.issue(acknowledged)).toMatchObject({ assignee: PEOPLE.priya, spocField: PEOPLE.priya });
    expect((await site.panel(acknowledged)).escalationLevel).toBe(1);
    expect(await site.issue(escalated)).toMatchObject({ assignee: PEOPLE.chloe });
  });

  it('14:00: the move states no due time but the one the issue’s clock keeps', async () => {
    const moved = (await site.comments(unanswered)).at(-1)!;
    expect(moved.text).not.toMatch(/Response due/);
  });

  it('14:30: the hold is over and the acknowledged issue moves to the backup too', async () => {
    await site.setClock('2026-11-23T14:25:00Z');
    expect((await site.issue(acknowledged)).assignee).toBe(PEOPLE.priya);
    await site.setClock('2026-11-23T14:30:00Z');
    expect(await site.issue(acknowledged)).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
    expect((await site.comments(acknowledged)).at(-1)!.mentions).toEqual([PEOPLE.priya, PEOPLE.chloe]);
  });

  it('16:00: the escalation manager is told, at 150% of the target in Chloe’s hours; not twice on the escalated one', async () => {
    await site.setClock('2026-11-23T15:59:00Z');
    expect((await site.panel(unanswered)).escalationLevel).toBe(2);
    await site.setClock('2026-11-23T16:00:00Z');
    const told = (await site.comments(unanswered)).at(-1)!;
    expect(told.mentions).toEqual([PEOPLE.hannah]);
    expect(told.text).toMatch(
      /^@Hannah Becker \(escalation manager\): the response to this client issue was due .* and is still outstanding\. Please look at it\.$/,
    );
    expect((await site.issue(unanswered)).property).toMatchObject({ escalationLevel: 3 });
    expect(await site.jql(levelJql(3))).toContain(unanswered);
    expect(await onTheGadget(unanswered)).toMatchObject({ escalationLevel: 3, response: 'breached' });
    expect((await site.comments(acknowledged)).at(-1)!.mentions).toEqual([PEOPLE.hannah]);

    const toHannah = (await site.comments(escalated)).filter((c) => c.mentions.includes(PEOPLE.hannah));
    expect(toHannah).toHaveLength(1);
    expect(toHannah[0]!.text).toMatch(/^@Priya Shah escalated this client issue to level 3\./);
  });

  it('later: nothing climbs further, however often the sweep runs', async () => {
    const before = await Promise.all([unanswered, acknowledged, escalated].map((k) => site.comments(k)));
    await site.sweep();
    await site.advance(24 * 60);
    await site.sweep();
    const after = await Promise.all([unanswered, acknowledged, escalated].map((k) => site.comments(k)));
    expect(after.map((c) => c.length)).toEqual(before.map((c) => c.length));
    // Routing, the warning, the move and the manager's note; the hand-made escalation replaced the last.
    expect(after.map((c) => c.length)).toEqual([4, 5, 4]);
  });
});

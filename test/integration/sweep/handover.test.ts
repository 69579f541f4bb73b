import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from './sweep-site';

/**
 * A SPOC's absence on the local site. On Monday 23 November 2026 at 10:00 UTC Priya (Acme's SPOC, London)
 * holds three new client issues; she asks the client a question on one, then enters an absence from 11:00
 * until Thursday with Chloe as her delegate. The sweep hands what waits for her to Chloe when the absence
 * starts; when she is back, nothing is handed back to her in bulk, and she takes back what she chooses.
 */
let site: SweepSite;
let first: string;
let second: string;
let question: string;

const ABSENCE = { from: '2026-11-23T11:00:00.000Z', until: '2026-11-26T00:00:00.000Z' };

beforeAll(async () => {
  site = await startSweepSite();
  // Room with Chloe for everything handed to her, so capacity decides nothing here.
  await site.configure((document) => {
    document.profiles.find((p: { accountId: string }) => p.accountId === PEOPLE.chloe).capacity = 20;
  });
  first = (await site.fileAcmeIssue('Driver app shows the wrong depot')).key;
  second = (await site.fileAcmeIssue('Delivery window emails arrive a day late')).key;
  question = (await site.fileAcmeIssue('Returns label cannot be printed')).key;
  site.ok(
    await site.act(PEOPLE.priya, question, { action: 'request-info', message: 'Which printer model?' }),
  );
  const mine = site.ok(
    await site.invoke<any>('spoc-project-page', 'getMyProfile', PEOPLE.priya, { projectKey: 'SUP' }),
  );
  site.ok(
    await site.invoke('spoc-project-page', 'saveProfile', PEOPLE.priya, {
      projectKey: 'SUP',
      payload: {
        profile: {
          ...mine.profile,
          outOfOffice: [{ ...ABSENCE, delegateAccountId: PEOPLE.chloe, note: 'Training in Leeds' }],
        },
        expectedVersion: mine.version,
      },
    }),
  );
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

const myQueue = async (as: string) =>
  site
    .ok(await site.invoke<any[]>('spoc-project-page', 'getMyQueue', as, { projectKey: 'SUP' }))
    .map((i) => i.issueKey);

describe('when the absence starts', () => {
  it('nothing moves before it', async () => {
    await site.setClock('2026-11-23T10:59:00Z');
    expect(await site.issue(first)).toMatchObject({ assignee: PEOPLE.priya, spocField: PEOPLE.priya });
  });

  it('her waiting issues go to her delegate, with the reasons on each, and the client’s clock runs on', async () => {
    await site.setClock('2026-11-23T11:00:00Z');
    for (const key of [first, second]) {
      const jira = await site.issue(key);
      expect(jira).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
      expect(jira.property).toMatchObject({
        spocAccountId: PEOPLE.chloe,
        dueAt: '2026-11-23T14:00:00.000Z',
        escalationLevel: 0,
      });
      const said = (await site.comments(key)).at(-1)!;
      expect(said).toMatchObject({ internal: true, mentions: [PEOPLE.priya, PEOPLE.chloe] });
      expect(said.text).toContain(
        '@Priya Shah is out of office, so the app handed this client issue to @Chloe Wilson.',
      );
      expect(said.text).toMatch(/Chloe Wilson \(delegate of Priya Shah\) is working .*: chosen\./);
    }
    const view = await site.panel(first, PEOPLE.chloe);
    expect(view.history.at(-1)).toMatchObject({ event: 'hand-over', by: null });
    expect(await myQueue(PEOPLE.chloe)).toEqual(expect.arrayContaining([first, second]));
    expect(await site.jql(`SPOC = ${PEOPLE.chloe} AND issue.property[spoc].state = "awaiting-spoc"`)).toEqual(
      expect.arrayContaining([first, second]),
    );
  });

  it('the issue waiting for the client’s answer stays hers until the client answers, then goes too', async () => {
    expect((await site.issue(question)).assignee).toBe(PEOPLE.priya);
    const answered = await site.asPerson(PEOPLE.liWei).post(`/rest/api/3/issue/${question}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A Zebra ZD421.' }] }],
      },
    });
    expect(answered.status).toBe(201);
    await site.advance(5);
    expect(await site.issue(question)).toMatchObject({ assignee: PEOPLE.chloe, spocField: PEOPLE.chloe });
  });

  it('the ladder then warns Chloe, who holds the issues, not Priya', async () => {
    await site.setClock('2026-11-23T13:00:00Z');
    const warning = (await site.comments(first)).at(-1)!;
    expect(warning.mentions).toEqual([PEOPLE.chloe]);
    expect(warning.text).toMatch(/^@Chloe Wilson: a response to this client issue is due/);
  });

  it('at breach nobody else can take it while Priya is away, so it stays with Chloe, and the manager is told', async () => {
    // Every five minutes the sweep looks; these are the moments something falls due.
    for (const at of ['14:00', '15:00', '16:00', '17:00']) await site.setClock(`2026-11-23T${at}:00Z`);
    const comments = await site.comments(first);
    expect(comments.at(-2)!.text).toContain(
      'nobody else on the roster can take the issue now, so it stays with @Chloe Wilson.',
    );
    expect(comments.at(-1)!.mentions).toEqual([PEOPLE.hannah]);
    expect((await site.issue(first)).property).toMatchObject({
      spocAccountId: PEOPLE.chloe,
      escalationLevel: 3,
    });
    expect((await site.issue(question)).property).toMatchObject({
      spocAccountId: PEOPLE.chloe,
      escalationLevel: 3,
    });
  });

  it('Chloe answers the second issue; a sweep running again changes nothing more', async () => {
    site.ok(await site.act(PEOPLE.chloe, second, { action: 'request-info', message: 'Since when?' }));
    const comments = await Promise.all([first, second, question].map((k) => site.comments(k)));
    await site.sweep();
    await site.sweep();
    const again = await Promise.all([first, second, question].map((k) => site.comments(k)));
    expect(again.map((c) => c.length)).toEqual(comments.map((c) => c.length));
  });
});

describe('when she is back', () => {
  beforeAll(async () => {
    // Thursday 26 November, 09:00 in London.
    await site.setClock('2026-11-26T09:00:00Z');
  });

  it('nothing that moved away is handed back to her', async () => {
    for (const key of [first, second, question]) {
      expect((await site.issue(key)).assignee).toBe(PEOPLE.chloe);
    }
    const mine = await myQueue(PEOPLE.priya);
    expect(mine).not.toContain(first);
    expect(mine).not.toContain(second);
  });

  it('new issues reach her again', async () => {
    const { key } = await site.fileAcmeIssue('Tracking link in the SMS is broken');
    expect(await site.issue(key)).toMatchObject({ assignee: PEOPLE.priya, spocField: PEOPLE.priya });
  });

  it('she may take back an issue handed over while she was out; Chloe may not', async () => {
    const view = await site.panel(first, PEOPLE.priya);
    expect(view.callerRoles).toContain('former-spoc');
    expect(view.allowedActions).toContain('take-back');
    expect((await site.panel(first, PEOPLE.chloe)).allowedActions).not.toContain('take-back');
    const refused = await site.act(PEOPLE.chloe, first, { action: 'take-back' });
    expect(refused.ok).toBe(false);
  });

  it('taking one back makes her its SPOC again with a fresh response clock; the others stay with Chloe', async () => {
    const { view } = site.ok(await site.act(PEOPLE.priya, first, { action: 'take-back' }));
    expect(view.spoc.displayName).toBe('Priya Shah');
    const jira = await site.issue(first);
    expect(jira).toMatchObject({ assignee: PEOPLE.priya, spocField: PEOPLE.priya });
    expect(jira.property).toMatchObject({ spocAccountId: PEOPLE.priya, dueAt: '2026-11-26T13:00:00.000Z' });
    const said = (await site.comments(first)).at(-1)!;
    expect(said.text).toBe('@Priya Shah is back and took this client issue back from @Chloe Wilson.');
    expect(view.allowedActions).not.toContain('take-back');
    expect((await site.issue(second)).assignee).toBe(PEOPLE.chloe);
    expect((await site.issue(question)).assignee).toBe(PEOPLE.chloe);
    await site.sweep();
    expect((await site.issue(first)).assignee).toBe(PEOPLE.priya);
  });
});

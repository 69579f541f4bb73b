import { moduleFrame, signIn } from '../support/browser';
import {
  AS,
  expectAccessible,
  expectText,
  expectWithinPolicy,
  finishProjectPageWorld,
  focusTop,
  focused,
  pageData,
  PEOPLE,
  screenshotOf,
  startProjectPageWorld,
  tabTo,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * Each role lands where its work is: the project page's own entry opens a SPOC's triage queue, a
 * developer's vetted issues and a manager's escalations, and tells a client plainly that the pages are not
 * for them. A SPOC's queue shows what to do next: late and at-risk issues first, marked, with their due time.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

/** Opens the page as Jira's sidebar link does (no subpage) and answers the frame and where it landed. */
async function openEntry(who: string) {
  await signIn(world.page, world.site.url, who, world.base);
  const frame = await moduleFrame(world.page, 'spoc-project-page');
  await frame.waitForSelector('[data-testid=page-title]');
  return { frame, pathname: await frame.getAttribute('main', 'data-pathname') };
}

describe('where the page opens', () => {
  it.each([
    ['a SPOC', AS.priya, '/triage', 'My triage queue'],
    ['a developer', AS.ben, '/vetted', 'Vetted for delivery'],
    ['a manager', AS.hannah, '/escalations', 'Escalations'],
  ])('opens %s on their work, and Jira’s address follows', async (_who, email, path, title) => {
    const { frame, pathname } = await openEntry(email);
    expect(pathname).toBe(path);
    await expectText(frame, '[data-testid=page-title]', title);
    await world.page.waitForURL((url) => url.pathname === `${world.base}${path}`);
    await expectAccessible(frame, `the landing of ${email}`);
  });

  it('tells a client reporter plainly that the pages have no work for them', async () => {
    const { frame, pathname } = await openEntry(AS.liWei);
    expect(pathname).toBe('/');
    await expectText(frame, '[data-testid=not-for-you]', 'these pages have no work for you');
    await expectText(frame, '[data-testid=not-for-you]', 'your SPOC answers you on each issue');
    expect(await frame.$('table')).toBeNull();
    await expectAccessible(frame, 'the page for a client');
  });
});

describe('My triage queue shows urgency', () => {
  interface Row {
    issueKey: string;
    response: string;
    dueAt: string | null;
  }

  beforeAll(async () => {
    // A quarter of an hour on, Tom Fischer's High issue (filed 80 minutes before the demo opens) is past
    // three quarters of its two-hour target: the sweep warns Priya, and it stays hers.
    world.site.clock.advanceMinutes(15);
    await world.site.idle();
  });

  it('by mouse: late and at-risk issues first, marked, with the due time; opens the most urgent', async () => {
    const queue = await pageData<Row[]>(world, 'getMyQueue', PEOPLE.priya);
    expect(queue[0]).toMatchObject({ response: 'at-risk', priority: 'High' });
    expect(queue.slice(1).every((r) => r.response === 'on-track')).toBe(true);
    // What the server answers is in urgency order, and the page keeps it.
    const rank = { breached: 0, 'at-risk': 1, 'on-track': 2, 'not-running': 3 } as Record<string, number>;
    const ranks = queue.map((r) => rank[r.response] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const frame = await openEntry(AS.priya).then((o) => o.frame);
    await frame.waitForSelector('[data-testid=triage-queue] table');
    const first = queue[0] as Row;
    const shown = await frame.$$eval('[data-testid=triage-queue] [data-testid^="response-"]', (cells) =>
      cells.map((c) => [c.getAttribute('data-testid'), c.getAttribute('data-response'), c.textContent]),
    );
    expect(shown.map(([id]) => id)).toEqual(queue.slice(0, 10).map((r) => `response-${r.issueKey}`));
    const label = { breached: 'Late', 'at-risk': 'At risk', 'on-track': 'On track' } as Record<
      string,
      string
    >;
    expect(shown[0]?.[2]).toContain(label[first.response]);
    // The due time, in Priya's locale and zone as Jira has them (en-GB, Europe/London).
    const due = new Date(first.dueAt as string).toLocaleString('en-GB', {
      timeZone: 'Europe/London',
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(shown[0]?.[2]).toContain(due);
    await expectAccessible(frame, 'the triage queue with its urgency');
    await screenshotOf(world.page, frame, '[data-testid=triage-queue]', 'project-page-triage-urgency');

    await frame.click(`[data-testid=triage-queue] [data-testid="issue-${first.issueKey}"]`);
    await world.page.waitForURL((url) => url.pathname === `/browse/${first.issueKey}`);
  });

  it('by keyboard alone: the first issue reached is the most urgent one, and Enter opens it', async () => {
    const queue = await pageData<Row[]>(world, 'getMyQueue', PEOPLE.priya);
    const first = queue[0] as Row;
    const { frame } = await openEntry(AS.priya);
    await frame.waitForSelector('[data-testid=triage-queue] table');
    await focusTop(frame);
    await tabTo(world.page, frame, (f) => f.startsWith('issue-'));
    expect(await focused(frame)).toBe(`issue-${first.issueKey}`);
    await world.page.keyboard.press('Enter');
    await world.page.waitForURL((url) => url.pathname === `/browse/${first.issueKey}`);
  });
});

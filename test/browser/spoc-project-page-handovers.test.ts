import type { Frame } from 'playwright-core';
import { screenshot } from '../support/browser';
import {
  AS,
  assigneeOf,
  configuration,
  expectAccessible,
  expectText,
  fileAcmeIssue,
  finishProjectPageWorld,
  expectWithinPolicy,
  focusTop,
  focused,
  openSubpage,
  pageCall,
  pageData,
  PEOPLE,
  pickPersonByKeyboard,
  pickPersonByMouse,
  runSweep,
  screenshotOf,
  setAway,
  setCapacity,
  startProjectPageWorld,
  tabTo,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * What happens around an absence and a departure, on the project page. "My triage queue": Priya, back from
 * an absence during which the sweep handed her issues to Chloe, sees them with who holds them now and takes
 * them all back in one action, or one by one, by mouse and by keyboard alone; while still away she is told
 * to come back first. "Clients & SPOCs": a project administrator offboards Daniel (away this week) to Yuki,
 * seeing every roster change, issue move and warning before applying it; a stale preview is refused in
 * words. axe in light and dark; the README's screenshots of both screens are taken here.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
  // Room with Chloe for everything handed to her, so her capacity decides nothing here.
  await setCapacity(world, PEOPLE.chloe, 30);
}, 90_000);

// People take minutes between steps; roster changes are dated, and Jira counts writes per issue in time.
beforeEach(() => {
  world.site.clock.advanceMinutes(1);
});

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

const colorMode = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'));

/** axe in the light theme, then in the dark one, then light again. */
async function inBothThemes(frame: Frame, where: string): Promise<void> {
  const { page } = world;
  const settled = () =>
    frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await colorMode(frame)).toBe('light');
  await settled();
  await expectAccessible(frame, `${where} (light)`);
  await page.click('[data-action=theme-toggle]');
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  await settled();
  await expectAccessible(frame, `${where} (dark)`);
  await page.click('[data-action=theme-toggle]');
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
}

/** Priya goes out of office with these new issues waiting; the sweep hands them over; she is back. */
async function handedOverFromPriya(...summaries: string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const summary of summaries) keys.push(await fileAcmeIssue(world, summary));
  await setAway(world, PEOPLE.priya, true);
  await runSweep(world);
  for (const key of keys) expect(await assigneeOf(world, key)).toBe(PEOPLE.chloe);
  await setAway(world, PEOPLE.priya, false);
  return keys;
}

/** The flag's words for n issues taken back. */
const takenBack = (n: number) => `Taken back: ${n} ${n === 1 ? 'issue' : 'issues'}.`;
const handedOverRows = (frame: Frame) =>
  frame.$$eval('[data-testid=handed-over-table] tbody tr', (rows) => rows.length);

const rowOf = (key: string) => `[data-testid=handed-over-table] tr:has([data-testid=issue-${key}])`;

describe('My triage queue, back from an absence', () => {
  it('by mouse: shows what was handed over and to whom, and takes it all back after confirming', async () => {
    const keys = await handedOverFromPriya('Parcel photos are rotated', 'Depot list is empty');
    const frame = await openSubpage(world, AS.priya, 'triage');
    await frame.waitForSelector('[data-testid=handed-over-table] table');
    for (const key of keys) await expectText(frame, rowOf(key), 'Chloe Wilson');
    await expectText(frame, '[data-testid=handed-over]', 'Handed over while you were away');
    await screenshot(world.page, 'project-page-take-back');

    // The demo's own Acme issues waiting for her were handed over too.
    const all = await handedOverRows(frame);
    expect(all).toBeGreaterThanOrEqual(keys.length);
    await frame.click('[data-testid=take-back-all]');
    await expectText(
      frame,
      '[data-testid=take-back-confirm-box]',
      'You become their SPOC and assignee again',
    );
    await frame.click('[data-testid=take-back-confirm]');
    await expectText(frame, '[data-testid=take-back-report-summary]', takenBack(all));
    await frame.waitForSelector('[data-testid=handed-over-table]', { state: 'detached' });
    for (const key of keys) {
      await frame.waitForSelector(`[data-testid=triage-queue] [data-testid=issue-${key}]`);
      expect(await assigneeOf(world, key)).toBe(PEOPLE.priya);
    }
  });

  it('by keyboard alone: takes one back from its row, cancels with Escape, then takes the rest', async () => {
    const { page } = world;
    const [first, second] = await handedOverFromPriya('Invoice PDF is blank', 'Signature box is too small');
    const frame = await openSubpage(world, AS.priya, 'triage');
    await frame.waitForSelector('[data-testid=handed-over-table] table');
    await focusTop(frame);
    await tabTo(page, frame, `take-back-${first}`);
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=take-back-report-summary]', 'Taken back: 1 issue.');
    // The report takes the focus, so a screen reader says it and the keyboard goes on from there.
    expect(await focused(frame)).toBe('take-back-report');
    expect(await assigneeOf(world, first!)).toBe(PEOPLE.priya);
    await frame.waitForSelector(rowOf(first!), { state: 'detached' });

    // The sweep handed over whatever else was waiting for her too.
    const rest = await handedOverRows(frame);
    await tabTo(page, frame, 'take-back-all');
    await page.keyboard.press('Space');
    await frame.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'take-back-confirm',
    );
    await page.keyboard.press('Escape');
    await frame.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'take-back-all',
    );
    expect(await assigneeOf(world, second!)).toBe(PEOPLE.chloe);
    await page.keyboard.press('Enter');
    await frame.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'take-back-confirm',
    );
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=take-back-report-summary]', takenBack(rest));
    expect(await assigneeOf(world, second!)).toBe(PEOPLE.priya);
  });

  it('while she is still away: says so and offers nothing to take back yet; axe in both themes', async () => {
    // What the earlier tests took back waits for her again: the sweep hands it over once more.
    await setAway(world, PEOPLE.priya, true);
    await runSweep(world);
    try {
      const frame = await openSubpage(world, AS.priya, 'triage');
      await expectText(frame, '[data-testid=still-away]', 'You are out of office until');
      await expectText(frame, '[data-testid=handed-over-table] tbody', 'Chloe Wilson');
      expect(await frame.$$('[data-testid^=take-back-]')).toHaveLength(0);
      const refused = await pageCall(world, 'takeBackHandedOverIssues', PEOPLE.priya, {});
      expect(refused).toMatchObject({ ok: false, code: 'refused' });
      await inBothThemes(frame, 'handed over, still away');
    } finally {
      await setAway(world, PEOPLE.priya, false);
    }
    const frame = await openSubpage(world, AS.priya, 'triage');
    await frame.waitForSelector('[data-testid=handed-over-table] table');
    const all = await handedOverRows(frame);
    await frame.click('[data-testid=take-back-all]');
    await frame.waitForSelector('[data-testid=take-back-confirm-box]');
    await inBothThemes(frame, 'handed over, confirming');
    await frame.click('[data-testid=take-back-confirm]');
    await expectText(frame, '[data-testid=take-back-report-summary]', takenBack(all));
    await inBothThemes(frame, 'taken back');
  });
});

describe('Clients & SPOCs: offboarding a SPOC', () => {
  let his: string;

  beforeAll(async () => {
    // Daniel, away all week, is given an Acme issue by Hannah (the sweep soon hands it on to who can take it).
    his = await fileAcmeIssue(world, 'Customs form rejects Swiss postcodes');
    world.site.clock.advanceMinutes(1);
    const issue = world.site.jira.store.getIssue(his)!;
    const reply = (await world.site.forge.invokeResolver({
      moduleKey: 'spoc-panel',
      functionKey: 'applyTriageAction',
      // Hannah is told he is out of office and gives it to him all the same.
      payload: {
        action: 'reassign',
        toAccountId: PEOPLE.daniel,
        reason: 'Customs are his.',
        evenIfUnavailable: true,
      },
      accountId: PEOPLE.hannah,
      context: { extension: { issue: { id: issue.id, key: issue.key } } },
    })) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(reply.error);
  });

  const chooseByMouse = async (frame: Frame, leaving: string, successor: string, reason: string) => {
    await frame.click('[data-testid=offboard-open]');
    await frame.waitForSelector('[data-testid=offboarding]');
    await frame.selectOption('[data-testid=offboard-leaving]', leaving);
    await pickPersonByMouse(frame, 'offboard-successor-input', successor);
    await frame.fill('[data-testid=offboard-reason]', reason);
    await frame.click('[data-testid=offboard-preview]');
    await frame.waitForSelector('[data-testid=offboard-preview-result]');
  };

  it('refuses a preview that went stale, in words, and changes nothing', async () => {
    const before = await configuration(world);
    // The site's sweep runs every five minutes of its clock: it may have handed Daniel's issue on meanwhile.
    const holder = await assigneeOf(world, his);
    const frame = await openSubpage(world, AS.hannah, 'clients');
    await chooseByMouse(frame, PEOPLE.daniel, 'Yuki Tanaka', 'Daniel moves to the platform team.');
    // Meanwhile someone saves the configuration.
    await pageData(world, 'saveRules', PEOPLE.sam, {
      rules: before.document.rules,
      expectedVersion: before.version,
    });
    await frame.click('[data-testid=offboard-apply]');
    await expectText(
      frame,
      '[data-testid=offboard-error]',
      'Things changed since your preview, so nothing was applied',
    );
    await frame.waitForSelector('[data-testid=offboard-preview]');
    const after = await configuration(world);
    expect(after.version).toBe(before.version + 1);
    expect(after.document.rosters).toEqual(before.document.rosters);
    expect(await assigneeOf(world, his)).toBe(holder);
  });

  it('by mouse: previews every change and warning, axe in both themes, then applies it', async () => {
    const frame = await openSubpage(world, AS.hannah, 'clients');
    await chooseByMouse(frame, PEOPLE.daniel, 'Yuki Tanaka', 'Daniel moves to the platform team.');
    await expectText(
      frame,
      '[data-testid=offboard-preview-result]',
      'What changes when Daniel Okafor hands over to Yuki Tanaka',
    );
    await expectText(
      frame,
      '[data-testid=offboard-roster-acme]',
      "Yuki Tanaka takes Daniel Okafor's place as backup 1.",
    );
    await expectText(
      frame,
      '[data-testid=offboard-roster-globex]',
      'Yuki Tanaka becomes the primary SPOC in place of Daniel Okafor.',
    );
    await expectText(
      frame,
      `[data-testid=offboard-issues] tr:has([data-testid=issue-${his}])`,
      'Daniel Okafor',
    );
    await expectText(frame, '[data-testid=offboard-warnings]', 'over their capacity of 1');
    await expectText(frame, '[data-testid=offboard-warnings]', 'Daniel Okafor is out of office until');
    await screenshotOf(world.page, frame, '[data-testid=offboarding]', 'project-page-offboarding');
    await inBothThemes(frame, 'offboarding preview');

    await frame.click('[data-testid=offboard-apply]');
    await expectText(frame, '[data-testid=offboard-report-summary]', '2 rosters changed');
    await expectText(frame, '[data-testid=offboard-report-summary]', 'Moved: 1 issue.');
    await expectText(frame, '[data-testid=roster-table] tr:has-text("Globex")', 'Yuki Tanaka');
    await inBothThemes(frame, 'offboarding applied');
    expect(await assigneeOf(world, his)).toBe(PEOPLE.yuki);
    const globex = (await configuration(world)).document.rosters.find((r) => r.clientId === 'globex');
    expect(globex?.versions.at(-1)).toMatchObject({
      primarySpocAccountId: PEOPLE.yuki,
      backupAccountIds: [PEOPLE.arjun],
    });
  });

  it('by keyboard alone: chooses, previews and applies; Escape closes the form', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.hannah, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    await focusTop(frame);
    await tabTo(page, frame, 'offboard-open');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.id === 'offboard-leaving');
    await page.keyboard.press('Escape');
    await frame.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'offboard-open',
    );
    await page.keyboard.press('Space');
    await frame.waitForFunction(() => document.activeElement?.id === 'offboard-leaving');
    // A native select: typing a name chooses it.
    await page.keyboard.type('Arjun', { delay: 20 });
    expect(await frame.inputValue('[data-testid=offboard-leaving]')).toBe(PEOPLE.arjun);
    await page.keyboard.press('Tab');
    await pickPersonByKeyboard(page, frame, 'offboard-successor-input', 'Chloe Wilson');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('offboard-reason');
    await page.keyboard.type('Arjun leads the new data team.');
    await tabTo(page, frame, 'offboard-preview');
    await page.keyboard.press('Enter');
    // The preview's heading takes the focus: it is read first.
    await frame.waitForFunction(() => document.activeElement?.id === 'offboard-preview-title');
    await expectText(
      frame,
      '[data-testid=offboard-roster-initech]',
      "Chloe Wilson takes Arjun Mehta's place as backup 1.",
    );
    await tabTo(page, frame, 'offboard-apply');
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=offboard-report-summary]', '2 rosters changed');
    expect(await focused(frame)).toBe('offboard-report');
    const initech = (await configuration(world)).document.rosters.find((r) => r.clientId === 'initech');
    expect(initech?.versions.at(-1)?.backupAccountIds[0]).toBe(PEOPLE.chloe);
  });

  it('is not offered to those who do not keep rosters', async () => {
    const frame = await openSubpage(world, AS.priya, 'clients');
    await frame.waitForSelector('[data-testid=read-only]');
    expect(await frame.$('[data-testid=offboard-open]')).toBeNull();
    const refused = await pageCall(world, 'previewOffboarding', PEOPLE.priya, {
      leavingAccountId: PEOPLE.daniel,
      successorAccountId: PEOPLE.yuki,
      reason: 'x',
    });
    expect(refused).toMatchObject({ ok: false, code: 'not-allowed' });
  });
});

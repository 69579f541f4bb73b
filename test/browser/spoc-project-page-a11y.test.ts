import type { Frame } from 'playwright-core';
import { screenshot } from '../support/browser';
import {
  AS,
  expectAccessible,
  openPickerByMouse,
  openSubpage,
  pickPersonByMouse,
  startProjectPageWorld,
  finishProjectPageWorld,
  expectWithinPolicy,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * axe finds no serious or critical violation on any subpage of the SPOC project page, in Jira's light and
 * dark theme, with its editors open (people pickers, date picker, menus included), nor on what a SPOC and a
 * client see. The README's screenshots of the page are taken here.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

const colorMode = (frame: Frame) =>
  frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'));

/**
 * axe in the light theme, then in the dark one (the host's theme switch), then light again. Clicking the
 * switch closes an open menu or calendar, so `reopen` opens it again for the dark check.
 */
async function inBothThemes(frame: Frame, where: string, reopen?: () => Promise<void>): Promise<void> {
  const { page } = world;
  const settled = () =>
    frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await colorMode(frame)).toBe('light');
  await settled();
  await expectAccessible(frame, `${where} (light)`);
  await page.click('[data-action=theme-toggle]');
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  await reopen?.();
  // Controls fade their background into the new theme; axe would measure contrast halfway through.
  await settled();
  await expectAccessible(frame, `${where} (dark)`);
  await page.click('[data-action=theme-toggle]');
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
}

describe('every subpage, as a project administrator, with its editors open', () => {
  it.each([
    ['triage', '[data-testid=triage-queue]'],
    ['vetted', '[data-testid=vetted-queue]'],
    ['escalations', '[data-testid=escalations]'],
    ['reports', '[data-testid=reports-intro]'],
  ])('%s', async (route, shown) => {
    const frame = await openSubpage(world, AS.sam, route);
    await frame.waitForSelector(shown);
    await inBothThemes(frame, route);
  });

  it('clients: roster editor with a picker menu open, rules editor, routing preview of a new issue', async () => {
    const frame = await openSubpage(world, AS.sam, 'clients');
    await frame.click('[data-testid=edit-rules]');
    await frame.waitForSelector('[data-testid=rules-editor]');
    await frame.click('[data-testid=edit-roster-acme]');
    await frame.waitForSelector('[data-testid=roster-editor]');
    await frame.click('[data-testid=preview-mode-new]');
    await pickPersonByMouse(frame, 'preview-reporter-input', 'Li Wei');
    const openMenu = async () => {
      await openPickerByMouse(frame, 'roster-acme-backups');
      await frame.waitForSelector('[data-testid=roster-backups] [role=option]');
    };
    await openMenu();
    await inBothThemes(frame, 'clients', openMenu);
  });

  it('availability: another SPOC’s profile in the editor, its calendar open', async () => {
    const frame = await openSubpage(world, AS.sam, 'availability');
    await pickPersonByMouse(frame, 'profile-person-input', 'Arjun Mehta');
    await frame.waitForSelector('[data-testid=other-profile] [data-testid=profile-editor]');
    await frame.click('[data-testid=other-profile] [data-testid="away-first-picker--container"]');
    await frame.waitForSelector(
      '[data-testid=other-profile] [data-testid="away-first-picker--calendar--container"]',
    );
    await inBothThemes(frame, 'availability');
  });

  it('policy and import/export', async () => {
    let frame = await openSubpage(world, AS.sam, 'policy');
    await frame.waitForSelector('[data-testid=policy-save]');
    await inBothThemes(frame, 'policy');
    frame = await openSubpage(world, AS.sam, 'import-export');
    await frame.click('[data-testid=export-run]');
    await frame.waitForSelector('[data-testid=export-json]');
    await frame.fill('[data-testid=import-json]', '{ not json');
    await frame.click('[data-testid=import-run]');
    await frame.waitForSelector('[data-testid=import-error]');
    await inBothThemes(frame, 'import/export');
  });
});

describe('what others see', () => {
  it('a SPOC’s own availability editor and read-only rosters; the README’s screenshots', async () => {
    let frame = await openSubpage(world, AS.priya, 'availability');
    await frame.waitForSelector('[data-testid=my-profile] [data-testid=profile-editor]');
    await inBothThemes(frame, 'availability (SPOC)');
    frame = await openSubpage(world, AS.priya, 'clients');
    await frame.waitForSelector('[data-testid=read-only]');
    await inBothThemes(frame, 'clients (SPOC)');

    frame = await openSubpage(world, AS.priya, 'triage');
    await frame.waitForSelector('[data-testid=triage-queue] table');
    await screenshot(world.page, 'project-page-light');
    await world.page.click('[data-action=theme-toggle]');
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    await screenshot(world.page, 'project-page-dark');
    await world.page.click('[data-action=theme-toggle]');
  });

  it('a client’s notice', async () => {
    const frame = await openSubpage(world, AS.liWei, 'clients');
    await frame.waitForSelector('[data-testid=not-for-you]');
    await inBothThemes(frame, 'client');
  });
});

import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { seedAppDemo, type AppDemo } from '../../local/seed/app-demo';
import { DEMO_SEED, PEOPLE } from '../../local/seed/demo';
import {
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  launchBrowser,
  moduleFrame,
  seriousAxeViolations,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from './browser';
import type { Reply } from '../../src/contract/reply';
import { startTestSite, type TestSite } from './site';

/**
 * The SPOC project page's browser tests share this: a local site with the app's demo configuration, one
 * browser, sign-in onto a subpage, the resolver as a script would call it, and the moves a person makes with
 * the mouse or with the keyboard alone (people pickers and date pickers included).
 */
export { PEOPLE };

/** The demo people the tests sign in as, by what they do. */
export const AS = {
  /** Jira administrator and administrator of SUP: edits everything. */
  sam: email(PEOPLE.sam),
  /** Manager, administrator of SUP. */
  hannah: email(PEOPLE.hannah),
  /** SPOC (primary of Acme): edits her own profile only. */
  priya: email(PEOPLE.priya),
  /** Developers in the delivery team: read. */
  ben: email(PEOPLE.ben),
  marco: email(PEOPLE.marco),
  /** Acme's client reporter: the page is not for her. */
  liWei: email(PEOPLE.liWei),
} as const;

function email(accountId: string): string {
  const person = DEMO_SEED.people.find((p) => p.accountId === accountId);
  if (!person) throw new Error(`No demo person ${accountId}`);
  return person.email;
}

export interface ProjectPageWorld {
  readonly site: TestSite;
  readonly demo: AppDemo;
  readonly browser: TestBrowser;
  readonly page: Page;
  /** The project page's path in the shell (`/jira/software/projects/SUP/apps/<app>/<env>`). */
  readonly base: string;
}

export async function startProjectPageWorld(): Promise<ProjectPageWorld> {
  await ensureCustomUiBuilt();
  const site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  const demo = await seedAppDemo(site);
  const browser = await launchBrowser();
  const base = `/jira/software/projects/SUP/apps/${site.forge.appId}/${site.forge.environmentId}`;
  return { site, demo, browser, page: browser.page, base };
}

/** Closes the browser and the site; answers the console errors and uncaught errors the pages had. */
export async function stopProjectPageWorld(world: ProjectPageWorld | undefined): Promise<string[]> {
  const errors = [...(world?.browser.errors ?? [])];
  try {
    await world?.browser.close();
  } finally {
    await world?.site.close();
  }
  return errors;
}

/** After each test: no Content-Security-Policy refusal on any subpage, picker or dialog it opened. */
export function expectWithinPolicy(world: ProjectPageWorld | undefined): void {
  expectNoCspRefusals(world?.browser);
}

/**
 * Ends a test file's world: every Jira answer matched the OpenAPI shapes and no page logged an error, a
 * Content-Security-Policy refusal included.
 */
export async function finishProjectPageWorld(world: ProjectPageWorld | undefined): Promise<void> {
  world?.site.conformance.expectNoViolations();
  const errors = await stopProjectPageWorld(world);
  expect(errors).toEqual([]);
}

/** Signs in and opens a subpage; answers the page's frame once it shows that subpage. */
export async function openSubpage(world: ProjectPageWorld, who: string, route: string): Promise<Frame> {
  await signIn(world.page, world.site.url, who, `${world.base}/${route}`);
  const frame = await moduleFrame(world.page, 'spoc-project-page');
  await frame.waitForSelector(`main[data-pathname="/${route}"]`);
  return frame;
}

/** The project page's resolver, called as the bridge would for the person. */
export async function pageCall<T>(
  world: ProjectPageWorld,
  functionKey: string,
  accountId: string,
  payload?: unknown,
): Promise<Reply<T>> {
  return (await world.site.forge.invokeResolver({
    moduleKey: 'spoc-project-page',
    functionKey,
    payload,
    accountId,
    context: { extension: { project: { key: 'SUP' } } },
  })) as Reply<T>;
}

export async function pageData<T>(
  world: ProjectPageWorld,
  functionKey: string,
  accountId: string,
  payload?: unknown,
): Promise<T> {
  const reply = await pageCall<T>(world, functionKey, accountId, payload);
  if (!reply.ok) throw new Error(`${functionKey} failed: ${reply.error}`);
  return reply.data;
}

export interface StoredConfiguration {
  readonly version: number;
  readonly canEdit: boolean;
  readonly document: {
    readonly rules: ReadonlyArray<{
      id: string;
      clientId: string;
      kind: string;
      values: string[];
      enabled?: boolean;
    }>;
    readonly rosters: ReadonlyArray<{ clientId: string; versions: any[] }>;
    readonly profiles: ReadonlyArray<{
      accountId: string;
      capacity: number | null;
      workingHours: any[];
      outOfOffice: any[];
      timeZone: string;
    }>;
    readonly policy: any;
  };
}

export const configuration = (world: ProjectPageWorld, accountId = PEOPLE.sam) =>
  pageData<StoredConfiguration>(world, 'getConfiguration', accountId);

// ---- the keyboard alone ------------------------------------------------------------------------------------

/** The focused element in the frame, by data-testid, id, or its text. */
export const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? (el?.id ? `#${el.id}` : (el?.textContent ?? '').trim());
  });

/** Whether the element with this id has the focus in the frame. */
export const hasFocus = (frame: Frame, id: string) =>
  frame.evaluate((wanted) => document.activeElement?.id === wanted, id);

/** Starts keyboard navigation from the top of the frame's document. */
export async function focusTop(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.tabIndex = -1;
    document.body.focus();
  });
}

/** Presses Tab until the wanted element has the focus (`#id`, a data-testid or its text). */
export async function tabTo(page: Page, frame: Frame, wanted: string | ((f: string) => boolean), max = 80) {
  const matches = typeof wanted === 'string' ? (f: string) => f === wanted : wanted;
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(frame);
    if (matches(now)) return;
    seen.push(now);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(wanted)}; focus went through: ${seen.join(' → ')}`);
}

/** In a focused people picker: types part of a name and takes the person with Enter once Jira answered. */
export async function pickPersonByKeyboard(page: Page, frame: Frame, inputId: string, name: string) {
  expect(await hasFocus(frame, inputId)).toBe(true);
  await page.keyboard.type(name.split(' ')[0] as string, { delay: 20 });
  await menuOption(frame, inputId, name).waitFor();
  // The first match has the focus; walk down to the wanted one if another came first.
  for (let i = 0; i < 10 && !(await isFocusedOption(frame, inputId, name)); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function isFocusedOption(frame: Frame, inputId: string, name: string): Promise<boolean> {
  const active = await frame.getAttribute(`#${inputId}`, 'aria-activedescendant');
  if (!active) return false;
  return ((await frame.textContent(`[id="${active}"]`)) ?? '').includes(name);
}

/** In a focused date picker: types the day and confirms it with Enter. */
export async function typeDateByKeyboard(page: Page, frame: Frame, inputId: string, day: string) {
  expect(await hasFocus(frame, inputId)).toBe(true);
  await page.keyboard.type(day, { delay: 20 });
  await page.keyboard.press('Enter');
}

// ---- the mouse -----------------------------------------------------------------------------------------------

/** The option of a people picker's open menu that shows the person (the menu the input controls). */
export function menuOption(frame: Frame, inputId: string, name: string): Locator {
  // react-select draws the menu inside its container (class "-container"), next to the input.
  return frame
    .locator(`#${inputId}`)
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " -container ")][1]')
    .locator('[role=option]', { hasText: name })
    .first();
}

/** Opens a people picker with a click, types part of the name and clicks the person. */
export async function pickPersonByMouse(frame: Frame, inputId: string, name: string) {
  await openPickerByMouse(frame, inputId);
  await frame.fill(`#${inputId}`, name.split(' ')[0] as string);
  await menuOption(frame, inputId, name).click();
}

/**
 * Scrolls Jira's page so the picker sits near the top of the window, leaving room below for its menu, and
 * clicks it open. The frame is as tall as its content, so the menu, drawn at a fixed place in the frame,
 * moves with the page.
 */
export async function openPickerByMouse(frame: Frame, inputId: string): Promise<void> {
  const control = pickerControl(frame, inputId);
  await scrollNearTop(frame.page(), control);
  await control.click();
}

/** Scrolls Jira's page so the element is just below its fixed top bar, as a person would scroll to it. */
async function scrollNearTop(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox(); // in the page's coordinates
  if (box) await page.evaluate((by) => window.scrollBy(0, by), box.y - 200);
}

/** The box of a people picker that a person clicks (the input itself sits under the chosen value). */
export function pickerControl(frame: Frame, inputId: string): Locator {
  return frame
    .locator(`#${inputId}`)
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " -control ")][1]');
}

/**
 * Opens a date picker with a click, moves to the next month with the calendar's arrow and clicks the day;
 * answers the day chosen (YYYY-MM-DD), as the picker then shows it.
 */
export async function pickDateByMouse(frame: Frame, scope: string, testId: string, dayOfMonth: number) {
  const container = frame.locator(`${scope} [data-testid="${testId}--container"]`);
  await scrollNearTop(frame.page(), container);
  await container.click();
  const calendar = frame.locator(`${scope} [data-testid="${testId}--calendar--container"]`);
  await calendar.waitFor();
  await calendar.getByRole('button', { name: /^Next month/ }).click();
  await calendar
    .locator('button:not([data-sibling]):not([data-disabled])', { hasText: new RegExp(`^${dayOfMonth}$`) })
    .click();
  await calendar.waitFor({ state: 'detached' });
  // The picker shows the day beside a hidden announcement ("No options."): take the date.
  return /\d{4}-\d{2}-\d{2}/.exec((await container.textContent()) ?? '')?.[0] ?? '';
}

// ---- what the page shows -----------------------------------------------------------------------------------

/** axe's serious and critical findings, with a readable failure. */
export async function expectAccessible(frame: Frame, where: string): Promise<void> {
  const violations = await seriousAxeViolations(frame);
  if (violations.length > 0) throw new Error(`${where}: ${JSON.stringify(violations, null, 2)}`);
}

export { expectText };

// ---- time passing: absences, the sweep, new client issues -------------------------------------------------

/** Runs the app's scheduled sweep now, as Forge would, and waits for what it set off. */
export async function runSweep(world: ProjectPageWorld): Promise<void> {
  const runs = await world.site.forge.runScheduledTriggers({ all: true });
  if (!runs.every((r) => r.ok)) throw new Error(`The sweep failed: ${JSON.stringify(runs)}`);
  await world.site.idle();
}

/**
 * Sets the person's absences as they would on their availability page (their own profile, saved on the
 * current version): `away` from an hour ago for two days, nobody covering; `back`: none.
 */
export async function setAway(world: ProjectPageWorld, accountId: string, away: boolean): Promise<void> {
  const mine = await pageData<{ version: number; profile: Record<string, unknown> }>(
    world,
    'getMyProfile',
    accountId,
  );
  const now = world.site.clock.now().getTime();
  const outOfOffice = away
    ? [
        {
          from: new Date(now - 60 * 60_000).toISOString(),
          until: new Date(now + 2 * 24 * 60 * 60_000).toISOString(),
          delegateAccountId: null,
        },
      ]
    : [];
  await pageData(world, 'saveProfile', accountId, {
    profile: { ...mine.profile, outOfOffice },
    expectedVersion: mine.version,
  });
}

/** A SPOC's capacity, saved through their own profile (as they would in Availability). */
export async function setCapacity(
  world: ProjectPageWorld,
  accountId: string,
  capacity: number,
): Promise<void> {
  const mine = await pageData<{ version: number; profile: Record<string, unknown> }>(
    world,
    'getMyProfile',
    accountId,
  );
  await pageData(world, 'saveProfile', accountId, {
    profile: { ...mine.profile, capacity },
    expectedVersion: mine.version,
  });
}

/** Files an Acme issue as Li Wei over the REST API and waits until the app has routed it; answers its key. */
export async function fileAcmeIssue(world: ProjectPageWorld, summary: string): Promise<string> {
  const created = await world.site.as(AS.liWei).post('/rest/api/3/issue', {
    fields: {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary,
      components: [{ name: 'Acme Portal' }],
    },
  });
  if (created.status !== 201) throw new Error(`Filing failed: ${created.status}`);
  await world.site.idle();
  return created.body.key as string;
}

/** Who Jira says is the issue's assignee (asked as a project administrator). */
export async function assigneeOf(world: ProjectPageWorld, issueKey: string): Promise<string | null> {
  const answer = await world.site.as(AS.sam).get(`/rest/api/3/issue/${issueKey}?fields=assignee`);
  return answer.body.fields.assignee?.accountId ?? null;
}

/**
 * A picture of one part of a frame for docs/screenshots, however far down the page it is: the window is made
 * tall enough, the part scrolled to just below Jira's fixed top bar, and the mouse moved off it.
 */
export async function screenshotOf(page: Page, frame: Frame, selector: string, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1200, height: 760 };
  const file = path.resolve(__dirname, '..', '..', 'docs', 'screenshots', `${name}.png`);
  await page.mouse.move(0, size.height - 1);
  await page.setViewportSize({ width: size.width, height: 1600 });
  try {
    const box = await frame.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not on the page.`);
    await page.evaluate((y) => window.scrollBy(0, y), box.y - 72);
    const shown = (await frame.locator(selector).boundingBox()) ?? box;
    const margin = 12;
    await page.screenshot({
      path: file,
      clip: {
        x: Math.max(0, shown.x - margin),
        y: Math.max(0, shown.y - margin),
        width: shown.width + 2 * margin,
        height: shown.height + 2 * margin,
      },
    });
  } finally {
    await page.setViewportSize(size);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { seedAppDemo, type AppDemo } from '../../local/seed/app-demo';
import { PEOPLE } from '../../local/seed/demo';
import { startTestSite, type TestSite } from './site';
import {
  addGadget,
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  gadgetView,
  launchBrowser,
  moduleFrame,
  restAs,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from './browser';

/**
 * What the SPOC gadget browser tests share (test/browser/spoc-gadgets*.test.ts): a site with the app's
 * demo, the people who play each role, each way to change a gadget setting by mouse or by keyboard alone,
 * and what the gadget's resolver answers for the same saved settings, so no test writes a number down.
 */
export const WORKLOAD = 'spoc-workload-gadget';
export const ESCALATIONS = 'spoc-escalations-gadget';

const person = (email: string, accountId: string, name: string) => ({ email, accountId, name });
/** The escalation manager: she configures her own dashboard. */
export const HANNAH = person('hannah.becker@vendor.example', PEOPLE.hannah, 'Hannah Becker');
export const PRIYA = person('priya.shah@vendor.example', PEOPLE.priya, 'Priya Shah');
export const DANIEL = person('daniel.okafor@vendor.example', PEOPLE.daniel, 'Daniel Okafor');
export const CHLOE = person('chloe.wilson@vendor.example', PEOPLE.chloe, 'Chloe Wilson');
/** A developer of the delivery team. */
export const MARCO = person('marco.rossi@vendor.example', PEOPLE.marco, 'Marco Rossi');
/** A client's reporter: not staff. */
export const LI_WEI = person('li.wei@acme.example', PEOPLE.liWei, 'Li Wei');
/** The Jira administrator, who configures the shared system dashboard. */
export const SAM = person('sam.patel@vendor.example', PEOPLE.sam, 'Sam Patel');

export interface GadgetWorld {
  readonly site: TestSite;
  readonly browser: TestBrowser;
  readonly page: Page;
  readonly demo: AppDemo;
}

export async function startGadgetWorld(): Promise<GadgetWorld> {
  await ensureCustomUiBuilt();
  const site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  const demo = await seedAppDemo(site);
  const browser = await launchBrowser();
  return { site, browser, page: browser.page, demo };
}

export async function stopGadgetWorld(world: GadgetWorld | undefined): Promise<void> {
  try {
    await world?.browser.close();
  } finally {
    await world?.site.close();
  }
}

/**
 * No console error, uncaught error or Content-Security-Policy refusal in the page or its frames (each test
 * file checks after every test).
 */
export function expectNoBrowserErrors(world: GadgetWorld): void {
  expect(world.browser.errors).toEqual([]);
  expectNoCspRefusals(world.browser);
}

/** Files a client issue in DEV that the Globex rule (label) matches, so the app routes it there too. */
export async function fileGlobexIssueInDev(world: GadgetWorld, summary: string): Promise<string> {
  const answer = await world.site.gateway.fetch(
    { kind: 'user', accountId: MARCO.accountId },
    {
      method: 'POST',
      url: '/rest/api/3/issue',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        fields: { project: { key: 'DEV' }, issuetype: { name: 'Task' }, summary, labels: ['globex'] },
      }),
    },
  );
  if (answer.status !== 201) throw new Error(`Filing in DEV answered ${answer.status}`);
  await world.site.idle();
  return (answer.body as { key: string }).key;
}

/** A triage action as the issue's SPOC, through the panel's resolver (as the panel would send it). */
export async function triageAs(
  world: GadgetWorld,
  accountId: string,
  issueKey: string,
  input: Record<string, unknown>,
): Promise<void> {
  const reply = (await world.site.forge.invokeResolver({
    moduleKey: 'spoc-panel',
    functionKey: 'applyTriageAction',
    payload: input,
    accountId,
    context: { extension: { issue: { key: issueKey } } },
  })) as { ok: boolean; error?: string };
  if (!reply.ok) throw new Error(`${String(input.action)} on ${issueKey} was refused: ${reply.error}`);
  await world.site.idle();
}

/** What a gadget's resolver answers a person for a saved configuration (as the gadget's own call would). */
export async function resolverSnapshot<T>(
  world: GadgetWorld,
  moduleKey: string,
  gadgetConfiguration: unknown,
  accountId = HANNAH.accountId,
): Promise<T> {
  const reply = (await world.site.forge.invokeResolver({
    moduleKey,
    functionKey: 'getSnapshot',
    accountId,
    context: { extension: { type: 'jira:dashboardGadget', gadgetConfiguration } },
  })) as { ok: boolean; data?: T; error?: string };
  if (!reply.ok) throw new Error(`The ${moduleKey} resolver refused: ${reply.error}`);
  return reply.data as T;
}

/** A new dashboard of the signed-in person's, through the list page's form; answers its id. */
export async function newDashboard(world: GadgetWorld, email: string, name: string): Promise<string> {
  const { page, site } = world;
  await signIn(page, site.url, email, '/jira/dashboards');
  await page.fill('form[data-action=create-dashboard] input[name=name]', name);
  await Promise.all([
    page.waitForURL(/\/jira\/dashboards\/\d+$/),
    page.click('form[data-action=create-dashboard] button'),
  ]);
  return page.url().split('/').pop() as string;
}

export async function gadgetIdOn(
  world: GadgetWorld,
  email: string,
  dashboardId: string,
  moduleKey: string,
): Promise<number> {
  const { gadgets } = await restAs<{ gadgets: Array<{ id: number; moduleKey: string }> }>(
    world.site.url,
    email,
    'GET',
    `/rest/api/3/dashboard/${dashboardId}/gadget`,
  );
  const id = gadgets.find((g) => g.moduleKey === moduleKey)?.id;
  if (id === undefined) throw new Error(`No ${moduleKey} on dashboard ${dashboardId}`);
  return id;
}

/** The configuration Jira keeps for the gadget (what `view.submit` saved); undefined before the first save. */
export async function savedConfig(
  world: GadgetWorld,
  email: string,
  dashboardId: string,
  moduleKey: string,
): Promise<unknown> {
  const gadgetId = await gadgetIdOn(world, email, dashboardId, moduleKey);
  const response = await world.site
    .as(email)
    .get(`/rest/api/3/dashboard/${dashboardId}/items/${gadgetId}/properties/config`);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`The saved configuration answered ${response.status}`);
  return (response.body as { value: unknown }).value;
}

/** Writes a gadget's configuration as a script would (to plant one the edit view would never save). */
export async function putConfig(
  world: GadgetWorld,
  email: string,
  dashboardId: string,
  moduleKey: string,
  value: unknown,
): Promise<void> {
  const gadgetId = await gadgetIdOn(world, email, dashboardId, moduleKey);
  await restAs(
    world.site.url,
    email,
    'PUT',
    `/rest/api/3/dashboard/${dashboardId}/items/${gadgetId}/properties/config`,
    value,
  );
}

export { addGadget, gadgetView };

// ---- doing things by mouse or by keyboard alone -------------------------------------------------------

export type Via = 'mouse' | 'keyboard';

/** The focused element of the frame: its id, name or test id. */
export function focused(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    const element = document.activeElement;
    return element?.id || element?.getAttribute('name') || element?.getAttribute('data-testid') || null;
  });
}

/** Tabs forward (or back) until the element named `target` has the focus. */
export async function tabTo(page: Page, frame: Frame, target: string, backwards = false): Promise<void> {
  for (let i = 0; i < 40 && (await focused(frame)) !== target; i++)
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  expect(await focused(frame)).toBe(target);
}

/** Starts keyboard work in a frame: the focus at the top of its document. */
export async function focusFrame(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
  });
}

/** Picks an option of an Atlaskit select (projects, or people): `query` is typed, `option` chosen. */
async function pick(
  page: Page,
  edit: Frame,
  inputId: string,
  query: string,
  option: string,
  via: Via,
): Promise<void> {
  const listed = `[data-testid=${inputId}-select--listbox] [role=option]:has-text("${option}")`;
  if (via === 'mouse') {
    await edit.click(`[data-testid=${inputId}-select--control]`);
    if (query) await page.keyboard.type(query);
    await edit.click(listed);
  } else {
    await tabTo(page, edit, inputId);
    await page.keyboard.type(query);
    await edit.waitForSelector(listed);
    // The first match is the focused option: Enter takes it.
    await expectFocusedOption(edit, inputId, option);
    await page.keyboard.press('Enter');
  }
  await edit.waitForSelector(`[data-testid=${inputId}-select--control] :text("${option}")`);
}

async function expectFocusedOption(edit: Frame, inputId: string, option: string): Promise<void> {
  const active = await edit.getAttribute(`#${inputId}`, 'aria-activedescendant');
  expect(active).toBeTruthy();
  expect(await edit.textContent(`#${active}`)).toContain(option);
}

export function chooseProject(page: Page, edit: Frame, key: string, via: Via): Promise<void> {
  return pick(page, edit, 'projectKeys', via === 'keyboard' ? key : '', `(${key})`, via);
}

export function chooseSpoc(page: Page, edit: Frame, name: string, via: Via): Promise<void> {
  return pick(page, edit, 'spocAccountIds', name.split(' ')[0] as string, name, via);
}

/** The chosen values' labels in a select. */
export function chosenIn(edit: Frame, inputId: string): Promise<string[]> {
  return edit.$$eval(`[data-testid=${inputId}-select--control] [class*=-multiValue]`, (values) =>
    values.map((v) => v.textContent?.trim() ?? ''),
  );
}

/** Types a new value into a number field (clicked by mouse, or tabbed to). */
export async function setNumber(page: Page, edit: Frame, name: string, value: string, via: Via) {
  if (via === 'mouse') await edit.click(`input[name=${name}]`);
  else await tabTo(page, edit, name);
  await page.keyboard.press('Control+A');
  if (value === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(value);
  expect(await edit.inputValue(`input[name=${name}]`)).toBe(value);
}

/** Chooses an option of a native select by its value (by keyboard: arrow keys from the current one). */
export async function chooseOption(page: Page, edit: Frame, name: string, value: string, via: Via) {
  if (via === 'mouse') {
    await edit.click(`select[name=${name}]`);
    await edit.selectOption(`select[name=${name}]`, value);
    await page.keyboard.press('Escape');
  } else {
    await tabTo(page, edit, name);
    for (let i = 0; i < 12 && (await edit.inputValue(`select[name=${name}]`)) !== value; i++)
      await page.keyboard.press('ArrowDown');
  }
  expect(await edit.inputValue(`select[name=${name}]`)).toBe(value);
}

/** Presses a button (its test id) by mouse or by keyboard. */
export async function press(page: Page, frame: Frame, testId: string, via: Via): Promise<void> {
  if (via === 'mouse') await frame.click(`[data-testid=${testId}]`);
  else {
    await tabTo(page, frame, testId);
    await page.keyboard.press('Enter');
  }
}

/** Waits for the gadget's edit view to close after Save or Cancel; answers its view frame. */
export async function viewAfterEdit(page: Page, moduleKey: string): Promise<Frame> {
  await page.waitForSelector(`iframe[data-module-key="${moduleKey}"][data-entry-point="edit"]`, {
    state: 'detached',
  });
  return gadgetView(page, moduleKey);
}

/** Opens the gadget's edit view through the dashboard's Configure control. */
export async function configure(page: Page, moduleKey: string): Promise<Frame> {
  await page.click(`section.gadget:has(iframe[data-module-key=${moduleKey}]) [data-action=configure-gadget]`);
  const edit = await moduleFrame(page, moduleKey, 'edit');
  await edit.waitForSelector('[data-testid=gadget-edit]');
  return edit;
}

/** The row test ids a view lists, in order. */
export function listedRows(frame: Frame, prefix: string): Promise<string[]> {
  return frame.$$eval(
    `[data-testid^=${prefix}-row-]`,
    (rows, p) => rows.map((r) => (r.getAttribute('data-testid') ?? '').slice(`${p}-row-`.length)),
    prefix,
  );
}

export async function statNumber(frame: Frame, testId: string): Promise<number> {
  const text = await frame.textContent(`[data-testid=${testId}] > div:first-child`);
  return Number(text?.trim());
}

/**
 * Every Jira REST call the site logged while `run` ran, whoever made it: the app (`app`, `app-as-user:…`) or
 * a frame's `requestJira` as the signed-in person (`user:…`).
 */
export async function jiraCallsDuring(world: GadgetWorld, run: () => Promise<unknown>) {
  const log = world.site.gateway.requestLog;
  const afterId = log.entries({ limit: 1 })[0]?.id ?? 0;
  await run();
  await world.site.idle();
  return log.entries({ afterId }).map((e) => `${e.caller} ${e.method} ${e.path}`);
}

/** The client issues waiting for a SPOC's triage, oldest first (their own queue, as the project page asks). */
export async function waitingFor(world: GadgetWorld, accountId: string): Promise<string[]> {
  const reply = (await world.site.forge.invokeResolver({
    moduleKey: 'spoc-project-page',
    functionKey: 'getMyQueue',
    accountId,
    context: { extension: { project: { key: 'SUP' } } },
  })) as { ok: boolean; data?: Array<{ issueKey: string; state: string; routedAt: string }>; error?: string };
  if (!reply.ok || !reply.data) throw new Error(`The queue did not load: ${reply.error}`);
  return [...reply.data]
    .filter((i) => i.state === 'awaiting-spoc')
    .sort((a, b) => a.routedAt.localeCompare(b.routedAt))
    .map((i) => i.issueKey);
}

/** Reads a number until it is the expected one (a view re-renders after its resolver answers). */
export async function expectNumber(read: () => Promise<number>, expected: number): Promise<void> {
  let seen = await read();
  for (let i = 0; i < 100 && seen !== expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await read();
  }
  expect(seen).toBe(expected);
}

// ---- the widths a dashboard gives a gadget ------------------------------------------------------------

/**
 * The widths of a gadget's frame in a Jira Cloud dashboard column. Jira's layouts are one column, two equal
 * columns, two columns of a third and two thirds, and three columns, all sharing the page's width beside
 * Jira's sidebar; the frame is the column less the gadget's own border. On a 1280 px laptop screen that makes
 * a third about 320 px, a half about 480 px and two thirds about 640 px; on a 1920 px monitor two thirds or a
 * half are 800 px or more.
 */
export const COLUMN_WIDTHS = { narrow: 320, medium: 480, twoThirds: 640, wide: 800 } as const;
export type ColumnWidth = keyof typeof COLUMN_WIDTHS;

/**
 * Lays the local dashboard's gadgets out in columns whose frames are `width` px wide, as one of Jira's
 * layouts would (the local dashboard itself flows its gadgets in columns of at least 420 px). Set again
 * after every page load; the frames reflow at once.
 */
export async function inColumnsOf(page: Page, width: number): Promise<void> {
  await page.waitForSelector('[data-testid=gadgets] iframe[data-module-key]');
  await page.evaluate((frameWidth) => {
    const grid = document.querySelector('[data-testid=gadgets]') as HTMLElement;
    const section = grid.querySelector('section.gadget') as HTMLElement;
    const frame = section.querySelector('iframe') as HTMLElement;
    // Whatever the gadget's chrome takes (its border and padding) comes on top of the frame's width.
    const chrome = section.getBoundingClientRect().width - frame.getBoundingClientRect().width;
    grid.style.gridTemplateColumns = `repeat(auto-fill, ${frameWidth + chrome}px)`;
  }, width);
  for (const handle of await page.$$('[data-testid=gadgets] iframe[data-module-key]')) {
    const frame = await handle.contentFrame();
    await frame?.waitForFunction((w) => document.documentElement.clientWidth === w, width);
  }
}

/**
 * What does not fit in a gadget's frame, in words (empty when all is well): the frame scrolling sideways,
 * any element reaching past its edges, any element whose content is cut off by its own overflow, and any
 * `nowrap` text (names, times, issue keys) spilling out of its box.
 */
export function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    if (root.scrollWidth > width)
      problems.push(`the frame scrolls sideways (${root.scrollWidth} > ${width} px)`);
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      // The Atlaskit select's hidden input and screen-reader-only texts are 1 px and deliberately off view.
      if (rect.width <= 1 || rect.height <= 1) continue;
      if (rect.left < -0.5 || rect.right > width + 0.5)
        problems.push(
          `${name(element)} reaches past the frame (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width} px)`,
        );
      const style = getComputedStyle(element);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      if (clips && element.scrollWidth > element.clientWidth + 1 && element.tagName !== 'svg')
        problems.push(`${name(element)} is cut off (${element.scrollWidth} > ${element.clientWidth} px)`);
    }
    return problems;
  });
}

/** The texts of every cell a row shows, by test id (in a table or stacked); a missing or empty one is ''. */
export function cellsOf(frame: Frame, rowTestId: string, testIds: readonly string[]) {
  return frame.evaluate(
    ({ row, ids }) => {
      const element = document.querySelector(`[data-testid="${row}"]`);
      return Object.fromEntries(
        ids.map((id) => {
          const cell = element?.querySelector(`[data-testid="${id}"]`);
          const rect = cell?.getBoundingClientRect();
          const shown = rect !== undefined && rect.width > 0 && rect.height > 0;
          return [id, shown ? (cell?.textContent ?? '').trim() : ''];
        }),
      );
    },
    { row: rowTestId, ids: [...testIds] },
  );
}

/** How many lines each element's text takes (a name must take one). */
export function linesOf(frame: Frame, selector: string): Promise<number[]> {
  return frame.$$eval(selector, (elements) =>
    elements.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      return tops.size;
    }),
  );
}

/**
 * A screenshot of the dashboard's gadgets alone, side by side in their columns and as tall as the taller
 * one, for the README (the grid's empty columns left out). The window is made large enough to show them all
 * first: Chromium leaves a frame outside the window unpainted.
 */
export async function gadgetsScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  const sections = '[data-testid=gadgets] section.gadget';
  // Wide enough for every gadget's column side by side (each column keeps its width).
  const columns = await page.$$eval(sections, (all) => all.map((s) => s.getBoundingClientRect().width + 16));
  await page.setViewportSize({
    width: Math.max(before?.width ?? 0, 64 + columns.reduce((a, b) => a + b, 0)),
    height: before?.height ?? 760,
  });
  const box = () =>
    page.$$eval(sections, (all) => {
      const boxes = all.map((s) => s.getBoundingClientRect());
      const left = Math.min(...boxes.map((b) => b.left));
      const top = Math.min(...boxes.map((b) => b.top)) + window.scrollY;
      return {
        x: Math.max(0, left - 8),
        y: Math.max(0, top - 8),
        width: Math.max(...boxes.map((b) => b.right)) - left + 16,
        height: Math.max(...boxes.map((b) => b.bottom)) + window.scrollY - top + 16,
      };
    });
  const first = await box();
  await page.setViewportSize({
    width: page.viewportSize()?.width ?? 1200,
    height: Math.ceil(first.y + first.height),
  });
  // The frames report their new heights once they have laid out again in the larger window.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, `${name}.png`), clip: await box() });
  if (before) await page.setViewportSize(before);
}

// ---- Jira's Refresh: the one a gadget has ---------------------------------------------------------------

/** Waits until the gadget's view is a new frame (Jira renders a refreshed gadget anew), showing its numbers. */
async function renderedAnew(page: Page, moduleKey: string, old: Frame): Promise<Frame> {
  for (let i = 0; i < 50; i++) {
    const frame = await moduleFrame(page, moduleKey);
    if (frame !== old) {
      await frame.waitForSelector('[data-testid=gadget-snapshot], [data-testid=gadget-error]');
      return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The ${moduleKey} gadget was not rendered again.`);
}

const gadgetSection = (moduleKey: string) => `section.gadget:has(iframe[data-module-key=${moduleKey}])`;

/** The dashboard's Refresh all; answers the gadget's new view. */
export async function refreshDashboard(page: Page, moduleKey: string): Promise<Frame> {
  const old = await moduleFrame(page, moduleKey);
  await page.click('[data-action=refresh-dashboard]');
  return renderedAnew(page, moduleKey, old);
}

/**
 * The gadget's Refresh on its header, by keyboard alone: Tab from the control before it (Configure), then
 * Enter. Answers the new view; the focus stays on Refresh.
 */
export async function refreshGadgetByKeyboard(page: Page, moduleKey: string): Promise<Frame> {
  const old = await moduleFrame(page, moduleKey);
  await page.focus(`${gadgetSection(moduleKey)} [data-action=configure-gadget]`);
  await page.keyboard.press('Tab');
  expect(await focusedOnPage(page)).toBe('refresh-gadget');
  await page.keyboard.press('Enter');
  return renderedAnew(page, moduleKey, old);
}

/** The `data-action` of the page's focused control (outside any frame). */
export function focusedOnPage(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null);
}

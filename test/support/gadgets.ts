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

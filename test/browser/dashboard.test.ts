import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { startTestSite, type TestSite } from '../support/site';
import { chooseProject } from '../support/gadgets';
import {
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  launchBrowser,
  moduleFrame,
  restAs,
  screenshot,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from '../support/browser';

/**
 * Dashboards: the app's gadgets run their unmodified bundles; the view asks its resolver through invoke
 * and reads its saved configuration from getContext, the edit view lists projects with requestJira and
 * saves with view.submit. Gadgets are added, configured, refreshed and removed through Jira's dashboard REST
 * API; only Jira administrators change the system dashboard, and a person's own dashboard is theirs. Each
 * test signs in itself and starts from the seeded dashboards (`site.web.reset()`), so any one runs alone.
 *
 * What the resolver answers (a snapshot, or that the person is not one the gadget is for) is the app's
 * business: these tests only need that it answered, as the signed-in person.
 */
const HANNAH = {
  email: 'hannah.becker@vendor.example',
  name: 'Hannah Becker',
  accountId: '5b10a2844c20165700ede009',
};
const SAM = { email: 'sam.patel@vendor.example', accountId: '5b10a2844c20165700ede010' };
const PRIYA = { email: 'priya.shah@vendor.example' };
const LI_WEI = { email: 'li.wei@acme.example' };
const WORKLOAD = 'spoc-workload-gadget';
const ESCALATIONS = 'spoc-escalations-gadget';
const SYSTEM = '/jira/dashboards/10000';

type Bridge = { callBridge(command: string, payload?: unknown): Promise<unknown> };

let site: TestSite;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  browser = await launchBrowser();
  page = browser.page;
}, 60_000);

beforeEach(() => site.web.reset());

afterEach(() => expectNoCspRefusals(browser));
afterAll(async () => {
  site?.conformance.expectNoViolations();
  try {
    await browser?.close();
  } finally {
    await site?.close();
  }
});

describe('the default dashboard', () => {
  it('shows each gadget with its resolver answer and its context', async () => {
    await signIn(page, site.url, HANNAH.email, SYSTEM);
    const view = await moduleFrame(page, WORKLOAD);
    await expectResolverAnswered(view, WORKLOAD, HANNAH.accountId);
    expect(await extensionOf(view)).toMatchObject({
      type: 'jira:dashboardGadget',
      dashboard: { id: '10000' },
      gadget: { id: await gadgetIdOf(WORKLOAD) },
      gadgetConfiguration: {},
      location: `${site.url}${SYSTEM}`,
    });
    await expectResolverAnswered(await moduleFrame(page, ESCALATIONS), ESCALATIONS, HANNAH.accountId);
  });

  it('is configured by a Jira administrator in the edit view, saved with view.submit and kept', async () => {
    await signIn(page, site.url, SAM.email, SYSTEM);
    const gadgetId = await gadgetIdOf(WORKLOAD);
    await page.click(`section[data-gadget-id="${gadgetId}"] [data-action=configure-gadget]`);
    const edit = await moduleFrame(page, WORKLOAD, 'edit');
    expect(await extensionOf(edit)).toMatchObject({ entryPoint: 'edit', gadgetConfiguration: {} });
    // The project choices come from requestJira, as the signed-in administrator.
    await chooseProject(page, edit, 'SUP', 'mouse');
    await edit.fill('input[name=maxRows]', '5');
    await edit.fill('input[name=refresh]', '15');
    await edit.getByRole('button', { name: 'Save' }).click();

    // The edit view saves every setting it shows, its defaults included, plus Jira's `refresh` minutes.
    const saved = { projectKeys: ['SUP'], capacityWarnPercent: 80, maxRows: 5, refresh: 15 };
    const view = await moduleFrame(page, WORKLOAD);
    expect((await extensionOf(view)).gadgetConfiguration).toEqual(saved);
    await expectResolverAnswered(view, WORKLOAD, SAM.accountId);
    const property = await restAs<{ value: unknown }>(
      site.url,
      SAM.email,
      'GET',
      `/rest/api/3/dashboard/10000/items/${gadgetId}/properties/config`,
    );
    expect(property.value).toEqual(saved);

    // Everyone's view of the gadget gets the saved configuration.
    await signIn(page, site.url, HANNAH.email, SYSTEM);
    expect((await extensionOf(await moduleFrame(page, WORKLOAD))).gadgetConfiguration).toEqual(saved);
  });

  it('cannot be changed by anyone but a Jira administrator', async () => {
    await signIn(page, site.url, HANNAH.email, SYSTEM);
    await moduleFrame(page, WORKLOAD);
    for (const control of ['configure-gadget', 'remove-gadget', 'add-gadget'])
      expect(await page.$(`[data-action=${control}]`)).toBeNull();
    const gadgetId = await gadgetIdOf(WORKLOAD);
    const config = `/rest/api/3/dashboard/10000/items/${gadgetId}/properties/config`;
    for (const email of [HANNAH.email, LI_WEI.email]) {
      await expect(restAs(site.url, email, 'PUT', config, { maxRows: 1 })).rejects.toThrow(/answered 403/);
      await expect(
        restAs(site.url, email, 'DELETE', `/rest/api/3/dashboard/10000/gadget/${gadgetId}`),
      ).rejects.toThrow(/answered 403/);
    }
    await expect(restAs(site.url, SAM.email, 'GET', config)).rejects.toThrow(/answered 404/);
  });

  it('refreshes a gadget by rendering it again', async () => {
    await signIn(page, site.url, HANNAH.email, SYSTEM);
    const before = await moduleFrame(page, WORKLOAD);
    await expectResolverAnswered(before, WORKLOAD, HANNAH.accountId);
    await before.evaluate(() => ((window as unknown as { marker: string }).marker = 'old render'));
    await page.click(`section.gadget:has(iframe[data-module-key=${WORKLOAD}]) [data-action=refresh-gadget]`);
    const after = await freshFrame(page, WORKLOAD, before);
    await expectResolverAnswered(after, WORKLOAD, HANNAH.accountId);
    expect(await after.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
    await screenshot(page, 'dashboard');
  });
});

describe("a person's own dashboard", () => {
  it('gets a gadget added (opening in its edit view), configured and removed', async () => {
    await signIn(page, site.url, HANNAH.email, '/jira/dashboards');
    const dashboardId = await createDashboard('My escalations');

    await page.click('details summary:text("Add gadget")');
    await Promise.all([
      page.waitForURL(/configure=\d+/),
      page.click(`[data-action=add-gadget][data-module-key=${ESCALATIONS}]`),
    ]);
    const edit = await moduleFrame(page, ESCALATIONS, 'edit');
    await edit.fill('input[name=breachedAlert]', '3');
    await edit.getByRole('button', { name: 'Save' }).click();
    const view = await moduleFrame(page, ESCALATIONS);
    expect((await extensionOf(view)).gadgetConfiguration).toEqual({ breachedAlert: 3, maxRows: 10 });
    await expectResolverAnswered(view, ESCALATIONS, HANNAH.accountId);

    const { gadgets } = await restAs<{ gadgets: Array<{ id: number; moduleKey: string }> }>(
      site.url,
      HANNAH.email,
      'GET',
      `/rest/api/3/dashboard/${dashboardId}/gadget`,
    );
    expect(gadgets.map((g) => g.moduleKey)).toEqual([ESCALATIONS]);

    await page.click(`section[data-gadget-id="${gadgets[0]?.id}"] [data-action=remove-gadget]`);
    await page.waitForSelector(`section[data-gadget-id="${gadgets[0]?.id}"]`, { state: 'detached' });
    const after = await restAs<{ gadgets: unknown[] }>(
      site.url,
      HANNAH.email,
      'GET',
      `/rest/api/3/dashboard/${dashboardId}/gadget`,
    );
    expect(after.gadgets).toEqual([]);
  });

  it('is hidden from other people, and an administrator sees it without changing it', async () => {
    await signIn(page, site.url, HANNAH.email, '/jira/dashboards');
    const dashboardId = await createDashboard('Hannah only');
    await restAs(site.url, HANNAH.email, 'POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
      moduleKey: WORKLOAD,
    });

    await signIn(page, site.url, PRIYA.email, '/jira/dashboards');
    expect(await page.textContent('[data-testid=dashboards]')).not.toContain('Hannah only');
    const hidden = await page.goto(`${site.url}/jira/dashboards/${dashboardId}`);
    expect(hidden?.status()).toBe(404);

    await signIn(page, site.url, SAM.email, `/jira/dashboards/${dashboardId}`);
    await expectResolverAnswered(await moduleFrame(page, WORKLOAD), WORKLOAD, SAM.accountId);
    for (const control of ['configure-gadget', 'remove-gadget', 'add-gadget'])
      expect(await page.$(`[data-action=${control}]`)).toBeNull();
  });
});

describe('resetting the site', () => {
  it('brings back the seeded dashboards and keeps people signed in', async () => {
    await signIn(page, site.url, HANNAH.email, '/jira/dashboards');
    const dashboardId = await createDashboard('Before the reset');
    await restAs(site.url, SAM.email, 'PUT', '/rest/api/3/dashboard/10000/items/10000/properties/config', {
      maxRows: 2,
    });

    site.web.reset();

    const gone = await page.goto(`${site.url}/jira/dashboards/${dashboardId}`);
    expect(gone?.status()).toBe(404);
    await expectText(page, '[data-testid=signed-in-as]', HANNAH.name);
    await page.goto(`${site.url}${SYSTEM}`);
    expect((await extensionOf(await moduleFrame(page, WORKLOAD))).gadgetConfiguration).toEqual({});
    const { dashboards } = await restAs<{ dashboards: Array<{ id: string }> }>(
      site.url,
      SAM.email,
      'GET',
      '/rest/api/3/dashboard',
    );
    expect(dashboards.map((d) => d.id)).toEqual(['10000']);
  });
});

async function gadgetIdOf(moduleKey: string): Promise<string> {
  return (
    (await page.getAttribute(`section.gadget:has(iframe[data-module-key=${moduleKey}])`, 'data-gadget-id')) ??
    ''
  );
}

/** What `view.getContext()` tells the gadget in this frame: its extension. */
function extensionOf(frame: Frame): Promise<Record<string, unknown>> {
  return frame.evaluate(async () => {
    const bridge = (globalThis as unknown as { __bridge: Bridge }).__bridge;
    return ((await bridge.callBridge('getContext')) as { extension: Record<string, unknown> }).extension;
  });
}

/** The gadget's view shows its resolver's answer, and the resolver ran as `accountId`. */
async function expectResolverAnswered(frame: Frame, moduleKey: string, accountId: string): Promise<void> {
  await frame.waitForSelector('[data-testid=gadget-snapshot], [data-testid=gadget-error]');
  const calls = site.forge
    .invocations()
    .filter(
      (i) => i.kind === 'resolver' && i.moduleKey === moduleKey && i.resolverFunction === 'getSnapshot',
    );
  expect(calls.at(-1)).toMatchObject({ accountId, outcome: 'ok' });
}

/** Creates a dashboard through the list page's form; answers its id. */
async function createDashboard(name: string): Promise<string> {
  await page.fill('form[data-action=create-dashboard] input[name=name]', name);
  await Promise.all([
    page.waitForURL(/\/jira\/dashboards\/\d+$/),
    page.click('form[data-action=create-dashboard] button'),
  ]);
  return page.url().split('/').pop() as string;
}

/** The module's frame after a re-render: a different frame than `old`. */
async function freshFrame(p: Page, moduleKey: string, old: Frame): Promise<Frame> {
  for (let i = 0; i < 50; i++) {
    const frame = await moduleFrame(p, moduleKey);
    if (frame !== old) return frame;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The ${moduleKey} gadget was not rendered again.`);
}

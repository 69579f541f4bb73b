import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { startTestSite, type TestSite } from '../support/site';
import {
  ensureCustomUiBuilt,
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
 * Dashboards: the app's gadgets run their unmodified bundles; the view reads its snapshot through invoke
 * and its saved configuration from getContext, the edit view lists projects with requestJira and saves with
 * view.submit. Gadgets are added, configured, refreshed and removed through Jira's dashboard REST API.
 */
const HANNAH = { email: 'hannah.becker@vendor.example' };
const WORKLOAD = 'spoc-workload-gadget';
const ESCALATIONS = 'spoc-escalations-gadget';

let site: TestSite;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  site.forge.kvs.set('snapshot:workload', { takenAt: '2026-11-20T09:00:00.000Z', rows: [{}, {}, {}] });
  browser = await launchBrowser();
  page = browser.page;
}, 60_000);

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await browser?.close();
  await site?.close();
});

describe('the default dashboard', () => {
  it("shows each gadget's snapshot from its resolver and its configuration from the context", async () => {
    await signIn(page, site.url, HANNAH.email, '/jira/dashboards/10000');
    const view = await moduleFrame(page, WORKLOAD);
    await expectText(view, '[data-testid=gadget-snapshot]', 'Snapshot of 2026-11-20T09:00:00.000Z: 3 SPOCs');
    await expectText(view, '[data-testid=gadget-config]', 'All projects');
    await expectText(view, '[data-testid=gadget-config]', 'Showing at most 10 SPOCs');
    await expectText(
      await moduleFrame(page, ESCALATIONS),
      '[data-testid=gadget-snapshot]',
      'No escalation snapshot yet',
    );
  });

  it('is configured in the edit view, saved with view.submit and kept per dashboard', async () => {
    const gadgetId = await page.getAttribute(
      `section.gadget:has(iframe[data-module-key=${WORKLOAD}])`,
      'data-gadget-id',
    );
    await page.click(`section[data-gadget-id="${gadgetId}"] [data-action=configure-gadget]`);
    const edit = await moduleFrame(page, WORKLOAD, 'edit');
    // The project choices come from requestJira, as the signed-in manager.
    await edit.waitForSelector('select[name=projectKey] option[value=SUP]', { state: 'attached' });
    await edit.selectOption('select[name=projectKey]', 'SUP');
    await edit.fill('input[name=maxRows]', '5');
    await edit.fill('input[name=refresh]', '15');
    await edit.getByRole('button', { name: 'Save' }).click();

    const view = await moduleFrame(page, WORKLOAD);
    await expectText(view, '[data-testid=gadget-config]', 'Clients of SUP');
    await expectText(view, '[data-testid=gadget-config]', 'Showing at most 5 SPOCs');
    await expectText(view, '[data-testid=gadget-config]', 'Refreshes every 15 min');
    const saved = await restAs<{ value: unknown }>(
      site.url,
      HANNAH.email,
      'GET',
      `/rest/api/3/dashboard/10000/items/${gadgetId}/properties/config`,
    );
    expect(saved.value).toEqual({ projectKey: 'SUP', maxRows: 5, refresh: 15 });

    await page.reload();
    await expectText(
      await moduleFrame(page, WORKLOAD),
      '[data-testid=gadget-config]',
      'Showing at most 5 SPOCs',
    );
  });

  it('refreshes a gadget by rendering it again', async () => {
    const before = await moduleFrame(page, WORKLOAD);
    await before.evaluate(() => ((window as unknown as { marker: string }).marker = 'old render'));
    await page.click(`section.gadget:has(iframe[data-module-key=${WORKLOAD}]) [data-action=refresh-gadget]`);
    const after = await freshFrame(page, WORKLOAD, before);
    await expectText(after, '[data-testid=gadget-config]', 'Showing at most 5 SPOCs');
    expect(await after.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
    await screenshot(page, 'dashboard');
  });
});

describe("a person's own dashboard", () => {
  it('gets a gadget added (opening in its edit view), configured and removed', async () => {
    await page.goto(`${site.url}/jira/dashboards`);
    await page.fill('form[data-action=create-dashboard] input[name=name]', 'My escalations');
    await Promise.all([
      page.waitForURL(/\/jira\/dashboards\/\d+$/),
      page.click('form[data-action=create-dashboard] button'),
    ]);
    const dashboardId = page.url().split('/').pop() as string;

    await page.click('details summary:text("Add gadget")');
    await Promise.all([
      page.waitForURL(/configure=\d+/),
      page.click(`[data-action=add-gadget][data-module-key=${ESCALATIONS}]`),
    ]);
    const edit = await moduleFrame(page, ESCALATIONS, 'edit');
    await edit.check('input[name=breachedOnly]');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expectText(
      await moduleFrame(page, ESCALATIONS),
      '[data-testid=gadget-config]',
      'Breached targets only',
    );

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
});

/** The module's frame after a re-render: a different frame than `old`. */
async function freshFrame(p: Page, moduleKey: string, old: Frame): Promise<Frame> {
  for (let i = 0; i < 50; i++) {
    const frame = await moduleFrame(p, moduleKey);
    if (frame !== old) return frame;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The ${moduleKey} gadget was not rendered again.`);
}

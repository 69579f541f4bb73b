import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { seedAppDemo, type AppDemo } from '../../local/seed/app-demo';
import { PEOPLE } from '../../local/seed/demo';
import type { EscalationSnapshot, GadgetSnapshot, WorkloadRow } from '../../src/contract/gadgets';
import { startTestSite, type TestSite } from '../support/site';
import {
  ensureCustomUiBuilt,
  expectText,
  launchBrowser,
  moduleFrame,
  restAs,
  screenshot,
  seriousAxeViolations,
  signIn,
  TEST_TIME,
  type TestBrowser,
  addGadget,
  gadgetView,
  refreshGadget,
} from '../support/browser';

/**
 * The SPOC dashboard gadgets in a real browser, on the app's demo configuration: the escalation manager adds
 * both to a dashboard of her own, configures them in their edit views and reads the numbers; after a SPOC
 * accepts an issue in the panel, refreshing the gadgets shows the new numbers. What the gadgets show is
 * compared with what their resolvers answer for the same saved configuration, so no number is written here.
 * Each test makes its own dashboard, so any one runs alone.
 */
const HANNAH = { email: 'hannah.becker@vendor.example', accountId: PEOPLE.hannah };
const PRIYA = 'priya.shah@vendor.example';
const WORKLOAD = 'spoc-workload-gadget';
const ESCALATIONS = 'spoc-escalations-gadget';

let site: TestSite;
let browser: TestBrowser;
let page: Page;
let demo: AppDemo;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  demo = await seedAppDemo(site);
  browser = await launchBrowser();
  page = browser.page;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The demo issue a client reporter filed. */
function issueBy(accountId: string): string {
  const issue = demo.issues.find((i) => i.reporter === accountId);
  if (!issue) throw new Error(`The app demo files no issue as ${accountId}`);
  return issue.key;
}

/** What a gadget's resolver answers Hannah for a saved configuration (as the gadget's own call would). */
async function resolverSnapshot<T>(
  moduleKey: string,
  gadgetConfiguration: Record<string, unknown>,
): Promise<T> {
  const reply = (await site.forge.invokeResolver({
    moduleKey,
    functionKey: 'getSnapshot',
    accountId: HANNAH.accountId,
    context: { extension: { type: 'jira:dashboardGadget', gadgetConfiguration } },
  })) as { ok: boolean; data?: T; error?: string };
  if (!reply.ok) throw new Error(`The ${moduleKey} resolver refused: ${reply.error}`);
  return reply.data as T;
}

/** A new dashboard of Hannah's, through the list page's form; answers its id. */
async function newDashboard(name: string): Promise<string> {
  await signIn(page, site.url, HANNAH.email, '/jira/dashboards');
  await page.fill('form[data-action=create-dashboard] input[name=name]', name);
  await Promise.all([
    page.waitForURL(/\/jira\/dashboards\/\d+$/),
    page.click('form[data-action=create-dashboard] button'),
  ]);
  return page.url().split('/').pop() as string;
}

async function cellNumber(frame: Frame, row: string, cell: string): Promise<number> {
  const text = await frame.textContent(`[data-testid=${row}] [data-testid=${cell}]`);
  return Number(text?.trim());
}

async function statNumber(frame: Frame, testId: string): Promise<number> {
  const text = await frame.textContent(`[data-testid=${testId}] > div:first-child`);
  return Number(text?.trim());
}

/** What the workload gadget shows for one SPOC, read from its table. */
async function shownWorkload(frame: Frame, accountId: string) {
  const row = `workload-row-${accountId}`;
  return {
    awaitingTriage: await cellNumber(frame, row, 'awaiting'),
    informationRequested: await cellNumber(frame, row, 'info'),
    open: await cellNumber(frame, row, 'open'),
  };
}

async function shownTotals(frame: Frame) {
  return {
    breached: await statNumber(frame, 'total-breached'),
    atRisk: await statNumber(frame, 'total-at-risk'),
    unrouted: await statNumber(frame, 'total-unrouted'),
  };
}

async function acceptAsPriya(issueKey: string): Promise<void> {
  await signIn(page, site.url, PRIYA, `/browse/${issueKey}`);
  const panel = await moduleFrame(page, 'spoc-panel');
  await panel.click('[data-testid=action-accept-for-delivery]');
  await panel.fill('[data-testid=action-form] textarea', 'Reproduced; over to delivery.');
  await panel.click('[data-testid=action-confirm]');
  await expectText(page, '#flags .flag-success', 'accepted');
}

describe('the SPOC gadgets on a manager’s dashboard', () => {
  it('are added and configured by the manager, show the numbers, and follow a SPOC’s acceptance', async () => {
    const issueKey = issueBy(PEOPLE.liWei);
    const projectKey = issueKey.split('-')[0] as string;
    // Three days on, the issues nobody has answered are past their response targets.
    site.clock.advanceMinutes(3 * 24 * 60);
    const dashboardId = await newDashboard('SPOC overview');

    // SPOC workload: narrowed to one project and one SPOC, with a refresh interval.
    let edit = await addGadget(page, WORKLOAD);
    await edit.waitForSelector(`select[name=projectKey] option[value=${projectKey}]`, { state: 'attached' });
    await edit.selectOption('select[name=projectKey]', projectKey);
    await edit.check(`input[name=spocAccountIds][value="${PEOPLE.priya}"]`);
    await edit.fill('input[name=maxRows]', '5');
    await edit.fill('input[name=refresh]', '10');
    await edit.click('[data-testid=edit-save]');
    const workloadConfig = {
      projectKey,
      spocAccountIds: [PEOPLE.priya],
      capacityWarnPercent: 80,
      maxRows: 5,
      refresh: 10,
    };
    let workload = await gadgetView(page, WORKLOAD);
    await expectText(workload, '[data-testid=gadget-snapshot]', `Clients of ${projectKey}`);
    const { gadgets } = await restAs<{ gadgets: Array<{ id: number; moduleKey: string }> }>(
      site.url,
      HANNAH.email,
      'GET',
      `/rest/api/3/dashboard/${dashboardId}/gadget`,
    );
    const workloadId = gadgets.find((g) => g.moduleKey === WORKLOAD)?.id;
    const saved = await restAs<{ value: unknown }>(
      site.url,
      HANNAH.email,
      'GET',
      `/rest/api/3/dashboard/${dashboardId}/items/${workloadId}/properties/config`,
    );
    expect(saved.value).toEqual(workloadConfig);

    const priyaRow = async () => {
      const snapshot = await resolverSnapshot<GadgetSnapshot<WorkloadRow>>(WORKLOAD, workloadConfig);
      const row = snapshot.rows.find((r) => r.accountId === PEOPLE.priya);
      if (!row) throw new Error('Priya is not in the workload snapshot');
      return row;
    };
    const before = await priyaRow();
    expect(before.awaitingTriage).toBeGreaterThan(0);
    expect(await shownWorkload(workload, PEOPLE.priya)).toEqual({
      awaitingTriage: before.awaitingTriage,
      informationRequested: before.informationRequested,
      open: before.open,
    });
    // Only the chosen SPOC is listed; the chart draws the same rows.
    expect(await workload.$$eval('[data-testid^=workload-row-]', (rows) => rows.length)).toBe(1);
    expect(await workload.getAttribute('[data-testid=workload-chart] svg', 'aria-label')).toContain(
      'Priya Shah',
    );
    if (before.oldestWaiting)
      await expectText(
        workload,
        `[data-testid=workload-row-${PEOPLE.priya}] [data-testid=oldest]`,
        before.oldestWaiting.issueKey,
      );

    // Escalation status: all projects, an alert from one breached target.
    edit = await addGadget(page, ESCALATIONS);
    await edit.fill('input[name=breachedAlert]', '1');
    await edit.fill('input[name=maxRows]', '8');
    await edit.click('[data-testid=edit-save]');
    const escalationsConfig = { breachedAlert: 1, maxRows: 8 };
    let escalations = await gadgetView(page, ESCALATIONS);
    const snapshotBefore = await resolverSnapshot<EscalationSnapshot>(ESCALATIONS, escalationsConfig);
    const totalsBefore = snapshotBefore.totals;
    expect(snapshotBefore.rows.map((r) => r.issueKey)).toContain(issueKey);
    await expectText(
      escalations,
      `[data-testid=escalation-row-${issueKey}] [data-testid=spoc]`,
      'Priya Shah',
    );
    expect(await shownTotals(escalations)).toEqual({
      breached: totalsBefore.breached,
      atRisk: totalsBefore.atRisk,
      unrouted: totalsBefore.unrouted,
    });
    expect(totalsBefore.breached).toBeGreaterThan(0);
    await expectText(escalations, '[data-testid=breached-alert]', `${totalsBefore.breached} response target`);

    // Priya accepts the issue in its panel; the refreshed gadgets count it out of her triage queue.
    await acceptAsPriya(issueKey);
    await signIn(page, site.url, HANNAH.email, `/jira/dashboards/${dashboardId}`);
    await gadgetView(page, WORKLOAD);
    workload = await refreshGadget(page, WORKLOAD);
    const after = await priyaRow();
    expect(after.awaitingTriage).toBe(before.awaitingTriage - 1);
    expect(after.open).toBe(before.open - 1);
    expect(await shownWorkload(workload, PEOPLE.priya)).toEqual({
      awaitingTriage: after.awaitingTriage,
      informationRequested: after.informationRequested,
      open: after.open,
    });
    escalations = await refreshGadget(page, ESCALATIONS);
    const snapshotAfter = await resolverSnapshot<EscalationSnapshot>(ESCALATIONS, escalationsConfig);
    expect(snapshotAfter.rows.map((r) => r.issueKey)).not.toContain(issueKey);
    expect(snapshotAfter.totals.breached).toBe(totalsBefore.breached - 1);
    expect(await escalations.$(`[data-testid=escalation-row-${issueKey}]`)).toBeNull();
    expect(await shownTotals(escalations)).toEqual({
      breached: snapshotAfter.totals.breached,
      atRisk: snapshotAfter.totals.atRisk,
      unrouted: snapshotAfter.totals.unrouted,
    });

    // The oldest waiting issue opens in Jira through router.navigate.
    const oldest = after.oldestWaiting?.issueKey;
    expect(oldest).toBeDefined();
    await Promise.all([
      page.waitForURL(new RegExp(`/browse/${oldest}$`)),
      workload.click(`[data-testid=workload-row-${PEOPLE.priya}] [data-testid=oldest] a`),
    ]);
  });

  it('can be configured by keyboard alone, with mistakes explained in words, and Cancel keeps nothing', async () => {
    await newDashboard('Keyboard');
    const edit = await addGadget(page, WORKLOAD);
    await edit.waitForSelector('input[name=spocAccountIds]');
    const focused = () =>
      edit.evaluate(
        () =>
          document.activeElement?.getAttribute('name') ?? document.activeElement?.getAttribute('data-testid'),
      );
    const tabTo = async (name: string) => {
      for (let i = 0; i < 30 && (await focused()) !== name; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(name);
    };
    await edit.evaluate(() => document.body.focus());
    await tabTo('projectKey');
    await tabTo('spocAccountIds');
    await page.keyboard.press('Space');
    expect(await edit.$$eval('input[name=spocAccountIds]:checked', (boxes) => boxes.length)).toBe(1);
    await tabTo('maxRows');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('refresh');
    await page.keyboard.type('soon');
    await page.keyboard.press('Enter');
    await expectText(edit, '[data-testid=maxRows-error]', 'from 1 to 50');
    await expectText(edit, '[data-testid=refresh-error]', 'minutes');
    await expectText(edit, '[data-testid=edit-errors]', 'need fixing');
    expect(await edit.getAttribute('input[name=maxRows]', 'aria-invalid')).toBe('true');
    expect(await edit.getAttribute('input[name=maxRows]', 'aria-describedby')).toBe('maxRows-error');

    // Cancel by keyboard: the edit view closes and the gadget keeps its (empty) configuration.
    await tabTo('edit-cancel');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`iframe[data-module-key="${WORKLOAD}"][data-entry-point="edit"]`, {
      state: 'detached',
    });
    const view = await gadgetView(page, WORKLOAD);
    await expectText(view, '[data-testid=gadget-snapshot]', 'All projects');
    expect(await view.$$eval('[data-testid^=workload-row-]', (rows) => rows.length)).toBeGreaterThan(1);
  });

  it('have no serious accessibility violations, in light and dark theme', async () => {
    const dashboardId = await newDashboard('Accessible');
    for (const moduleKey of [WORKLOAD, ESCALATIONS])
      await restAs(site.url, HANNAH.email, 'POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
        moduleKey,
      });
    await page.goto(`${site.url}/jira/dashboards/${dashboardId}`);
    const check = async () => {
      for (const moduleKey of [WORKLOAD, ESCALATIONS]) {
        const frame = await gadgetView(page, moduleKey);
        await frame.waitForSelector('table, [data-testid$=-empty]');
        expect(await seriousAxeViolations(frame)).toEqual([]);
      }
    };
    const colorMode = async () =>
      (await moduleFrame(page, WORKLOAD)).evaluate(() =>
        document.documentElement.getAttribute('data-color-mode'),
      );
    expect(await colorMode()).toBe('light');
    await check();
    await screenshot(page, 'gadgets-light');

    await page.click('[data-action=theme-toggle]');
    expect(await colorMode()).toBe('dark');
    await check();
    await screenshot(page, 'gadgets-dark');

    // The edit view too, with its errors showing.
    await page.click(
      `section.gadget:has(iframe[data-module-key=${ESCALATIONS}]) [data-action=configure-gadget]`,
    );
    const edit = await moduleFrame(page, ESCALATIONS, 'edit');
    await edit.waitForSelector('[data-testid=gadget-edit]');
    await edit.fill('input[name=breachedAlert]', 'many');
    await edit.click('[data-testid=edit-save]');
    await expectText(edit, '[data-testid=breachedAlert-error]', 'whole number');
    expect(await seriousAxeViolations(edit)).toEqual([]);
  });
});

import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { DEMO_SEED } from '../../local/seed/demo';
import { startTestSite, type TestSite } from '../support/site';
import { chooseProject, chooseSpoc } from '../support/gadgets';
import {
  addGadget,
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  gadgetView,
  launchBrowser,
  moduleFrame,
  refreshGadget,
  screenshot,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from '../support/browser';

/**
 * Issue 5's whole story, through the browser only, on the app's demo configuration: a client files an issue
 * with Jira's create form; the SPOC it was routed to reads why in the panel and accepts it; the delivery
 * target finds it under "Vetted for delivery"; the escalation manager adds both gadgets to a new dashboard,
 * configures them, reads the numbers, and sees them move once the client files another issue and the SPOC
 * escalates it. Who the SPOC and the developer are is read from the pages, not written here.
 */
const LI_WEI = 'li.wei@acme.example';
const HANNAH = 'hannah.becker@vendor.example';
const WORKLOAD = 'spoc-workload-gadget';
const ESCALATIONS = 'spoc-escalations-gadget';

let site: TestSite;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  browser = await launchBrowser();
  page = browser.page;
}, 90_000);

afterEach(() => expectNoCspRefusals(browser));
afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    await site?.close();
  }
});

function personNamed(displayName: string) {
  const person = DEMO_SEED.people.find((p) => p.displayName === displayName.trim());
  if (!person) throw new Error(`No demo person is called "${displayName}".`);
  return person;
}

/** Files an issue as Li Wei with the create form; answers its key, read from the issue page it lands on. */
async function fileAsLiWei(summary: string): Promise<string> {
  await signIn(page, site.url, LI_WEI, '/secure/CreateIssue.jspa?project=SUP');
  const form = 'form[data-action=create-issue]';
  await page.fill(`${form} input[name=summary]`, summary);
  await page.fill(`${form} textarea[name=description]`, 'Steps: sign in to the portal, open Shipments.');
  if (await page.$(`${form} select[name=components] option:text-is("Acme Portal")`))
    await page.selectOption(`${form} select[name=components]`, { label: 'Acme Portal' });
  await Promise.all([page.waitForURL(/\/browse\/SUP-\d+$/), page.click(`${form} button[type=submit]`)]);
  return page.url().split('/').pop() as string;
}

async function openPanel(): Promise<Frame> {
  const panel = await moduleFrame(page, 'spoc-panel');
  await panel.waitForSelector('[data-testid=spoc-panel], [data-testid=panel-error]');
  return panel;
}

const numberIn = async (frame: Frame, selector: string) => {
  const text = (await frame.textContent(selector))?.trim() ?? '';
  expect(text).toMatch(/^\d+$/);
  return Number(text);
};

async function workloadOf(frame: Frame, accountId: string) {
  const row = `[data-testid=workload-row-${accountId}]`;
  return {
    awaitingTriage: await numberIn(frame, `${row} [data-testid=awaiting]`),
    open: await numberIn(frame, `${row} [data-testid=open]`),
  };
}

const escalationTotals = async (frame: Frame) => {
  let escalated = 0; // the level counts, summed (one "no escalations" 0 when there are none)
  for (const stat of await frame.$$('[data-testid^=total-level-] > div:first-child')) {
    const text = ((await stat.textContent()) ?? '').trim();
    expect(text).toMatch(/^\d+$/);
    escalated += Number(text);
  }
  return {
    breached: await numberIn(frame, '[data-testid=total-breached] > div:first-child'),
    atRisk: await numberIn(frame, '[data-testid=total-at-risk] > div:first-child'),
    unrouted: await numberIn(frame, '[data-testid=total-unrouted] > div:first-child'),
    escalated,
  };
};

describe('the whole story, in the browser', () => {
  it('a client files, the SPOC accepts, the developer sees it vetted, the manager watches the numbers', async () => {
    // 1. Li Wei of Acme files an issue with Jira's create form; the app routes it to Acme's SPOC.
    const key = await fileAsLiWei('Shipment list is empty after signing in to the Acme portal');
    await expectText(page, '[data-testid=issue-summary], h1', 'Shipment list is empty');
    let panel = await openPanel();
    await expectText(panel, '[data-testid=panel-no-actions]', 'nothing for you to do');
    const spocName = (await panel.textContent('[data-testid=panel-spoc]')) ?? '';
    const spoc = personNamed(spocName.split('(')[0] as string);
    await screenshot(page, 'story-1-client-filed');

    // 2. The SPOC opens the issue: the panel says why it came to them; they accept it, with a confirmation.
    await signIn(page, site.url, spoc.email, `/browse/${key}`);
    panel = await openPanel();
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
    await expectText(panel, '[data-testid=panel-client]', 'Acme Logistics');
    await expectText(panel, '[data-testid=panel-reasons]', 'Client Acme Logistics matched');
    await expectText(panel, '[data-testid=panel-reasons]', `${spoc.displayName} (primary)`);
    await expectText(panel, '[data-testid=panel-roles]', 'the SPOC');
    await screenshot(page, 'story-2-spoc-panel');
    await panel.click('[data-testid=action-accept-for-delivery]');
    await panel.fill('[data-testid=action-form] textarea', 'Reproduced on the staging portal.');
    await panel.click('[data-testid=action-confirm]');
    await expectText(page, '#flags .flag-success', 'accepted');
    await expectText(panel, '[data-testid=panel-state]', 'vetted');

    // 3. The issue now sits with the client's delivery target: whoever the issue page names as assignee.
    await page.reload();
    const assigneeName = (await page.textContent('[data-testid=issue-assignee]')) ?? '';
    expect(assigneeName.trim()).not.toBe('Unassigned');
    const developer = personNamed(assigneeName);
    expect(developer.accountId).not.toBe(spoc.accountId);
    const base = `/jira/software/projects/SUP/apps/${site.forge.appId}/${site.forge.environmentId}`;
    await signIn(page, site.url, developer.email, `${base}/vetted`);
    const projectPage = await moduleFrame(page, 'spoc-project-page');
    await projectPage.waitForSelector('main[data-pathname="/vetted"]');
    await projectPage.waitForSelector(`[data-testid=vetted-queue] [data-testid=issue-${key}]`);
    await expectText(projectPage, '[data-testid=vetted-queue]', 'vetted');
    await screenshot(page, 'story-3-vetted-for-delivery');

    // 4. The manager makes a dashboard, adds both gadgets and configures them in their edit views.
    await signIn(page, site.url, HANNAH, '/jira/dashboards');
    await page.fill('form[data-action=create-dashboard] input[name=name]', 'Client support');
    await Promise.all([
      page.waitForURL(/\/jira\/dashboards\/\d+$/),
      page.click('form[data-action=create-dashboard] button'),
    ]);
    const dashboard = new URL(page.url()).pathname;

    let edit = await addGadget(page, WORKLOAD);
    await chooseProject(page, edit, 'SUP', 'mouse');
    await chooseSpoc(page, edit, spoc.displayName, 'mouse');
    await edit.fill('input[name=maxRows]', '5');
    await edit.click('[data-testid=edit-save]');
    let workload = await gadgetView(page, WORKLOAD);
    await expectText(workload, '[data-testid=gadget-snapshot]', 'Clients of SUP');
    expect(await workload.$$eval('[data-testid^=workload-row-]', (rows) => rows.length)).toBe(1);

    edit = await addGadget(page, ESCALATIONS);
    await edit.fill('input[name=breachedAlert]', '1');
    await edit.fill('input[name=maxRows]', '8');
    await edit.click('[data-testid=edit-save]');
    let escalations = await gadgetView(page, ESCALATIONS);
    const totalsBefore = await escalationTotals(escalations);
    // The accepted issue no longer waits on anyone, so it is not among the escalation rows.
    expect(await escalations.$(`[data-testid=escalation-row-${key}]`)).toBeNull();

    workload = await gadgetView(page, WORKLOAD);
    const before = await workloadOf(workload, spoc.accountId);

    // 5. Li Wei files another issue; refreshed, the SPOC has one more waiting for triage and one more open.
    const second = await fileAsLiWei('Label printing times out for large shipments');
    expect(second).not.toBe(key);
    await signIn(page, site.url, HANNAH, dashboard);
    await gadgetView(page, WORKLOAD);
    workload = await refreshGadget(page, WORKLOAD);
    expect(await workloadOf(workload, spoc.accountId)).toEqual({
      awaitingTriage: before.awaitingTriage + 1,
      open: before.open + 1,
    });
    // A fresh issue is inside its response target: nothing breached, at risk or unrouted is added.
    escalations = await refreshGadget(page, ESCALATIONS);
    expect(await escalationTotals(escalations)).toEqual(totalsBefore);

    // 6. The SPOC escalates the new issue in its panel; refreshed, the escalation gadget counts and lists it.
    await signIn(page, site.url, spoc.email, `/browse/${second}`);
    panel = await openPanel();
    await panel.click('[data-testid=action-escalate]');
    await panel.fill('[data-testid=action-form] textarea', 'Blocks every large customer shipment today.');
    await panel.click('[data-testid=action-confirm]');
    await page.waitForSelector('#flags .flag-success');
    await signIn(page, site.url, HANNAH, dashboard);
    await gadgetView(page, ESCALATIONS);
    escalations = await refreshGadget(page, ESCALATIONS);
    expect(await escalationTotals(escalations)).toEqual({
      ...totalsBefore,
      escalated: totalsBefore.escalated + 1,
    });
    await expectText(
      escalations,
      `[data-testid=escalation-row-${second}] [data-testid=spoc]`,
      spoc.displayName,
    );
    await gadgetView(page, WORKLOAD);
    await screenshot(page, 'story-4-manager-dashboard');
    expect(browser.errors).toEqual([]);
  }, 120_000);
});

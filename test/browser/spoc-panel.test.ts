import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { seedAppDemo, type AppDemo } from '../../local/seed/app-demo';
import { PEOPLE } from '../../local/seed/demo';
import { startTestSite, type TestSite } from '../support/site';
import {
  ensureCustomUiBuilt,
  expectText,
  launchBrowser,
  moduleFrame,
  screenshot,
  seriousAxeViolations,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from '../support/browser';

/**
 * The SPOC issue panel in a real browser, on the app's demo configuration: each person sees what the app
 * knows of the issue and only the triage actions they may take; each action is confirmed in a small form
 * and answered with a flag by the host page. Each test uses its own demo issue, so any one runs alone.
 */
const PRIYA = 'priya.shah@vendor.example';
const BEN = 'ben.carter@vendor.example';
const LI_WEI = 'li.wei@acme.example';

let site: TestSite;
let browser: TestBrowser;
let page: Page;
let demo: AppDemo;

/** The demo issue a client reporter filed (each demo reporter files one). */
const issueBy = (accountId: string) => {
  const issue = demo.issues.find((i) => i.reporter === accountId);
  if (!issue) throw new Error(`The app demo files no issue as ${accountId}`);
  return issue.key;
};

async function openPanel(email: string, issueKey: string): Promise<Frame> {
  await signIn(page, site.url, email, `/browse/${issueKey}`);
  const panel = await moduleFrame(page, 'spoc-panel');
  await panel.waitForSelector('[data-testid=spoc-panel], [data-testid=panel-error]');
  return panel;
}

const actionsOf = (panel: Frame) =>
  panel.$$eval('[data-testid=panel-actions] button', (buttons) => buttons.map((b) => b.textContent));

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

describe('the SPOC panel', () => {
  it('shows the SPOC why an issue came to them; they accept it and the developer then sees it vetted', async () => {
    const key = issueBy(PEOPLE.liWei);
    let panel = await openPanel(PRIYA, key);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
    await expectText(panel, '[data-testid=panel-client]', 'Acme Logistics');
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    await expectText(panel, '[data-testid=panel-spoc-now]', 'Europe/London');
    await expectText(panel, '[data-testid=panel-due]', 'Europe/London');
    await expectText(panel, '[data-testid=panel-reasons]', 'Client Acme Logistics matched');
    await expectText(panel, '[data-testid=panel-reasons]', 'Priya Shah (primary)');
    await expectText(panel, '[data-testid=panel-roles]', 'the SPOC');
    expect(await actionsOf(panel)).toContain('Accept for delivery');

    await panel.click('[data-testid=action-accept-for-delivery]');
    await panel.fill('[data-testid=action-form] textarea', 'Reproduced on the staging portal.');
    await panel.click('[data-testid=action-confirm]');
    await expectText(page, '#flags .flag-success', 'accepted');
    await expectText(panel, '[data-testid=panel-state]', 'vetted');
    expect(await panel.$('[data-testid=action-form]')).toBeNull();
    await panel.click('[data-testid=panel-history] summary');
    await expectText(panel, '[data-testid=panel-history]', 'Priya Shah');

    // The client's delivery target sees it vetted, and may only send it back to the SPOC.
    panel = await openPanel(BEN, key);
    await expectText(panel, '[data-testid=panel-state]', 'vetted');
    await expectText(panel, '[data-testid=panel-roles]', 'delivery team');
    expect(await actionsOf(panel)).toEqual(['Return to SPOC']);
  });

  it('shows a client reporter the state of their issue and no actions', async () => {
    const panel = await openPanel(LI_WEI, issueBy(PEOPLE.liWei));
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    await expectText(panel, '[data-testid=panel-no-actions]', 'nothing for you to do');
    expect(await panel.$('[data-testid=panel-actions]')).toBeNull();
  });

  it('works by keyboard alone: open a form, cancel with Escape, confirm, and read an error in words', async () => {
    const panel = await openPanel(PRIYA, issueBy(PEOPLE.peter));
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    const focused = () =>
      panel.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName,
      );
    const tabTo = async (testId: string) => {
      await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let i = 0; i < 40 && (await focused()) !== testId; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(testId);
    };
    await panel.evaluate(() => document.body.focus());

    // Escape closes the form and gives focus back to the action's button.
    await tabTo('action-reject');
    await page.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid=action-form] textarea:focus');
    await page.keyboard.press('Escape');
    await panel.waitForSelector('[data-testid=action-form]', { state: 'detached' });
    expect(await focused()).toBe('action-reject');

    // A duplicate of an issue that does not exist: the resolver's refusal is shown in words.
    await tabTo('action-mark-duplicate');
    await page.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid=action-form] input:focus');
    await page.keyboard.type('SUP-9999');
    await page.keyboard.press('Enter');
    await expectText(panel, '[data-testid=action-error]', 'SUP-9999');
    await page.keyboard.press('Escape');

    // Request information: type the question, Tab past Cancel to the confirm button.
    await tabTo('action-request-info');
    await page.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid=action-form] textarea:focus');
    await page.keyboard.press('Enter'); // a new line, not a submit
    await page.keyboard.type('Which clinic were you switching to?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('action-confirm');
    await page.keyboard.press('Enter');
    await expectText(page, '#flags .flag-success', 'Request information');
    await expectText(panel, '[data-testid=panel-state]', 'information');
  });

  it('has no serious accessibility violations, in light and dark theme', async () => {
    const panel = await openPanel(PRIYA, issueBy(PEOPLE.aisha));
    await expectText(panel, '[data-testid=panel-reasons]', 'Initech Health');
    await panel.click('[data-testid=action-reassign]');
    await panel.waitForSelector('[data-testid=action-form]');
    const colorMode = () => panel.evaluate(() => document.documentElement.getAttribute('data-color-mode'));
    expect(await colorMode()).toBe('light');
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await screenshot(page, 'spoc-panel-light');

    await page.click('[data-action=theme-toggle]');
    expect(await colorMode()).toBe('dark');
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await screenshot(page, 'spoc-panel-dark');
  });
});

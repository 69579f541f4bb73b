import type { Frame } from 'playwright-core';
import { PEOPLE } from '../../local/seed/demo';
import { expectText, screenshot, seriousAxeViolations } from '../support/browser';
import {
  ACME,
  actAs,
  expectPanelFocus,
  fileAcmeIssue,
  focusedInPanel,
  offeredActions,
  openPanel,
  pickPersonByMouse,
  startPanelSite,
  stopPanelSite,
  expectPanelWithinPolicy,
  tabTo,
  type PanelSite,
} from '../support/panel';

/**
 * The SPOC issue panel in a real browser, on the app's demo configuration: what it tells the SPOC about an
 * issue, the basics of working it by keyboard, and accessibility (axe-core: no serious or critical
 * violations) with every action form open, in light and dark theme. Each action by each role:
 * spoc-panel-actions.test.ts (mouse) and spoc-panel-keyboard.test.ts; roles and refusals:
 * spoc-panel-roles.test.ts. Each test uses its own issue, so any one runs alone.
 */
let panelSite: PanelSite;

beforeAll(async () => {
  // Tall enough that the screenshots show the open form.
  panelSite = await startPanelSite({ viewport: { width: 1200, height: 1000 } });
}, 90_000);

afterEach(() => expectPanelWithinPolicy(panelSite));
afterAll(async () => {
  await stopPanelSite(panelSite);
});

/** The demo issue a client reporter filed (each demo reporter files one). */
const demoIssueBy = (accountId: string) => {
  const issue = panelSite.demo.issues.find((i) => i.reporter === accountId);
  if (!issue) throw new Error(`The app demo files no issue as ${accountId}`);
  return issue.key;
};

describe('the SPOC panel', () => {
  it('shows the SPOC why an issue came to them; they accept it and the developer then sees it vetted', async () => {
    const key = demoIssueBy(PEOPLE.liWei);
    let panel = await openPanel(panelSite, ACME.spoc, key);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
    await expectText(panel, '[data-testid=panel-client]', 'Acme Logistics');
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    // Priya reads her own zone unnamed, in her own words.
    await expectText(panel, '[data-testid=panel-spoc-now]', '09:30 local time (your time zone)');
    await expectText(panel, '[data-testid=panel-spoc-now]', 'Priya Shah is working until 17:00 with');
    await expectText(panel, '[data-testid=panel-due]', 'today 13:30 (in 4 hours)');
    await expectText(panel, '[data-testid=panel-reasons]', 'Client Acme Logistics matched');
    await expectText(panel, '[data-testid=panel-reasons]', 'Priya Shah (primary)');
    await expectText(panel, '[data-testid=panel-roles]', 'You are the SPOC of this issue.');
    expect(await offeredActions(panel)).toContain('Accept for delivery');

    await panel.click('[data-testid=action-accept-for-delivery]');
    await panel.fill('[data-testid=action-form] textarea', 'Reproduced on the staging portal.');
    await panel.click('[data-testid=action-confirm]');
    await expectText(panelSite.page, '#flags .flag-success', 'accepted');
    await expectText(panel, '[data-testid=panel-state]', 'vetted');
    expect(await panel.$('[data-testid=action-form]')).toBeNull();
    await panel.click('[data-testid=panel-history] summary');
    await expectText(panel, '[data-testid=panel-history]', 'Priya Shah');

    // The client's delivery target sees it vetted, and may only send it back to the SPOC.
    panel = await openPanel(panelSite, ACME.developer, key);
    await expectText(panel, '[data-testid=panel-state]', 'vetted');
    await expectText(panel, '[data-testid=panel-roles]', 'delivery team');
    expect(await offeredActions(panel)).toEqual(['Return to SPOC']);
  });

  it('works by keyboard alone: Enter in the text is a new line, Escape cancels, a refusal is read in words', async () => {
    const { page } = panelSite;
    // Peter's Initech issue went to Priya, a backup of Initech, as its other SPOCs are full or off shift.
    const panel = await openPanel(panelSite, ACME.spoc, demoIssueBy(PEOPLE.peter));
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');

    // A duplicate of an issue that does not exist: the resolver's refusal is shown in words.
    await tabTo(page, panel, '[data-testid=action-mark-duplicate]');
    await page.keyboard.press('Enter');
    await expectPanelFocus(panel, '[data-testid=action-form] input[name=duplicateOf]');
    await page.keyboard.type('SUP-9999');
    await page.keyboard.press('Enter');
    await expectText(panel, '[data-testid=action-error]', 'SUP-9999');
    await page.keyboard.press('Escape');
    await panel.waitForSelector('[data-testid=action-form]', { state: 'detached' });
    await expectPanelFocus(panel, '[data-testid=action-mark-duplicate]');

    // Request information: Enter makes a new line, not a submit; Tab past Cancel to the confirm button.
    await tabTo(page, panel, '[data-testid=action-request-info]', { backwards: true });
    await page.keyboard.press('Enter');
    await expectPanelFocus(panel, '[data-testid=action-form] textarea');
    await page.keyboard.type('Which clinic were you switching to?');
    await page.keyboard.press('Enter');
    await page.keyboard.type('And at what time?');
    expect(await panel.$('[data-testid=action-form]')).not.toBeNull();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedInPanel(panel)).toBe('action-confirm');
    await page.keyboard.press('Enter');
    await expectText(page, '#flags .flag-success', 'asked the client for more information');
    await expectText(panel, '[data-testid=panel-state]', 'information');
  });

  it("shows the history oldest first with times in the viewer's locale and zone, and counts the entries it no longer keeps", async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel: a long history');
    // Routed, then 20 escalations: one more than the policy's 20 entries kept.
    for (let i = 1; i <= 20; i += 1) {
      await actAs(panelSite, ACME.spoc, key, { action: 'escalate', reason: `Still down, call ${i}` });
      // Each makes two writes to the issue, and Jira takes at most 20 writes to one issue in 2 s.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const panel = await openPanel(panelSite, ACME.spoc, key);
    await expectText(panel, '[data-testid=panel-history] summary', 'History (21)');
    await panel.click('[data-testid=panel-history] summary');
    const lines = await panel.$$eval('[data-testid=panel-history] li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('1 older entries are not kept.');
    // Every entry is at the site's frozen time, as Priya says it (en-GB, London), not as the browser would.
    expect(lines[1]).toBe('today 09:30: Priya Shah: escalate (Still down, call 1)');
    expect(lines[20]).toBe('today 09:30: Priya Shah: escalate (Still down, call 20)');
  });

  it('says in words when a form cannot load, and the rest of the panel keeps working', async () => {
    const { page } = panelSite;
    const key = await fileAcmeIssue(panelSite, 'Panel: the form cannot load');
    const panel = await openPanel(panelSite, ACME.spoc, key);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
    // The forms load on first use; from now on the app's script files cannot be fetched.
    const chunks = /\/chunk-[A-Z0-9]+\.js$/;
    await page.context().route(chunks, (route) => route.abort());
    try {
      await panel.click('[data-testid=action-escalate]');
      await expectText(panel, '[data-testid=action-form-failed]', 'The form could not load');
      await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
      await panel.click('[data-testid=action-escalate]');
      await panel.waitForSelector('[data-testid=action-form-failed]', { state: 'detached' });
    } finally {
      await page.context().unroute(chunks);
    }
  });

  it.each(['light', 'dark'] as const)(
    'has no serious accessibility violations with each action form open, in %s theme',
    async (theme) => {
      const { page } = panelSite;
      // A realistic summary: the screenshots go into the README.
      const summary = {
        light: 'Customs forms missing on export consignments',
        dark: 'Returns label shows the wrong depot',
      };
      const key = await fileAcmeIssue(panelSite, summary[theme]);
      const panel = await openPanel(panelSite, ACME.spoc, key);
      const colorMode = () => panel.evaluate(() => document.documentElement.getAttribute('data-color-mode'));
      expect(await colorMode()).toBe('light');
      if (theme === 'dark') {
        await page.click('[data-action=theme-toggle]');
        await panel.waitForFunction(
          () => document.documentElement.getAttribute('data-color-mode') === 'dark',
        );
      }
      // Names what was on screen, so a failure says which form broke the rule.
      const axe = async (what: string) =>
        expect({ what, violations: await seriousAxeViolations(panel) }).toEqual({ what, violations: [] });
      await axe('the panel');

      for (const action of ['accept-for-delivery', 'request-info', 'reject', 'escalate'] as const) {
        await openForm(panel, action);
        await axe(`${action} form`);
        if (action !== 'accept-for-delivery') {
          await panel.click('[data-testid=action-confirm]');
          await panel.waitForSelector('[data-testid=action-missing-text]');
          await axe(`${action} form, text missing`);
        }
        await panel.click('[data-testid=action-cancel]');
      }

      // Mark duplicate: the key missing, then the resolver's refusal.
      await openForm(panel, 'mark-duplicate');
      await axe('mark-duplicate form');
      await panel.click('[data-testid=action-confirm]');
      await panel.waitForSelector('[data-testid=action-missing-duplicate]');
      await axe('mark-duplicate form, key missing');
      await panel.fill('[data-testid=action-form] input[name=duplicateOf]', 'SUP-99999');
      await panel.click('[data-testid=action-confirm]');
      await panel.waitForSelector('[data-testid=action-error]');
      await axe('mark-duplicate form, refused');
      await panel.click('[data-testid=action-cancel]');

      // Reassign: its people picker with the list open (avatars and names), then with a person chosen.
      await openForm(panel, 'reassign');
      await axe('reassign form');
      const picker = '[data-testid=action-person] [role=combobox]';
      await panel.$eval('[data-testid=action-form]', (form) => form.scrollIntoView({ block: 'start' }));
      await panel.click(picker);
      await panel.fill(picker, 'c');
      await panel.waitForSelector('[role=option]:has-text("Chloe Wilson") img');
      await axe('reassign form, list open');
      await pickPersonByMouse(panel, 'chl', 'Chloe Wilson');
      await panel.fill('[data-testid=action-form] textarea', 'Chloe covers the portal this week.');
      await axe('reassign form, person chosen');
      await panel.click('[data-testid=panel-history] summary');
      await axe('history open');
      await screenshot(page, `spoc-panel-${theme}`);
      expect(await colorMode()).toBe(theme);
    },
  );
});

async function openForm(panel: Frame, action: string): Promise<void> {
  await panel.click(`[data-testid=action-${action}]`);
  await panel.waitForSelector('[data-testid=action-form] textarea');
}

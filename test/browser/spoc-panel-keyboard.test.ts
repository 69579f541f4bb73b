import type { Frame } from 'playwright-core';
import { expectText } from '../support/browser';
import {
  ACME,
  ACTION_SCENARIOS,
  expectActionDone,
  expectPanelFocus,
  fileAcmeIssue,
  focusAfter,
  historyOpen,
  jiraFacts,
  openPanel,
  pickPersonByKeyboard,
  startPanelSite,
  stopPanelSite,
  expectPanelWithinPolicy,
  tabTo,
  type ActedOn,
  type ActionScenario,
  type PanelSite,
} from '../support/panel';

/**
 * Every triage action of the SPOC panel by keyboard alone, from the top of the issue page: Tab to the
 * action, Enter or Space to open its form, type, arrow keys and Enter in the people picker, Tab and
 * Shift+Tab to the confirm button, Enter or Space to confirm, Space to open the history. No clicks. Each
 * checks the same outcome as the mouse test (spoc-panel-actions.test.ts), and where the focus went.
 */
let panelSite: PanelSite;

beforeAll(async () => {
  panelSite = await startPanelSite();
}, 90_000);

afterEach(() => expectPanelWithinPolicy(panelSite));
afterAll(async () => {
  await stopPanelSite(panelSite);
});

const form = '[data-testid=action-form]';

async function actByKeyboard(panel: Frame, scenario: ActionScenario, on: ActedOn, key: 'Enter' | 'Space') {
  const { page } = panelSite;
  const input = scenario.input(on);
  await tabTo(page, panel, `[data-testid=action-${scenario.action}]`);
  await page.keyboard.press(key);
  await panel.waitForSelector(form);
  if (input.duplicateOf !== undefined) {
    await expectPanelFocus(panel, `${form} input[name=duplicateOf]`);
    await page.keyboard.type(input.duplicateOf);
    await page.keyboard.press('Tab');
  }
  if (input.person) {
    await expectPanelFocus(panel, '[data-testid=action-person] [role=combobox]');
    await pickPersonByKeyboard(page, panel, input.person.search, input.person.name);
    if (input.verdict) await expectText(panel, '[data-testid=action-person-verdict]', input.verdict);
    await page.keyboard.press('Tab');
  }
  await expectPanelFocus(panel, `${form} textarea`);
  await page.keyboard.type(input.text);
  // Cancel comes before the confirm button; Shift+Tab goes back.
  await page.keyboard.press('Tab');
  await expectPanelFocus(panel, '[data-testid=action-cancel]');
  await page.keyboard.press('Tab');
  await expectPanelFocus(panel, '[data-testid=action-confirm]');
  await page.keyboard.press('Shift+Tab');
  await expectPanelFocus(panel, '[data-testid=action-cancel]');
  await page.keyboard.press('Tab');
  await page.keyboard.press(key);
}

describe('the SPOC panel, by keyboard alone', () => {
  it.each(ACTION_SCENARIOS.map((s, i) => [s.name, s, i % 2 === 0 ? 'Enter' : 'Space'] as const))(
    '%s',
    async (_name, scenario, key) => {
      const on = await scenario.prepare(panelSite, `Panel by keyboard: ${scenario.name}`);
      const panel = await openPanel(panelSite, scenario.by, on.key);
      await actByKeyboard(panel, scenario, on, key);

      await expectActionDone(panelSite, panel, scenario, on);
      await expectPanelFocus(panel, focusAfter(scenario));
      expect(await historyOpen(panel)).toBe(false);
      await tabTo(panelSite.page, panel, '[data-testid=panel-history] summary');
      await panelSite.page.keyboard.press('Space');
      expect(await historyOpen(panel)).toBe(true);
    },
  );

  it('closes a form with Escape, giving the focus back to its button; in the picker the first Escape closes the list', async () => {
    const { page } = panelSite;
    const key = await fileAcmeIssue(panelSite, 'Panel by keyboard: Escape');
    const before = await jiraFacts(panelSite, ACME.spoc, key);
    const panel = await openPanel(panelSite, ACME.spoc, key);

    await tabTo(page, panel, '[data-testid=action-reassign]');
    await page.keyboard.press('Enter');
    const picker = '[data-testid=action-person] [role=combobox]';
    await expectPanelFocus(panel, picker);
    await page.keyboard.press('ArrowDown');
    await panel.waitForSelector(`${picker}[aria-expanded=true]`);
    await panel.waitForSelector('[role=option]');
    await page.keyboard.press('Escape');
    await panel.waitForSelector(`${picker}[aria-expanded=false]`);
    expect(await panel.$(form)).not.toBeNull();
    await page.keyboard.press('Escape');
    await panel.waitForSelector(form, { state: 'detached' });
    await expectPanelFocus(panel, '[data-testid=action-reassign]');

    // From the text of another form, and what was typed is gone when it opens again.
    await tabTo(page, panel, '[data-testid=action-reject]', { backwards: true });
    await page.keyboard.press('Space');
    await expectPanelFocus(panel, `${form} textarea`);
    await page.keyboard.type('Not sure yet');
    await page.keyboard.press('Escape');
    await panel.waitForSelector(form, { state: 'detached' });
    await expectPanelFocus(panel, '[data-testid=action-reject]');
    await page.keyboard.press('Enter');
    await expectPanelFocus(panel, `${form} textarea`);
    expect(await panel.$eval(`${form} textarea`, (t) => (t as HTMLTextAreaElement).value)).toBe('');
    await page.keyboard.press('Escape');

    expect(await jiraFacts(panelSite, ACME.spoc, key)).toEqual(before);
  });
});

import type { Frame } from 'playwright-core';
import { expectText } from '../support/browser';
import {
  ACTION_SCENARIOS,
  expectActionDone,
  expectPanelFocus,
  focusAfter,
  openPanel,
  pickPersonByMouse,
  startPanelSite,
  stopPanelSite,
  expectPanelWithinPolicy,
  type ActionInput,
  type PanelSite,
} from '../support/panel';

/**
 * Every triage action of the SPOC panel, taken with the mouse by a person allowed to take it, on an issue a
 * client filed for that test alone: the flag, the new state, the history line, the actions left, where the
 * focus went, and what changed in Jira (read back over the REST API as that person and as the client).
 * The same actions by keyboard alone: spoc-panel-keyboard.test.ts.
 */
let panelSite: PanelSite;

beforeAll(async () => {
  panelSite = await startPanelSite();
}, 90_000);

afterEach(() => expectPanelWithinPolicy(panelSite));
afterAll(async () => {
  await stopPanelSite(panelSite);
});

async function fillByMouse(panel: Frame, input: ActionInput): Promise<void> {
  const form = '[data-testid=action-form]';
  if (input.duplicateOf !== undefined) await panel.fill(`${form} input[name=duplicateOf]`, input.duplicateOf);
  if (input.person) await pickPersonByMouse(panel, input.person.search, input.person.name);
  if (input.verdict) await expectText(panel, '[data-testid=action-person-verdict]', input.verdict);
  await panel.fill(`${form} textarea`, input.text);
}

describe('the SPOC panel, by mouse', () => {
  it.each(ACTION_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const on = await scenario.prepare(panelSite, `Panel by mouse: ${scenario.name}`);
    const panel = await openPanel(panelSite, scenario.by, on.key);
    await expectText(panel, '[data-testid=panel-roles]', scenario.role);

    await panel.click(`[data-testid=action-${scenario.action}]`);
    await panel.waitForSelector('[data-testid=action-form]');
    await fillByMouse(panel, scenario.input(on));
    await panel.click('[data-testid=action-confirm]');

    await expectActionDone(panelSite, panel, scenario, on);
    await expectPanelFocus(panel, focusAfter(scenario));
    await panel.click('[data-testid=panel-history] summary');
    expect(await panel.isVisible('[data-testid=panel-history] li:last-child')).toBe(true);
  });
});

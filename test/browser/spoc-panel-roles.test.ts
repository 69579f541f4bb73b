import type { Frame } from 'playwright-core';
import { expectText } from '../support/browser';
import {
  ACME,
  actAs,
  expectPanelFocus,
  fileAcmeIssue,
  jiraFacts,
  offeredActions,
  openPanel,
  pickPersonByMouse,
  startPanelSite,
  stopPanelSite,
  expectPanelWithinPolicy,
  type DemoPerson,
  type PanelSite,
} from '../support/panel';

/**
 * Who is offered what in the SPOC panel, and every refusal a person can meet there: a required field left
 * empty (said in words under the field, which gets the focus; nothing is sent), a person who may not be
 * SPOC, a duplicate of the issue itself, and an action someone else made moot meanwhile (the resolver's
 * refusal in words in the form; nothing changes in Jira). Each test files its own issues.
 */
let panelSite: PanelSite;

beforeAll(async () => {
  panelSite = await startPanelSite();
}, 90_000);

afterEach(() => expectPanelWithinPolicy(panelSite));
afterAll(async () => {
  await stopPanelSite(panelSite);
});

const SPOC_ACTIONS = [
  'Accept for delivery',
  'Request information',
  'Reject',
  'Duplicate',
  'Reassign',
  'Escalate',
];
const form = '[data-testid=action-form]';

/** How many times the panel asked its resolver to act, so far. */
const actionCalls = () =>
  panelSite.site.forge
    .invocations()
    .filter((i) => i.moduleKey === 'spoc-panel' && i.resolverFunction === 'applyTriageAction').length;

const historyLength = (panel: Frame) =>
  panel.$$eval('[data-testid=panel-history] li', (items) => items.length);

async function rolesAndActions(person: DemoPerson, key: string) {
  const panel = await openPanel(panelSite, person, key);
  const roles = (await panel.$('[data-testid=panel-roles]'))
    ? await panel.textContent('[data-testid=panel-roles]')
    : null;
  return { panel, roles, actions: await offeredActions(panel) };
}

describe('the SPOC panel, by role', () => {
  it('offers each person exactly the actions their role allows on an issue awaiting its SPOC', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel roles: who may do what');

    let seen = await rolesAndActions(ACME.spoc, key);
    expect(seen.roles).toContain('the SPOC');
    expect(seen.actions).toEqual(SPOC_ACTIONS);

    seen = await rolesAndActions(ACME.backup, key);
    expect(seen.roles).toContain('a backup SPOC');
    expect(seen.actions).toEqual([...SPOC_ACTIONS, 'Take over']);

    seen = await rolesAndActions(ACME.manager, key);
    expect(seen.roles).toContain('a project administrator');
    expect(seen.actions).toEqual(['Reassign']);

    // Delivery may only send back what was vetted; nothing to do while the SPOC still has it.
    seen = await rolesAndActions(ACME.developer, key);
    expect(seen.roles).toContain('on the delivery team');
    expect(seen.actions).toEqual([]);
    await expectText(seen.panel, '[data-testid=panel-no-actions]', 'nothing for you to do');

    // Staff with no role on this client's issues see why it was routed, and no actions.
    seen = await rolesAndActions(ACME.noRole, key);
    expect(seen.roles).toBeNull();
    expect(seen.actions).toEqual([]);
    await expectText(seen.panel, '[data-testid=panel-reasons]', 'Priya Shah (primary)');
    await expectText(seen.panel, '[data-testid=panel-no-actions]', 'nothing for you to do');

    // A backup who took it over is its SPOC: the SPOC's actions, and nothing left to take over.
    await actAs(panelSite, ACME.backup, key, { action: 'take-over' });
    seen = await rolesAndActions(ACME.backup, key);
    expect(seen.roles).toContain('the SPOC');
    expect(seen.actions).toEqual(SPOC_ACTIONS);
    seen = await rolesAndActions(ACME.spoc, key);
    expect(seen.actions).toEqual([]);

    // Once vetted, the developer may return it and the SPOC has nothing left to do.
    await actAs(panelSite, ACME.backup, key, { action: 'accept-for-delivery' });
    seen = await rolesAndActions(ACME.developer, key);
    expect(seen.actions).toEqual(['Return to SPOC']);
    seen = await rolesAndActions(ACME.backup, key);
    expect(seen.actions).toEqual([]);
  });

  it('shows a client reporter where their issue stands and who their SPOC is, without staff detail or actions', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel roles: the client looks');
    await actAs(panelSite, ACME.spoc, key, { action: 'escalate', reason: 'Internal: a large account.' });
    const panel = await openPanel(panelSite, ACME.reporter, key);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
    await expectText(panel, '[data-testid=panel-client]', 'Acme Logistics');
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    await expectText(panel, '[data-testid=panel-no-actions]', 'nothing for you to do');
    expect(await panel.$('[data-testid=panel-actions]')).toBeNull();
    expect(await panel.$('[data-testid=panel-roles]')).toBeNull();
    // Not the SPOC's hours, the routing reasons or the internal history.
    expect(await panel.$('[data-testid=panel-spoc-now]')).toBeNull();
    expect(await panel.$$('[data-testid=panel-reasons] li')).toHaveLength(0);
    expect(await historyLength(panel)).toBe(0);
  });
});

describe('the SPOC panel refuses, in words', () => {
  it('a required field left empty: says what is missing under the field, focuses it, and sends nothing', async () => {
    const { page } = panelSite;
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: empty fields');
    const before = await jiraFacts(panelSite, ACME.spoc, key);
    const calls = actionCalls();
    const panel = await openPanel(panelSite, ACME.spoc, key);

    const textActions = [
      ['request-info', 'Write what you need from the client'],
      ['reject', 'Write why the issue is rejected'],
      ['escalate', 'Write why the issue needs escalating'],
    ] as const;
    for (const [action, words] of textActions) {
      await panel.click(`[data-testid=action-${action}]`);
      await panel.fill(`${form} textarea`, '   '); // blanks are empty too
      await panel.click('[data-testid=action-confirm]');
      await expectText(panel, '[data-testid=action-missing-text]', words);
      await expectPanelFocus(panel, `${form} textarea[aria-invalid=true]`);
      expect(await panel.getAttribute('[data-testid=action-missing-text]', 'role')).toBe('alert');
      expect(await panel.getAttribute(`${form} textarea`, 'aria-describedby')).toBe(
        await panel.getAttribute('[data-testid=action-missing-text]', 'id'),
      );
      // Typing clears the message.
      await page.keyboard.type('x');
      await panel.waitForSelector('[data-testid=action-missing-text]', { state: 'detached' });
      await panel.click('[data-testid=action-cancel]');
    }

    // Mark duplicate: the key is missing (or not a key); Ctrl+Enter in the note confirms from the keyboard.
    await panel.click('[data-testid=action-mark-duplicate]');
    await panel.fill(`${form} input[name=duplicateOf]`, 'the other one');
    await panel.focus(`${form} textarea`);
    await page.keyboard.press('Control+Enter');
    await expectText(
      panel,
      '[data-testid=action-missing-duplicate]',
      'Enter the key of the issue this one duplicates',
    );
    await expectPanelFocus(panel, `${form} input[name=duplicateOf][aria-invalid=true]`);
    await panel.click('[data-testid=action-cancel]');

    // Reassign: nobody chosen and no reason; the picker gets the focus first.
    await panel.click('[data-testid=action-reassign]');
    await panel.click('[data-testid=action-confirm]');
    await expectText(panel, '[data-testid=action-missing-person]', 'Choose who becomes the SPOC');
    await expectText(panel, '[data-testid=action-missing-text]', 'Write why you are handing the issue over');
    await expectPanelFocus(panel, '[data-testid=action-person] [role=combobox]');
    await panel.click('[data-testid=action-cancel]');

    expect(actionCalls()).toBe(calls);
    expect(await jiraFacts(panelSite, ACME.spoc, key)).toEqual(before);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
  });

  it('a developer returning an issue without saying what is unclear is asked to say it', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: empty return');
    await actAs(panelSite, ACME.spoc, key, { action: 'accept-for-delivery' });
    const before = await jiraFacts(panelSite, ACME.developer, key);
    const calls = actionCalls();
    const panel = await openPanel(panelSite, ACME.developer, key);
    await panel.click('[data-testid=action-return-to-spoc]');
    await panel.click('[data-testid=action-confirm]');
    await expectText(panel, '[data-testid=action-missing-text]', 'Write what is unclear');
    await expectPanelFocus(panel, `${form} textarea`);
    expect(actionCalls()).toBe(calls);
    expect(await jiraFacts(panelSite, ACME.developer, key)).toEqual(before);
  });

  it('reassigning to someone who may not be SPOC: the reason in the form, nothing changed, and another choice works', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: not a SPOC');
    const before = await jiraFacts(panelSite, ACME.spoc, key);
    const panel = await openPanel(panelSite, ACME.spoc, key);
    const lines = await historyLength(panel);

    await panel.click('[data-testid=action-reassign]');
    await pickPersonByMouse(panel, 'ben', 'Ben Carter');
    await panel.fill(`${form} textarea`, 'Ben knows the portal best.');
    await panel.click('[data-testid=action-confirm]');
    await expectText(panel, '[data-testid=action-error]', 'Ben Carter has no SPOC profile');
    expect(await panel.getAttribute('[data-testid=action-error]', 'role')).toBe('alert');
    await expectPanelFocus(panel, '[data-testid=action-confirm]');
    // What was entered stays, so the person can change their choice.
    expect(await panel.$eval(`${form} textarea`, (t) => (t as HTMLTextAreaElement).value)).toBe(
      'Ben knows the portal best.',
    );
    expect(await jiraFacts(panelSite, ACME.spoc, key)).toEqual(before);
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    expect(await historyLength(panel)).toBe(lines);

    await pickPersonByMouse(panel, 'chloe', 'Chloe Wilson');
    expect(await panel.$('[data-testid=action-error]')).toBeNull();
    await panel.click('[data-testid=action-confirm]');
    await expectText(panelSite.page, '#flags .flag-success', 'reassigned the issue to Chloe Wilson');
    expect((await jiraFacts(panelSite, ACME.spoc, key)).spoc).toBe(ACME.backup.accountId);
  });

  it('Jira failing the people search: said in words in the reassign form', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: people search fails');
    const panel = await openPanel(panelSite, ACME.spoc, key);
    panelSite.site.gateway.faults.set({
      status: 503,
      callers: 'user',
      pathPrefix: '/rest/api/3/user/assignable/search',
    });
    try {
      await panel.click('[data-testid=action-reassign]');
      await expectText(
        panel,
        '[data-testid=action-error]',
        'Could not search for people: Jira answered 503.',
      );
    } finally {
      panelSite.site.gateway.faults.clear();
    }
    // Once Jira answers again, the search works and a choice clears the message.
    await pickPersonByMouse(panel, 'chl', 'Chloe Wilson');
    await panel.waitForSelector('[data-testid=action-error]', { state: 'detached' });
  });

  it('a duplicate of the issue itself is refused in words', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: duplicate of itself');
    const before = await jiraFacts(panelSite, ACME.spoc, key);
    const panel = await openPanel(panelSite, ACME.spoc, key);
    await panel.click('[data-testid=action-mark-duplicate]');
    await panel.fill(`${form} input[name=duplicateOf]`, key);
    await panel.click('[data-testid=action-confirm]');
    await expectText(panel, '[data-testid=action-error]', 'cannot duplicate itself');
    expect(await jiraFacts(panelSite, ACME.spoc, key)).toEqual(before);
  });

  it('an action someone else made moot meanwhile: the refusal in words, and the panel shows the issue as it is now', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: taken over meanwhile');
    const panel = await openPanel(panelSite, ACME.spoc, key);
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');

    // While Priya reads the issue, her backup takes it over.
    await actAs(panelSite, ACME.backup, key, { action: 'take-over' });
    const after = await jiraFacts(panelSite, ACME.backup, key);

    await panel.click('[data-testid=action-accept-for-delivery]');
    await panel.click('[data-testid=action-confirm]');
    await expectText(
      panel,
      '[data-testid=action-error]',
      "Only the issue's SPOC or their backups can accept",
    );
    await expectText(panel, '[data-testid=panel-spoc]', 'Chloe Wilson');
    expect(await jiraFacts(panelSite, ACME.backup, key)).toEqual(after);

    await panel.click('[data-testid=action-cancel]');
    await panel.waitForSelector(form, { state: 'detached' });
    expect(await offeredActions(panel)).toEqual([]);
    await expectPanelFocus(panel, '[data-testid=panel-summary]');
  });
});

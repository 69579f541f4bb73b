import path from 'node:path';
import type { Frame } from 'playwright-core';
import { expectText, screenshot, seriousAxeViolations } from '../support/browser';
import {
  ACME,
  actAs,
  expectPanelFocus,
  fileAcmeIssue,
  jiraFacts,
  offeredActions,
  openPanel,
  pickPersonByMouse,
  setReassignPolicy,
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

/** A screenshot of the page where a person looks at the panel: `selector` in view, not the page's top. */
async function shot(panel: Frame, selector: string, name: string): Promise<void> {
  await panel.$eval(selector, (element) => element.scrollIntoView({ block: 'end' }));
  await panelSite.page.screenshot({ path: path.resolve(__dirname, '../../docs/screenshots', `${name}.png`) });
}

/** The panel's section headings, as a person scanning it reads them. */
const headings = (panel: Frame) =>
  panel.$$eval('[data-testid=spoc-panel] h3, [data-testid=spoc-panel] summary', (elements) =>
    elements.map((e) => e.textContent ?? ''),
  );

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

    // Who they are for this issue, said once, in words.
    let seen = await rolesAndActions(ACME.spoc, key);
    expect(seen.roles).toBe('You are the SPOC of this issue.');
    expect(seen.actions).toEqual(SPOC_ACTIONS);

    seen = await rolesAndActions(ACME.backup, key);
    expect(seen.roles).toBe('You are a backup for Acme Logistics.');
    expect(seen.actions).toEqual([...SPOC_ACTIONS, 'Take over']);

    seen = await rolesAndActions(ACME.manager, key);
    expect(seen.roles).toBe('You are the escalation manager for Acme Logistics and a project administrator.');
    expect(seen.actions).toEqual(['Reassign']);

    // Delivery may only send back what was vetted; nothing to do while the SPOC still has it.
    seen = await rolesAndActions(ACME.developer, key);
    expect(seen.roles).toBe('You are on the delivery team.');
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
    expect(seen.roles).toBe('You are the SPOC of this issue.');
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
    expect(await panel.$('[data-testid=panel-reasons]')).toBeNull();
    expect(await panel.$('[data-testid=panel-history]')).toBeNull();
    // No empty heading for what a client does not see: no "Why it was routed here", no "History (0)".
    expect(await headings(panel)).toEqual(['Your actions']);
  });

  it('after Request information, tells the client what the SPOC asked and how to answer; their comment sends it back', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel roles: the client is asked');
    const question = 'Which consignment number was it?\nAnd since when does it fail?';
    await actAs(panelSite, ACME.spoc, key, { action: 'request-info', message: question });

    // Priya sees what the issue waits for.
    let panel = await openPanel(panelSite, ACME.spoc, key);
    await expectText(panel, '[data-testid=panel-client-turn]', 'Waiting for the client’s answer');
    await expectText(panel, '[data-testid=panel-client-turn]', 'when the reporter answers with a comment');

    // Li Wei, who reported it, is told it is her turn: the question as asked, and how to answer.
    panel = await openPanel(panelSite, ACME.reporter, key);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for information from the client');
    await expectText(panel, '[data-testid=panel-client-turn]', 'Priya Shah needs more information from you');
    // When, as Li Wei reads it (en-US, in Shanghai): 09:30 in London.
    await expectText(panel, '[data-testid=panel-client-turn]', 'Priya Shah asked today 5:30 PM:');
    expect(await panel.textContent('[data-testid=panel-client-question]')).toBe(question);
    await expectText(
      panel,
      '[data-testid=panel-client-how]',
      'To answer, add a comment on this issue with what was asked. Your comment goes straight back to Priya Shah',
    );
    expect(await panel.$('[data-testid=panel-no-actions]')).toBeNull();
    expect(await headings(panel)).toEqual(['Your turn']);
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await screenshot(panelSite.page, 'spoc-panel-client-asked');

    // Li Wei answers as she was told: a comment on the issue sends it back to Priya.
    const { page } = panelSite;
    await page.fill('form[data-action=comment] textarea', 'SC-4411, since Monday morning.');
    await page.click('form[data-action=comment] button[type=submit]');
    await expectText(page, '[data-issue-refresh=comments]', 'SC-4411, since Monday morning.');
    await panelSite.site.idle();
    panel = await openPanel(panelSite, ACME.reporter, key);
    await expectText(panel, '[data-testid=panel-state]', 'waiting for its SPOC');
    expect(await panel.$('[data-testid=panel-client-turn]')).toBeNull();
    await expectText(panel, '[data-testid=panel-no-actions]', 'nothing for you to do');
    expect((await jiraFacts(panelSite, ACME.spoc, key)).property).toMatchObject({ state: 'awaiting-spoc' });
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

  it('reassigning to someone who may not be SPOC: said in the form before anything is sent, and another choice works', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: not a SPOC');
    const before = await jiraFacts(panelSite, ACME.spoc, key);
    const panel = await openPanel(panelSite, ACME.spoc, key);
    const lines = await historyLength(panel);
    const calls = actionCalls();

    await panel.click('[data-testid=action-reassign]');
    await panel.waitForSelector('[data-testid=action-person] [role=combobox]');
    await panel.$eval(form, (element) => element.scrollIntoView({ block: 'start' }));
    await panel.click('[data-testid=action-person] [role=combobox]');
    await panel.fill('[data-testid=action-person] [role=combobox]', 'ben');
    await expectText(panel, '[role=option]:has-text("Ben Carter")', 'no SPOC profile');
    await panel.click('[role=option]:has-text("Ben Carter")');
    await expectText(panel, '[data-testid=action-person-verdict]', 'Ben Carter has no SPOC profile');
    await panel.fill(`${form} textarea`, 'Ben knows the portal best.');
    await panel.click('[data-testid=action-confirm]');
    await expectText(panel, '[data-testid=action-missing-person]', 'Choose someone the issue can go to.');
    await expectPanelFocus(panel, '[data-testid=action-person] [role=combobox]');
    // What was entered stays, so the person can change their choice; nothing was sent.
    expect(await panel.$eval(`${form} textarea`, (t) => (t as HTMLTextAreaElement).value)).toBe(
      'Ben knows the portal best.',
    );
    expect(actionCalls()).toBe(calls);
    expect(await jiraFacts(panelSite, ACME.spoc, key)).toEqual(before);
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    expect(await historyLength(panel)).toBe(lines);

    await pickPersonByMouse(panel, 'chloe', 'Chloe Wilson');
    await panel.waitForSelector('[data-testid=action-missing-person]', { state: 'detached' });
    await panel.click('[data-testid=action-confirm]');
    await expectText(panelSite.page, '#flags .flag-success', 'reassigned the issue to Chloe Wilson');
    expect((await jiraFacts(panelSite, ACME.spoc, key)).spoc).toBe(ACME.backup.accountId);
  });

  it('reassigning: the picker shows who is available, away or full; someone away is warned about first, and refused when the policy says so', async () => {
    const key = await fileAcmeIssue(panelSite, 'Panel refusals: reassign to someone away');
    const before = await jiraFacts(panelSite, ACME.spoc, key);
    const calls = actionCalls();
    const picker = '[data-testid=action-person] [role=combobox]';
    const option = (name: string) => `[role=option]:has-text("${name}")`;
    const openReassign = async () => {
      const panel = await openPanel(panelSite, ACME.manager, key);
      await panel.click('[data-testid=action-reassign]');
      await panel.waitForSelector(picker);
      await panel.$eval(form, (element) => element.scrollIntoView({ block: 'start' }));
      return panel;
    };
    const search = async (panel: Frame, text: string) => {
      await panel.click(picker, { force: true });
      await panel.fill(picker, text);
      await panel.waitForSelector(
        option(text === 'dan' ? 'Daniel Okafor' : text === 'chl' ? 'Chloe' : 'Yuki'),
      );
    };

    // Hannah, who runs the project, looks at who could take it: each with their availability and load.
    let panel = await openReassign();
    await search(panel, 'chl');
    await expectText(panel, option('Chloe Wilson'), 'available');
    await expectText(panel, option('Chloe Wilson'), 'working until');
    await expectText(panel, option('Chloe Wilson'), 'open client issues · backup');
    await search(panel, 'yuki');
    await expectText(panel, option('Yuki Tanaka'), 'at capacity');
    await expectText(panel, option('Yuki Tanaka'), 'full · 1 of 1 open client issues');
    await search(panel, 'dan');
    await expectText(panel, option('Daniel Okafor'), 'away until');
    await shot(panel, option('Daniel Okafor'), 'spoc-panel-reassign-picker');

    // Daniel is away: she is told before anything is sent, and when his response would fall due.
    await panel.click(option('Daniel Okafor'));
    const verdict = '[data-testid=action-person-verdict]';
    await expectText(panel, verdict, 'Daniel Okafor is out of office');
    await expectText(panel, verdict, 'counted from when they are back');
    await expectText(panel, verdict, 'Reassign anyway only if you have agreed it with them.');
    await expectText(panel, '[data-testid=action-confirm]', 'Reassign anyway');
    expect(await seriousAxeViolations(panel)).toEqual([]);
    await shot(panel, '[data-testid=action-confirm]', 'spoc-panel-reassign-away');
    await panel.click('[data-testid=action-cancel]');

    // Where the policy refuses it, the form says so and sends nothing; nor does the resolver allow it.
    await setReassignPolicy(panelSite, 'refuse');
    try {
      panel = await openReassign();
      await search(panel, 'dan');
      await panel.click(option('Daniel Okafor'));
      await expectText(panel, verdict, 'The policy does not allow this');
      await panel.fill(`${form} textarea`, 'Customs are his.');
      await panel.click('[data-testid=action-confirm]');
      await expectText(panel, '[data-testid=action-missing-person]', 'Choose someone the issue can go to.');
      expect(actionCalls()).toBe(calls);
      await expect(
        actAs(panelSite, ACME.manager, key, {
          action: 'reassign',
          toAccountId: ACME.backupAway.accountId,
          reason: 'Customs are his.',
          evenIfUnavailable: true,
        }),
      ).rejects.toThrow('the policy does not let a client issue be handed to someone away or full');
      expect(await jiraFacts(panelSite, ACME.spoc, key)).toEqual(before);
    } finally {
      await setReassignPolicy(panelSite, 'warn');
    }
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

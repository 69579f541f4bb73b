import {
  AS,
  configuration,
  expectAccessible,
  expectText,
  focusTop,
  focused,
  menuOption,
  openSubpage,
  pageCall,
  pageData,
  PEOPLE,
  pickPersonByKeyboard,
  pickPersonByMouse,
  openPickerByMouse,
  startProjectPageWorld,
  finishProjectPageWorld,
  expectWithinPolicy,
  tabTo,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * Clients & SPOCs on the demo configuration: a project administrator edits rosters with the people pickers
 * and the ordered matching rules (saved through the `saveRules` resolver), by mouse and by keyboard alone;
 * a save made on top of an older version is refused in the resolver's words; the routing preview explains
 * where an issue would go.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

// Each test happens a minute after the last: roster changes are dated, and two at one instant conflict.
beforeEach(() => {
  world.site.clock.advanceMinutes(1);
});

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

const inForce = async (clientId: string) => {
  const roster = (await configuration(world)).document.rosters.find((r) => r.clientId === clientId);
  return roster?.versions.at(-1);
};

describe('the saveRules resolver', () => {
  it('saves the rules in KVS for an administrator; refuses a stale version and a SPOC, changing nothing', async () => {
    const before = await configuration(world);
    expect(before.canEdit).toBe(true);
    const rules = [
      ...before.document.rules,
      { id: 'initech-label', clientId: 'initech', kind: 'label', values: ['initech'] },
    ];
    const saved = await pageCall(world, 'saveRules', PEOPLE.sam, { rules, expectedVersion: before.version });
    expect(saved).toEqual({ ok: true, data: { version: before.version + 1, warnings: [] } });
    expect((await configuration(world)).document.rules).toEqual(rules);

    const stale = await pageCall(world, 'saveRules', PEOPLE.hannah, {
      rules: [],
      expectedVersion: before.version,
    });
    expect(stale).toEqual({
      ok: false,
      error: expect.stringMatching(/changed while you were editing it/),
      code: 'conflict',
    });
    const spoc = await pageCall(world, 'saveRules', PEOPLE.priya, {
      rules: [],
      expectedVersion: before.version + 1,
    });
    expect(spoc).toEqual({
      ok: false,
      error: 'Only administrators of project SUP can change the client matching rules.',
      code: 'not-allowed',
    });
    const bad = await pageCall(world, 'saveRules', PEOPLE.sam, {
      rules: [{ id: 'x', clientId: 'nobody', kind: 'label', values: ['x'] }],
      expectedVersion: before.version + 1,
    });
    expect(bad).toEqual({
      ok: false,
      error: expect.stringMatching(/client "nobody", which does not exist/),
      code: 'invalid-input',
      // Each problem at the field the editor shows it at, in words without the path.
      problems: [
        { field: 'rules[0].clientId', message: 'Rule 1 names client "nobody", which does not exist.' },
      ],
    });
    expect(await pageData(world, 'getConfiguration', PEOPLE.priya)).toMatchObject({ canEdit: false });

    const after = await configuration(world);
    expect(after.version).toBe(before.version + 1);
    expect(after.document.rules).toEqual(rules);
    // Put the demo's rules back for the tests below.
    await pageData(world, 'saveRules', PEOPLE.sam, {
      rules: before.document.rules,
      expectedVersion: after.version,
    });
  });
});

describe('rosters', () => {
  it('by mouse: an administrator changes Globex’s people with the pickers, avatars shown, and saves', async () => {
    const frame = await openSubpage(world, AS.sam, 'clients');
    await frame.click('[data-testid=edit-roster-globex]');
    await frame.waitForSelector('[data-testid=roster-editor]');
    // The roster's people are in the pickers already.
    await expectText(frame, '[data-testid=roster-primary]', 'Daniel Okafor');
    await expectText(frame, '[data-testid=roster-backups]', 'Yuki Tanaka');

    await pickPersonByMouse(frame, 'roster-globex-primary', 'Chloe Wilson');
    await expectText(frame, '[data-testid=roster-primary]', 'Chloe Wilson');
    await frame.getByRole('button', { name: 'Yuki Tanaka, remove' }).click();
    await openPickerByMouse(frame, 'roster-globex-backups');
    await frame.fill('#roster-globex-backups', 'Pri');
    const option = menuOption(frame, 'roster-globex-backups', 'Priya Shah');
    // Jira's 24×24 avatar of the person is in the option.
    expect(await option.locator('img').getAttribute('src')).toContain(
      `/local/avatars/user/${PEOPLE.priya}?size=24`,
    );
    await option.click();
    await pickPersonByMouse(frame, 'roster-globex-manager', 'Sam Patel');
    await frame.click('[data-testid=roster-delivery-user]');
    await pickPersonByMouse(frame, 'roster-globex-delivery-user', 'Ben Carter');
    await frame.fill('[data-testid=roster-note]', 'Daniel is at the conference');
    await frame.click('[data-testid=roster-save]');
    await expectText(frame, '[data-testid=roster-saved]', 'Roster of Globex Retail saved');
    await expectText(frame, '[data-testid=roster-table] tr:has-text("Globex")', 'Chloe Wilson');

    expect(await inForce('globex')).toMatchObject({
      primarySpocAccountId: PEOPLE.chloe,
      backupAccountIds: [PEOPLE.arjun, PEOPLE.priya],
      poolAccountIds: [],
      escalationManagerAccountId: PEOPLE.sam,
      deliveryTarget: { kind: 'user', accountId: PEOPLE.ben },
      handoverNote: 'Daniel is at the conference',
    });
  });

  it('refuses a save made on top of a version someone else changed meanwhile, and keeps the roster', async () => {
    const frame = await openSubpage(world, AS.sam, 'clients');
    await frame.click('[data-testid=edit-roster-acme]');
    await frame.waitForSelector('[data-testid=roster-editor]');
    const acmeBefore = await inForce('acme');
    // Hannah saves Initech's roster while Sam's editor is open.
    const current = await configuration(world);
    const initech = await inForce('initech');
    await pageData(world, 'saveRoster', PEOPLE.hannah, {
      clientId: 'initech',
      version: { ...initech, effectiveFrom: undefined, clientId: undefined },
      expectedVersion: current.version,
    });
    await pickPersonByMouse(frame, 'roster-acme-primary', 'Chloe Wilson');
    await frame.click('[data-testid=roster-save]');
    await expectText(
      frame,
      '[data-testid=roster-error]',
      'The configuration changed while you were editing it',
    );
    await expectText(frame, '[data-testid=roster-error]', `you edited version ${current.version}`);
    expect(await inForce('acme')).toEqual(acmeBefore);
  });

  it('by keyboard alone: opens Initech’s roster, changes primary and backups, saves; Escape closes an editor', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.sam, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    await focusTop(frame);
    await tabTo(page, frame, 'edit-roster-initech');
    await page.keyboard.press('Enter');
    // The primary SPOC's picker has the focus when the editor opens.
    await frame.waitForFunction(() => document.activeElement?.id === 'roster-initech-primary');
    await pickPersonByKeyboard(page, frame, 'roster-initech-primary', 'Chloe Wilson');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('#roster-initech-backups');
    await page.keyboard.press('Backspace'); // drops the last backup, Priya
    await pickPersonByKeyboard(page, frame, 'roster-initech-backups', 'Daniel Okafor');
    await tabTo(page, frame, 'roster-save');
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=roster-saved]', 'Roster of Initech Health saved');
    // The focus moved to the message, not back to the top of the page.
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(await inForce('initech')).toMatchObject({
      primarySpocAccountId: PEOPLE.chloe,
      backupAccountIds: [PEOPLE.arjun, PEOPLE.daniel],
    });

    await tabTo(page, frame, 'edit-roster-acme');
    await page.keyboard.press('Space');
    await frame.waitForSelector('[data-testid=roster-editor]');
    await tabTo(page, frame, 'roster-note');
    await page.keyboard.press('Escape');
    await frame.waitForSelector('[data-testid=roster-editor]', { state: 'detached' });
  });
});

describe('matching rules', () => {
  it('by mouse: adds, changes, moves and removes rules; shows what the server refuses; saves through saveRules', async () => {
    const frame = await openSubpage(world, AS.sam, 'clients');
    const before = (await configuration(world)).document.rules;
    await frame.click('[data-testid=edit-rules]');
    await frame.waitForSelector('[data-testid=rules-editor]');

    // A label another client's rule already claims: the server says why and stores nothing.
    await frame.selectOption('[data-testid=rule-client]', 'initech');
    await frame.selectOption('[data-testid=rule-kind]', 'label');
    await frame.fill('[data-testid=rule-values]', 'globex');
    await frame.click('[data-testid=rule-add]');
    await frame.click('[data-testid=rules-save]');
    await expectText(frame, '[data-testid=rules-error]', 'already matches client "globex" in rule 2');
    // And at the rule itself, in the list.
    await expectText(
      frame,
      '[data-testid=rule-initech-label-error]',
      'already matches client "globex" in rule 2',
    );
    expect(await frame.getAttribute('[data-testid=rule-row-initech-label]', 'aria-invalid')).toBe('true');
    expect((await configuration(world)).document.rules).toEqual(before);

    // Change that rule instead, then add one, move it up, and remove the Globex reporters' rule.
    await frame.click('[data-testid="edit-rule-initech-label"]');
    expect(await frame.inputValue('[data-testid=rule-values]')).toBe('globex');
    await frame.fill('[data-testid=rule-values]', 'initech-urgent, clinic');
    await frame.click('[data-testid=rule-add]');
    await expectText(frame, '[data-testid=rules-list]', 'Initech Health: label initech-urgent, clinic');
    await frame.selectOption('[data-testid=rule-client]', 'acme');
    await frame.selectOption('[data-testid=rule-kind]', 'component');
    await frame.fill('[data-testid=rule-values]', 'Mobile App');
    await frame.click('[data-testid=rule-enabled]'); // switched off for now
    await frame.click('[data-testid=rule-add]');
    await expectText(
      frame,
      '[data-testid=rules-list]',
      'Acme Logistics: component Mobile App (switched off)',
    );
    await frame.click('[data-testid="move-up-acme-component"]');
    await frame.click('[data-testid="remove-rule-globex-reporters"]');
    await frame.click('[data-testid=rules-save]');
    await expectText(frame, '[data-testid=roster-saved]', 'Matching rules saved');

    const expected = [
      ...before.filter((r) => r.id !== 'globex-reporters'),
      { id: 'acme-component', clientId: 'acme', kind: 'component', values: ['Mobile App'], enabled: false },
      { id: 'initech-label', clientId: 'initech', kind: 'label', values: ['initech-urgent', 'clinic'] },
    ];
    expect((await configuration(world)).document.rules).toEqual(expected);
    await expectText(frame, '[data-testid=rules-table] tr:has-text("initech-urgent")', 'Initech Health');
    expect(await frame.$('[data-testid=rules-table] tr:has-text("Maria Garcia")')).toBeNull();

    // The rule routes: a new Initech issue labelled "clinic" is recognised by it.
    const preview = await pageData<{ client: { id: string } | null; matchReasons: string[] }>(
      world,
      'previewRouting',
      PEOPLE.sam,
      { projectKey: 'SUP', labels: ['clinic'] },
    );
    expect(preview.client?.id).toBe('initech');
  });

  it('by keyboard alone: adds a reporter rule with the people picker and saves', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.sam, 'clients');
    await frame.waitForSelector('[data-testid=rules-table] table');
    const before = await configuration(world);
    await focusTop(frame);
    await tabTo(page, frame, 'edit-rules');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('[data-testid=rules-editor]');
    await tabTo(page, frame, 'rule-client');
    await page.keyboard.type('Globex');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('rule-kind');
    await page.keyboard.type('reporter a');
    expect(await frame.inputValue('[data-testid=rule-kind]')).toBe('reporter-account');
    await page.keyboard.press('Tab');
    await pickPersonByKeyboard(page, frame, 'rule-people', "James O'Neil");
    await tabTo(page, frame, 'rule-add');
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=rules-list]', "Globex Retail: reporter account James O'Neil");
    await tabTo(page, frame, 'rules-save');
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=roster-saved]', 'Matching rules saved');
    const rules = (await configuration(world)).document.rules;
    expect(rules).toHaveLength(before.document.rules.length + 1);
    expect(rules.at(-1)).toEqual({
      id: 'globex-reporter-account',
      clientId: 'globex',
      kind: 'reporter-account',
      values: [PEOPLE.james],
    });
  });
});

describe('routing preview', () => {
  it('by mouse: explains where an existing issue and a described new issue would go, in the resolver’s words', async () => {
    const frame = await openSubpage(world, AS.priya, 'clients');
    const issue = world.demo.issues.find((i) => i.reporter === PEOPLE.aisha);
    if (!issue) throw new Error('The demo has no issue by Aisha');
    await frame.click('[data-testid=preview-issue]');
    await frame.fill('[data-testid=preview-issue]', issue.key);
    await frame.click('[data-testid=preview-run]');
    const existing = await pageData<{ reasons: string[]; spoc: { displayName: string } | null }>(
      world,
      'previewRouting',
      PEOPLE.priya,
      { issueKey: issue.key },
    );
    await expectText(frame, '[data-testid=preview-result]', 'Initech Health');
    await expectText(frame, '[data-testid=preview-result]', existing.reasons[0] ?? '');

    await frame.click('[data-testid=preview-mode-new]');
    await pickPersonByMouse(frame, 'preview-reporter-input', 'Aisha Khan');
    await frame.fill('[data-testid=preview-priority]', 'High');
    await frame.click('[data-testid=preview-run]');
    const described = await pageData<{ reasons: string[]; matchReasons: string[] }>(
      world,
      'previewRouting',
      PEOPLE.priya,
      { projectKey: 'SUP', reporterAccountId: PEOPLE.aisha, labels: [], components: [], priority: 'High' },
    );
    await expectText(frame, '[data-testid=preview-result]', described.matchReasons[0] ?? '');
    await expectText(frame, '[data-testid=preview-result]', described.reasons.at(-1) ?? '');

    await frame.click('[data-testid=preview-mode-issue]');
    await frame.fill('[data-testid=preview-issue]', 'SUP-9999');
    await frame.click('[data-testid=preview-run]');
    await expectText(frame, '[data-testid=preview-error]', 'SUP-9999');
  });
});

describe('adding a client', () => {
  it('by mouse: names the client (its id suggested and checked), chooses its SPOCs and saves it with its first roster', async () => {
    const frame = await openSubpage(world, AS.sam, 'clients');
    await frame.click('[data-testid=add-client]');
    await frame.waitForSelector('[data-testid=add-client-form]');
    await expectText(frame, '#client-id-helper', 'cannot change later');
    // Nothing named: the form says so at the field, before anything is sent.
    await frame.click('[data-testid=add-client-next]');
    await expectText(frame, '[data-testid=client-name-error]', 'Give the client a name.');
    await frame.fill('[data-testid=client-name]', 'Umbrella Corp.');
    expect(await frame.inputValue('[data-testid=client-id]')).toBe('umbrella-corp');
    // An id another client has is refused at its field.
    await frame.fill('[data-testid=client-id]', 'acme');
    await frame.click('[data-testid=add-client-next]');
    await expectText(frame, '[data-testid=client-id-error]', 'Acme Logistics already has this id');
    expect(await frame.getAttribute('[data-testid=client-id]', 'aria-invalid')).toBe('true');
    await expectAccessible(frame, 'adding a client, with its problems');
    await frame.fill('[data-testid=client-id]', 'umbrella');
    await frame.click('[data-testid=add-client-next]');

    await expectText(frame, '[data-testid=roster-editor]', 'Roster of the new client Umbrella Corp.');
    await pickPersonByMouse(frame, 'roster-umbrella-primary', 'Chloe Wilson');
    await pickPersonByMouse(frame, 'roster-umbrella-manager', 'Hannah Becker');
    await frame.click('[data-testid=roster-save]');
    await expectText(frame, '[data-testid=roster-saved]', 'Roster of Umbrella Corp. saved');
    await expectText(frame, '[data-testid=roster-table] tr:has-text("Umbrella Corp.")', 'Chloe Wilson');
    const stored = await configuration(world);
    expect((stored.document as unknown as { clients: unknown[] }).clients).toContainEqual({
      id: 'umbrella',
      name: 'Umbrella Corp.',
    });
    expect(await inForce('umbrella')).toMatchObject({
      primarySpocAccountId: PEOPLE.chloe,
      escalationManagerAccountId: PEOPLE.hannah,
      deliveryTarget: { kind: 'unassigned' },
    });
  });

  it('is offered only to those who keep the rosters', async () => {
    const frame = await openSubpage(world, AS.priya, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    expect(await frame.$('[data-testid=add-client]')).toBeNull();
  });
});

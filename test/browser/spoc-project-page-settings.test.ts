import {
  AS,
  configuration,
  expectAccessible,
  expectText,
  focusTop,
  focused,
  openSubpage,
  pageCall,
  pageData,
  PEOPLE,
  screenshotOf,
  startProjectPageWorld,
  finishProjectPageWorld,
  expectWithinPolicy,
  tabTo,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * Policy and Import/export on the demo configuration: a project administrator changes a response target
 * and exports and imports the whole configuration, by mouse and by keyboard alone; a broken or stale import
 * is refused in the resolver's words and changes nothing; others read the policy and are not offered the
 * export or import.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

describe('Policy', () => {
  it('by mouse: an administrator changes a response target and what a bypass does', async () => {
    const frame = await openSubpage(world, AS.hannah, 'policy');
    await frame.waitForSelector('[data-testid=policy-form]');
    expect(await frame.$('[data-testid=read-only]')).toBeNull();
    await frame.fill('[data-testid=target-Medium]', '300');
    await frame.selectOption('[data-testid=policy-bypass]', 'record');
    await frame.click('[data-testid=policy-save]');
    await expectText(frame, '[data-testid=policy-saved]', 'The policy is saved');
    const { policy } = (await configuration(world)).document;
    expect(policy.responseTargets.byPriority.Medium).toBe(300);
    expect(policy.bypass).toBe('record');

    // The limits are told before anything is sent; a target past them is refused at its own field, in the
    // resolver's words, together with every other problem, and nothing is stored.
    await expectText(frame, '#target-default-helper', '1 to 43,200 working minutes');
    const version = (await configuration(world)).version;
    await frame.fill('[data-testid=target-High]', '50000');
    await frame.fill('[data-testid=policy-at-risk]', '150');
    await frame.click('[data-testid=policy-save]');
    await expectText(frame, '[data-testid=target-High-error]', 'from 1 to 43200');
    await expectText(
      frame,
      '[data-testid=policy-at-risk-error]',
      'At risk is a whole percentage of the target, 1 to 99.',
    );
    expect(await frame.getAttribute('[data-testid=target-High]', 'aria-invalid')).toBe('true');
    expect(await frame.getAttribute('[data-testid=target-High]', 'aria-describedby')).toBe(
      'target-High-error',
    );
    await expectText(frame, '[data-testid=policy-error]', 'Fix each field marked in red');
    // No internal path in anything the person reads.
    expect(await frame.textContent('[data-testid=policy-form]')).not.toMatch(
      /responseTargets|byPriority|atRiskPercent/,
    );
    expect(await frame.$('[data-testid=target-Medium-error]')).toBeNull();
    await expectAccessible(frame, 'the policy with its problems');
    await screenshotOf(world.page, frame, '[data-testid=policy-form]', 'project-page-field-errors');
    expect((await configuration(world)).version).toBe(version);
    await frame.fill('[data-testid=target-High]', '120');
    await frame.fill('[data-testid=policy-at-risk]', '75');
    await frame.click('[data-testid=policy-save]');
    await expectText(frame, '[data-testid=policy-saved]', 'The policy is saved');
    expect(await frame.$('[data-testid=target-High-error]')).toBeNull();
  });

  it('by keyboard alone: an administrator changes a response target and saves', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.sam, 'policy');
    await frame.waitForSelector('[data-testid=policy-form]');
    await focusTop(frame);
    await tabTo(page, frame, 'target-High');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('90');
    await tabTo(page, frame, 'policy-bypass');
    await page.keyboard.press('ArrowDown'); // "give the issue back to its SPOC"
    await tabTo(page, frame, 'policy-save');
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=policy-saved]', 'The policy is saved');
    const { policy } = (await configuration(world)).document;
    expect(policy.responseTargets.byPriority.High).toBe(90);
    expect(policy.bypass).toBe('revert');
  });

  it('shows a SPOC and a developer the policy as text, with nothing that looks editable', async () => {
    for (const who of [AS.priya, AS.ben]) {
      const frame = await openSubpage(world, who, 'policy');
      await expectText(frame, '[data-testid=read-only]', 'read-only');
      await expectText(frame, '[data-testid=target-High]', '90 working minutes');
      await expectText(frame, '[data-testid=policy-bypass]', 'give the issue back to its SPOC');
      expect(
        await frame.$$('[data-testid=policy-form] input, [data-testid=policy-form] select'),
      ).toHaveLength(0);
      expect(await frame.$('[data-testid=policy-save]')).toBeNull();
      await expectAccessible(frame, 'the policy, read-only');
    }
  });
});

describe('Import/export', () => {
  it('by mouse: exports with a download link, refuses broken and stale imports, imports the export back', async () => {
    const frame = await openSubpage(world, AS.sam, 'import-export');
    await frame.click('[data-testid=export-run]');
    const href = (await frame.getAttribute('[data-testid=export-download]', 'href')) ?? '';
    expect(href.startsWith('data:application/json;charset=utf-8,')).toBe(true);
    const downloaded = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
    const exported = await pageData<{ version: number }>(world, 'exportConfiguration', PEOPLE.sam);
    expect(downloaded).toEqual(exported);
    expect(JSON.parse(await frame.inputValue('[data-testid=export-json]'))).toEqual(exported);

    await frame.fill('[data-testid=import-json]', '{ not json');
    await frame.click('[data-testid=import-run]');
    await expectText(frame, '[data-testid=import-error]', 'This is not JSON');

    const broken = { ...downloaded, clients: 'acme' };
    const refusal = await pageCall(world, 'importConfiguration', PEOPLE.sam, {
      document: broken,
      expectedVersion: exported.version,
    });
    if (refusal.ok) throw new Error('The broken document was imported');
    await frame.fill('[data-testid=import-json]', JSON.stringify(broken));
    await frame.click('[data-testid=import-run]'); // the preview
    await frame.click('[data-testid=import-run]'); // the import itself
    await expectText(frame, '[data-testid=import-error]', refusal.error);
    expect((await configuration(world)).version).toBe(exported.version);

    // A file picked from disk; before anything is imported, the page says what it would change.
    const renamed = {
      ...downloaded,
      clients: downloaded.clients.map((c: { id: string; name: string }) =>
        c.id === 'acme' ? { ...c, name: 'Acme Logistics GmbH' } : c,
      ),
      rules: downloaded.rules.filter((r: { id: string }) => r.id !== 'globex-label'),
    };
    await frame.setInputFiles('[data-testid=import-file]', {
      name: 'spoc-configuration.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(renamed)),
    });
    await expectText(frame, '[data-testid=import-file-read]', 'Read spoc-configuration.json');
    await frame.click('[data-testid=import-run]');
    await expectText(frame, '[data-testid=import-changes-clients]', 'changed: Acme Logistics GmbH');
    await expectText(frame, '[data-testid=import-changes-rules]', 'removed: Globex Retail: label globex');
    await expectText(frame, '[data-testid=import-changes-rosters]', 'unchanged');
    await expectText(frame, '[data-testid=import-changes-policy]', 'Policy: unchanged');
    await expectText(frame, '[data-testid=import-run]', 'Import these changes');
    await expectAccessible(frame, 'the import preview');
    await screenshotOf(world.page, frame, '[data-testid=import-changes]', 'project-page-import-preview');
    expect((await configuration(world)).version).toBe(exported.version);

    // The export itself, as it is: nothing changes, and importing it saves a new version.
    await frame.fill('[data-testid=import-json]', JSON.stringify(downloaded));
    await expectText(frame, '[data-testid=import-run]', 'Preview the import');
    await frame.click('[data-testid=import-run]');
    await expectText(frame, '[data-testid=import-changes]', 'The import changes nothing');
    await frame.click('[data-testid=import-run]');
    await expectText(
      frame,
      '[data-testid=import-done]',
      `The configuration is imported (version ${exported.version + 1})`,
    );

    // Someone changes the policy meanwhile: importing on top of the version the page read is refused.
    await expectText(frame, '[data-testid=import-intro]', `now version ${exported.version + 1}`);
    const now = await configuration(world);
    await pageData(world, 'savePolicy', PEOPLE.hannah, {
      policy: now.document.policy,
      expectedVersion: now.version,
    });
    await frame.click('[data-testid=import-run]');
    await expectText(frame, '[data-testid=import-error]', `you edited version ${now.version}`);
    expect((await configuration(world)).version).toBe(now.version + 1);
  });

  it('by keyboard alone: exports, pastes the export into the import and imports it', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.sam, 'import-export');
    await frame.waitForSelector('[data-testid=export-run]');
    const before = await configuration(world);
    await focusTop(frame);
    await tabTo(page, frame, 'export-run');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('[data-testid=export-json]');
    await tabTo(page, frame, 'export-json');
    await page.keyboard.press('Control+A');
    const exported = await frame.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    await tabTo(page, frame, 'import-json');
    // What Control+C and Control+V would carry (headless Chromium keeps no clipboard).
    await page.keyboard.insertText(exported);
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('import-run');
    await page.keyboard.press('Enter'); // what it would change
    await expectText(frame, '[data-testid=import-changes]', 'The import changes nothing');
    expect(await focused(frame)).toBe('import-run');
    await page.keyboard.press('Enter');
    await expectText(
      frame,
      '[data-testid=import-done]',
      `The configuration is imported (version ${before.version + 1})`,
    );
    const { version: _was, ...kept } = before.document as unknown as Record<string, unknown>;
    expect((await configuration(world)).document).toMatchObject(kept);
  });

  it('offers neither export nor import to a SPOC or a developer', async () => {
    for (const who of [AS.priya, AS.ben]) {
      const frame = await openSubpage(world, who, 'import-export');
      await expectText(frame, '[data-testid=read-only]', 'Only project administrators export and import');
      expect(await frame.$('[data-testid=export-run]')).toBeNull();
      expect(await frame.$('[data-testid=import-json]')).toBeNull();
    }
  });
});

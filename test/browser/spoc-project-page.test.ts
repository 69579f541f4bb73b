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
 * The SPOC project page in a real browser, on the app's demo configuration: a SPOC's triage queue, the
 * delivery team's vetted queue with its JQL, and the clients' rosters, which project administrators edit and
 * everyone else reads. Each test signs in itself.
 */
const PRIYA = { email: 'priya.shah@vendor.example', accountId: PEOPLE.priya };
const BEN = { email: 'ben.carter@vendor.example', accountId: PEOPLE.ben };
const SAM = { email: 'sam.patel@vendor.example', accountId: PEOPLE.sam };

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

let site: TestSite;
let browser: TestBrowser;
let page: Page;
let demo: AppDemo;
let base: string;

const issueBy = (accountId: string) => {
  const issue = demo.issues.find((i) => i.reporter === accountId);
  if (!issue) throw new Error(`The app demo files no issue as ${accountId}`);
  return issue;
};

async function resolver<T>(
  moduleKey: 'spoc-panel' | 'spoc-project-page',
  functionKey: string,
  accountId: string,
  payload?: unknown,
  issue?: { key: string; id: string },
): Promise<T> {
  const context =
    moduleKey === 'spoc-panel'
      ? { extension: { issue: { key: issue?.key, id: issue?.id } } }
      : { extension: { project: { key: 'SUP' } } };
  const reply = (await site.forge.invokeResolver({
    moduleKey,
    functionKey,
    payload,
    accountId,
    context,
  })) as Reply<T>;
  if (!reply.ok) throw new Error(`${functionKey} failed: ${reply.error}`);
  return reply.data;
}

async function openSubpage(email: string, route: string): Promise<Frame> {
  await signIn(page, site.url, email, `${base}/${route}`);
  const frame = await moduleFrame(page, 'spoc-project-page');
  await expectText(frame, '[data-testid=page-pathname]', `/${route}`);
  return frame;
}

/** The issue keys a queue table shows, in the order shown. */
const keysIn = (frame: Frame, testId: string) =>
  frame.$$eval(`[data-testid=${testId}] a[data-testid^="issue-"]`, (links) =>
    links.map((a) => a.textContent),
  );

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  demo = await seedAppDemo(site);
  browser = await launchBrowser();
  page = browser.page;
  base = `/jira/software/projects/SUP/apps/${site.forge.appId}/${site.forge.environmentId}`;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('My triage queue', () => {
  it("shows the SPOC the demo issues routed to them, sorts them, and opens one in Jira's issue view", async () => {
    const queue = await resolver<Array<{ issueKey: string }>>(
      'spoc-project-page',
      'getMyQueue',
      PRIYA.accountId,
    );
    const expected = queue.map((i) => i.issueKey);
    expect(expected).toContain(issueBy(PEOPLE.liWei).key);

    const frame = await openSubpage(PRIYA.email, 'triage');
    await frame.waitForSelector('[data-testid=triage-queue] table');
    expect([...(await keysIn(frame, 'triage-queue'))].sort()).toEqual([...expected].sort());
    await expectText(frame, '[data-testid=triage-queue]', 'Acme Logistics');
    await expectText(frame, '[data-testid=triage-queue]', 'Priya Shah');

    // Sorting by issue key, both ways.
    await frame.click('[data-testid=triage-queue] th:has-text("Issue")');
    const ascending = await keysIn(frame, 'triage-queue');
    await frame.click('[data-testid=triage-queue] th:has-text("Issue")');
    expect(await keysIn(frame, 'triage-queue')).toEqual([...ascending].reverse());

    const key = issueBy(PEOPLE.liWei).key;
    await page.mouse.move(0, 0); // the sort button's tooltip would cover the first row
    await frame.click(`[data-testid=issue-${key}]`);
    await page.waitForURL(`${site.url}/browse/${key}`);
  });

  it('tells a person with no client issues that nothing waits for them', async () => {
    const frame = await openSubpage(BEN.email, 'triage');
    await expectText(frame, '[data-testid=triage-queue-empty]', 'Nothing waits for you');
  });
});

describe('Vetted for delivery', () => {
  it('shows the developer an issue once its SPOC accepted it, with the JQL for a board filter', async () => {
    const issue = issueBy(PEOPLE.liWei);
    let frame = await openSubpage(BEN.email, 'vetted');
    await frame.waitForSelector('[data-testid=vetted-queue] table, [data-testid=vetted-queue-empty]');
    expect(await keysIn(frame, 'vetted-queue')).not.toContain(issue.key);
    const jql = await frame.inputValue('[data-testid=vetted-jql]');
    expect(jql).toBe(
      'project = "SUP" AND issue.property[spoc].state = "vetted" ORDER BY issue.property[spoc].vettedAt ASC',
    );

    await resolver(
      'spoc-panel',
      'applyTriageAction',
      PRIYA.accountId,
      { action: 'accept-for-delivery' },
      issue,
    );
    await site.idle();

    frame = await openSubpage(BEN.email, 'vetted');
    await frame.waitForSelector(`[data-testid=vetted-queue] [data-testid=issue-${issue.key}]`);
    await expectText(frame, '[data-testid=vetted-queue]', 'vetted');
    // The JQL finds the same issue in Jira's own search.
    const found = await site.gateway.fetch(
      { kind: 'user', accountId: BEN.accountId },
      {
        method: 'POST',
        url: '/rest/api/3/search/jql',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ jql, fields: ['summary'] }),
      },
    );
    expect(found.status).toBe(200);
    expect((found.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toContain(issue.key);

    await frame.click('[data-testid=copy-jql]');
    await expectText(frame, '[data-testid=copy-status]', 'Copied');
  });
});

describe('Clients & SPOCs', () => {
  it('lets a project administrator change a roster; a stale save shows why it was refused', async () => {
    let frame = await openSubpage(SAM.email, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    expect(await frame.$('[data-testid=read-only]')).toBeNull();
    await expectText(frame, '[data-testid=rules-table]', 'Acme Portal');

    await frame.click('[data-testid=edit-roster-globex]');
    await frame.waitForSelector('[data-testid=roster-primary] option:text-is("Chloe Wilson")', {
      state: 'attached',
    });
    await frame.selectOption('[data-testid=roster-primary]', PEOPLE.chloe);
    await frame.click('[data-testid=roster-save]');
    await expectText(frame, '[data-testid=roster-saved]', 'Roster of Globex');
    await expectText(frame, '[data-testid=roster-table] tr:has-text("Globex")', 'Chloe Wilson');
    const view = await resolver<{ document: { rosters: Array<{ clientId: string; versions: any[] }> } }>(
      'spoc-project-page',
      'getConfiguration',
      SAM.accountId,
    );
    const globex = view.document.rosters.find((r) => r.clientId === 'globex');
    expect(globex?.versions.at(-1)?.primarySpocAccountId).toBe(PEOPLE.chloe);

    // Someone else saves while the editor is open: the page's save is refused in the resolver's words.
    frame = await openSubpage(SAM.email, 'clients');
    await frame.click('[data-testid=edit-roster-acme]');
    await frame.waitForSelector('[data-testid=roster-primary] option:text-is("Chloe Wilson")', {
      state: 'attached',
    });
    const current = await resolver<{ version: number }>(
      'spoc-project-page',
      'getConfiguration',
      SAM.accountId,
    );
    await resolver('spoc-project-page', 'saveRoster', SAM.accountId, {
      clientId: 'initech',
      version: {
        ...(view.document.rosters.find((r) => r.clientId === 'initech')?.versions.at(-1) ?? {}),
        effectiveFrom: undefined,
      },
      expectedVersion: current.version,
    });
    await frame.selectOption('[data-testid=roster-primary]', PEOPLE.chloe);
    await frame.click('[data-testid=roster-save]');
    await expectText(
      frame,
      '[data-testid=roster-error]',
      'The configuration changed while you were editing it',
    );
  });

  it('lets a project administrator add a matching rule, which then routes by it', async () => {
    const frame = await openSubpage(SAM.email, 'clients');
    await frame.click('[data-testid=edit-rules]');
    await frame.selectOption('[data-testid=rule-client]', 'initech');
    await frame.selectOption('[data-testid=rule-kind]', 'label');
    await frame.fill('[data-testid=rule-values]', 'initech-urgent');
    await frame.click('[data-testid=rule-add]');
    await expectText(frame, '[data-testid=rules-list]', 'Initech Health: label initech-urgent');
    await frame.click('[data-testid=rules-save]');
    await expectText(frame, '[data-testid=roster-saved]', 'Matching rules saved');
    await expectText(frame, '[data-testid=rules-table] tr:has-text("initech-urgent")', 'Initech Health');

    const preview = await resolver<{ client: { id: string } | null }>(
      'spoc-project-page',
      'previewRouting',
      SAM.accountId,
      { projectKey: 'SUP', reporterAccountId: PEOPLE.sofia, labels: ['initech-urgent'] },
    );
    expect(preview.client?.id).toBe('initech');
  });

  it('shows people who may not edit the rosters read-only', async () => {
    const frame = await openSubpage(PRIYA.email, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    await expectText(frame, '[data-testid=read-only]', 'read-only');
    await expectText(frame, '[data-testid=roster-table]', 'Acme Logistics');
    expect(await frame.$$('[data-testid^=edit-roster-]')).toHaveLength(0);
    expect(await frame.$('[data-testid=edit-rules]')).toBeNull();
    expect(await frame.$('[data-testid=roster-editor]')).toBeNull();
  });

  it('previews where an issue would go and why', async () => {
    const frame = await openSubpage(PRIYA.email, 'clients');
    const key = issueBy(PEOPLE.aisha).key;
    await frame.fill('[data-testid=preview-issue]', key);
    await frame.click('[data-testid=preview-run]');
    const preview = await resolver<{ spoc: { displayName: string } | null; reasons: string[] }>(
      'spoc-project-page',
      'previewRouting',
      PRIYA.accountId,
      { issueKey: key },
    );
    await expectText(frame, '[data-testid=preview-result]', 'This issue would go to');
    await expectText(frame, '[data-testid=preview-result]', 'Initech Health');
    if (preview.spoc) await expectText(frame, '[data-testid=preview-result]', preview.spoc.displayName);
    await expectText(frame, '[data-testid=preview-result]', preview.reasons[0] ?? '');

    await frame.fill('[data-testid=preview-issue]', 'SUP-9999');
    await frame.click('[data-testid=preview-run]');
    await expectText(frame, '[data-testid=preview-error]', 'SUP-9999');
  });
});

describe('Availability', () => {
  it('lets a SPOC change their own hours, capacity and absences; the resolver refuses a bad time zone', async () => {
    const frame = await openSubpage(PRIYA.email, 'availability');
    await frame.waitForSelector('[data-testid=profile-table] table');
    await expectText(frame, '[data-testid=profile-table]', 'Daniel Okafor');
    await expectText(frame, '[data-testid=profile-table]', 'Conference and travel');

    await frame.fill('[data-testid=profile-zone]', 'Mars/Olympus');
    await frame.click('[data-testid=profile-save]');
    await expectText(frame, '[data-testid=profile-error]', 'Mars/Olympus');

    await frame.fill('[data-testid=profile-zone]', 'Europe/London');
    await frame.fill('[data-testid=profile-hours]', 'mon 08:00-16:00\ntue 08:00-16:00\nbad line');
    await frame.click('[data-testid=profile-save]');
    await expectText(frame, '[data-testid=profile-error]', '"bad line" is not a shift');

    await frame.fill('[data-testid=profile-hours]', 'mon 08:00-16:00\ntue 08:00-16:00');
    await frame.fill('[data-testid=profile-capacity]', '7');
    await frame.fill('[data-testid=away-from]', '2026-12-24');
    await frame.fill('[data-testid=away-until]', '2026-12-28');
    await frame.fill('[data-testid=away-note]', 'Holidays');
    await frame.click('[data-testid=away-add]');
    await expectText(frame, '[data-testid=profile-away]', '2026-12-24');
    await frame.click('[data-testid=profile-save]');
    await expectText(frame, '[data-testid=profile-saved]', 'Your availability is saved');
    await expectText(frame, '[data-testid=profile-table] tr:has-text("Priya Shah")', 'Holidays');

    const mine = await resolver<{
      profile: { capacity: number; workingHours: unknown[]; outOfOffice: any[] };
    }>('spoc-project-page', 'getMyProfile', PRIYA.accountId);
    expect(mine.profile.capacity).toBe(7);
    expect(mine.profile.workingHours).toEqual([
      { day: 'mon', start: '08:00', end: '16:00' },
      { day: 'tue', start: '08:00', end: '16:00' },
    ]);
    expect(mine.profile.outOfOffice.map((o) => o.note)).toEqual(['Holidays']);
  });

  it('shows someone who is not a SPOC every profile and nothing to edit', async () => {
    const frame = await openSubpage(BEN.email, 'availability');
    await frame.waitForSelector('[data-testid=profile-table] table');
    await expectText(frame, '[data-testid=not-a-spoc]', 'no SPOC profile');
    expect(await frame.$('[data-testid=profile-editor]')).toBeNull();
  });
});

describe('Policy', () => {
  it('lets a project administrator change a response target, and shows others the policy read-only', async () => {
    let frame = await openSubpage(SAM.email, 'policy');
    await frame.waitForSelector('[data-testid=policy-form]');
    await frame.fill('[data-testid=target-Medium]', '300');
    await frame.click('[data-testid=policy-save]');
    await expectText(frame, '[data-testid=policy-saved]', 'The policy is saved');
    const view = await resolver<{ document: { policy: any } }>(
      'spoc-project-page',
      'getConfiguration',
      SAM.accountId,
    );
    expect(view.document.policy.responseTargets.byPriority.Medium).toBe(300);

    frame = await openSubpage(PRIYA.email, 'policy');
    await frame.waitForSelector('[data-testid=policy-form]');
    await expectText(frame, '[data-testid=read-only]', 'read-only');
    expect(await frame.inputValue('[data-testid=target-Medium]')).toBe('300');
    expect(await frame.$eval('[data-testid=target-Medium]', (i) => (i as HTMLInputElement).readOnly)).toBe(
      true,
    );
    expect(await frame.$('[data-testid=policy-save]')).toBeNull();
  });
});

describe('Import/export', () => {
  it('exports the configuration with a download link and imports it back, showing what the app refuses', async () => {
    const frame = await openSubpage(SAM.email, 'import-export');
    await frame.click('[data-testid=export-run]');
    const href = (await frame.getAttribute('[data-testid=export-download]', 'href')) ?? '';
    expect(href.startsWith('data:application/json;charset=utf-8,')).toBe(true);
    const downloaded = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
    const exported = await resolver<Record<string, unknown>>(
      'spoc-project-page',
      'exportConfiguration',
      SAM.accountId,
    );
    expect(downloaded).toEqual(exported);
    expect(JSON.parse(await frame.inputValue('[data-testid=export-json]'))).toEqual(exported);

    await frame.fill('[data-testid=import-json]', '{ not json');
    await frame.click('[data-testid=import-run]');
    await expectText(frame, '[data-testid=import-error]', 'This is not JSON');

    await frame.fill('[data-testid=import-json]', JSON.stringify({ ...downloaded, clients: 'acme' }));
    await frame.click('[data-testid=import-run]');
    await frame.waitForSelector('[data-testid=import-error]:not(:text("This is not JSON"))');
    const refusal = await resolver<unknown>('spoc-project-page', 'importConfiguration', SAM.accountId, {
      document: { ...downloaded, clients: 'acme' },
      expectedVersion: (exported as { version: number }).version,
    }).then(
      () => '',
      (error: Error) => error.message.replace('importConfiguration failed: ', ''),
    );
    expect(refusal).not.toBe('');
    await expectText(frame, '[data-testid=import-error]', refusal);

    await frame.fill('[data-testid=import-json]', JSON.stringify(downloaded));
    await frame.click('[data-testid=import-run]');
    await expectText(frame, '[data-testid=import-done]', 'The configuration is imported');
  });

  it('does not offer the import to people who may not change the configuration', async () => {
    const frame = await openSubpage(PRIYA.email, 'import-export');
    await expectText(frame, '[data-testid=read-only]', 'Only project administrators');
    expect(await frame.$('[data-testid=import-json]')).toBeNull();
  });
});

describe('Escalations and Reports', () => {
  const HANNAH = { email: 'hannah.becker@vendor.example', accountId: PEOPLE.hannah };

  async function search(jql: string): Promise<Array<{ key: string; properties: { spoc?: any } }>> {
    const found = await site.gateway.fetch(
      { kind: 'user', accountId: HANNAH.accountId },
      {
        method: 'POST',
        url: '/rest/api/3/search/jql',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ jql, properties: ['spoc'], maxResults: 100 }),
      },
    );
    expect(found.status).toBe(200);
    return (found.body as { issues: Array<{ key: string; properties: { spoc?: any } }> }).issues;
  }

  it('lists an issue once it is escalated, with its level', async () => {
    const issue = issueBy(PEOPLE.peter);
    let frame = await openSubpage(HANNAH.email, 'escalations');
    await frame.waitForSelector('[data-testid=escalations] table, [data-testid=escalations-empty]');
    expect(await keysIn(frame, 'escalations')).not.toContain(issue.key);

    await resolver(
      'spoc-panel',
      'applyTriageAction',
      PRIYA.accountId,
      { action: 'escalate', reason: 'Needs the clinic team' },
      issue,
    );
    await site.idle();

    frame = await openSubpage(HANNAH.email, 'escalations');
    await frame.waitForSelector(`[data-testid=escalations] [data-testid=issue-${issue.key}]`);
    const level = (await search(`key = ${issue.key}`))[0]?.properties.spoc?.escalationLevel;
    expect(level).toBeGreaterThan(0);
    await expectText(frame, `[data-testid=escalations] tr:has-text("${issue.key}")`, `level ${level}`);
  });

  it("draws the project's client issues by state and by client, as Jira's search counts them", async () => {
    const issues = await search('project = "SUP" AND issue.property[spoc].clientId IS NOT EMPTY');
    const acme = issues.filter((i) => i.properties.spoc?.clientId === 'acme').length;
    const awaiting = issues.filter((i) => i.properties.spoc?.state === 'awaiting-spoc').length;
    expect(issues.length).toBeGreaterThan(0);

    const frame = await openSubpage(HANNAH.email, 'reports');
    await expectText(frame, '[data-testid=reports-intro]', `${issues.length} client issue`);
    const values = async (chart: string): Promise<Record<string, number>> =>
      frame.$$eval(`[data-testid=${chart}] g[data-label]`, (bars) =>
        Object.fromEntries(
          bars.map((g) => [g.getAttribute('data-label') ?? '', Number(g.getAttribute('data-value'))]),
        ),
      );
    const byState = await values('chart-state');
    expect(Object.values(byState).reduce((a, b) => a + b, 0)).toBe(issues.length);
    expect(byState['awaiting SPOC'] ?? 0).toBe(awaiting);
    expect((await values('chart-client'))['Acme Logistics']).toBe(acme);
    const label = await frame.getAttribute('[data-testid=chart-client] svg', 'aria-label');
    expect(label).toContain(`Acme Logistics ${acme}`);
  });
});

describe('keyboard and accessibility', () => {
  const focused = (frame: Frame) =>
    frame.evaluate(
      () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? '',
    );
  const tabTo = async (frame: Frame, wanted: (f: string) => boolean) => {
    for (let i = 0; i < 60 && !wanted(await focused(frame)); i++) await page.keyboard.press('Tab');
    expect(wanted(await focused(frame))).toBe(true);
  };

  it('works by keyboard: sort a queue, open an issue, edit a roster and cancel with Escape', async () => {
    let frame = await openSubpage(SAM.email, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    await frame.evaluate(() => document.body.focus());
    await tabTo(frame, (f) => f === 'edit-roster-acme');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('[data-testid=roster-primary]:focus');
    await page.keyboard.press('Escape');
    await frame.waitForSelector('[data-testid=roster-editor]', { state: 'detached' });

    frame = await openSubpage(PRIYA.email, 'triage');
    await frame.waitForSelector('[data-testid=triage-queue] table');
    await frame.evaluate(() => document.body.focus());
    await tabTo(frame, (f) => f.startsWith('issue-'));
    const key = (await focused(frame)).slice('issue-'.length);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/browse/${key}`);
  });

  it('has no serious accessibility violations, in light and dark theme', async () => {
    for (const route of [
      'triage',
      'vetted',
      'escalations',
      'clients',
      'availability',
      'policy',
      'reports',
      'import-export',
    ]) {
      const frame = await openSubpage(SAM.email, route);
      await frame.waitForSelector(
        'table, [data-testid$=-empty], [data-testid=export-run], [data-testid=reports-intro]',
      );
      // The forms too: the roster and rules editors, the profile editor, the exported JSON.
      if (route === 'clients') {
        await frame.click('[data-testid=edit-roster-acme]');
        await frame.click('[data-testid=edit-rules]');
        await frame.waitForSelector('[data-testid=rules-editor]');
      }
      if (route === 'import-export') await frame.click('[data-testid=export-run]');
      expect(await seriousAxeViolations(frame)).toEqual([]);
    }
    const editor = await openSubpage(PRIYA.email, 'availability');
    await editor.waitForSelector('[data-testid=profile-editor]');
    expect(await seriousAxeViolations(editor)).toEqual([]);
    const frame = await openSubpage(PRIYA.email, 'triage');
    await frame.waitForSelector('[data-testid=triage-queue] table');
    const colorMode = () => frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'));
    expect(await colorMode()).toBe('light');
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await screenshot(page, 'project-page-light');

    await page.click('[data-action=theme-toggle]');
    expect(await colorMode()).toBe('dark');
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await screenshot(page, 'project-page-dark');
    await page.click('[data-action=theme-toggle]');
  });
});

import type { Frame } from 'playwright-core';
import {
  AS,
  expectText,
  focusTop,
  focused,
  openSubpage,
  pageData,
  PEOPLE,
  startProjectPageWorld,
  finishProjectPageWorld,
  expectWithinPolicy,
  tabTo,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * The SPOC project page's queues and what each role sees, on the app's demo configuration: a SPOC sorts and
 * pages their triage queue and opens an issue, by mouse and by keyboard alone; the delivery team sees vetted
 * issues with the JQL for a board; managers see escalations and reports; developers read the configuration;
 * a client is told the pages are not for them. Editing: spoc-project-page-{clients,availability,settings}.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

const issueBy = (accountId: string) => {
  const issue = world.demo.issues.find((i) => i.reporter === accountId);
  if (!issue) throw new Error(`The app demo files no issue as ${accountId}`);
  return issue;
};

/** The issue keys a queue table shows, in the order shown. */
const keysIn = async (frame: Frame, testId: string) =>
  (await frame.$$eval(`[data-testid=${testId}] a[data-testid^="issue-"]`, (links) =>
    links.map((a) => a.textContent ?? ''),
  )) as string[];

const byNumber = (keys: readonly string[]) =>
  [...keys].sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));

describe('My triage queue', () => {
  let expected: string[];

  beforeAll(async () => {
    // Enough Acme issues for Priya that her queue takes two pages of ten.
    const { profile, version } = await pageData<{ profile: Record<string, unknown>; version: number }>(
      world,
      'getMyProfile',
      PEOPLE.priya,
    );
    await pageData(world, 'saveProfile', PEOPLE.priya, {
      profile: { ...profile, capacity: 40 },
      expectedVersion: version,
    });
    for (let n = 1; n <= 10; n++) {
      const created = await world.site.as(AS.liWei).post('/rest/api/3/issue', {
        fields: {
          project: { key: 'SUP' },
          issuetype: { name: 'Bug' },
          summary: `Tracking export ${n} fails`,
          components: [{ name: 'Acme Portal' }],
        },
      });
      expect(created.status).toBe(201);
    }
    await world.site.idle();
    const queue = await pageData<Array<{ issueKey: string }>>(world, 'getMyQueue', PEOPLE.priya);
    expected = queue.map((i) => i.issueKey);
    expect(expected.length).toBeGreaterThan(10);
  }, 60_000);

  it('by mouse: sorts by issue both ways, pages through, and opens an issue in Jira’s issue view', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.priya, 'triage');
    await frame.waitForSelector('[data-testid=triage-queue] table');
    await expectText(frame, '[data-testid=triage-queue]', 'Acme Logistics');

    await frame.click('[data-testid=triage-queue] th:has-text("Issue")');
    const firstPage = await keysIn(frame, 'triage-queue');
    expect(firstPage).toEqual(byNumber(expected).slice(0, 10));
    await frame.getByRole('button', { name: /^page 2$/i }).click();
    const secondPage = await keysIn(frame, 'triage-queue');
    expect(secondPage).toEqual(byNumber(expected).slice(10, 20));
    await frame.getByRole('button', { name: /^page 1$/i }).click();
    await frame.click('[data-testid=triage-queue] th:has-text("Issue")');
    expect(await keysIn(frame, 'triage-queue')).toEqual(byNumber(expected).reverse().slice(0, 10));

    const key = issueBy(PEOPLE.liWei).key;
    if (!(await keysIn(frame, 'triage-queue')).includes(key)) {
      await frame.getByRole('button', { name: /^page 2$/i }).click();
    }
    await page.mouse.move(0, 0); // the sort button's tooltip would cover the first row
    await frame.click(`[data-testid=issue-${key}]`);
    await page.waitForURL(`${world.site.url}/browse/${key}`);
  });

  it('by keyboard alone: sorts, goes to the second page and opens an issue', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.priya, 'triage');
    await frame.waitForSelector('[data-testid=triage-queue] table');
    await focusTop(frame);
    await tabTo(page, frame, (f) => f.startsWith('Issue'));
    await page.keyboard.press('Enter');
    await frame.waitForFunction(
      () =>
        document.querySelector('[data-testid=triage-queue] th[aria-sort]')?.getAttribute('aria-sort') !==
        'none',
    );
    expect(await keysIn(frame, 'triage-queue')).toEqual(byNumber(expected).slice(0, 10));
    await tabTo(page, frame, '2');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(
      (first) =>
        document.querySelector('[data-testid=triage-queue] a[data-testid^="issue-"]')?.textContent !== first,
      byNumber(expected)[0],
    );
    expect(await keysIn(frame, 'triage-queue')).toEqual(byNumber(expected).slice(10, 20));
    await focusTop(frame);
    await tabTo(page, frame, (f) => f.startsWith('issue-'));
    const key = (await focused(frame)).slice('issue-'.length);
    expect(byNumber(expected).slice(10, 20)).toContain(key);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${world.site.url}/browse/${key}`);
  });

  it('tells a developer with no client issues that nothing waits for them', async () => {
    const frame = await openSubpage(world, AS.ben, 'triage');
    await expectText(frame, '[data-testid=triage-queue-empty]', 'Nothing waits for you');
  });
});

describe('Vetted for delivery', () => {
  it('shows the developer an issue once its SPOC accepted it, with the JQL for a board filter', async () => {
    const issue = issueBy(PEOPLE.liWei);
    let frame = await openSubpage(world, AS.ben, 'vetted');
    await frame.waitForSelector('[data-testid=vetted-queue] table, [data-testid=vetted-queue-empty]');
    expect(await keysIn(frame, 'vetted-queue')).not.toContain(issue.key);
    const jql = await frame.inputValue('[data-testid=vetted-jql]');
    expect(jql).toBe(
      'project = "SUP" AND issue.property[spoc].state = "vetted" ORDER BY issue.property[spoc].vettedAt ASC',
    );

    const accepted = await world.site.forge.invokeResolver({
      moduleKey: 'spoc-panel',
      functionKey: 'applyTriageAction',
      payload: { action: 'accept-for-delivery' },
      accountId: PEOPLE.priya,
      context: { extension: { issue: { key: issue.key, id: issue.id } } },
    });
    expect(accepted).toMatchObject({ ok: true });
    await world.site.idle();

    frame = await openSubpage(world, AS.ben, 'vetted');
    await frame.waitForSelector(`[data-testid=vetted-queue] [data-testid=issue-${issue.key}]`);
    await expectText(frame, '[data-testid=vetted-queue]', 'vetted');
    const found = await world.site.as(AS.ben).post('/rest/api/3/search/jql', { jql, fields: ['summary'] });
    expect(found.status).toBe(200);
    expect((found.body as { issues: Array<{ key: string }> }).issues.map((i) => i.key)).toContain(issue.key);

    await frame.click('[data-testid=copy-jql]');
    await expectText(frame, '[data-testid=copy-status]', 'Copied');
  });
});

describe('Escalations and Reports', () => {
  async function search(jql: string): Promise<Array<{ key: string; properties: { spoc?: any } }>> {
    const found = await world.site.as(AS.hannah).post('/rest/api/3/search/jql', {
      jql,
      properties: ['spoc'],
      maxResults: 100,
    });
    expect(found.status).toBe(200);
    return (found.body as { issues: Array<{ key: string; properties: { spoc?: any } }> }).issues;
  }

  it('lists an issue once it is escalated, with its level', async () => {
    const issue = issueBy(PEOPLE.peter);
    let frame = await openSubpage(world, AS.hannah, 'escalations');
    await frame.waitForSelector('[data-testid=escalations] table, [data-testid=escalations-empty]');
    expect(await keysIn(frame, 'escalations')).not.toContain(issue.key);

    const context = { extension: { issue: { key: issue.key, id: issue.id } } };
    const view = (await world.site.forge.invokeResolver({
      moduleKey: 'spoc-panel',
      functionKey: 'getSpocView',
      accountId: PEOPLE.hannah,
      context,
    })) as { ok: true; data: { spoc: { accountId: string } } };
    const escalated = await world.site.forge.invokeResolver({
      moduleKey: 'spoc-panel',
      functionKey: 'applyTriageAction',
      payload: { action: 'escalate', reason: 'Needs the clinic team' },
      accountId: view.data.spoc.accountId,
      context,
    });
    expect(escalated).toMatchObject({ ok: true });
    await world.site.idle();

    frame = await openSubpage(world, AS.hannah, 'escalations');
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

    const frame = await openSubpage(world, AS.hannah, 'reports');
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

describe('what each role sees', () => {
  it('shows a SPOC the rosters and rules read-only, with the routing preview', async () => {
    const frame = await openSubpage(world, AS.priya, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    await expectText(frame, '[data-testid=read-only]', 'read-only');
    await expectText(frame, '[data-testid=roster-table]', 'Acme Logistics');
    expect(await frame.$$('[data-testid^=edit-roster-]')).toHaveLength(0);
    expect(await frame.$('[data-testid=edit-rules]')).toBeNull();
    await frame.waitForSelector('[data-testid=preview-form]');
  });

  it('shows a developer the configuration read-only, without the preview only SPOCs and managers may run', async () => {
    const frame = await openSubpage(world, AS.ben, 'clients');
    await frame.waitForSelector('[data-testid=roster-table] table');
    await expectText(frame, '[data-testid=read-only]', 'read-only');
    expect(await frame.$$('[data-testid^=edit-roster-]')).toHaveLength(0);
    expect(await frame.$('[data-testid=preview-form]')).toBeNull();
  });

  it('tells a client the pages are for the SPOC team, and shows nothing of the configuration', async () => {
    for (const route of ['triage', 'clients', 'availability', 'reports']) {
      const frame = await openSubpage(world, AS.liWei, route);
      await expectText(
        frame,
        '[data-testid=not-for-you]',
        'are for SPOCs, the delivery team and project administrators',
      );
      expect(await frame.$('[data-testid=subpage-error]')).toBeNull();
      expect(await frame.$('table')).toBeNull();
    }
    // And the resolver refuses her the configuration itself.
    const refused = await world.site.forge.invokeResolver({
      moduleKey: 'spoc-project-page',
      functionKey: 'getConfiguration',
      accountId: PEOPLE.liWei,
      context: { extension: { project: { key: 'SUP' } } },
    });
    expect(refused).toMatchObject({ ok: false });
  });
});

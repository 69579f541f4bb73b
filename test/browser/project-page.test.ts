import type { Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { startTestSite, type TestSite } from '../support/site';
import {
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  launchBrowser,
  moduleFrame,
  restAs,
  screenshot,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from '../support/browser';

/**
 * The app's project page at Jira's URL: the unmodified bundle gets the project from getContext, its
 * resolver's count through invoke, the project from requestJira, and moves between the manifest's subpages
 * with view.createHistory() (from the shell's side navigation and from links in the page) while the shell's
 * URL and side navigation follow. Each test signs in itself.
 */
const HANNAH = { email: 'hannah.becker@vendor.example', accountId: '5b10a2844c20165700ede009' };

let site: TestSite;
let browser: TestBrowser;
let page: Page;
let base: string;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  browser = await launchBrowser();
  page = browser.page;
  base = `/jira/software/projects/SUP/apps/${site.forge.appId}/${site.forge.environmentId}`;
}, 60_000);

afterEach(() => expectNoCspRefusals(browser));
afterAll(async () => {
  site?.conformance.expectNoViolations();
  try {
    await browser?.close();
  } finally {
    await site?.close();
  }
});

it('is linked from the home page at /jira/software/projects/{key}/apps/{appId}/{envId}', async () => {
  await signIn(page, site.url, HANNAH.email, '/');
  const href = await page.getAttribute('[data-testid=projects] a[href*="/projects/SUP/apps/"]', 'href');
  expect(href).toBe(base);
  expect(href).toMatch(/\/apps\/[^/]+\/[0-9a-f-]{36}$/);
});

it('opens on a subpage with the context, resolver reply and Jira data of that project', async () => {
  await signIn(page, site.url, HANNAH.email, `${base}/triage`);
  const frame = await moduleFrame(page, 'spoc-project-page');
  await expectText(frame, '[data-testid=page-title]', 'My triage queue');
  await frame.waitForSelector('main[data-pathname="/triage"]');
  await expectText(frame, '[data-testid=page-project]', 'Client Support (SUP)');
  // The page speaks of the project, not of account ids.
  expect(await frame.textContent('main')).not.toContain(HANNAH.accountId);
  const { count } = await restAs<{ count: number }>(
    site.url,
    HANNAH.email,
    'POST',
    '/rest/api/3/search/approximate-count',
    {
      jql: 'project = "SUP" AND statusCategory != Done',
    },
  );
  await expectText(frame, '[data-testid=page-overview]', `${count} open issue`);
  expect(await page.getAttribute('.sidenav a[aria-current=page]', 'href')).toBe(`${base}/triage`);
});

it('moves between subpages through the frame history, without reloading the frame', async () => {
  await signIn(page, site.url, HANNAH.email, `${base}/triage`);
  const frame = await moduleFrame(page, 'spoc-project-page');
  await expectText(frame, '[data-testid=page-title]', 'My triage queue');
  await frame.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));

  await page.click('.sidenav a:text-is("Escalations")');
  await expectText(frame, '[data-testid=page-title]', 'Escalations');
  expect(page.url()).toBe(`${site.url}${base}/escalations`);

  // A link in the page moves the frame's history the same way.
  await frame.getByRole('link', { name: 'Response targets are set under Policy.' }).click();
  await frame.waitForSelector('main[data-pathname="/policy"]');
  await expectText(frame, '[data-testid=page-title]', 'Policy');
  expect(page.url()).toBe(`${site.url}${base}/policy`);
  expect(await page.getAttribute('.sidenav a[aria-current=page]', 'href')).toBe(`${base}/policy`);

  await page.goBack();
  await expectText(frame, '[data-testid=page-title]', 'Escalations');
  expect(page.url()).toBe(`${site.url}${base}/escalations`);
  await page.click('.sidenav a:text-is("Reports")');
  await expectText(frame, '[data-testid=page-title]', 'Reports');
  expect(page.url()).toBe(`${site.url}${base}/reports`);
  await page.goBack();
  await page.goBack();
  await expectText(frame, '[data-testid=page-title]', 'My triage queue');
  expect(await frame.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
  await screenshot(page, 'project-page');
});

it('answers a wrong app or environment in the URL with Not found', async () => {
  await signIn(page, site.url, HANNAH.email, '/');
  const response = await page.goto(`${site.url}/jira/software/projects/SUP/apps/not-this-app/nor-this-env`);
  expect(response?.status()).toBe(404);
  await expectText(page, '[data-testid=page-error]', 'No project page of app not-this-app');
});

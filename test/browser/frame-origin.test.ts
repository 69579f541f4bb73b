import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { seedAppDemo } from '../../local/seed/app-demo';
import { PEOPLE } from '../../local/seed/demo';
import {
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  gadgetView,
  launchBrowser,
  moduleFrame,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from '../support/browser';
import { startTestSite, type TestSite } from '../support/site';

/**
 * Custom UI frames on their own origin, as on Atlassian's CDN: every module's frame is on the resources
 * origin, not its page's, and reaches the page by postMessage only; the resources origin serves nothing
 * but the app's files; a page opened at 127.0.0.1 gets frames and avatars at 127.0.0.1; the host answers
 * only the frames it mounted.
 */
const SAM = 'sam.patel@vendor.example';
const HANNAH = 'hannah.becker@vendor.example';
const PRIYA = 'priya.shah@vendor.example';

type Bridge = { callBridge(command: string, payload?: unknown): Promise<unknown> };

let site: TestSite;
let browser: TestBrowser;
let page: Page;
let projectPage: string;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  await seedAppDemo(site);
  browser = await launchBrowser();
  page = browser.page;
  projectPage = `/jira/software/projects/SUP/apps/${site.forge.appId}/${site.forge.environmentId}`;
}, 90_000);

afterEach(() => expectNoCspRefusals(browser));
afterAll(async () => {
  site?.conformance.expectNoViolations();
  try {
    await browser?.close();
  } finally {
    await site?.close();
  }
});

/** What a frame sees of where it is: its origin, and whether it can reach into its page. */
const whereIs = (frame: Frame) =>
  frame.evaluate(() => {
    let parentDocument: string;
    try {
      parentDocument = window.parent.document.title;
    } catch {
      parentDocument = 'out of reach';
    }
    return { origin: window.location.origin, parentDocument };
  });

describe('every module’s frame is on the resources origin, not its page’s', () => {
  it.each([
    ['the issue panel', PRIYA, '/browse/SUP-1', 'spoc-panel'],
    ['the project page', SAM, 'project page', 'spoc-project-page'],
    ['a dashboard gadget', HANNAH, '/jira/dashboards/10000', 'spoc-workload-gadget'],
  ])('%s', async (_what, who, path, moduleKey) => {
    await signIn(page, site.url, who, path === 'project page' ? `${projectPage}/triage` : path);
    const frame =
      moduleKey === 'spoc-workload-gadget'
        ? await gadgetView(page, moduleKey)
        : await moduleFrame(page, moduleKey);
    const pageOrigin = await page.evaluate(() => window.location.origin);
    expect(pageOrigin).toBe(site.url);
    expect(await whereIs(frame)).toEqual({ origin: site.resourcesUrl, parentDocument: 'out of reach' });
    expect(site.resourcesUrl).not.toBe(site.url);
    // The bridge still answers across the two origins, with the context the page rendered.
    const context = (await frame.evaluate(() =>
      (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('getContext'),
    )) as { moduleKey: string; extension: { location: string } };
    expect(context.moduleKey).toBe(moduleKey);
    expect(context.extension.location.startsWith(site.url)).toBe(true);
  });

  it('themes the frame from a message: the frame sets the theme and its token sheet on its own document', async () => {
    await signIn(page, site.url, PRIYA, '/browse/SUP-1');
    const panel = await moduleFrame(page, 'spoc-panel');
    await panel.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
    const theme = await panel.evaluate(() => ({
      theme: document.documentElement.getAttribute('data-theme'),
      sheet: (document.getElementById('forge-host-theme') as HTMLLinkElement | null)?.href,
    }));
    expect(theme).toEqual({
      theme: 'dark:dark light:light spacing:spacing typography:typography shape:shape',
      sheet: `${site.resourcesUrl}/local/web/theme.css`,
    });
  });

  it('carries functions as callbacks: a flag action clicked in the page runs in the frame', async () => {
    await signIn(page, site.url, PRIYA, '/browse/SUP-1');
    const panel = await moduleFrame(page, 'spoc-panel');
    await panel.evaluate(() => {
      const w = window as unknown as { __bridge: Bridge; undone?: number };
      return w.__bridge.callBridge('showFlag', {
        id: 'undo-test',
        title: 'Vetted',
        actions: [{ text: 'Undo', onClick: () => (w.undone = (w.undone ?? 0) + 1) }],
      });
    });
    await page.click('#flags .flag:has-text("Vetted") button:text("Undo")');
    await panel.waitForFunction(() => (window as unknown as { undone?: number }).undone === 1);
  });
});

describe('a page opened at 127.0.0.1', () => {
  it('gets its frames and the avatars in them at 127.0.0.1, under the policy', async () => {
    const loopback = site.url.replace('localhost', '127.0.0.1');
    await signIn(page, loopback, SAM, `${projectPage}/clients`);
    const frame = await moduleFrame(page, 'spoc-project-page');
    await frame.waitForSelector('main[data-pathname="/clients"]');
    expect((await whereIs(frame)).origin).toBe(site.resourcesUrl.replace('localhost', '127.0.0.1'));
    await frame.click('[data-testid=edit-roster-globex]');
    await expectText(frame, '[data-testid=roster-primary]', 'Daniel Okafor');
    // The avatar Jira answered is on the host the page was opened on, and it loaded.
    const avatar = frame.locator(
      `[data-testid=roster-primary] img[src*="/local/avatars/user/${PEOPLE.daniel}"]`,
    );
    await avatar.waitFor();
    expect(await avatar.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/local\/avatars\//);
    await frame.waitForFunction(
      (id) =>
        [...document.querySelectorAll<HTMLImageElement>('img')].some(
          (img) => img.src.includes(id) && img.complete && img.naturalWidth > 0,
        ),
      PEOPLE.daniel,
    );
  });
});

describe('the resources origin', () => {
  it('serves the app’s Custom UI and the bridge, never Jira’s REST API, pages or control API', async () => {
    const cookie = await (async () => {
      const response = await fetch(`${site.url}/local/login?as=${encodeURIComponent(PRIYA)}&next=%2F`, {
        redirect: 'manual',
      });
      return response.headers.get('set-cookie')?.split(';')[0] ?? '';
    })();
    const basic = `Basic ${Buffer.from(`${PRIYA}:x`).toString('base64')}`;
    const get = async (origin: string, path: string) =>
      (await fetch(`${origin}${path}`, { headers: { cookie, authorization: basic } })).status;

    expect(await get(site.resourcesUrl, '/local/resources/spoc-panel/index.html')).toBe(200);
    expect(await get(site.resourcesUrl, '/local/web/frame-bridge.js')).toBe(200);
    expect(await get(site.resourcesUrl, '/local/web/theme.css')).toBe(200);
    for (const path of [
      '/rest/api/3/myself',
      '/',
      '/browse/SUP-1',
      '/local/api/seed',
      '/local/web/shell.js',
      `/local/avatars/user/${PEOPLE.priya}`,
    ])
      expect([path, await get(site.resourcesUrl, path)]).toEqual([path, 404]);
    const write = await fetch(`${site.resourcesUrl}/local/bridge/invoke`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(write.status).toBe(405);
    // Jira's origin no longer serves the frames: no page could frame them on its own origin.
    expect(await get(site.url, '/local/resources/spoc-panel/index.html')).toBe(404);
    expect(await get(site.url, '/local/web/frame-bridge.js')).toBe(404);
  });

  it('answers only the frames the host mounted: a frame a page adds itself gets nothing', async () => {
    await signIn(page, site.url, PRIYA, '/browse/SUP-1');
    const mounted = await moduleFrame(page, 'spoc-panel');
    await page.evaluate(
      (src) =>
        new Promise((loaded) => {
          const stray = document.createElement('iframe');
          stray.name = 'stray';
          stray.addEventListener('load', loaded, { once: true });
          stray.src = src;
          document.body.append(stray);
        }),
      `${site.resourcesUrl}/local/resources/spoc-panel/index.html`,
    );
    const stray = page.frames().find((f) => f.name() === 'stray') as Frame;
    const ask = (frame: Frame) =>
      frame.evaluate(() =>
        Promise.race([
          (globalThis as unknown as { __bridge: Bridge }).__bridge
            .callBridge('getContext')
            .then((c) => (c as { moduleKey: string }).moduleKey),
          new Promise((resolve) => setTimeout(() => resolve('no answer'), 1000)),
        ]),
      );
    expect(await ask(stray)).toBe('no answer');
    expect(await ask(mounted)).toBe('spoc-panel');
  });
});

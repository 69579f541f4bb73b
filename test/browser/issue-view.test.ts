import type { Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import { startTestSite, type TestSite } from '../support/site';
import {
  cspRefusals,
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  launchBrowser,
  moduleFrame,
  screenshot,
  sessionCookieOf,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from '../support/browser';

/**
 * The issue view in a real browser: the app's issue panel runs its unmodified Custom UI bundle, and its
 * getContext, invoke and requestJira calls reach the local site through the bridge host. Also the user
 * switcher, filing an issue as a client that a SPOC then sees, and the bridge's trust boundary: the site,
 * not the frame, decides the resolver's context and who a product request runs as. Every test signs in
 * itself and uses issues no other test changes, so any one of them runs alone.
 */
const PRIYA = {
  email: 'priya.shah@vendor.example',
  name: 'Priya Shah',
  accountId: '5b10a2844c20165700ede001',
};
const LI_WEI = { email: 'li.wei@acme.example', name: 'Li Wei' };
const SAM = { email: 'sam.patel@vendor.example' };

type Bridge = { callBridge(command: string, payload?: unknown): Promise<unknown> };

let site: TestSite;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  await ensureCustomUiBuilt();
  site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  browser = await launchBrowser();
  page = browser.page;
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

describe('issue view', () => {
  it("shows the issue panel with the page's context and its resolver's answer for the signed-in person", async () => {
    const before = site.forge.invocations().length;
    await signIn(page, site.url, PRIYA.email, '/browse/SUP-1');
    await expectText(page, '[data-testid=signed-in-as]', PRIYA.name);
    const panel = await moduleFrame(page, 'spoc-panel');
    // getContext names the issue; invoke('getSpocView') ran the resolver (the app is not configured on
    // this site, so it routed nothing and says so).
    await expectText(panel, '[data-testid=panel-issue]', 'SUP-1');
    await expectText(panel, '[data-testid=panel-not-routed]', 'did not route this issue');
    const calls = site.forge
      .invocations()
      .slice(before)
      .filter((i) => i.moduleKey === 'spoc-panel' && i.resolverFunction === 'getSpocView');
    expect(calls.map((i) => i.accountId)).toEqual([PRIYA.accountId]);
    // The frame grows with its content instead of keeping the default height.
    const height = await page.$eval(
      'iframe[data-module-key=spoc-panel]',
      (f) => f.getBoundingClientRect().height,
    );
    expect(height).toBeGreaterThan(120);
  });

  it("adds a comment through the REST API; the panel's invoke then answers for the frame's own issue", async () => {
    // SUP-3 is this test's own issue: the others expect an issue the app has not seen events of.
    await signIn(page, site.url, PRIYA.email, '/browse/SUP-3');
    await page.fill('form[data-action=comment] textarea', 'Looking at it now.');
    await Promise.all([
      page.waitForEvent('load'),
      page.click('form[data-action=comment] button[type=submit]'),
    ]);
    await expectText(page, '.comment:last-of-type', 'Looking at it now.');
    await site.idle();
    await page.reload();
    const panel = await moduleFrame(page, 'spoc-panel');
    await expectText(panel, '[data-testid=panel-issue]', 'SUP-3');
    // The bundle's invoke goes through the bridge host, with the context of this frame.
    const view = (await panel.evaluate(() =>
      (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('invoke', {
        functionKey: 'getSpocView',
      }),
    )) as { ok: boolean; data: { issueKey: string } | null };
    expect(view).toMatchObject({ ok: true, data: { issueKey: 'SUP-3' } });
    await screenshot(page, 'issue-view');
  });

  it('rejects a bridge command the site does not support, with a clear error', async () => {
    await signIn(page, site.url, PRIYA.email, '/browse/SUP-1');
    const panel = await moduleFrame(page, 'spoc-panel');
    const outcome = await panel.evaluate(() =>
      (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('openRovo', {}).then(
        () => 'resolved',
        (error: Error) => error.message,
      ),
    );
    expect(outcome).toContain('The local Jira site does not support the bridge command "openRovo"');
    expect(browser.errors.join('\n')).toContain(
      '[forge host] The local Jira site does not support the bridge command "openRovo"',
    );
  });

  it('answers the bridge as Jira does: a panel is not submittable, events reach subscribers, theming follows the shell', async () => {
    await signIn(page, site.url, PRIYA.email, '/browse/SUP-1');
    const panel = await moduleFrame(page, 'spoc-panel');
    const answers = await panel.evaluate(async () => {
      const { callBridge } = (
        globalThis as unknown as { __bridge: { callBridge(c: string, p?: unknown): Promise<unknown> } }
      ).__bridge;
      const received: unknown[] = [];
      const subscription = (await callBridge('on', {
        event: 'spoc:test',
        callback: (p: unknown) => received.push(p),
      })) as {
        unsubscribe(): void;
      };
      await callBridge('emit', { event: 'spoc:test', payload: { n: 1 } });
      subscription.unsubscribe();
      await callBridge('emit', { event: 'spoc:test', payload: { n: 2 } });
      await callBridge('showFlag', {
        id: 'saved',
        title: 'Triage saved',
        description: 'SUP-1 is vetted.',
        type: 'success',
      });
      return {
        submitted: await callBridge('submit', { x: 1 }),
        received,
        url: await callBridge('getUrl', { target: 'issue', issueKey: 'SUP-2' }),
      };
    });
    // @forge/bridge turns `false` into "this resource's view is not submittable."
    expect(answers).toEqual({ submitted: false, received: [{ n: 1 }], url: `${site.url}/browse/SUP-2` });
    await expectText(page, '#flags .flag-success', 'Triage saved');
    await panel.evaluate(() =>
      (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('closeFlag', { id: 'saved' }),
    );
    expect(await page.$('#flags .flag-success')).toBeNull();

    // The host only says which theme; the frame, on its own origin, sets it on its own document.
    const colorMode = (mode: string) =>
      panel.waitForFunction((m) => document.documentElement.getAttribute('data-color-mode') === m, mode);
    await colorMode('light');
    await page.click('[data-action=theme-toggle]');
    await colorMode('dark');
    await page.click('[data-action=theme-toggle]');
    await colorMode('light');
  });
});

describe('issue list', () => {
  it('pages through the JQL results and explains a bad query', async () => {
    await signIn(page, site.url, PRIYA.email, '/');
    const keysOn = () =>
      page.$$eval('[data-testid=issue-table] tbody tr td:nth-child(2)', (cells) =>
        cells.map((c) => c.textContent),
      );
    await page.goto(
      `${site.url}/projects/SUP/issues?pageSize=5&jql=${encodeURIComponent('project = SUP ORDER BY key ASC')}`,
    );
    const first = await keysOn();
    expect(first).toHaveLength(5);
    await Promise.all([page.waitForEvent('load'), page.click('.pager a:text("Next page")')]);
    const second = await keysOn();
    expect(second).toHaveLength(5);
    expect(second.filter((key) => first.includes(key))).toEqual([]);

    await page.fill('#jql', 'project = SUP AND nosuchfield = 1');
    await Promise.all([page.waitForEvent('load'), page.click('form[role=search] button[type=submit]')]);
    await expectText(page, '[data-testid=jql-error]', 'nosuchfield');
  });
});

describe('a client files an issue', () => {
  it('is filed through the create form with the client as reporter, and a SPOC sees it', async () => {
    await signIn(page, site.url, PRIYA.email, '/');
    // Switch person with the switcher on the page, as a tester would.
    await Promise.all([page.waitForEvent('load'), page.selectOption('#switch-as', LI_WEI.email)]);
    await expectText(page, '[data-testid=signed-in-as]', LI_WEI.name);
    await page.goto(`${site.url}/secure/CreateIssue.jspa?project=SUP`);
    await page.fill('input[name=summary]', 'Invoices show the wrong VAT rate');
    await page.fill(
      'textarea[name=description]',
      'Since this morning every invoice shows 19% instead of 7%.',
    );
    await Promise.all([
      page.waitForURL(/\/browse\/SUP-\d+$/),
      page.click('form[data-action=create-issue] button[type=submit]'),
    ]);
    const key = page.url().split('/').pop() as string;
    await expectText(page, '[data-testid=issue-reporter]', LI_WEI.name);

    await Promise.all([page.waitForEvent('load'), page.selectOption('#switch-as', PRIYA.email)]);
    expect(page.url()).toBe(`${site.url}/browse/${key}`);
    await expectText(page, '[data-testid=signed-in-as]', PRIYA.name);
    await expectText(page, '[data-testid=issue-summary]', 'Invoices show the wrong VAT rate');
    await expectText(page, '[data-testid=issue-description]', 'every invoice shows 19% instead of 7%');
    const panel = await moduleFrame(page, 'spoc-panel');
    await expectText(panel, '[data-testid=panel-issue]', key);

    await page.goto(
      `${site.url}/projects/SUP/issues?jql=${encodeURIComponent('reporter = "li.wei@acme.example" ORDER BY created DESC')}`,
    );
    await expectText(page, '[data-testid=issue-table] tbody tr:first-child', key);
  });
});

describe("the bridge's trust boundary", () => {
  /** The frame tokens of the issue panel on a page fetched with this session cookie. */
  const panelTokens = async (cookie: string, issueKey: string) => {
    const html = await (await fetch(`${site.url}/browse/${issueKey}`, { headers: { cookie } })).text();
    const attribute = /data-forge-frame="([^"]+)"/.exec(html)?.[1] ?? '';
    const spec = JSON.parse(attribute.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as {
      moduleKey: string;
      tokens: { view: string; edit?: string };
    };
    expect(spec.moduleKey).toBe('spoc-panel');
    return spec.tokens;
  };
  const invoke = (cookie: string, body: unknown) =>
    fetch(`${site.url}/local/bridge/invoke`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });

  it("runs a resolver only for a frame the site rendered for this session, with the site's context", async () => {
    const priya = await sessionCookieOf(site.url, PRIYA.email);
    const liWei = await sessionCookieOf(site.url, LI_WEI.email);
    const tokens = await panelTokens(priya, 'SUP-1');
    expect(tokens.edit).toBeUndefined();
    const panelCalls = () =>
      site.forge.invocations().filter((i) => i.kind === 'resolver' && i.moduleKey === 'spoc-panel').length;
    const callsBefore = panelCalls();

    const own = await invoke(priya, { frame: tokens.view, functionKey: 'getSpocView' });
    expect(own.status).toBe(200);
    // The frame cannot name another module, issue or person: the context is not the page's to send.
    const forged = await invoke(priya, {
      frame: tokens.view,
      functionKey: 'getSpocView',
      context: { extension: { issue: { key: 'SUP-2' } } },
    });
    expect(forged.status).toBe(400);
    const noToken = await invoke(priya, { moduleKey: 'spoc-panel', functionKey: 'getSpocView' });
    expect(noToken.status).toBe(400);
    // Another person's session cannot use Priya's frame, nor can Priya's next session.
    const foreign = await invoke(liWei, { frame: tokens.view, functionKey: 'getSpocView' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { errorMessages: string[] }).errorMessages[0]).toContain(
      'rendered for another session',
    );
    const later = await invoke(await sessionCookieOf(site.url, PRIYA.email), {
      frame: tokens.view,
      functionKey: 'getSpocView',
    });
    expect(later.status).toBe(403);
    expect(panelCalls() - callsBefore).toBe(1);
  });

  it("sends a frame's requestJira as the signed-in person, whatever credentials the frame adds", async () => {
    await signIn(page, site.url, PRIYA.email, '/browse/SUP-1');
    const panel = await moduleFrame(page, 'spoc-panel');
    const sam = `Basic ${Buffer.from(`${SAM.email}:any-token`).toString('base64')}`;
    const answer = (await panel.evaluate(
      (authorization) =>
        (globalThis as unknown as { __bridge: Bridge }).__bridge.callBridge('fetchProduct', {
          product: 'jira',
          restPath: '/rest/api/3/myself',
          fetchRequestInit: { method: 'GET', headers: [['Authorization', authorization]] },
        }),
      sam,
    )) as { status: number; body: string };
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).accountId).toBe(PRIYA.accountId);

    const escape = await panel.evaluate(() =>
      (globalThis as unknown as { __bridge: Bridge }).__bridge
        .callBridge('fetchProduct', { product: 'jira', restPath: '/rest/../local/api/requests' })
        .then(
          () => 'resolved',
          (error: Error) => error.message,
        ),
    );
    expect(escape).toContain("requestJira reaches Jira's REST API only");
  });

  it("serves the app's frames with Forge's Content-Security-Policy, which the bundle runs under cleanly", async () => {
    const response = await fetch(`${site.resourcesUrl}/local/resources/spoc-panel/index.html`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`frame-ancestors 'self' ${site.url}`);
    expect(policy).toContain("connect-src 'self'");
    // The bridge is a script file, not inline code the policy would have to allow.
    const indexHtml = await response.text();
    expect(indexHtml).toContain(
      `<head><script src="/local/web/frame-bridge.js" data-host-origin="${site.url}"></script>`,
    );
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);

    await signIn(page, site.url, PRIYA.email, '/browse/SUP-1');
    const panel = await moduleFrame(page, 'spoc-panel');
    await expectText(panel, '[data-testid=panel-not-routed]', 'did not route');
    // The app's own bundle needs nothing the manifest does not declare.
    expect(cspRefusals(browser)).toEqual([]);
    const outcome = await panel.evaluate(async (jira) => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      // Jira's REST API is reached through the bridge, never directly with the session cookie.
      const direct = await fetch(`${jira}/rest/api/3/myself`, { credentials: 'include' }).then(
        () => 'answered',
        () => 'blocked',
      );
      // 'self' is the resources origin, which has no REST API to answer with.
      const own = await fetch('/rest/api/3/myself').then((r) => r.status);
      return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, direct, own };
    }, site.url);
    expect(outcome).toEqual({ injected: false, direct: 'blocked', own: 404 });
    // The refusals were the policy's, as meant: taken here so the file's check sees no others.
    const refused = cspRefusals(browser, { take: true });
    expect(refused).toEqual([
      expect.stringMatching(/Executing inline script violates .*script-src 'self'/),
      expect.stringMatching(
        /Connecting to 'http:\/\/localhost:\d+\/rest\/api\/3\/myself' violates .*connect-src 'self'/,
      ),
      expect.stringMatching(/Fetch API cannot load .*\/rest\/api\/3\/myself/),
    ]);
  });
});

describe('the request log page', () => {
  it("lists what the app's trigger called when a client filed an issue, with the points charged", async () => {
    await site.anonymous.delete('/local/api/requests');
    const filed = await site.as(LI_WEI.email).post('/rest/api/3/issue', {
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Bug' },
        summary: 'Delivery notes print twice',
        components: [{ name: 'Acme Portal' }],
      },
    });
    expect(filed.status).toBe(201);
    await site.idle();
    await signIn(page, site.url, PRIYA.email, '/local/requests');
    await expectText(page, '#request-totals', '3 points');
    const rows = await page.locator('#request-log tbody tr').allInnerTexts();
    const appRows = rows.filter((row) => /\bapp\b/.test(row));
    expect(appRows.some((row) => row.includes(`/rest/api/3/issue/${filed.body.id}/comment`))).toBe(true);
  });
});

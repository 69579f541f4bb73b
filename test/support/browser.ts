import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';

/**
 * Headless Debian Chromium for the browser tests: a fresh, empty profile per launch, no network beyond
 * loopback, and no background traffic (updates, sync, QUIC). One browser per test file; reuse its page.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors seen so far (frames included). */
  readonly errors: string[];
  /**
   * Content-Security-Policy refusals a page or frame reported and no test has taken yet (`cspRefusals`).
   * Every screen must work under Forge's policy, so `close()` fails on any left.
   */
  readonly unexpectedCsp: string[];
  close(): Promise<void>;
}

/** Chromium's words for a refusal: "Refused to …", "Applying inline style violates …" and the like. */
const CSP_REFUSAL = /Content Security Policy/;

export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium).`,
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1200, height: 760 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  // The site is on loopback; anything else is a bug in the page (and would break offline runs).
  await context.route(/^(?!https?:\/\/(localhost|127\.0\.0\.1)[:/])/, (route) => route.abort());
  const errors: string[] = [];
  const unexpectedCsp: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      errors.push(`console: ${message.text()}`);
      if (CSP_REFUSAL.test(message.text()))
        unexpectedCsp.push(`${message.location().url}: ${message.text()}`);
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    errors,
    unexpectedCsp,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      // After the cleanup, so a failure here leaves no browser behind.
      if (unexpectedCsp.length > 0)
        throw new Error(`Content-Security-Policy refusals no test expected:\n${unexpectedCsp.join('\n')}`);
    },
  };
}

/**
 * The Content-Security-Policy refusals seen since the last check. `take` removes them, for a test that
 * provokes one on purpose; whatever is left fails `expectNoCspRefusals` and the browser's `close()`.
 */
export function cspRefusals(browser: TestBrowser, options: { take?: boolean } = {}): string[] {
  const seen = [...browser.unexpectedCsp];
  if (options.take) browser.unexpectedCsp.splice(0);
  return seen;
}

/** Every browser test checks this after each test: no screen may need more than Forge's policy allows. */
export function expectNoCspRefusals(browser: TestBrowser | undefined): void {
  if (!browser) return;
  expect(cspRefusals(browser, { take: true })).toEqual([]);
}

/** The iframe of a module on the page, once its content has loaded. */
export async function moduleFrame(
  page: Page,
  moduleKey: string,
  entryPoint: 'view' | 'edit' = 'view',
): Promise<Frame> {
  const handle = await page.waitForSelector(
    `iframe[data-module-key="${moduleKey}"][data-entry-point="${entryPoint}"]`,
  );
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`The ${moduleKey} frame has no content.`);
  await frame.waitForLoadState('load');
  return frame;
}

/** Small PNG screenshots for docs/screenshots (committed, so keep them few). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Builds the Custom UI bundles the manifest names, unless a previous build (or the suite's setup) did. */
export async function ensureCustomUiBuilt(): Promise<void> {
  const { buildUi, customUiBundles } = await import('../../scripts/build-ui');
  const appDir = path.resolve(__dirname, '..', '..');
  const missing = customUiBundles(appDir).filter((b) => !fs.existsSync(path.join(b.outDir, 'index.html')));
  if (missing.length > 0) await buildUi({ quiet: true, only: missing.map((b) => b.name) });
}

/** A fixed site time, so pages and screenshots look the same on every run. */
export const TEST_TIME = new Date('2026-11-20T09:30:00.000Z');

/**
 * Signs in through the user switcher's own URL and lands on `next`. Starts from a clean browser state (no
 * cookies: no earlier session, light theme), so a test never depends on what an earlier test left behind.
 */
export async function signIn(page: Page, baseUrl: string, email: string, next: string): Promise<void> {
  // Leave the page first: its frames would otherwise go on calling Jira with no session once the cookie is gone.
  await page.goto('about:blank');
  await page.context().clearCookies();
  const response = await page.goto(
    `${baseUrl}/local/login?as=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`,
  );
  if (!response?.url().startsWith(`${baseUrl}${next.split('?')[0]}`)) {
    throw new Error(`Signing in as ${email} did not land on ${next} but on ${response?.url()}.`);
  }
}

/** A browser session of `email` for calls made outside the browser: its session cookie header. */
export async function sessionCookieOf(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/local/login?as=${encodeURIComponent(email)}&next=%2F`, {
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email}.`);
  return cookie;
}

/** Waits until the element's text contains `text` (frames render after their bridge calls answer). */
export async function expectText(
  scope: Page | Frame,
  selector: string,
  text: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await scope.textContent(selector, { timeout: timeoutMs }).catch(() => null)) ?? '';
    if (seen.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${selector} to contain "${text}", but it says "${seen}".`);
}

/** The site's REST API as a person, the way a script would call Jira Cloud (Basic email:token). */
export async function restAs<T>(
  baseUrl: string,
  email: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${email}:local-token`).toString('base64')}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
  /** The start of each offending element's HTML. */
  readonly html: string[];
}

/**
 * axe-core's serious and critical violations in a page or frame. The script is evaluated through the
 * DevTools protocol, so the frame's Content-Security-Policy (no inline scripts) does not stop it.
 */
export async function seriousAxeViolations(scope: Page | Frame): Promise<AxeViolation[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await scope.evaluate(`${source}\n;void 0;`);
  return scope.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<any> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id as string,
        impact: v.impact as string,
        help: v.help as string,
        targets: (v.nodes as any[]).map((n) => String(n.target)),
        html: (v.nodes as any[]).map((n) => String(n.html).slice(0, 160)),
      }));
  });
}

/** A gadget's view frame on the current dashboard, once it shows its snapshot or an error. */
export async function gadgetView(page: Page, moduleKey: string): Promise<Frame> {
  const frame = await moduleFrame(page, moduleKey);
  await frame.waitForSelector('[data-testid=gadget-snapshot], [data-testid=gadget-error]');
  return frame;
}

/** Clicks the dashboard's refresh control of a gadget and answers its new frame, once it shows numbers. */
export async function refreshGadget(page: Page, moduleKey: string): Promise<Frame> {
  const old = await moduleFrame(page, moduleKey);
  await page.click(`section.gadget:has(iframe[data-module-key=${moduleKey}]) [data-action=refresh-gadget]`);
  for (let i = 0; i < 50; i++) {
    const frame = await moduleFrame(page, moduleKey);
    if (frame !== old) {
      await frame.waitForSelector('[data-testid=gadget-snapshot], [data-testid=gadget-error]');
      return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The ${moduleKey} gadget was not rendered again.`);
}

/** Adds a gadget from the dashboard's gallery; it opens in its edit view. */
export async function addGadget(page: Page, moduleKey: string): Promise<Frame> {
  await page.click('details summary:text("Add gadget")');
  await Promise.all([
    page.waitForURL(/configure=\d+/),
    page.click(`[data-action=add-gadget][data-module-key=${moduleKey}]`),
  ]);
  const edit = await moduleFrame(page, moduleKey, 'edit');
  await edit.waitForSelector('[data-testid=gadget-edit]');
  return edit;
}

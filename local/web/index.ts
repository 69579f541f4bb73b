import type { SiteClock } from '../clock';
import type { Db } from '../db/database';
import type { ForgeHost } from '../forge';
import { jiraError, Router } from '../http/router';
import {
  actingAccountId,
  type Handler,
  type Principal,
  type SiteRequest,
  type SiteResponse,
} from '../http/types';
import type { Jira } from '../jira';
import type { DemoPerson } from '../seed/types';
import { Access } from '../jira/access';
import { ShellAssets } from './assets';
import { handleBridgeInvoke } from './bridge-invoke';
import type { ShellFacts, SiteFacts } from './client/host-api';
import { customUiCsp } from './csp';
import { mayView, type DashboardCaller } from './dashboards/access';
import { createDashboardApi } from './dashboards/api';
import { DashboardStore, GADGET_CONFIG_PROPERTY } from './dashboards/store';
import { FrameTokens, type FrameBinding } from './frame-tokens';
import { frameClaims, frameSlot } from './frames';
import { html, layout, type Html, type Viewer } from './html';
import { JiraReader } from './jira-reader';
import { originOn } from './origins';
import { appUiOf } from './modules';
import { createIssuePage } from './pages/create-issue';
import { dashboardListPage, dashboardPage } from './pages/dashboards';
import type { PageEnv } from './pages/env';
import { homePage } from './pages/home';
import { issueListPage } from './pages/issue-list';
import { issueViewPage } from './pages/issue-view';
import { projectPage } from './pages/project-page';
import { requestLogPage } from './pages/request-log';
import { peopleOf } from './people';
import { resourceDirs, serveResource } from './resources';
import {
  clearedSessionCookie,
  readCookie,
  safeNext,
  SESSION_COOKIE,
  sessionCookie,
  Sessions,
} from './session';

/**
 * The local site's browser shell: Jira's pages (home, issue list, issue view, create, dashboards, the app's
 * project page, the request log), the user switcher, and the host side of the Custom UI bridge. The app's
 * Custom UI runs unmodified in iframes on the resources origin (`resources`, a router of its own that the
 * site serves on a second port); everything it asks for goes through the bridge host in the page.
 */
export interface WebShellOptions {
  readonly appDir: string;
  readonly db: Db;
  readonly clock: SiteClock;
  /** The local Jira (local/jira): the shell reads through its REST routes and knows people from its store. */
  readonly jira: Pick<Jira, 'router' | 'store'>;
  readonly forge: ForgeHost;
  readonly siteUrl: () => string;
  /** The ports of Jira's origin and of the resources origin, once the site listens. */
  readonly ports: () => { readonly site: number; readonly resources: number };
  /** The seed's people, whose order and titles the sign-in switcher shows. */
  readonly seedPeople: readonly DemoPerson[];
}

export interface WebShell {
  /** Jira's origin: pages, sign-in, the bridge's server side, the shell's assets. */
  readonly router: Router;
  /** The resources origin: the app's Custom UI and the two platform files frames load. Nothing else. */
  readonly resources: Router;
  principalFromCookie(cookieHeader: string | undefined): Principal | undefined;
  /** Dashboards back to the seeded system dashboard (gadgets and their configuration too); sessions stay. */
  reset(): void;
}

const THEME_COOKIE = 'jira.theme';

export function createWebShell(options: WebShellOptions): WebShell {
  const { db, clock, jira, forge } = options;
  const store = jira.store;
  const ui = appUiOf(forge);
  const sessions = new Sessions(
    db,
    () => clock.iso(),
    (accountId) => store.getUser(accountId)?.active === true,
  );
  const dashboards = new DashboardStore(db);
  dashboards.ensureSystemDashboard(ui.gadgetInfo);
  // Signs the frame tokens of this run: pages rendered before a restart must be reloaded.
  const frames = new FrameTokens();
  const dashboardCaller = (principal: Principal): DashboardCaller => ({
    accountId: actingAccountId(principal),
    isAdmin: Access.of(store, principal)?.hasGlobal('ADMINISTER') ?? false,
  });
  // Jira's dashboard endpoints join the REST routes the gateway serves, so they are logged like any other.
  jira.router.mount(
    '',
    createDashboardApi({
      store: dashboards,
      gadgetModules: () => ui.gadgetInfo,
      siteUrl: options.siteUrl,
      displayName: (accountId) => store.getUser(accountId)?.displayName,
      callerOf: dashboardCaller,
    }),
  );
  const assets = new ShellAssets();
  const dirs = resourceDirs(options.appDir, ui.resources);
  const cloudId = forge.cloudId;

  const viewerOf = (principal: Principal): Viewer | undefined => {
    if (principal.kind !== 'user') return undefined;
    const user = store.getUser(principal.accountId);
    return user ? { accountId: user.accountId, displayName: user.displayName, email: user.email } : undefined;
  };

  const siteFacts = (principal: Principal): SiteFacts => {
    const user = principal.kind === 'user' ? store.getUser(principal.accountId) : undefined;
    return {
      ...(user ? { accountId: user.accountId } : {}),
      cloudId,
      siteUrl: options.siteUrl(),
      environmentId: ui.environmentId,
      environmentType: 'DEVELOPMENT',
      locale: (user?.locale ?? 'en_US').replace('_', '-'),
      timezone: user?.timeZone ?? 'UTC',
      appId: ui.appId,
      modules: ui.moduleTypes,
    };
  };

  const shellFacts = (req: SiteRequest): ShellFacts => ({
    ...siteFacts(req.principal),
    resourcesOrigin: originOn(req.headers.host, options.ports().resources),
  });

  const bindingOf = (req: SiteRequest): FrameBinding => ({
    sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
    accountId: req.principal.kind === 'user' ? req.principal.accountId : undefined,
  });

  const envOf = (req: SiteRequest): PageEnv => {
    const viewer = viewerOf(req.principal);
    const here = `${req.path}${req.query.size > 0 ? `?${req.query.toString()}` : ''}`;
    let caller: DashboardCaller | undefined;
    const page: PageEnv['page'] = ({ title, body, sidebar, page: pageName, status }) => ({
      status: status ?? 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: layout({
        title,
        body,
        sidebar,
        page: pageName,
        viewer,
        people: peopleOf(store, options.seedPeople),
        here,
        colorMode: colorModeOf(req),
        site: shellFacts(req),
      }),
    });
    return {
      req,
      viewer,
      ui,
      get dashboardCaller() {
        caller ??= dashboardCaller(req.principal);
        return caller;
      },
      frame: (spec, entryPoint = 'view') => {
        const binding = bindingOf(req);
        const location = `${options.siteUrl()}${here}`;
        const tokens = {
          view: frames.issue(frameClaims(spec, 'view', location), binding),
          ...(spec.editResourceKey
            ? { edit: frames.issue(frameClaims(spec, 'edit', location), binding) }
            : {}),
        };
        return frameSlot({ ...spec, tokens }, entryPoint);
      },
      jira: new JiraReader(jira.router, req.principal),
      page,
      error: (status, message) => errorPage(req, page, status, message, viewer !== undefined),
    };
  };

  const pageRoute =
    (render: (env: PageEnv) => SiteResponse | Promise<SiteResponse>): Handler =>
    async (req) => {
      const env = envOf(req);
      try {
        return await render(env);
      } catch (error) {
        console.error(`${req.method} ${req.path} failed:`, error);
        return env.error(500, `This page failed: ${(error as Error).message}`);
      }
    };

  const router = new Router();

  // Pages.
  router.get(
    '/',
    pageRoute((env) => homePage(env, peopleOf(store, options.seedPeople), dashboards)),
  );
  router.get('/projects/:projectKey/issues', pageRoute(issueListPage));
  router.get('/browse/:issueKey', pageRoute(issueViewPage));
  router.get('/secure/CreateIssue.jspa', pageRoute(createIssuePage));
  router.get(
    '/jira/dashboards',
    pageRoute((env) => dashboardListPage(env, dashboards)),
  );
  router.get(
    '/jira/dashboards/:id',
    pageRoute((env) => dashboardPage(env, dashboards)),
  );
  const projectPageBase = '/jira/:projectType/projects/:projectKey/apps/:appId/:envId';
  for (const extra of ['', '/:sub1', '/:sub1/:sub2', '/:sub1/:sub2/:sub3']) {
    router.get(projectPageBase + extra, pageRoute(projectPage));
  }
  router.get('/local/requests', pageRoute(requestLogPage));

  // Signing in and out.
  router.get('/local/login', (req) => {
    const email = req.query.get('as')?.trim();
    const next = safeNext(req.query.get('next'));
    if (!email) return envOf(req).error(400, 'Say who to sign in as: /local/login?as=<email>&next=<path>.');
    const user = store.getUserByEmail(email);
    if (!user || !user.active || user.accountType !== 'atlassian') {
      return envOf(req).error(400, `No person with the email address ${email} can sign in to this site.`);
    }
    const old = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (old) sessions.close(old);
    const token = sessions.open(user.accountId);
    return { status: 302, headers: { location: next, 'set-cookie': sessionCookie(token) }, body: '' };
  });
  const logout: Handler = (req) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) sessions.close(token);
    return {
      status: 302,
      headers: { location: safeNext(req.query.get('next')), 'set-cookie': clearedSessionCookie() },
      body: '',
    };
  };
  router.get('/local/logout', logout);
  router.post('/local/logout', logout);

  // The bridge's server side and the shell's assets.
  router.post('/local/bridge/invoke', (req) =>
    handleBridgeInvoke(req, {
      forge,
      frames,
      siteFacts,
      colorMode: colorModeOf,
      gadgetConfiguration: (dashboardId, gadgetId, principal) => {
        const dashboard = dashboards.get(dashboardId);
        if (!dashboard || !mayView(dashboard, dashboardCaller(principal))) return undefined;
        if (!dashboards.gadget(dashboardId, gadgetId)) return undefined;
        const saved = dashboards.getProperty(dashboardId, gadgetId, GADGET_CONFIG_PROPERTY);
        return saved.found && isObject(saved.value) ? saved.value : {};
      },
    }),
  );
  router.get('/local/web/:asset', async (req) => {
    const name = req.params.asset ?? '';
    // The frames' bridge script is the resources origin's, as global-bridge.js is Atlassian's CDN's.
    const served = name === 'frame-bridge.js' ? undefined : await assets.serve(name);
    return served ?? jiraError(404, `No shell asset ${name}.`);
  });

  // The resources origin: each Custom UI resource on its own path, with the bridge and the token themes.
  const resources = new Router();
  const resourceRoute: Handler = (req) => {
    const { resourceKey, p1, p2, p3 } = req.params;
    const siteOrigin = originOn(req.headers.host, options.ports().site);
    return serveResource(
      dirs,
      resourceKey ?? '',
      [p1, p2, p3].filter((p): p is string => p !== undefined),
      {
        hostOrigin: siteOrigin,
        policy: (indexHtml) =>
          customUiCsp({ siteOrigin, html: indexHtml, permissions: forge.manifest.permissions }),
      },
    );
  };
  for (const extra of ['', '/:p1', '/:p1/:p2', '/:p1/:p2/:p3'])
    resources.get(`/local/resources/:resourceKey${extra}`, resourceRoute);
  for (const name of ['frame-bridge.js', 'theme.css']) {
    resources.get(`/local/web/${name}`, async () => (await assets.serve(name)) as SiteResponse);
  }

  return {
    router,
    resources,
    principalFromCookie: (cookieHeader) => sessions.principalFromCookie(cookieHeader),
    reset: () => dashboards.reset(ui.gadgetInfo),
  };
}

function colorModeOf(req: SiteRequest): 'light' | 'dark' {
  return readCookie(req.headers.cookie, THEME_COOKIE) === 'dark' ? 'dark' : 'light';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorPage(
  req: SiteRequest,
  page: PageEnv['page'],
  status: number,
  message: string,
  signedIn: boolean,
): SiteResponse {
  const accept = req.headers.accept ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html')) return jiraError(status, message);
  const body: Html = html`<h1>
      ${status === 404 ? 'Not found' : status === 401 ? 'Sign in' : 'Something is wrong'}
    </h1>
    <p class="error-box" role="alert" data-testid="page-error">${message}</p>
    ${!signedIn ? html`<p>Choose who you are in the switcher at the top right.</p>` : null}
    <p><a href="/">Back to the projects</a></p>`;
  return page({ title: 'Error', body, status });
}

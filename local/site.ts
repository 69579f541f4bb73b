import path from 'node:path';
import { SiteClock } from './clock';
import { createControlApi } from './control/api';
import { openDatabase, type Db } from './db/database';
import { ProductEventBus } from './events';
import { createForgeHost, currentInvocation, type AppBundler, type ForgeHost } from './forge';
import type { DeliverySettings } from './forge/dispatcher';
import { createGateway, INVOCATION_HEADER, type Gateway } from './gateway';
import type { JiraGateway } from './gateway/types';
import { jiraError } from './http/router';
import { listen, type IncomingSiteRequest } from './http/server';
import type { Principal, SiteResponse } from './http/types';
import { createJira, type Jira } from './jira';
import { withAvatarOrigin } from './jira/avatars';
import { createJqlEngine } from './jql';
import { bareProfile, emptySeed, type SiteProfile } from './site-profile';
import { createWebShell, type WebShell } from './web';
import { originOn } from './web/origins';

/**
 * The local Jira site: one process that supplies what Jira Cloud and the Forge platform supply to an app
 * (REST API, JQL, permissions, KVS, trigger dispatch, resolvers, the bridge host), composed from the parts
 * under local/. Which app, and what Jira holds, come from the profile (site-profile.ts); the app's own code
 * is loaded from its folder unmodified.
 */
export interface SiteOptions {
  /** SQLite file; `:memory:` (the default) for tests. */
  readonly dbFile?: string;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  /** The port of the resources origin, which serves the app's Custom UI only; 0 (the default) picks one. */
  readonly framePort?: number;
  readonly host?: string;
  readonly clock?: SiteClock;
  /** The app to host, its name, its seed and what runs after seeding; the app in the working folder by default. */
  readonly profile?: SiteProfile;
  /**
   * Load the profile's seed when the database has no data yet, and run its `afterSeed` (default true).
   * Off, Jira starts empty and a reset empties it again: tests of the bare platform.
   */
  readonly seed?: boolean;
  /** Which bundler makes the app's backend (local/forge/bundle.ts): esbuild, or the Forge CLI's own. */
  readonly appBundler?: AppBundler;
  /** How triggers are delivered: how many at once, copies of each event, order (Forge-like by default). */
  readonly delivery?: Partial<DeliverySettings>;
  /** Draws for delivery copies and order; a seeded one makes a chaos run repeatable. */
  readonly random?: () => number;
}

export interface Site {
  readonly profile: SiteProfile;
  readonly url: string;
  readonly port: number;
  /** The resources origin (`http://localhost:<framePort>`): Custom UI frames, as on Atlassian's CDN. */
  readonly resourcesUrl: string;
  readonly resourcesPort: number;
  readonly db: Db;
  readonly clock: SiteClock;
  readonly events: ProductEventBus;
  readonly jira: Jira;
  readonly gateway: Gateway;
  readonly forge: ForgeHost;
  readonly web: WebShell;
  /** Waits until every trigger delivery due now has run. */
  idle(): Promise<void>;
  /** The start again: the profile's seed, its `afterSeed`, empty app storage, request log, faults, rate limits. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const CLOUD_ID = 'local-0000-4000-8000-site';

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const profile = options.profile ?? bareProfile();
  const appDir = path.resolve(profile.appDir);
  const seed = options.seed !== false ? profile.seed : undefined;
  const db = openDatabase(options.dbFile ?? ':memory:');
  const clock =
    options.clock ?? new SiteClock(options.dbFile && options.dbFile !== ':memory:' ? 'real' : 'frozen');
  const events = new ProductEventBus();
  let baseUrl = 'http://localhost';
  const siteUrl = () => baseUrl;

  const jira = createJira({ db, clock, events, jql: createJqlEngine(), baseUrl: siteUrl });
  const gateway = createGateway({ router: jira.router, clock });
  // The app's product calls carry the id of the invocation that made them, for the request log.
  const appGateway: JiraGateway = {
    fetch: (principal, request) => {
      const invocationId = currentInvocation()?.invocationId;
      if (!invocationId) return gateway.fetch(principal, request);
      return gateway.fetch(principal, {
        ...request,
        headers: { ...request.headers, [INVOCATION_HEADER]: invocationId },
      });
    },
  };
  let appId = '';
  const forge = await createForgeHost({
    appDir,
    db,
    clock,
    events,
    jira: appGateway,
    siteUrl,
    cloudId: CLOUD_ID,
    bundler: options.appBundler,
    delivery: options.delivery,
    random: options.random,
    // What Forge adds to trigger events for `payload.include`, read from the store: no request, no points.
    eventFields: (issueId, fieldIds) => jira.issueFieldsForApp(appId, issueId, fieldIds),
    entityProperty: (entity, id, key) => {
      if (entity !== 'issue') return undefined;
      const property = jira.store.getIssueProperty(id, key);
      return property.found ? property.value : undefined;
    },
  });
  appId = forge.appId;
  jira.registerApp({ appId: forge.appId, name: profile.appName });
  jira.registerAppFields(forge.appFields());
  jira.registerPropertyIndexes(forge.propertyIndexes());
  if (seed && jira.store.isEmpty()) jira.seed(seed);
  const ports = { site: 0, resources: 0 };
  const web = createWebShell({
    appDir,
    db,
    clock,
    jira,
    forge,
    siteUrl,
    ports: () => ports,
    seedPeople: profile.seed?.people ?? [],
  });
  const afterSeed = async (ready: Site) => {
    if (!seed || !profile.afterSeed) return;
    await profile.afterSeed(ready);
    gateway.requestLog.clear(); // what the setup called is not the visitor's traffic
  };

  let running: Site | undefined = undefined; // set once the server listens; reset needs it
  const site: Omit<Site, 'url' | 'port' | 'close'> = {
    profile,
    db,
    clock,
    events,
    jira,
    gateway,
    forge,
    web,
    // Known once the resources origin listens (below).
    get resourcesUrl() {
      return `http://localhost:${ports.resources}`;
    },
    get resourcesPort() {
      return ports.resources;
    },
    idle: () => forge.idle(),
    reset: async () => {
      await forge.idle();
      jira.seed(seed ?? emptySeed(clock.iso()));
      forge.reset();
      forge.kvs.clear();
      web.reset();
      gateway.faults.clear();
      gateway.rateLimits.reset({ defaults: true });
      gateway.requestLog.clear();
      if (running) await afterSeed(running);
    },
  };
  const control = createControlApi(site);

  const loopbackOnly = isLoopback(options.host ?? '127.0.0.1');
  const dispatch = async (req: IncomingSiteRequest): Promise<SiteResponse> => {
    const refused = refuseForeignRequest(req, loopbackOnly);
    if (refused) return refused;
    // Avatar URLs in what this request answers follow the host name the browser used (frames allow only it).
    return withAvatarOrigin(originOn(req.headers.host, ports.site), () => dispatchJira(req));
  };
  const dispatchJira = async (req: IncomingSiteRequest): Promise<SiteResponse> => {
    const pathname = req.url.pathname;
    if (pathname.startsWith('/rest/')) {
      const principal = principalOf(req.headers, jira, web);
      if (principal === 'bad-credentials')
        return jiraError(401, 'Client must be authenticated to access this resource.');
      return gateway.fetch(principal, {
        method: req.method,
        url: pathname + req.url.search,
        headers: req.headers,
        body: req.rawBody,
      });
    }
    const avatar = /^\/local\/avatars\/([\w-]+)\/([\w.:-]+)$/.exec(pathname);
    if (avatar && req.method === 'GET') {
      const size = Number(req.url.searchParams.get('size') ?? 48);
      const svg = jira.avatarSvg(avatar[1] as string, avatar[2] as string, Number.isFinite(size) ? size : 48);
      if (svg)
        return {
          status: 200,
          headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' },
          body: svg,
        };
    }
    const router = pathname.startsWith('/local/api/') ? control : web.router;
    let body: unknown = req.rawBody;
    if (req.rawBody !== undefined && (req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        body = JSON.parse(req.rawBody);
      } catch {
        return jiraError(400, 'The request body is not valid JSON.');
      }
    }
    const principal = web.principalFromCookie(req.headers.cookie) ?? { kind: 'anonymous' };
    return router.handle({
      method: req.method,
      path: pathname,
      query: req.url.searchParams,
      headers: req.headers,
      body,
      principal,
    });
  };

  // The resources origin never reads a cookie and answers nothing but the app's Custom UI files.
  const dispatchResources = async (req: IncomingSiteRequest): Promise<SiteResponse> => {
    const refused = refuseForeignRequest(req, loopbackOnly);
    if (refused) return refused;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return jiraError(405, `The resources origin serves files only, not ${req.method}.`);
    if (!web.resources.match('GET', req.url.pathname))
      return jiraError(
        404,
        `This origin serves only the app's Custom UI (/local/resources/<key>/…); Jira is at ${originOn(req.headers.host, ports.site)}.`,
      );
    return web.resources.handle({
      method: 'GET',
      path: req.url.pathname,
      query: req.url.searchParams,
      headers: req.headers,
      body: undefined,
      principal: { kind: 'anonymous' },
    });
  };

  const host = options.host ?? '127.0.0.1';
  const server = await listen(dispatch, options.port ?? 0, host);
  const frames = await listen(dispatchResources, options.framePort ?? 0, host).catch(
    async (error: unknown) => {
      await server.close();
      throw new Error(
        `The resources origin cannot listen on port ${options.framePort ?? 0}: ${(error as Error).message}`,
      );
    },
  );
  ports.site = server.port;
  ports.resources = frames.port;
  baseUrl = `http://localhost:${server.port}`;

  running = {
    ...site,
    url: baseUrl,
    port: server.port,
    close: async () => {
      await Promise.all([server.close(), frames.close()]);
      await forge.idle();
      forge.close();
      db.close();
    },
  };
  await afterSeed(running);
  return running;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.startsWith('127.');
}

/**
 * The site trusts its control API and browser sessions, so it refuses what a hostile web page could send:
 * a Host that is not loopback (DNS rebinding), a write whose Origin is another site (cross-site requests),
 * and a REST body that is not JSON (Jira answers 415; JSON also forces a CORS preflight on other sites).
 */
function refuseForeignRequest(req: IncomingSiteRequest, loopbackOnly: boolean): SiteResponse | undefined {
  const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (loopbackOnly && hostName && !isLoopback(hostName)) {
    return jiraError(403, `This local site answers only on localhost, not on ${hostName}.`);
  }
  const write = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
  const origin = req.headers.origin;
  if (write && origin && origin !== 'null' && hostOf(origin) !== req.headers.host) {
    return jiraError(403, 'XSRF check failed: the request came from another site.');
  }
  if (write && origin === 'null')
    return jiraError(403, 'XSRF check failed: the request has an opaque origin.');
  const contentType = req.headers['content-type'] ?? '';
  if (
    req.url.pathname.startsWith('/rest/') &&
    req.rawBody !== undefined &&
    !contentType.includes('application/json')
  ) {
    return jiraError(415, 'Unsupported Media Type: send the body as application/json.');
  }
  return undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** HTTP Basic as on Jira Cloud (scripts, curl), else the browser session cookie, else anonymous. */
function principalOf(
  headers: Readonly<Record<string, string>>,
  jira: Jira,
  web: WebShell,
): Principal | 'bad-credentials' {
  const authorization = headers.authorization;
  if (authorization) return jira.authenticateBasic(authorization) ?? 'bad-credentials';
  return web.principalFromCookie(headers.cookie) ?? { kind: 'anonymous' };
}

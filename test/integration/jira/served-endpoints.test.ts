import { Router } from '../../../local/http/router';
import type { Handler } from '../../../local/http/types';
import { SITE_ENDPOINTS } from '../../../local/jira/served-endpoints';
import { startSite, type Site } from '../../../local/site';

/**
 * `served-endpoints.ts` (the platform's endpoints and, through `SITE_ENDPOINTS`, the service desk's) drives
 * the OpenAPI extracts and the conformance check, so it must list exactly what the Jira router serves. The
 * router is built as the site builds it (local/site.ts), because the dashboard endpoints join `jira.router`
 * only when the web shell is created. Its routes are read by watching the Router's public `add` and `mount`
 * while the site starts.
 */
interface RecordedRoute {
  readonly method: string;
  readonly pattern: string;
  readonly handler: Handler;
}

let site: Site;
let routes: RecordedRoute[];

beforeAll(async () => {
  const add = jest.spyOn(Router.prototype, 'add');
  const mount = jest.spyOn(Router.prototype, 'mount');
  try {
    site = await startSite({ port: 0, seed: false });
    // The routes a router holds: its own `add`s, plus those of each router mounted into it as they were then.
    const routesOf = (router: Router, until: number): RecordedRoute[] => [
      ...add.mock.calls.flatMap(([method, pattern, handler], i) =>
        add.mock.contexts[i] === router && (add.mock.invocationCallOrder[i] ?? 0) < until
          ? [{ method: method.toUpperCase(), pattern, handler }]
          : [],
      ),
      ...mount.mock.calls.flatMap(([prefix, other], i) => {
        const at = mount.mock.invocationCallOrder[i] ?? 0;
        if (mount.mock.contexts[i] !== router || at >= until) return [];
        return routesOf(other, at).map((route) => ({ ...route, pattern: joinPath(prefix, route.pattern) }));
      }),
    ];
    routes = routesOf(site.jira.router, Number.POSITIVE_INFINITY);
  } finally {
    // Restoring also forgets the recorded calls, so it comes after reading them.
    add.mockRestore();
    mount.mockRestore();
  }
});

afterAll(async () => {
  await site?.close();
});

function joinPath(prefix: string, pattern: string): string {
  return `/${[...prefix.split('/'), ...pattern.split('/')].filter(Boolean).join('/')}`;
}

/** `GET /rest/api/3/issue/{}`: parameters unnamed, since the router and the OpenAPI name them differently. */
const shape = (method: string, path: string) =>
  `${method} ${path.replace(/\{[^}]+\}/g, '{}').replace(/:[^/]+/g, '{}')}`;

describe('the Jira router and served-endpoints.ts', () => {
  it('serves every listed endpoint and nothing else', () => {
    const listed = SITE_ENDPOINTS.map(([method, path]) => shape(method, path)).sort();
    const served = routes.map((route) => shape(route.method, route.pattern)).sort();
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((entry) => !listed.includes(entry))).toEqual([]);
    expect(listed.filter((entry) => !served.includes(entry))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('routes a request to each listed endpoint to that endpoint’s handler, not to another one', () => {
    for (const [method, path] of SITE_ENDPOINTS) {
      const route = routes.find(
        (candidate) => shape(candidate.method, candidate.pattern) === shape(method, path),
      );
      const concrete = path.replace(/\{([^}]+)\}/g, (_, name: string) => `sample-${name}`);
      const found = site.jira.router.match(method, concrete);
      expect({
        endpoint: `${method} ${path}`,
        routed: typeof found === 'object' && found.handler === route?.handler,
      }).toEqual({
        endpoint: `${method} ${path}`,
        routed: true,
      });
    }
  });
});

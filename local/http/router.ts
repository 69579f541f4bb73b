import type { Handler, SiteRequest, SiteResponse } from './types';

/**
 * A small path router: patterns like `/rest/api/3/issue/:issueIdOrKey/comment`. Parameters match one
 * path segment and arrive URL-decoded. Unknown paths answer 404 and known paths with another method 405,
 * both in Jira's error shape.
 */
interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }
  put(pattern: string, handler: Handler): this {
    return this.add('PUT', pattern, handler);
  }
  delete(pattern: string, handler: Handler): this {
    return this.add('DELETE', pattern, handler);
  }

  /** Every route of another router, under a prefix. */
  mount(prefix: string, other: Router): this {
    for (const route of other.routes) {
      this.routes.push({ ...route, segments: [...split(prefix), ...route.segments] });
    }
    return this;
  }

  /** Finds the handler for a request, or undefined when no route's path matches at all. */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | 'method-not-allowed' | undefined {
    const parts = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method.toUpperCase()) return { handler: route.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }

  async handle(req: Omit<SiteRequest, 'params'>): Promise<SiteResponse> {
    const found = this.match(req.method, req.path);
    if (found === undefined) return jiraError(404, `No endpoint ${req.method} ${req.path} on this site.`);
    if (found === 'method-not-allowed')
      return jiraError(405, `Method ${req.method} is not allowed on ${req.path}.`);
    return found.handler({ ...req, params: found.params });
  }
}

/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`. */
export function jiraError(
  status: number,
  message: string | string[],
  errors: Record<string, string> = {},
): SiteResponse {
  return { status, body: { errorMessages: Array.isArray(message) ? message : [message], errors } };
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const v = parts[i] as string;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return undefined;
      }
    } else if (p !== v) {
      return undefined;
    }
  }
  return params;
}

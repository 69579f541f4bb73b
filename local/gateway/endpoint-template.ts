import { SITE_ENDPOINTS } from '../jira/served-endpoints';

/**
 * Maps a concrete path (`/rest/api/3/issue/SUP-1/comment`) to its OpenAPI path template
 * (`/rest/api/3/issue/{issueIdOrKey}/comment`). Rate limits are kept per endpoint template, point costs
 * are looked up by template, and the conformance check finds the response schema by template.
 */
export interface TemplateMatch {
  readonly template: string;
  /** Decoded path parameters, e.g. `{ issueIdOrKey: 'SUP-1' }`. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The template that matches `path`, or undefined. Where several match, literal segments win over
 * parameters, compared left to right (so `/user/search` beats `/user/{accountId}`).
 */
export function matchTemplate(templates: Iterable<string>, path: string): TemplateMatch | undefined {
  const parts = splitPath(stripQuery(path));
  let best: { template: string; params: Record<string, string>; literals: boolean[] } | undefined;
  for (const template of templates) {
    const segments = splitPath(template);
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const literals: boolean[] = [];
    let matched = true;
    for (let i = 0; i < segments.length && matched; i++) {
      const segment = segments[i] as string;
      const part = parts[i] as string;
      const name = parameterName(segment);
      if (name === undefined) {
        matched = segment === part;
        literals.push(true);
      } else {
        const value = safeDecode(part);
        matched = value !== undefined && value.length > 0;
        if (matched) params[name] = value as string;
        literals.push(false);
      }
    }
    if (matched && (best === undefined || moreLiteral(literals, best.literals)))
      best = { template, params, literals };
  }
  return best && { template: best.template, params: best.params };
}

/** The served endpoint template for a request, preferring templates served with the request's method. */
export function servedTemplate(method: string, path: string): TemplateMatch | undefined {
  const upper = method.toUpperCase();
  const sameMethod = SITE_ENDPOINTS.filter(([m]) => m === upper).map(([, t]) => t);
  return (
    matchTemplate(sameMethod, path) ??
    matchTemplate(
      SITE_ENDPOINTS.map(([, t]) => t),
      path,
    )
  );
}

export function stripQuery(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function parameterName(segment: string): string | undefined {
  if (segment.startsWith('{') && segment.endsWith('}')) return segment.slice(1, -1);
  if (segment.startsWith(':')) return segment.slice(1);
  return undefined;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function moreLiteral(a: readonly boolean[], b: readonly boolean[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] === true;
  }
  return false;
}

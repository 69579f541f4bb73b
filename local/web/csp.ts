import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy Forge serves every Custom UI resource with (the directives of Atlassian's
 * `@forge/csp` `CSPInjectionService`, minus Atlassian's CDN, media and analytics hosts the local site does
 * not have), widened only by what the manifest declares: `permissions.content.scripts|styles` and
 * `permissions.external.*`. Inline scripts in the app's own index.html are allowed by hash, as Forge does.
 *
 * Resources are served from their own origin, as from Atlassian's CDN, so `'self'` means that origin:
 * `connect-src 'self'` reaches the resource's files, never Jira's REST API (that goes through the bridge).
 * Jira's origin stands in for the Atlassian hosts Forge lists: it may frame the resource (frame-ancestors)
 * and serves the avatars and icons Jira's answers link to (img-src).
 */
export interface CustomUiCspOptions {
  /** Jira's origin as the browser reached it (`http://localhost:8080`); undefined if unknown. */
  readonly siteOrigin: string | undefined;
  /** The served index.html (inline scripts are hashed); undefined for other files. */
  readonly html?: string;
  /** The manifest's `permissions`. */
  readonly permissions?: { readonly content?: unknown; readonly external?: unknown };
}

/** `sandbox` as Forge sets it: scripts and same-origin access, no top navigation. */
const SANDBOX =
  'sandbox allow-popups allow-popups-to-escape-sandbox allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';

const SCRIPT_KEYWORDS = new Set(['unsafe-inline', 'unsafe-eval', 'unsafe-hashes']);
const HASH = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;
/** An origin without anything that could end the directive or the header. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.[\]:-]+$/;
/** A host source without anything that could end the directive or the header. */
const SOURCE = /^[A-Za-z0-9*][A-Za-z0-9.*:/_%~+-]*$/;

export function customUiCsp(options: CustomUiCspOptions): string {
  const content = asRecord(options.permissions?.content);
  const external = asRecord(options.permissions?.external);
  const fetch = asRecord(external.fetch);
  const userScripts = strings(content.scripts).flatMap((s) => {
    if (SCRIPT_KEYWORDS.has(s) || HASH.test(s)) return [`'${s}'`];
    return s === 'blob:' ? [s] : [];
  });
  const inlineHashes = userScripts.includes("'unsafe-inline'") ? [] : inlineScriptHashes(options.html ?? '');
  const userStyles = strings(content.styles).includes('unsafe-inline') ? ["'unsafe-inline'"] : [];
  const site = ORIGIN.test(options.siteOrigin ?? '') ? [options.siteOrigin as string] : [];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['frame-ancestors', ["'self'", ...site]],
    ['frame-src', ["'self'", ...sources(external.frames)]],
    ['font-src', ["'self'", ...sources(external.fonts)]],
    ['img-src', ["'self'", 'data:', 'blob:', ...site, ...sources(external.images)]],
    ['media-src', ["'self'", 'data:', 'blob:', ...sources(external.media)]],
    ['connect-src', ["'self'", ...sources(fetch.client)]],
    ['script-src', ["'self'", ...unique([...inlineHashes, ...userScripts]), ...sources(external.scripts)]],
    ['style-src', ["'self'", ...userStyles, ...sources(external.styles)]],
    ['form-action', ["'self'"]],
  ];
  return [
    ...directives.map(([name, values]) => `${name} ${values.length > 0 ? values.join(' ') : "'none'"}`),
    SANDBOX,
  ].join('; ');
}

/** `'sha256-…'` of every inline `<script>` (one without `src`) of the document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', text = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || text === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  }
  return unique(hashes);
}

/** `permissions.external.*` entries: strings or `{ address }`, kept only when they are plain sources. */
function sources(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry: unknown) =>
      typeof entry === 'string' ? entry : (asRecord(entry).address as unknown as string | undefined),
    )
    .filter((s): s is string => typeof s === 'string' && SOURCE.test(s));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

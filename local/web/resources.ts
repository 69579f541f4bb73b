import fs from 'node:fs';
import path from 'node:path';
import type { SiteResponse } from '../http/types';

/**
 * Serves each Custom UI resource of the manifest from its build folder, on its own path
 * (`/local/resources/<resourceKey>/…`) of the resources origin, the way Forge serves a resource from its
 * CDN, with the resource's Content-Security-Policy (csp.ts). `index.html` gets the bridge script injected as
 * the first element of `<head>`, where Atlassian injects global-bridge.js: a file, never an inline script,
 * told which origin frames it (the page the bridge may talk to).
 */
export const BRIDGE_SCRIPT_SRC = '/local/web/frame-bridge.js';

/** The injected tag; `hostOrigin` is the page's origin, the only one the frame's bridge talks to. */
export function bridgeScriptTag(hostOrigin?: string): string {
  const host =
    hostOrigin && /^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(hostOrigin)
      ? ` data-host-origin="${hostOrigin}"`
      : '';
  return `<script src="${BRIDGE_SCRIPT_SRC}"${host}></script>`;
}

export interface ServeOptions {
  /** The Content-Security-Policy, from the served index.html (undefined for other files). */
  readonly policy?: (html: string | undefined) => string;
  /** The origin of the page that frames the resource (`http://localhost:8080`). */
  readonly hostOrigin?: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ResourceDirs {
  /** resource key → absolute folder, from manifest `resources`. */
  readonly [resourceKey: string]: string;
}

export function resourceDirs(
  appDir: string,
  resources: ReadonlyArray<{ key: string; path: string }>,
): ResourceDirs {
  const dirs: Record<string, string> = {};
  for (const resource of resources) dirs[resource.key] = path.resolve(appDir, resource.path);
  return dirs;
}

/** `segments` is the path under the resource, already split and decoded (e.g. `['index.html']`). */
export function serveResource(
  dirs: ResourceDirs,
  resourceKey: string,
  segments: readonly string[],
  options: ServeOptions = {},
): SiteResponse {
  const { policy } = options;
  const dir = Object.hasOwn(dirs, resourceKey) ? dirs[resourceKey] : undefined;
  if (!dir) return notFound(`No Custom UI resource ${resourceKey} in manifest.yml.`);
  if (
    segments.some(
      (s) => s === '' || s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0'),
    )
  ) {
    return notFound('No such file in this resource.');
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const file = path.join(dir, relative);
  if (!file.startsWith(dir + path.sep)) return notFound('No such file in this resource.');
  if (!fs.existsSync(dir)) {
    return notFound(
      `Custom UI resource ${resourceKey} is not built yet: run "npx tsx scripts/build-ui.ts" (npm start does).`,
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return notFound(`No file ${relative} in resource ${resourceKey}.`);
  }
  if (!stat.isFile()) return notFound(`No file ${relative} in resource ${resourceKey}.`);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (path.basename(file) === 'index.html') {
    const html = fs.readFileSync(file, 'utf8');
    if (policy) headers['content-security-policy'] = policy(html);
    return { status: 200, headers, body: injectBridge(html, options.hostOrigin) };
  }
  if (policy) headers['content-security-policy'] = policy(undefined);
  return { status: 200, headers, body: fs.readFileSync(file) };
}

/** Puts the bridge script first in `<head>`, so `globalThis.__bridge` exists before any app code runs. */
export function injectBridge(html: string, hostOrigin?: string): string {
  const tag = bridgeScriptTag(hostOrigin);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  const at = htmlTag ? htmlTag.index + htmlTag[0].length : 0;
  return `${html.slice(0, at)}<head>${tag}</head>${html.slice(at)}`;
}

function notFound(message: string): SiteResponse {
  return { status: 404, body: { errorMessages: [message], errors: {} } };
}

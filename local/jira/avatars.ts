import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Avatars and icons. Jira Cloud serves them from Atlassian's CDN, which the offline site cannot reach, so
 * every avatar URL points at `/local/avatars/<kind>/<id>` on the site itself and `renderAvatarSvg` draws a
 * small SVG for it (initials on a colour picked from the id). The site shell serves that path.
 */
export type AvatarKind = 'user' | 'project' | 'issuetype' | 'priority' | 'status';

export interface AvatarUrls {
  readonly '16x16': string;
  readonly '24x24': string;
  readonly '32x32': string;
  readonly '48x48': string;
}

export const AVATAR_PATH = '/local/avatars';

const requestOrigin = new AsyncLocalStorage<string>();

/**
 * Runs `answer` with avatar URLs on `origin`, the site as the browser reached it: Custom UI frames may load
 * images from that origin only, so a page opened at 127.0.0.1 needs 127.0.0.1 avatars, not localhost ones.
 */
export function withAvatarOrigin<T>(origin: string, answer: () => T): T {
  return requestOrigin.run(origin, answer);
}

export function avatarUrl(base: string, kind: AvatarKind, id: string, size = 48): string {
  return `${requestOrigin.getStore() ?? base}${AVATAR_PATH}/${kind}/${encodeURIComponent(id)}?size=${size}`;
}

export function avatarUrls(base: string, kind: AvatarKind, id: string): AvatarUrls {
  return {
    '16x16': avatarUrl(base, kind, id, 16),
    '24x24': avatarUrl(base, kind, id, 24),
    '32x32': avatarUrl(base, kind, id, 32),
    '48x48': avatarUrl(base, kind, id, 48),
  };
}

const COLOURS = ['#0052CC', '#00875A', '#FF5630', '#6554C0', '#FF8B00', '#00B8D9', '#36B37E', '#172B4D'];

/** An SVG with up to two initials of `label`; round for people, rounded squares for everything else. */
export function renderAvatarSvg(kind: AvatarKind, id: string, label: string, size = 48): string {
  const colour = COLOURS[hash(id) % COLOURS.length] as string;
  const initials = label
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
    .replace(/[^A-Z0-9]/gi, '');
  const shape =
    kind === 'user'
      ? `<circle cx="24" cy="24" r="24" fill="${colour}"/>`
      : `<rect width="48" height="48" rx="8" fill="${colour}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48">${shape}` +
    `<text x="24" y="30" text-anchor="middle" font-family="sans-serif" font-size="18" fill="#fff">${initials}</text></svg>`
  );
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

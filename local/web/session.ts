import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { Principal } from '../http/types';

/**
 * Browser sessions of the local site: signing in as a seeded person sets a session cookie, the cookie maps
 * to that person's account. Kept in SQLite so a restarted `npm start` keeps people signed in.
 */
export const SESSION_COOKIE = 'tenant.session.token';

export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly now: () => string,
    /** Whether the account still exists and may sign in. */
    private readonly isActive: (accountId: string) => boolean,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS web_session (
      token TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      created TEXT NOT NULL
    )`);
  }

  open(accountId: string): string {
    const token = randomBytes(24).toString('base64url');
    this.db
      .prepare('INSERT INTO web_session (token, account_id, created) VALUES (?, ?, ?)')
      .run(token, accountId, this.now());
    return token;
  }

  close(token: string): void {
    this.db.prepare('DELETE FROM web_session WHERE token = ?').run(token);
  }

  accountOf(token: string): string | undefined {
    const row = this.db.prepare('SELECT account_id FROM web_session WHERE token = ?').get(token) as
      { account_id: string } | undefined;
    return row && this.isActive(row.account_id) ? row.account_id : undefined;
  }

  principalFromCookie(cookieHeader: string | undefined): Principal | undefined {
    const token = readCookie(cookieHeader, SESSION_COOKIE);
    const accountId = token ? this.accountOf(token) : undefined;
    return accountId ? { kind: 'user', accountId } : undefined;
  }
}

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Only paths on this site: `/browse/SUP-1`, never `//evil.example` or `https://…`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Frame tokens: what the site knows about a Custom UI frame it rendered, signed with a key made when the
 * site starts. On Forge the platform, not the app's iframe, builds the context a resolver gets; here the
 * page carries a token per frame and `invoke` sends only that token, from which the site rebuilds the
 * context. A token is bound to the browser session (and person) it was rendered for, so it is useless in
 * any other session, and to the site run that signed it (a restart asks for a reload).
 */
export interface FrameClaims {
  readonly moduleKey: string;
  readonly entryPoint: 'view' | 'edit';
  readonly localId: string;
  /** Module-specific extension facts from the server (issue, project, dashboard and gadget ids …). */
  readonly extension: Readonly<Record<string, unknown>>;
  /** The page the frame was rendered on (`extension.location`). */
  readonly location: string;
  /** Dashboard gadgets: where the configuration is stored, read again at every call. */
  readonly gadget?: { readonly dashboardId: string; readonly gadgetId: string };
  readonly customField: boolean;
}

/** Who is calling: the session cookie's token and the person it maps to. */
export interface FrameBinding {
  readonly sessionToken: string | undefined;
  readonly accountId: string | undefined;
}

interface SignedClaims extends FrameClaims {
  readonly v: 1;
  readonly session: string;
  readonly accountId: string | null;
}

export type FrameCheck =
  | { readonly ok: true; readonly claims: FrameClaims }
  | { readonly ok: false; readonly status: number; readonly message: string };

export class FrameTokens {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  issue(claims: FrameClaims, binding: FrameBinding): string {
    const signed: SignedClaims = {
      v: 1,
      ...claims,
      session: sessionKey(binding.sessionToken),
      accountId: binding.accountId ?? null,
    };
    const payload = Buffer.from(JSON.stringify(signed)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  verify(token: unknown, binding: FrameBinding): FrameCheck {
    if (typeof token !== 'string' || token === '') {
      return { ok: false, status: 400, message: 'frame must be the frame token the site rendered.' };
    }
    const dot = token.indexOf('.');
    const payload = dot > 0 ? token.slice(0, dot) : '';
    const signature = dot > 0 ? Buffer.from(token.slice(dot + 1), 'base64url') : Buffer.alloc(0);
    const expected = Buffer.from(this.sign(payload), 'base64url');
    if (payload === '' || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      return {
        ok: false,
        status: 403,
        message:
          'This frame token was not issued by this site (or the site restarted since the page was rendered): reload the page.',
      };
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedClaims;
    if (
      claims.session !== sessionKey(binding.sessionToken) ||
      claims.accountId !== (binding.accountId ?? null)
    ) {
      return {
        ok: false,
        status: 403,
        message: 'This frame was rendered for another session: reload the page to use it as yourself.',
      };
    }
    const { v: _v, session: _s, accountId: _a, ...frame } = claims;
    return { ok: true, claims: frame };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** The session token never goes into a page; its digest does. */
function sessionKey(sessionToken: string | undefined): string {
  return sessionToken ? createHash('sha256').update(sessionToken).digest('base64url').slice(0, 22) : '';
}

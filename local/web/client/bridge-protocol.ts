/**
 * The messages between the host page and its Custom UI frames. Frames are served from another origin, as on
 * Atlassian's CDN, so the two share nothing but `postMessage`. Values cross by structured clone, which
 * cannot carry functions (`events.on` callbacks, flag actions, history listeners, `unsubscribe`), so each
 * side keeps the functions it sends in a registry and the other side gets a stand-in that posts a message
 * to call it. Pure: no DOM, so it is unit-tested in Node.
 */
export const CHANNEL = 'forge-local-bridge';

/** Where a function was left behind: the sender calls it when the receiver calls the stand-in. */
const FUNCTION_KEY = '__forgeLocalFunction';

/** Deeper payloads are refused with a clear error instead of recursing forever on a cycle. */
const MAX_DEPTH = 64;

interface Envelope {
  readonly channel: typeof CHANNEL;
  /** One per frame document, so a frame that reloads never gets the answers of the document before. */
  readonly instance: string;
}

/** From a frame to its host page. */
export type FrameMessage = Envelope &
  (
    | { readonly kind: 'call'; readonly call: number; readonly command: string; readonly payload: unknown }
    /** Calls a function the host sent (an `unsubscribe`, a history's `push`). */
    | { readonly kind: 'apply'; readonly call: number; readonly fn: number; readonly args: unknown[] }
    | { readonly kind: 'resize'; readonly height: number }
  );

/** From the host page to one of its frames. */
export type HostMessage = Envelope &
  (
    | { readonly kind: 'result'; readonly call: number; readonly ok: true; readonly value: unknown }
    | { readonly kind: 'result'; readonly call: number; readonly ok: false; readonly error: string }
    /** Calls a function the frame sent (an event listener, a flag action). */
    | { readonly kind: 'callback'; readonly fn: number; readonly args: unknown[] }
    | { readonly kind: 'theme'; readonly theme: FrameTheme }
  );

/** What `view.theme.enable()` puts on the frame's root element; the frame sets it on its own document. */
export interface FrameTheme {
  readonly dataTheme: string;
  readonly colorMode: 'light' | 'dark';
}

export const FRAME_THEME: FrameTheme['dataTheme'] =
  'dark:dark light:light spacing:spacing typography:typography shape:shape';

type AnyFunction = (...args: unknown[]) => unknown;

/** A copy of `value` that structured clone accepts: every function is replaced by its number in `register`. */
export function encode(value: unknown, register: (fn: AnyFunction) => number, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('A bridge payload is nested too deeply (or refers to itself).');
  if (typeof value === 'function') return { [FUNCTION_KEY]: register(value as AnyFunction) };
  if (Array.isArray(value)) return value.map((item) => encode(item, register, depth + 1));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = encode(item, register, depth + 1);
    return copy;
  }
  return value;
}

/** The value `encode` made, with a stand-in (`stub(n)`) for each function the sender kept. */
export function decode(value: unknown, stub: (fn: number) => AnyFunction, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('A bridge message is nested too deeply.');
  if (Array.isArray(value)) return value.map((item) => decode(item, stub, depth + 1));
  if (isPlainObject(value)) {
    const ref = value[FUNCTION_KEY];
    if (typeof ref === 'number' && Object.keys(value).length === 1) return stub(ref);
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = decode(item, stub, depth + 1);
    return copy;
  }
  return value;
}

export function isFrameMessage(data: unknown): data is FrameMessage {
  if (!isEnvelope(data)) return false;
  switch (data.kind) {
    case 'call':
      return isCallId(data.call) && typeof data.command === 'string';
    case 'apply':
      return isCallId(data.call) && isCallId(data.fn) && Array.isArray(data.args);
    case 'resize':
      return typeof data.height === 'number';
    default:
      return false;
  }
}

export function isHostMessage(data: unknown): data is HostMessage {
  if (!isEnvelope(data)) return false;
  switch (data.kind) {
    case 'result':
      return isCallId(data.call) && typeof data.ok === 'boolean';
    case 'callback':
      return isCallId(data.fn) && Array.isArray(data.args);
    case 'theme': {
      const theme = data.theme as Partial<FrameTheme> | undefined;
      return (
        typeof theme?.dataTheme === 'string' &&
        /^[a-z:\s-]*$/.test(theme.dataTheme) &&
        (theme.colorMode === 'light' || theme.colorMode === 'dark')
      );
    }
    default:
      return false;
  }
}

/** `'/triage'`, `'triage'` or `{ pathname: '/triage', search }` → `'/triage'` (`''` for the root). */
export function subPath(to: unknown): string {
  let path: string;
  if (typeof to === 'string') path = to;
  else if (isPlainObject(to))
    path = `${String(to.pathname ?? '/')}${String(to.search ?? '')}${String(to.hash ?? '')}`;
  else throw new Error('history.push needs a path.');
  if (!path.startsWith('/')) path = `/${path}`;
  return path === '/' ? '' : path;
}

function isEnvelope(data: unknown): data is Record<string, unknown> & Envelope {
  return isPlainObject(data) && data.channel === CHANNEL && typeof data.instance === 'string';
}

function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Any realm's Object.prototype (a frame's, the page's), not class instances such as Date or Blob.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Injected as the first script of every Custom UI resource's index.html, where Atlassian injects its
 * global-bridge.js. It defines `globalThis.__bridge.callBridge`, the one seam the real `@forge/bridge`
 * talks through, and carries every call to the host page by `postMessage`: the frame is on the resources
 * origin and the page on Jira's, so nothing passes by reference. Functions in a payload stay here and the
 * host gets stand-ins (bridge-protocol.ts). Only messages from the parent window, on the page's origin the
 * site named when it served this document, are read.
 */
import {
  CHANNEL,
  decode,
  encode,
  isHostMessage,
  subPath,
  type FrameMessage,
  type FrameTheme,
  type HostMessage,
} from './bridge-protocol';

type CallBridge = (command: string, payload?: unknown) => Promise<unknown>;
type AnyFunction = (...args: unknown[]) => unknown;

declare global {
  interface Window {
    __bridge?: { callBridge: CallBridge };
  }
}

/** Set by the site on this script's tag (resources.ts): the origin of the page that frames this document. */
const hostOrigin = document.currentScript?.getAttribute('data-host-origin') ?? '';
const framed = window.parent !== window && hostOrigin !== '';
// getRandomValues, not randomUUID: a page opened on a LAN name over http is no secure context.
const instance = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');

const callbacks = new Map<number, AnyFunction>();
let nextCallback = 1;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let nextCall = 1;

type Outgoing = FrameMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'channel' | 'instance'>
    : never
  : never;

function post(message: Outgoing): void {
  window.parent.postMessage({ channel: CHANNEL, instance, ...message }, hostOrigin);
}

const register = (fn: AnyFunction): number => {
  const id = nextCallback++;
  callbacks.set(id, fn);
  return id;
};

/** A function the host kept: calling it asks the host to run it and answers what it returned. */
const hostFunction =
  (fn: number): AnyFunction =>
  (...args: unknown[]) =>
    request((call) => ({ kind: 'apply', call, fn, args: encode(args, register) as unknown[] }));

function request(message: (call: number) => Outgoing): Promise<unknown> {
  const call = nextCall++;
  return new Promise((resolve, reject) => {
    pending.set(call, { resolve, reject });
    try {
      post(message(call));
    } catch (error) {
      pending.delete(call);
      reject(error as Error);
    }
  });
}

const callBridge: CallBridge = (command, payload) => {
  if (!framed) {
    return Promise.reject(
      new Error(
        `Bridge call "${command}" failed: this Custom UI resource is not framed by the local Jira site. ` +
          'Open it through an issue, project page or dashboard instead of loading index.html directly.',
      ),
    );
  }
  if (command === 'createHistory') return createHistory();
  let encoded: unknown;
  try {
    encoded = encode(payload, register);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return request((call) => ({ kind: 'call', call, command, payload: encoded }));
};

const bridge = { callBridge };
(globalThis as { __bridge?: typeof bridge }).__bridge = bridge;
window.__bridge = bridge;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || event.origin !== hostOrigin) return;
  const message = event.data;
  if (!isHostMessage(message) || message.instance !== instance) return;
  receive(message);
});

function receive(message: HostMessage): void {
  switch (message.kind) {
    case 'result': {
      const waiting = pending.get(message.call);
      pending.delete(message.call);
      if (!waiting) return;
      if (message.ok) waiting.resolve(decode(message.value, hostFunction));
      else waiting.reject(new Error(message.error));
      return;
    }
    case 'callback': {
      const fn = callbacks.get(message.fn);
      try {
        void fn?.(...(decode(message.args, hostFunction) as unknown[]));
      } catch (error) {
        console.error('[forge bridge] a callback failed', error);
      }
      return;
    }
    case 'theme':
      applyTheme(message.theme);
      return;
  }
}

// ---- view.createHistory: the object lives here, the shell's URL in the host page -----------------------

interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

type HistoryListener = (location: HistoryLocation, action: string) => void;

/** What the host's `createHistory` answers: where the history is now and the functions that move it. */
interface HostHistory {
  readonly base: string;
  readonly action: string;
  readonly location: HistoryLocation;
  readonly length: number;
  push(to: unknown, state?: unknown): Promise<unknown>;
  replace(to: unknown, state?: unknown): Promise<unknown>;
  go(delta: number): Promise<unknown>;
}

/**
 * `history.createHref` and `listen` must answer at once, which no message can, so the history object is
 * built in the frame and the host tells it each move of the shell's URL.
 */
async function createHistory(): Promise<unknown> {
  const listeners = new Set<HistoryListener>();
  // The host's half, once it answered; the object exists before, so a move the host reports early is kept.
  const remote: { host?: HostHistory } = {};
  let action = 'POP';
  let length = 0;
  const move = (go: (h: HostHistory) => Promise<unknown>) => {
    if (!remote.host) return;
    go(remote.host).catch((error: unknown) => console.error('[forge bridge] history move failed', error));
  };
  const history = {
    get action() {
      return action;
    },
    // A plain property: @forge/bridge writes it from its own listener too.
    location: undefined as HistoryLocation | undefined,
    get length() {
      return length;
    },
    push: (to: unknown, historyState?: unknown) => move((h) => h.push(to, historyState)),
    replace: (to: unknown, historyState?: unknown) => move((h) => h.replace(to, historyState)),
    go: (delta: number) => move((h) => h.go(delta)),
    back: () => move((h) => h.go(-1)),
    forward: () => move((h) => h.go(1)),
    goBack: () => move((h) => h.go(-1)),
    goForward: () => move((h) => h.go(1)),
    block: () => () => undefined,
    createHref: (to: unknown) => (remote.host?.base ?? '') + subPath(to),
    listen: (listener: HistoryListener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const onChange = (location: HistoryLocation, moved: string, newLength: number) => {
    history.location = location;
    action = moved;
    length = newLength;
    for (const listener of [...listeners]) listener(location, moved);
  };
  const host = (await request((call) => ({
    kind: 'call',
    call,
    command: 'createHistory',
    payload: encode({ onChange }, register),
  }))) as HostHistory;
  remote.host = host;
  if (!history.location) {
    history.location = host.location;
    action = host.action;
    length = host.length;
  }
  return history;
}

// ---- theming and size ------------------------------------------------------------------------------------

/** `view.theme.enable()`: the host says which theme; the frame puts it on its own document. */
function applyTheme(theme: FrameTheme): void {
  const root = document.documentElement;
  root.setAttribute('data-theme', theme.dataTheme);
  root.setAttribute('data-color-mode', theme.colorMode);
  root.style.colorScheme = theme.colorMode;
  if (!document.getElementById('forge-host-theme')) {
    const link = document.createElement('link');
    link.id = 'forge-host-theme';
    link.rel = 'stylesheet';
    // The design-token themes, from this origin as Atlassian's come from its CDN.
    link.href = '/local/web/theme.css';
    document.head.prepend(link);
  }
}

/** Tell the host the content height, so the iframe grows and shrinks with it (iframe-resizer's job on Jira). */
function reportHeight(): void {
  if (!framed) return;
  post({ kind: 'resize', height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
}

function watchHeight(): void {
  new ResizeObserver(reportHeight).observe(document.documentElement);
  reportHeight();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchHeight);
else watchHeight();

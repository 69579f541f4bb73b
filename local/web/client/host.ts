/**
 * The bridge host: what Jira's product page does for the Custom UI frames it shows. Every frame's
 * `callBridge(command, payload)` arrives here as a message (see frame-bridge.ts) and is answered the way
 * Jira answers it: the module's context, resolver calls through the site, product REST calls as the
 * signed-in person, gadget configuration, history for project subpages, navigation, flags, events and
 * theming. Frames live on the resources origin; a message counts only when it comes from the window of an
 * iframe this host mounted and from that iframe's origin, and the frame is known by that window alone.
 */
import {
  CHANNEL,
  decode,
  encode,
  FRAME_THEME,
  isFrameMessage,
  subPath,
  type FrameMessage,
  type HostMessage,
} from './bridge-protocol';
import type { FrameSpec, RenderedFrame, ShellFacts } from './host-api';
import { showFlag, closeFlag, type FlagOptions } from './flags';
import { frameExtension, frameTheme } from './frame-context';
import { refreshIssueView } from './issue-refresh';
import { productRequest } from './product-fetch';
import { restJson } from './rest';
import { colorMode, onColorModeChange } from './theme';

type Callback = (...args: unknown[]) => unknown;

/** Modules Jira shows on the issue view: their `view.refresh()` shows the issue afresh. */
const ISSUE_VIEW_MODULES: ReadonlySet<string> = new Set([
  'jira:issuePanel',
  'jira:issueGlance',
  'jira:issueContext',
  'jira:issueActivity',
]);

interface MountedFrame {
  readonly id: string;
  readonly spec: RenderedFrame;
  readonly entryPoint: 'view' | 'edit';
  readonly iframe: HTMLIFrameElement;
  /** The resources origin the iframe was given; its messages must come from it. */
  readonly origin: string;
  readonly container: HTMLElement;
  themed: boolean;
  /** The frame document talking now; a new one (the frame reloaded) starts with nothing of the old. */
  instance: string | undefined;
  /** Functions this host sent the frame (`unsubscribe`, history moves), by the number the frame calls. */
  readonly functions: Map<number, Callback>;
  nextFunction: number;
}

interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

type HistoryListener = (location: HistoryLocation, action: string, length: number) => unknown;

interface FrameHistory {
  action: string;
  location: HistoryLocation;
  /** The frame's own history object, told of every move of the shell's URL under `base`. */
  readonly onChange: HistoryListener | undefined;
  readonly base: string;
}

type Outgoing = HostMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'channel' | 'instance'>
    : never
  : never;

export class BridgeHost {
  private readonly frames = new Map<string, MountedFrame>();
  private readonly subscriptions = new Map<string, Set<{ frameId: string; callback: Callback }>>();
  private readonly histories = new Map<string, FrameHistory>();
  /** Saved configuration per gadget id: starts from the page, follows each `view.submit`. */
  private readonly gadgetConfigs = new Map<string, Record<string, unknown>>();
  private readonly refreshTimers = new Map<string, number>();
  private nextFrame = 1;

  constructor(private readonly site: ShellFacts) {
    onColorModeChange(() => {
      for (const frame of this.frames.values()) if (frame.themed) this.applyTheme(frame);
    });
    window.addEventListener('popstate', () => this.notifyHistories('POP'));
    window.addEventListener('message', (event) => this.receive(event));
  }

  // ---- frames -------------------------------------------------------------------------------------

  /** Puts a module's frame into `container`, replacing whatever frame was there. */
  mount(container: HTMLElement, spec: RenderedFrame, entryPoint: 'view' | 'edit' = 'view'): MountedFrame {
    for (const old of this.frames.values()) if (old.container === container) this.unmount(old.id);
    const id = `forge-frame-${this.nextFrame++}`;
    const iframe = document.createElement('iframe');
    iframe.setAttribute('data-frame-id', id);
    iframe.setAttribute('data-module-key', spec.moduleKey);
    iframe.setAttribute('data-entry-point', entryPoint);
    iframe.title = spec.title;
    iframe.className = 'forge-frame';
    // The features Jira grants its Custom UI iframes; a frame on another origin has none unless granted.
    iframe.allow = 'camera; clipboard-write; display-capture; fullscreen; microphone';
    const resourceKey = entryPoint === 'edit' ? (spec.editResourceKey ?? spec.resourceKey) : spec.resourceKey;
    const src = new URL(
      `/local/resources/${encodeURIComponent(resourceKey)}/index.html`,
      this.site.resourcesOrigin,
    );
    iframe.src = src.href;
    const frame: MountedFrame = {
      id,
      spec,
      entryPoint,
      iframe,
      origin: src.origin,
      container,
      themed: false,
      instance: undefined,
      functions: new Map(),
      nextFunction: 1,
    };
    this.frames.set(id, frame);
    const configuration = spec.extension.gadgetConfiguration;
    if (spec.gadget && !this.gadgetConfigs.has(spec.gadget.gadgetId)) {
      this.gadgetConfigs.set(spec.gadget.gadgetId, isObject(configuration) ? configuration : {});
      this.scheduleAutoRefresh(spec);
    }
    container.replaceChildren(iframe);
    return frame;
  }

  unmount(frameId: string): void {
    this.forgetDocument(frameId);
    this.frames.delete(frameId);
  }

  /** What a frame document had subscribed and been given, dropped when it goes. */
  private forgetDocument(frameId: string): void {
    this.histories.delete(frameId);
    this.frames.get(frameId)?.functions.clear();
    for (const subscribers of this.subscriptions.values()) {
      for (const s of subscribers) if (s.frameId === frameId) subscribers.delete(s);
    }
  }

  /** Drops the frames inside `root`, which is about to leave the page. */
  unmountWithin(root: Element): void {
    for (const frame of [...this.frames.values()]) if (root.contains(frame.container)) this.unmount(frame.id);
  }

  /** Mounts every `[data-forge-frame]` placeholder the server rendered. */
  mountAll(root: ParentNode = document): void {
    for (const element of root.querySelectorAll<HTMLElement>('[data-forge-frame]')) {
      const spec = JSON.parse(element.getAttribute('data-forge-frame') ?? '{}') as RenderedFrame;
      const entryPoint = element.getAttribute('data-entry-point') === 'edit' ? 'edit' : 'view';
      this.mount(element, spec, entryPoint);
    }
  }

  private resizeFrame(frame: MountedFrame, height: number): void {
    if (!Number.isFinite(height)) return;
    frame.iframe.style.height = `${Math.min(Math.max(height, 24), 4000)}px`;
  }

  // ---- the messages -------------------------------------------------------------------------------

  /** A message counts only from a mounted frame's window, from the origin that frame was given. */
  private receive(event: MessageEvent<unknown>): void {
    const frame = [...this.frames.values()].find((f) => f.iframe.contentWindow === event.source);
    if (!frame || event.origin !== frame.origin || !isFrameMessage(event.data)) return;
    const message = event.data;
    if (frame.instance !== message.instance) {
      if (frame.instance !== undefined) this.forgetDocument(frame.id);
      frame.instance = message.instance;
    }
    this.handle(frame, message);
  }

  private handle(frame: MountedFrame, message: FrameMessage): void {
    switch (message.kind) {
      case 'resize':
        this.resizeFrame(frame, message.height);
        return;
      case 'call':
        void this.answer(frame, message.call, () =>
          this.callBridge(frame, message.command, decode(message.payload, this.callbackOf(frame))),
        );
        return;
      case 'apply': {
        const fn = frame.functions.get(message.fn);
        void this.answer(frame, message.call, async () => {
          if (!fn) throw new Error('This function of the host is gone (its frame was reloaded).');
          return fn(...(decode(message.args, this.callbackOf(frame)) as unknown[]));
        });
        return;
      }
    }
  }

  private async answer(frame: MountedFrame, call: number, run: () => Promise<unknown>): Promise<void> {
    const instance = frame.instance;
    let reply: Outgoing;
    try {
      const value = await run();
      reply = { kind: 'result', call, ok: true, value: encode(value, (fn) => this.keep(frame, fn)) };
    } catch (error) {
      reply = { kind: 'result', call, ok: false, error: (error as Error)?.message ?? String(error) };
    }
    if (frame.instance === instance) this.post(frame, reply);
  }

  /** A function the frame sent: calling it posts a message, and the frame runs the function. */
  private callbackOf(frame: MountedFrame): (fn: number) => Callback {
    const instance = frame.instance;
    return (fn) =>
      (...args: unknown[]) => {
        if (frame.instance !== instance || !this.frames.has(frame.id)) return;
        this.post(frame, {
          kind: 'callback',
          fn,
          args: encode(args, (f) => this.keep(frame, f)) as unknown[],
        });
      };
  }

  private keep(frame: MountedFrame, fn: Callback): number {
    const id = frame.nextFunction++;
    frame.functions.set(id, fn);
    return id;
  }

  private post(frame: MountedFrame, message: Outgoing): void {
    const target = frame.iframe.contentWindow;
    if (!target || frame.instance === undefined) return;
    try {
      target.postMessage({ channel: CHANNEL, instance: frame.instance, ...message }, frame.origin);
    } catch (error) {
      // A value the structured clone refuses (a DOM node, say) still gets an answer, as an error.
      if (message.kind === 'result' && message.ok)
        this.post(frame, { kind: 'result', call: message.call, ok: false, error: (error as Error).message });
      else console.error('[forge host] could not message a frame', error);
    }
  }

  // ---- the bridge ---------------------------------------------------------------------------------

  private callBridge(frame: MountedFrame, command: string, payload?: unknown): Promise<unknown> {
    const handler = Object.hasOwn(this.commands, command) ? this.commands[command] : undefined;
    if (!handler) {
      const message =
        `The local Jira site does not support the bridge command "${command}" (called by ${frame.spec.moduleKey}). ` +
        `Supported commands: ${Object.keys(this.commands).sort().join(', ')}.`;
      console.error(`[forge host] ${message}`);
      return Promise.reject(new Error(message));
    }
    try {
      return Promise.resolve(handler(frame, payload));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private readonly commands: Record<string, (frame: MountedFrame, payload: unknown) => unknown> = {
    getContext: (frame) => this.contextOf(frame),
    invoke: (frame, payload) => this.invoke(frame, payload),
    fetchProduct: (_frame, payload) => this.fetchProduct(payload),
    submit: (frame, payload) => this.submit(frame, payload),
    close: (frame) => this.close(frame),
    refresh: async (frame) => {
      if (frame.spec.gadget) {
        this.refreshGadget(frame.spec.gadget.gadgetId, 'gadget');
        return true;
      }
      if (!ISSUE_VIEW_MODULES.has(frame.spec.moduleType)) return false;
      await refreshIssueView(this);
      return true;
    },
    enableTheming: (frame) => {
      frame.themed = true;
      this.applyTheme(frame);
    },
    createHistory: (frame, payload) => this.createHistory(frame, payload),
    changeWindowTitle: (_frame, title) => {
      if (typeof title === 'string') document.title = title;
    },
    emitReadyEvent: () => undefined,
    navigate: (frame, payload) => this.navigate(frame, payload),
    getUrl: (frame, payload) => this.urlFor(frame, payload),
    reload: () => window.location.reload(),
    showFlag: (_frame, payload) => showFlag(payload as FlagOptions),
    closeFlag: (_frame, payload) => closeFlag((payload as { id?: unknown } | undefined)?.id),
    emit: (_frame, payload) => this.emit(payload, ''),
    on: (frame, payload) => this.on(frame, payload, ''),
    emitPublic: (_frame, payload) => this.emit(payload, 'public:'),
    onPublic: (frame, payload) => this.on(frame, payload, 'public:'),
  };

  /** `view.getContext()`: from the same spec the site signed, so it matches what resolvers get. */
  contextOf(frame: MountedFrame): Record<string, unknown> {
    const { spec } = frame;
    const extension = frameExtension(
      {
        extension: spec.extension,
        isGadget: !!spec.gadget,
        isCustomField: spec.moduleType === 'jira:customField',
      },
      frame.entryPoint,
      window.location.href,
      spec.gadget ? this.gadgetConfigs.get(spec.gadget.gadgetId) : undefined,
    );
    return {
      accountId: this.site.accountId,
      cloudId: this.site.cloudId,
      extension,
      environmentId: this.site.environmentId,
      environmentType: this.site.environmentType,
      localId: frame.spec.localId,
      locale: this.site.locale,
      moduleKey: frame.spec.moduleKey,
      siteUrl: this.site.siteUrl,
      timezone: this.site.timezone,
      theme: frameTheme(colorMode()),
    };
  }

  private async invoke(frame: MountedFrame, payload: unknown): Promise<unknown> {
    const {
      functionKey,
      payload: data,
      metadata,
    } = (payload ?? {}) as {
      functionKey?: unknown;
      payload?: unknown;
      metadata?: unknown;
    };
    const token = frame.spec.tokens[frame.entryPoint];
    if (!token) throw new Error(`The site gave ${frame.spec.moduleKey} no ${frame.entryPoint} entry point.`);
    // Only the frame's token: the site builds the context the resolver gets, as the platform does.
    const response = await fetch('/local/bridge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ frame: token, functionKey, payload: data }),
    });
    const body = (await response.json().catch(() => ({}))) as { result?: unknown; errorMessages?: string[] };
    if (!response.ok)
      throw new Error(body.errorMessages?.join(' ') || `invoke failed with HTTP ${response.status}`);
    return metadata === undefined ? body.result : { body: body.result, metadata };
  }

  private async fetchProduct(payload: unknown): Promise<unknown> {
    const request = productRequest(payload, window.location.origin);
    const response = await fetch(request.url, request.init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { body: await response.text(), headers, status: response.status, statusText: response.statusText };
  }

  private async submit(frame: MountedFrame, payload: unknown): Promise<boolean> {
    const gadget = frame.spec.gadget;
    if (gadget && frame.entryPoint === 'edit') {
      if (!isObject(payload))
        throw new Error('view.submit in a gadget edit view needs the configuration object.');
      await restJson(
        'PUT',
        `/rest/api/3/dashboard/${gadget.dashboardId}/items/${gadget.gadgetId}/properties/config`,
        payload,
      );
      this.gadgetConfigs.set(gadget.gadgetId, payload);
      this.scheduleAutoRefresh(frame.spec);
      // Let the frame's submit() resolve before its view replaces it.
      setTimeout(() => this.mount(frame.container, frame.spec, 'view'), 0);
      return true;
    }
    const field = frame.spec.customField;
    if (field && frame.entryPoint === 'edit') {
      await restJson('PUT', `/rest/api/3/issue/${encodeURIComponent(field.issueKey)}`, {
        fields: { [field.fieldId]: payload ?? null },
      });
      setTimeout(() => window.location.reload(), 0);
      return true;
    }
    return false;
  }

  private close(frame: MountedFrame): boolean {
    if (frame.entryPoint !== 'edit' || (!frame.spec.gadget && !frame.spec.customField)) return false;
    setTimeout(() => this.mount(frame.container, frame.spec, 'view'), 0);
    return true;
  }

  // ---- dashboards ---------------------------------------------------------------------------------

  /** Opens a gadget's edit entry point in place of its view. */
  editGadget(gadgetId: string): boolean {
    return this.openEdit([...this.frames.values()].find((f) => f.spec.gadget?.gadgetId === gadgetId));
  }

  /** Opens a custom field's edit entry point in place of its view. */
  editField(fieldId: string): boolean {
    return this.openEdit([...this.frames.values()].find((f) => f.spec.customField?.fieldId === fieldId));
  }

  private openEdit(frame: MountedFrame | undefined): boolean {
    if (!frame?.spec.editResourceKey || frame.entryPoint === 'edit') return false;
    this.mount(frame.container, frame.spec, 'edit');
    return true;
  }

  /**
   * Jira re-renders a refreshable gadget; a gadget with `refreshable: false` gets the
   * JIRA_DASHBOARD_GADGET_REFRESH event instead and refreshes itself.
   */
  refreshGadget(gadgetId: string, origin: 'dashboard' | 'gadget'): void {
    const frame = [...this.frames.values()].find((f) => f.spec.gadget?.gadgetId === gadgetId);
    if (!frame || frame.entryPoint === 'edit') return;
    if (frame.spec.gadget?.refreshable === false) {
      this.emit({ event: 'JIRA_DASHBOARD_GADGET_REFRESH', payload: { origin, gadgetId } }, '');
    } else {
      this.mount(frame.container, frame.spec, 'view');
    }
  }

  refreshDashboard(): void {
    for (const gadgetId of this.gadgetConfigs.keys()) this.refreshGadget(gadgetId, 'dashboard');
  }

  forgetGadget(gadgetId: string): void {
    const timer = this.refreshTimers.get(gadgetId);
    if (timer !== undefined) window.clearInterval(timer);
    this.refreshTimers.delete(gadgetId);
    this.gadgetConfigs.delete(gadgetId);
    for (const frame of [...this.frames.values()])
      if (frame.spec.gadget?.gadgetId === gadgetId) this.unmount(frame.id);
  }

  /** `refresh: <minutes>` in a gadget's configuration asks Jira to refresh it that often. */
  private scheduleAutoRefresh(spec: FrameSpec): void {
    if (!spec.gadget) return;
    const { gadgetId } = spec.gadget;
    const old = this.refreshTimers.get(gadgetId);
    if (old !== undefined) window.clearInterval(old);
    this.refreshTimers.delete(gadgetId);
    const minutes = this.gadgetConfigs.get(gadgetId)?.refresh;
    if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes > 0) {
      this.refreshTimers.set(
        gadgetId,
        window.setInterval(() => this.refreshGadget(gadgetId, 'gadget'), minutes * 60_000),
      );
    }
  }

  // ---- events -------------------------------------------------------------------------------------

  private on(frame: MountedFrame, payload: unknown, namespace: string): { unsubscribe(): void } {
    const { event, callback } = (payload ?? {}) as { event?: unknown; callback?: unknown };
    if (typeof event !== 'string' || typeof callback !== 'function') {
      throw new Error('events.on needs an event name and a callback function.');
    }
    const key = namespace + event;
    const subscribers = this.subscriptions.get(key) ?? new Set();
    this.subscriptions.set(key, subscribers);
    const subscription = { frameId: frame.id, callback: callback as Callback };
    subscribers.add(subscription);
    return { unsubscribe: () => void subscribers.delete(subscription) };
  }

  /** Delivers an event to every subscribed frame on the page, as Jira does across extensions. */
  emit(payload: unknown, namespace: string): void {
    const { event, payload: data } = (payload ?? {}) as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string') throw new Error('events.emit needs an event name.');
    for (const { callback } of [...(this.subscriptions.get(namespace + event) ?? [])]) {
      try {
        void callback(data);
      } catch (error) {
        console.error(`[forge host] a listener of ${event} failed`, error);
      }
    }
  }

  // ---- history (project page subpages) ------------------------------------------------------------

  /**
   * The frame builds the history object (listen and createHref must answer at once); the host moves the
   * shell's URL and tells the frame's `onChange` of every move.
   */
  private createHistory(frame: MountedFrame, payload: unknown): unknown {
    const base = frame.spec.historyBase;
    if (!base)
      throw new Error(
        `view.createHistory is only available to full-page modules, not ${frame.spec.moduleType}.`,
      );
    const { onChange } = (payload ?? {}) as { onChange?: unknown };
    const history: FrameHistory = {
      action: 'POP',
      location: locationUnder(base),
      onChange: typeof onChange === 'function' ? (onChange as HistoryListener) : undefined,
      base,
    };
    this.histories.set(frame.id, history);
    const navigate = (to: unknown, historyState: unknown, action: 'PUSH' | 'REPLACE') => {
      const target = base + subPath(to);
      if (action === 'PUSH') window.history.pushState(historyState ?? null, '', target);
      else window.history.replaceState(historyState ?? null, '', target);
      this.notifyHistories(action);
    };
    return {
      base,
      action: history.action,
      location: history.location,
      length: window.history.length,
      push: (to: unknown, historyState?: unknown) => navigate(to, historyState, 'PUSH'),
      replace: (to: unknown, historyState?: unknown) => navigate(to, historyState, 'REPLACE'),
      go: (delta: unknown) => window.history.go(typeof delta === 'number' ? delta : 0),
    };
  }

  /** The shell's URL changed: tell every frame history whose base still contains it. */
  private notifyHistories(action: string): void {
    for (const history of this.histories.values()) {
      if (!isUnder(window.location.pathname, history.base)) continue;
      history.action = action;
      history.location = locationUnder(history.base);
      void history.onChange?.(history.location, action, window.history.length);
    }
    document.dispatchEvent(new CustomEvent('forge-host:navigated'));
  }

  /** Side navigation of a project page: move the frame's history instead of reloading the page. */
  pushSubpage(path: string): boolean {
    const history = [...this.histories.values()].find((h) => isUnder(window.location.pathname, h.base));
    if (!history) return false;
    window.history.pushState(null, '', history.base + subPath(path));
    this.notifyHistories('PUSH');
    return true;
  }

  // ---- navigation ---------------------------------------------------------------------------------

  private navigate(frame: MountedFrame, payload: unknown): void {
    const { type } = (payload ?? {}) as { type?: unknown };
    const url = this.urlFor(frame, payload);
    if (type === 'new-tab') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  private urlFor(frame: MountedFrame, payload: unknown): string {
    const location = (payload ?? {}) as Record<string, unknown>;
    if (typeof location.url === 'string') {
      const url = new URL(location.url, window.location.href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`Cannot navigate to ${location.url}.`);
      return url.href;
    }
    const origin = window.location.origin;
    switch (location.target) {
      case 'issue':
        if (typeof location.issueKey !== 'string') throw new Error('The issue target needs an issueKey.');
        return `${origin}/browse/${encodeURIComponent(location.issueKey)}`;
      case 'dashboard':
        if (typeof location.dashboardId !== 'string')
          throw new Error('The dashboard target needs a dashboardId.');
        return `${origin}/jira/dashboards/${encodeURIComponent(location.dashboardId)}`;
      case 'module': {
        const module = this.site.modules[String(location.moduleKey)];
        const project = (frame.spec.extension.project as { key?: string } | undefined)?.key;
        const projectKey = typeof location.projectKey === 'string' ? location.projectKey : project;
        if (module === 'jira:projectPage' && projectKey) {
          return `${origin}/jira/software/projects/${encodeURIComponent(projectKey)}/apps/${this.site.appId}/${this.site.environmentId}`;
        }
        if (module === 'jira:dashboardGadget') return `${origin}/jira/dashboards`;
        throw new Error(`The local site cannot open module ${String(location.moduleKey)} as a page.`);
      }
      default:
        throw new Error(`The local Jira site cannot navigate to target ${String(location.target)}.`);
    }
  }

  // ---- theming ------------------------------------------------------------------------------------

  /** What Jira does for `view.theme.enable()`: the frame sets the theme on its own document. */
  private applyTheme(frame: MountedFrame): void {
    this.post(frame, { kind: 'theme', theme: { dataTheme: FRAME_THEME, colorMode: colorMode() } });
  }
}

function locationUnder(base: string): HistoryLocation {
  const rest = window.location.pathname.slice(base.length);
  return {
    pathname: rest === '' ? '/' : rest,
    search: window.location.search,
    hash: window.location.hash,
    state: window.history.state as unknown,
    key: Math.random().toString(36).slice(2, 8),
  };
}

function isUnder(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

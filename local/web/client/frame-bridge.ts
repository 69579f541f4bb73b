/**
 * Injected as the first script of every Custom UI resource's index.html, where Atlassian injects its
 * global-bridge.js. It defines `globalThis.__bridge.callBridge`, the one seam the real `@forge/bridge`
 * talks through, and forwards every call to the host page that framed it. Host and frame share an origin,
 * so arguments and results (callback functions included) pass by reference.
 */
import type { ForgeHostApi } from './host-api';

type CallBridge = (command: string, payload?: unknown) => Promise<unknown>;

declare global {
  interface Window {
    __bridge?: { callBridge: CallBridge };
    __forgeHost?: ForgeHostApi;
  }
}

function hostPage(): { host: ForgeHostApi; frameId: string } | undefined {
  try {
    const frame = window.frameElement;
    const host = window.parent !== window ? window.parent.__forgeHost : undefined;
    const frameId = frame?.getAttribute('data-frame-id');
    return host && frameId ? { host, frameId } : undefined;
  } catch {
    return undefined;
  }
}

const callBridge: CallBridge = (command, payload) => {
  const found = hostPage();
  if (!found) {
    return Promise.reject(
      new Error(
        `Bridge call "${command}" failed: this Custom UI resource is not framed by the local Jira site. ` +
          'Open it through an issue, project page or dashboard instead of loading index.html directly.',
      ),
    );
  }
  return found.host.callBridge(found.frameId, command, payload);
};

const bridge = { callBridge };
(globalThis as { __bridge?: typeof bridge }).__bridge = bridge;
window.__bridge = bridge;

/** Tell the host the content height, so the iframe grows and shrinks with it (iframe-resizer's job on Jira). */
function reportHeight(): void {
  const found = hostPage();
  if (!found) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  found.host.resizeFrame(found.frameId, height);
}

function watchHeight(): void {
  new ResizeObserver(reportHeight).observe(document.documentElement);
  reportHeight();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchHeight);
else watchHeight();

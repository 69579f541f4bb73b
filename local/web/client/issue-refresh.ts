/**
 * What Jira's issue view does when an app on it calls `view.refresh()` (or `refreshIssueView`): it reads
 * the issue again and shows its summary, fields, status and comments afresh without reloading the page,
 * so the app's own panels keep their state. The issue page marks the parts Jira re-renders with
 * `data-issue-refresh`; this reads the page again as the signed-in person and swaps exactly those parts,
 * mounting the frames in them (a Forge custom field, say) anew.
 */
export interface FrameMounts {
  /** Drops every frame mounted inside `root`, before it leaves the page. */
  unmountWithin(root: Element): void;
  mountAll(root: ParentNode): void;
}

export const REFRESHED_EVENT = 'forge-host:issue-refreshed';

export async function refreshIssueView(frames: FrameMounts): Promise<void> {
  const parts = [...document.querySelectorAll<HTMLElement>('[data-issue-refresh]')];
  if (parts.length === 0) throw new Error('This page shows no issue to refresh.');
  const response = await fetch(window.location.href, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { accept: 'text/html' },
  });
  if (!response.ok) throw new Error(`Jira could not show the issue again (HTTP ${response.status}).`);
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const part of parts) {
    const name = part.getAttribute('data-issue-refresh') ?? '';
    const replacement = fresh.querySelector(`[data-issue-refresh="${CSS.escape(name)}"]`);
    frames.unmountWithin(part);
    if (!replacement) {
      part.replaceChildren();
      continue;
    }
    const adopted = document.importNode(replacement, true);
    part.replaceWith(adopted);
    frames.mountAll(adopted);
  }
  document.dispatchEvent(new CustomEvent(REFRESHED_EVENT));
}

/**
 * The shell page's browser code. Loaded as a blocking script in `<head>`, so the bridge host listens for
 * its frames' messages before any Custom UI frame runs. Page actions change Jira only through its REST API (`/rest/api/3/…`)
 * with the session cookie, so they fire the same product events and triggers as any other client.
 */
import type { ShellFacts } from './host-api';
import { BridgeHost } from './host';
import { notify } from './flags';
import { restJson } from './rest';
import { colorMode, setColorMode } from './theme';
import { renderRequestLog } from './request-log';

const facts = JSON.parse(document.getElementById('forge-site')?.textContent ?? '{}') as ShellFacts;
const host = new BridgeHost(facts);

type Action = (element: HTMLElement, event: Event) => Promise<void> | void;

/** `data-action` → what it does. Forms run on submit, other elements on click. */
const actions: Record<string, Action> = {
  'theme-toggle': () => setColorMode(colorMode() === 'dark' ? 'light' : 'dark'),

  'switch-user': (form) => {
    const data = new FormData(form as HTMLFormElement);
    const next = `${window.location.pathname}${window.location.search}`;
    window.location.assign(
      `/local/login?as=${encodeURIComponent(String(data.get('as')))}&next=${encodeURIComponent(next)}`,
    );
  },

  transition: async (form) => {
    const { issueKey } = form.dataset;
    const id = String(new FormData(form as HTMLFormElement).get('transition') ?? '');
    await restJson('POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id } });
    window.location.reload();
  },

  assign: async (form) => {
    const { issueKey } = form.dataset;
    const accountId = String(new FormData(form as HTMLFormElement).get('accountId') ?? '');
    await restJson('PUT', `/rest/api/3/issue/${issueKey}/assignee`, {
      accountId: accountId === '' ? null : accountId,
    });
    window.location.reload();
  },

  comment: async (form) => {
    const { issueKey } = form.dataset;
    const text = String(new FormData(form as HTMLFormElement).get('body') ?? '').trim();
    if (!text) throw new Error('Write a comment first.');
    await restJson('POST', `/rest/api/3/issue/${issueKey}/comment`, { body: adfOf(text) });
    window.location.reload();
  },

  'edit-issue': async (form) => {
    const { issueKey } = form.dataset;
    const data = new FormData(form as HTMLFormElement);
    const labels = String(data.get('labels') ?? '')
      .split(/[\s,]+/)
      .filter((label) => label !== '');
    await restJson('PUT', `/rest/api/3/issue/${issueKey}`, {
      fields: {
        summary: String(data.get('summary') ?? ''),
        labels,
        priority: { id: String(data.get('priority')) },
      },
    });
    window.location.reload();
  },

  'create-issue': async (form) => {
    const data = new FormData(form as HTMLFormElement);
    const description = String(data.get('description') ?? '').trim();
    const labels = String(data.get('labels') ?? '')
      .split(/[\s,]+/)
      .filter((label) => label !== '');
    const fields: Record<string, unknown> = {
      project: { key: String(data.get('project') ?? '') },
      issuetype: { id: String(data.get('issuetype') ?? '') },
      summary: String(data.get('summary') ?? ''),
      ...(description ? { description: adfOf(description) } : {}),
      ...(data.get('priority') ? { priority: { id: String(data.get('priority')) } } : {}),
      ...(labels.length > 0 ? { labels } : {}),
    };
    const components = data.getAll('components').map((id) => ({ id: String(id) }));
    if (components.length > 0) fields.components = components;
    const created = await restJson<{ key: string }>('POST', '/rest/api/3/issue', { fields });
    window.location.assign(`/browse/${encodeURIComponent(created.key)}`);
  },

  'create-dashboard': async (form) => {
    const name = String(new FormData(form as HTMLFormElement).get('name') ?? '').trim();
    const created = await restJson<{ id: string }>('POST', '/rest/api/3/dashboard', {
      name,
      sharePermissions: [],
      editPermissions: [],
    });
    window.location.assign(`/jira/dashboards/${created.id}`);
  },

  'add-gadget': async (button) => {
    const { dashboardId, moduleKey } = button.dataset;
    const gadget = await restJson<{ id: number }>('POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
      moduleKey,
    });
    // A new configurable gadget opens in its edit view, as on Jira.
    window.location.assign(`/jira/dashboards/${dashboardId}?configure=${gadget.id}`);
  },

  'configure-gadget': (button) => {
    if (!host.editGadget(button.dataset.gadgetId ?? '')) throw new Error('This gadget has no configuration.');
  },

  'edit-field': (button) => {
    if (!host.editField(button.dataset.fieldId ?? '')) throw new Error('This field cannot be edited here.');
  },

  'refresh-gadget': (button) => host.refreshGadget(button.dataset.gadgetId ?? '', 'gadget'),

  'refresh-dashboard': () => host.refreshDashboard(),

  'remove-gadget': async (button) => {
    const { dashboardId, gadgetId } = button.dataset;
    await restJson('DELETE', `/rest/api/3/dashboard/${dashboardId}/gadget/${gadgetId}`);
    host.forgetGadget(gadgetId ?? '');
    button.closest('.gadget')?.remove();
  },

  subpage: (link, event) => {
    if (host.pushSubpage(link.dataset.subpage ?? '/')) event.preventDefault();
  },

  'clear-requests': async () => {
    await restJson('DELETE', '/local/api/requests');
    await renderRequestLog();
  },

  'refresh-requests': () => renderRequestLog(),
};

function adfOf(text: string) {
  return {
    type: 'doc',
    version: 1,
    content: text
      .split(/\n{2,}/)
      .map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })),
  };
}

async function run(element: HTMLElement, event: Event): Promise<void> {
  const action = actions[element.dataset.action ?? ''];
  if (!action) return;
  if (element instanceof HTMLFormElement || element.tagName !== 'A') event.preventDefault();
  const busy =
    element instanceof HTMLFormElement
      ? element.querySelector('button[type=submit]')
      : element.tagName === 'A'
        ? null
        : element;
  busy?.setAttribute('disabled', '');
  try {
    await action(element, event);
  } catch (error) {
    notify('error', 'That did not work', (error as Error).message);
  } finally {
    busy?.removeAttribute('disabled');
  }
}

document.addEventListener('submit', (event) => {
  const form = (event.target as HTMLElement).closest<HTMLElement>('form[data-action]');
  if (form) void run(form, event);
});

document.addEventListener('click', (event) => {
  const element = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (element && !(element instanceof HTMLFormElement)) void run(element, event);
});

document.addEventListener('change', (event) => {
  const select = event.target as HTMLElement;
  if (select.matches('form[data-action="switch-user"] select'))
    (select.closest('form') as HTMLFormElement).requestSubmit();
  if (select.id === 'request-caller') void renderRequestLog();
  // The create form shows the chosen project's components: load the form again for that project.
  const param = select.getAttribute('data-reload-param');
  if (param && select instanceof HTMLSelectElement) {
    const url = new URL(window.location.href);
    url.searchParams.set(param, select.value);
    window.location.assign(url.href);
  }
});

/** Keeps the project page's side navigation in step with the frame's history. */
function markCurrentSubpage(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.sidenav a[data-subpage]')) {
    if (new URL(link.href).pathname === window.location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
document.addEventListener('forge-host:navigated', markCurrentSubpage);

document.addEventListener('DOMContentLoaded', () => {
  host.mountAll();
  markCurrentSubpage();
  if (document.querySelector('[data-page="requests"]')) void renderRequestLog();
});

import { mayEdit, mayView } from '../dashboards/access';
import { GADGET_CONFIG_PROPERTY, type DashboardStore } from '../dashboards/store';
import { gadgetFrame } from '../frames';
import { html } from '../html';
import { titleOf } from '../modules';
import type { PageEnv } from './env';

/** `/jira/dashboards`: every dashboard the person may see, and a form to make one. */
export function dashboardListPage(env: PageEnv, store: DashboardStore) {
  if (!env.viewer) return env.error(401, 'Sign in to see dashboards.');
  return env.page({
    title: 'Dashboards',
    body: html`<h1>Dashboards</h1>
      <ul data-testid="dashboards">
        ${store
          .list()
          .filter((d) => mayView(d, env.dashboardCaller))
          .map(
            (d) =>
              html`<li>
                <a href="/jira/dashboards/${d.id}">${d.name}</a>
                ${d.owner === null ? html`<span class="muted">(system)</span>` : null}
              </li>`,
          )}
      </ul>
      <h2>Create dashboard</h2>
      <form class="inline-form" data-action="create-dashboard">
        <label>Name <input name="name" required maxlength="255" /></label>
        <button type="submit" class="primary">Create</button>
      </form>`,
  });
}

/**
 * `/jira/dashboards/{id}`: the gadgets in their frames, each with configure, refresh and remove, and the
 * app's gadgets to add. `?configure={gadgetId}` opens that gadget's edit view (a new gadget starts there).
 */
export function dashboardPage(env: PageEnv, store: DashboardStore) {
  if (!env.viewer) return env.error(401, 'Sign in to see dashboards.');
  const found = store.get(env.req.params.id ?? '');
  const dashboard = found && mayView(found, env.dashboardCaller) ? found : undefined;
  if (!dashboard) return env.error(404, `The dashboard with id '${env.req.params.id ?? ''}' does not exist.`);
  const editable = mayEdit(dashboard, env.dashboardCaller);
  const configure = env.req.query.get('configure');
  const gadgets = store.gadgets(dashboard.id).map((gadget) => {
    const module = env.ui.gadgets.find((m) => m.key === gadget.moduleKey);
    const header = html`<header>
      <span class="title">${gadget.title}</span>
      ${
        module?.edit && editable
          ? html`<button type="button" data-action="configure-gadget" data-gadget-id="${gadget.id}">
              Configure
            </button>`
          : null
      }
      <button type="button" data-action="refresh-gadget" data-gadget-id="${gadget.id}">Refresh</button>
      ${
        editable
          ? html`<button
              type="button"
              data-action="remove-gadget"
              data-dashboard-id="${dashboard.id}"
              data-gadget-id="${gadget.id}"
            >
              Remove
            </button>`
          : null
      }
    </header>`;
    if (!module) {
      return html`<section class="gadget" data-gadget-id="${gadget.id}">
        ${header}
        <p class="frame-slot muted">
          The app that provides this gadget (${gadget.moduleKey}) is not installed.
        </p>
      </section>`;
    }
    const saved = store.getProperty(dashboard.id, gadget.id, GADGET_CONFIG_PROPERTY);
    const configuration = saved.found && isObject(saved.value) ? saved.value : {};
    const entryPoint = configure === gadget.id && module.edit && editable ? 'edit' : 'view';
    return html`<section class="gadget" data-gadget-id="${gadget.id}" aria-label="${gadget.title}">
      ${header}${env.frame(gadgetFrame(module, dashboard.id, gadget.id, configuration, editable), entryPoint)}
    </section>`;
  });
  const catalog = editable
    ? html`<details>
        <summary>Add gadget</summary>
        <div class="gadget-catalog">
          ${env.ui.gadgets.map(
            (module) =>
              html`<article>
                <strong>${titleOf(module)}</strong>
                <p class="muted">${String(module.description ?? '')}</p>
                <button
                  type="button"
                  class="primary"
                  data-action="add-gadget"
                  data-dashboard-id="${dashboard.id}"
                  data-module-key="${module.key}"
                >
                  Add
                </button>
              </article>`,
          )}
        </div>
      </details>`
    : null;
  return env.page({
    title: dashboard.name,
    page: 'dashboard',
    body: html`<div class="inline-form">
        <h1 style="flex:1">${dashboard.name}</h1>
        <button type="button" data-action="refresh-dashboard">Refresh all</button>
      </div>
      ${catalog}
      <div class="gadgets" data-testid="gadgets">${gadgets}</div>
      ${gadgets.length === 0 ? html`<p class="muted">This dashboard has no gadgets yet.</p>` : null}`,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

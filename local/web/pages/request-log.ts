import { html } from '../html';
import type { PageEnv } from './env';

/** `/local/requests`: the request log, filled in by the browser from `GET /local/api/requests`. */
export function requestLogPage(env: PageEnv) {
  return env.page({
    title: 'Request log',
    page: 'requests',
    body: html`<h1>Request log</h1>
      <p class="muted">
        Every request the site's Jira REST API answered, newest first, with the rate-limit points charged to
        the app.
      </p>
      <div class="inline-form">
        <label
          >Caller
          <select id="request-caller">
            <option value="">Everyone</option>
            <option value="app">The app (as itself and as people)</option>
            <option value="user:">People</option>
          </select>
        </label>
        <button type="button" data-action="refresh-requests">Refresh</button>
        <button type="button" data-action="clear-requests">Clear</button>
        <span id="request-totals" class="muted" aria-live="polite"></span>
      </div>
      <table class="issues" id="request-log">
        <thead>
          <tr>
            <th>#</th>
            <th>At</th>
            <th>Caller</th>
            <th>Method</th>
            <th>Path</th>
            <th>Status</th>
            <th>Points</th>
            <th>Notes</th>
          </tr>
        </thead>
        <tbody></tbody>
      </table>`,
  });
}

import { html } from '../html';
import type { IssueBean, PageEnv, ProjectBean } from './env';
import { statusLozenge } from './bits';

const PAGE_SIZE = 25;
const FIELDS = ['summary', 'status', 'assignee', 'reporter', 'priority', 'issuetype', 'updated'];

/** `/projects/{key}/issues`: the project's issues, filtered with JQL, a page at a time. */
export async function issueListPage(env: PageEnv) {
  const projectKey = env.req.params.projectKey ?? '';
  const project = await env.jira.get<ProjectBean>(`/rest/api/3/project/${encodeURIComponent(projectKey)}`);
  if (!project.ok) return env.error(project.status, project.message);
  const defaultJql = `project = ${project.body.key} ORDER BY created DESC`;
  const jql = env.req.query.get('jql')?.trim() || defaultJql;
  const pageToken = env.req.query.get('next') ?? undefined;
  const requestedSize = Number(env.req.query.get('pageSize'));
  const pageSize =
    Number.isInteger(requestedSize) && requestedSize >= 1 && requestedSize <= 100 ? requestedSize : PAGE_SIZE;
  const search = await env.jira.post<{ issues: IssueBean[]; nextPageToken?: string; isLast?: boolean }>(
    '/rest/api/3/search/jql',
    { jql, maxResults: pageSize, fields: FIELDS, ...(pageToken ? { nextPageToken: pageToken } : {}) },
  );
  const here = `/projects/${encodeURIComponent(project.body.key)}/issues`;
  const query = (extra: Record<string, string>) =>
    `${here}?${new URLSearchParams({ jql, ...(pageSize !== PAGE_SIZE ? { pageSize: String(pageSize) } : {}), ...extra }).toString()}`;
  const results = search.ok
    ? html`<table class="issues" data-testid="issue-table">
          <thead>
            <tr>
              <th>Type</th>
              <th>Key</th>
              <th>Summary</th>
              <th>Status</th>
              <th>Priority</th>
              <th>Assignee</th>
              <th>Reporter</th>
            </tr>
          </thead>
          <tbody>
            ${search.body.issues.map(
              (issue) =>
                html`<tr>
                  <td>${issue.fields.issuetype?.name}</td>
                  <td><a href="/browse/${issue.key}">${issue.key}</a></td>
                  <td><a href="/browse/${issue.key}">${issue.fields.summary}</a></td>
                  <td>${statusLozenge(issue.fields.status)}</td>
                  <td>${issue.fields.priority?.name ?? ''}</td>
                  <td>
                    ${issue.fields.assignee?.displayName ?? html`<span class="muted">Unassigned</span>`}
                  </td>
                  <td>${issue.fields.reporter?.displayName ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${search.body.issues.length === 0 ? html`<p class="muted">No issues match.</p>` : null}
        <div class="pager">
          ${pageToken ? html`<a href="${query({})}">First page</a>` : null}
          ${
            search.body.nextPageToken && search.body.isLast !== true
              ? html`<a href="${query({ next: search.body.nextPageToken })}">Next page</a>`
              : null
          }
        </div>`
    : html`<p class="error-box" role="alert" data-testid="jql-error">${search.message}</p>`;
  return env.page({
    title: `${project.body.name} issues`,
    body: html`<h1>${project.body.name} <span class="muted">issues</span></h1>
      <form class="inline-form" method="get" action="${here}" role="search">
        <label for="jql">JQL</label>
        <input id="jql" name="jql" value="${jql}" size="80" aria-label="JQL query" />
        <button type="submit" class="primary">Search</button>
        <a class="button" href="/secure/CreateIssue.jspa?project=${project.body.key}">Create issue</a>
      </form>
      ${results}`,
  });
}

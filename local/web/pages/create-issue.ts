import { html, raw } from '../html';
import type { PageEnv, ProjectBean } from './env';

/** `/secure/CreateIssue.jspa`: filing an issue the way a client would, through `POST /rest/api/3/issue`. */
export async function createIssuePage(env: PageEnv) {
  if (!env.viewer) return env.error(401, 'Sign in to create an issue.');
  const [projects, types, priorities] = await Promise.all([
    env.jira.get<{ values: ProjectBean[] }>('/rest/api/3/project/search?maxResults=100'),
    env.jira.get<Array<{ id: string; name: string; subtask?: boolean }>>('/rest/api/3/issuetype'),
    env.jira.get<Array<{ id: string; name: string }>>('/rest/api/3/priority'),
  ]);
  if (!projects.ok) return env.error(projects.status, projects.message);
  if (projects.body.values.length === 0)
    return env.error(403, 'You cannot see any project to create an issue in.');
  const wanted = env.req.query.get('project');
  const project = projects.body.values.find((p) => p.key === wanted) ?? projects.body.values[0];
  const components = project
    ? await env.jira.get<Array<{ id: string; name: string }>>(`/rest/api/3/project/${project.key}/components`)
    : undefined;
  return env.page({
    title: 'Create issue',
    body: html`<h1>Create issue</h1>
      <form data-action="create-issue" style="max-width:640px">
        <label
          >Project
          <select name="project" data-reload-param="project">
            ${projects.body.values.map(
              (p) =>
                html`<option value="${p.key}" ${p.key === project?.key ? raw('selected') : null}>
                  ${p.name} (${p.key})
                </option>`,
            )}
          </select>
        </label>
        <label
          >Issue type
          <select name="issuetype">
            ${(types.ok ? types.body : []).filter((t) => !t.subtask).map((t) => html`<option value="${t.id}">${t.name}</option>`)}
          </select>
        </label>
        <label>Summary <input name="summary" required maxlength="255" /></label>
        <label>Description <textarea name="description"></textarea></label>
        <label
          >Priority
          <select name="priority">
            <option value="">Default</option>
            ${(priorities.ok ? priorities.body : []).map((p) => html`<option value="${p.id}">${p.name}</option>`)}
          </select>
        </label>
        ${
          components?.ok && components.body.length > 0
            ? html`<label
                >Components
                <select name="components" multiple>
                  ${components.body.map((c) => html`<option value="${c.id}">${c.name}</option>`)}
                </select>
              </label>`
            : null
        }
        <label>Labels <input name="labels" placeholder="separate with spaces" /></label>
        <button type="submit" class="primary">Create</button>
      </form>`,
  });
}

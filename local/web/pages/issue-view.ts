import type { ManifestModule } from '../../forge/manifest';
import { customFieldFrame, issuePanelFrame, type IssueFacts } from '../frames';
import { html, raw, type Html } from '../html';
import { titleOf } from '../modules';
import { formatTime, statusLozenge } from './bits';
import type { IssueBean, PageEnv, UserBean } from './env';

interface Transition {
  readonly id: string;
  readonly name: string;
  readonly to?: { readonly name: string };
}

interface Comment {
  readonly id: string;
  readonly author?: UserBean;
  readonly created?: string;
  readonly renderedBody?: string;
}

const PERMISSIONS = ['EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'ADD_COMMENTS'];

/** `/browse/{issueKey}`: the issue as Jira shows it, with the app's panels and fields in their frames. */
export async function issueViewPage(env: PageEnv) {
  const key = env.req.params.issueKey ?? '';
  const path = `/rest/api/3/issue/${encodeURIComponent(key)}`;
  const found = await env.jira.get<IssueBean>(`${path}?expand=renderedFields,names,schema`);
  if (!found.ok) return env.error(found.status, found.message);
  const issue = found.body;
  const [transitions, comments, assignable, priorities, permissions] = await Promise.all([
    env.jira.get<{ transitions: Transition[] }>(`${path}/transitions`),
    env.jira.get<{ comments: Comment[] }>(
      `${path}/comment?expand=renderedBody&orderBy=created&maxResults=100`,
    ),
    env.jira.get<UserBean[]>(
      `/rest/api/3/user/assignable/search?issueKey=${encodeURIComponent(issue.key)}&maxResults=100`,
    ),
    env.jira.get<Array<{ id: string; name: string }>>('/rest/api/3/priority'),
    env.jira.get<{ permissions: Record<string, { havePermission: boolean }> }>(
      `/rest/api/3/mypermissions?issueKey=${encodeURIComponent(issue.key)}&permissions=${PERMISSIONS.join(',')}`,
    ),
  ]);
  const may = (permission: string) =>
    permissions.ok && permissions.body.permissions[permission]?.havePermission === true;
  const f = issue.fields;
  const facts: IssueFacts = {
    id: issue.id,
    key: issue.key,
    typeName: f.issuetype?.name ?? '',
    typeId: f.issuetype?.id ?? '',
    project: {
      id: f.project?.id ?? '',
      key: f.project?.key ?? '',
      type: f.project?.projectTypeKey ?? 'software',
    },
  };

  const panels = env.ui.issuePanels.map(
    (module) =>
      html`<section class="panel" aria-label="${titleOf(module)}" data-module="${module.key}">
        <header>${iconOf(module)}${titleOf(module)}</header>
        ${env.frame(issuePanelFrame(module, facts))}
      </section>`,
  );

  const description = issue.renderedFields?.description;
  const body = html`<p class="muted">
      <a href="/projects/${facts.project.key}/issues">${f.project?.name ?? facts.project.key}</a> /
      ${issue.key}
    </p>
    <div class="issue-layout">
      <div>
        <h1 data-testid="issue-summary" data-issue-refresh="summary">${f.summary}</h1>
        <h2>Description</h2>
        <div data-testid="issue-description" data-issue-refresh="description">
          ${
            typeof description === 'string' && description !== ''
              ? raw(description)
              : html`<p class="muted">No description.</p>`
          }
        </div>
        ${panels}
        <h2>Comments</h2>
        <div data-issue-refresh="comments">
          ${comments.ok ? comments.body.comments.map(commentHtml) : html`<p class="error-box">${comments.message}</p>`}
        </div>
        ${
          may('ADD_COMMENTS')
            ? html`<form data-action="comment" data-issue-key="${issue.key}">
                <label>Add a comment<textarea name="body" required></textarea></label>
                <button type="submit" class="primary">Save comment</button>
              </form>`
            : null
        }
      </div>
      <aside class="details" aria-label="Details" data-issue-refresh="details">
        <dl>
          <dt>Status</dt>
          <dd>
            <span data-testid="issue-status">${statusLozenge(f.status)}</span>
            ${
              may('TRANSITION_ISSUES') && transitions.ok && transitions.body.transitions.length > 0
                ? html`<form class="inline-form" data-action="transition" data-issue-key="${issue.key}">
                    <select name="transition" aria-label="Transition">
                      ${transitions.body.transitions.map((t) => html`<option value="${t.id}">${t.name}</option>`)}
                    </select>
                    <button type="submit">Move</button>
                  </form>`
                : null
            }
          </dd>
          <dt>Assignee</dt>
          <dd>
            <span data-testid="issue-assignee">${f.assignee?.displayName ?? 'Unassigned'}</span>
            ${
              may('ASSIGN_ISSUES') && assignable.ok
                ? html`<form class="inline-form" data-action="assign" data-issue-key="${issue.key}">
                    <select name="accountId" aria-label="Assignee">
                      <option value="">Unassigned</option>
                      ${assignable.body.map(
                        (u) =>
                          html`<option
                            value="${u.accountId}"
                            ${f.assignee?.accountId === u.accountId ? raw('selected') : null}
                          >
                            ${u.displayName}
                          </option>`,
                      )}
                    </select>
                    <button type="submit">Assign</button>
                  </form>`
                : null
            }
          </dd>
          <dt>Reporter</dt>
          <dd data-testid="issue-reporter">${f.reporter?.displayName ?? 'None'}</dd>
          <dt>Priority</dt>
          <dd data-testid="issue-priority">${f.priority?.name ?? 'None'}</dd>
          <dt>Type</dt>
          <dd>${f.issuetype?.name}</dd>
          <dt>Labels</dt>
          <dd data-testid="issue-labels">
            ${(f.labels ?? []).length > 0 ? (f.labels ?? []).join(', ') : 'None'}
          </dd>
          <dt>Components</dt>
          <dd>${(f.components ?? []).map((c) => c.name).join(', ') || 'None'}</dd>
          ${customFields(env, issue, facts)}
          <dt>Created</dt>
          <dd>${formatTime(f.created)}</dd>
          <dt>Updated</dt>
          <dd>${formatTime(f.updated)}</dd>
        </dl>
        ${
          may('EDIT_ISSUES') && priorities.ok
            ? html`<details>
                <summary>Edit</summary>
                <form data-action="edit-issue" data-issue-key="${issue.key}">
                  <label>Summary<input name="summary" value="${f.summary}" required /></label>
                  <label>Labels<input name="labels" value="${(f.labels ?? []).join(' ')}" /></label>
                  <label
                    >Priority
                    <select name="priority">
                      ${priorities.body.map(
                        (p) =>
                          html`<option value="${p.id}" ${f.priority?.id === p.id ? raw('selected') : null}>
                            ${p.name}
                          </option>`,
                      )}
                    </select>
                  </label>
                  <button type="submit" class="primary">Save</button>
                </form>
              </details>`
            : null
        }
      </aside>
    </div>`;
  return env.page({ title: `[${issue.key}] ${f.summary ?? ''}`, body, page: 'issue' });
}

function commentHtml(comment: Comment): Html {
  return html`<article class="comment" data-comment-id="${comment.id}">
    <div class="meta">
      <strong>${comment.author?.displayName ?? 'Someone'}</strong> · ${formatTime(comment.created)}
    </div>
    <div>${raw(comment.renderedBody ?? '')}</div>
  </article>`;
}

/** Every custom field with a value; app fields with their own Custom UI show it in a frame. */
function customFields(env: PageEnv, issue: IssueBean, facts: IssueFacts): Html[] {
  const rows: Html[] = [];
  for (const [id, value] of Object.entries(issue.fields)) {
    if (!id.startsWith('customfield_')) continue;
    const name = issue.names?.[id] ?? id;
    const custom = issue.schema?.[id]?.custom ?? '';
    const module = moduleOfField(env.ui.customFields, custom);
    const spec = module
      ? customFieldFrame(module, facts, { id, type: String(module.type ?? ''), value })
      : undefined;
    rows.push(
      html`<dt>${name}</dt>
        <dd data-field-id="${id}">
          ${spec ? env.frame(spec) : fieldText(value)}
          ${spec?.editResourceKey ? html`<button type="button" data-action="edit-field" data-field-id="${id}">Edit</button>` : null}
        </dd>`,
    );
  }
  return rows;
}

/** Jira names a Forge field's type `ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`. */
function moduleOfField(modules: readonly ManifestModule[], custom: string): ManifestModule | undefined {
  return modules.find((m) => custom.endsWith(`/static/${m.key}`));
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value)) return value.map(fieldText).join(', ');
  if (typeof value === 'object') {
    const v = value as { displayName?: unknown; value?: unknown; name?: unknown };
    if (typeof v.displayName === 'string') return v.displayName;
    if (typeof v.value === 'string') return v.value;
    if (typeof v.name === 'string') return v.name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The manifest's icon lives on Atlassian's CDN; the site stays offline and draws a plain app glyph. */
function iconOf(_module: ManifestModule): Html {
  return raw(
    '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" opacity=".25"/><rect x="4" y="4" width="8" height="8" rx="1.5" fill="currentColor" opacity=".6"/></svg>',
  );
}

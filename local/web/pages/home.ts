import { html, type PersonOption } from '../html';
import type { PageEnv, ProjectBean } from './env';
import { mayView } from '../dashboards/access';
import type { DashboardStore } from '../dashboards/store';
import { titleOf } from '../modules';

/** `/`: the projects the person can see, the dashboards, and where to start. */
export async function homePage(env: PageEnv, people: readonly PersonOption[], dashboards: DashboardStore) {
  if (!env.viewer) {
    return env.page({
      title: 'Welcome',
      body: html`<h1>Welcome to the local Jira</h1>
        <p>Sign in as one of the demo people to see the site through their eyes.</p>
        <ul class="people" data-testid="people">
          ${people.map(
            (p) =>
              html`<li>
                <a href="/local/login?as=${encodeURIComponent(p.email)}&amp;next=%2F">${p.displayName}</a>
                <span class="muted">${p.title} · ${p.email}</span>
              </li>`,
          )}
        </ul>`,
    });
  }
  const projects = await env.jira.get<{ values: ProjectBean[] }>('/rest/api/3/project/search?maxResults=100');
  const projectPage = env.ui.projectPages[0];
  const pageTitle = projectPage ? titleOf(projectPage) : '';
  const cards = projects.ok
    ? projects.body.values.map(
        (p) =>
          html`<article class="card">
            <h2><a href="/projects/${p.key}/issues">${p.name}</a> <span class="muted">${p.key}</span></h2>
            <p>
              <a href="/projects/${p.key}/issues">Issues</a>
              ${projectPage ? html` · <a href="${projectPageUrl(p, env.ui.appId, env.ui.environmentId)}">${pageTitle}</a>` : null}
              · <a href="/secure/CreateIssue.jspa?project=${p.key}">Create issue</a>
            </p>
          </article>`,
      )
    : [html`<p class="error-box">${projects.message}</p>`];
  return env.page({
    title: 'Projects',
    body: html`<h1>Projects</h1>
      <div class="cards" data-testid="projects">${cards}</div>
      <h2>Dashboards</h2>
      <ul>
        ${dashboards
          .list()
          .filter((d) => mayView(d, env.dashboardCaller))
          .map((d) => html`<li><a href="/jira/dashboards/${d.id}">${d.name}</a></li>`)}
      </ul>`,
  });
}

export function projectPageUrl(
  project: { key: string; projectTypeKey?: string },
  appId: string,
  environmentId: string,
): string {
  return `/jira/${urlProjectType(project.projectTypeKey)}/projects/${encodeURIComponent(project.key)}/apps/${appId}/${environmentId}`;
}

/** Jira's URL word for a project type. */
export function urlProjectType(projectTypeKey: string | undefined): string {
  if (projectTypeKey === 'service_desk') return 'servicedesk';
  if (projectTypeKey === 'business') return 'core';
  return 'software';
}

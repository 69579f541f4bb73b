import { projectPageFrame } from '../frames';
import { html, raw } from '../html';
import { titleOf } from '../modules';
import type { PageEnv, ProjectBean } from './env';

interface Subpage {
  readonly title: string;
  readonly route: string;
}

/**
 * The app's `jira:projectPage` at `/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}[/subpage…]`,
 * with the module's `pages` and `sections` in the side navigation. Moving between subpages changes the
 * shell's URL through the frame's `view.createHistory()` without reloading the frame.
 */
export async function projectPage(env: PageEnv) {
  const { projectType, projectKey, appId, envId } = env.req.params;
  const module = env.ui.projectPages[0];
  if (!module || appId !== env.ui.appId || envId !== env.ui.environmentId) {
    return env.error(
      404,
      `No project page of app ${appId ?? ''} (environment ${envId ?? ''}) is installed on this site.`,
    );
  }
  const project = await env.jira.get<ProjectBean>(
    `/rest/api/3/project/${encodeURIComponent(projectKey ?? '')}`,
  );
  if (!project.ok) return env.error(project.status, project.message);
  const base = `/jira/${projectType ?? 'software'}/projects/${project.body.key}/apps/${env.ui.appId}/${env.ui.environmentId}`;
  const spec = projectPageFrame(
    module,
    { id: project.body.id, key: project.body.key, type: project.body.projectTypeKey },
    base,
  );
  const link = (page: Subpage) =>
    html`<a href="${base}/${page.route}" data-action="subpage" data-subpage="/${page.route}"
      >${page.title}</a
    >`;
  const pages = (module.pages as Subpage[] | undefined) ?? [];
  const sections = (module.sections as Array<{ header?: string; pages: Subpage[] }> | undefined) ?? [];
  const sidebar = html`<nav class="sidenav" aria-label="${titleOf(module)}">
    <h3>${project.body.name}</h3>
    <a href="/projects/${project.body.key}/issues">Issues</a>
    <h3>${titleOf(module)}</h3>
    ${
      pages.length === 0 && sections.length === 0
        ? html`<a href="${base}" data-action="subpage" data-subpage="/">${titleOf(module)}</a>`
        : null
    }
    ${pages.map(link)}
    ${sections.map((s) => html`${s.header ? html`<h3>${s.header}</h3>` : raw('')}${s.pages.map(link)}`)}
  </nav>`;
  return env.page({
    title: `${titleOf(module)} - ${project.body.name}`,
    sidebar,
    page: 'project-page',
    body: html`<h1>${titleOf(module)}</h1>
      ${env.frame(spec)}`,
  });
}

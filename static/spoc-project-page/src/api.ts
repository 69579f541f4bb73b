import { invoke, requestJira, view } from '@forge/bridge';

/**
 * Every call the SPOC project page makes to its resolver (src/resolvers/spoc-project-page.ts) and to the
 * host goes through this file.
 */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface ProjectOverview {
  readonly projectKey: string;
  readonly openIssues: number;
}

export interface PageContext {
  readonly accountId?: string;
  readonly projectKey: string;
}

/** The slice of the host's history object the page uses (`view.createHistory()`). */
export interface PageLocation {
  readonly pathname: string;
}
export interface PageHistory {
  readonly location: PageLocation;
  push(path: string): void;
  listen(listener: (location: PageLocation) => void): () => void;
}

export async function loadContext(): Promise<PageContext> {
  const context = await view.getContext();
  const extension = context.extension as { project?: { key?: string } };
  return { accountId: context.accountId, projectKey: extension.project?.key ?? '' };
}

/** Called without metadata, `invoke` answers the resolver's value itself. */
export async function getProjectOverview(): Promise<Reply<ProjectOverview>> {
  return (await invoke<Reply<ProjectOverview>>('getProjectOverview')) as Reply<ProjectOverview>;
}

export interface ProjectDetails {
  readonly key: string;
  readonly name: string;
}

/** The project as Jira shows it to the signed-in person. */
export async function getProject(projectKey: string): Promise<ProjectDetails> {
  const response = await requestJira(`/rest/api/3/project/${encodeURIComponent(projectKey)}`, {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status} for project ${projectKey}`);
  return (await response.json()) as ProjectDetails;
}

export async function createHistory(): Promise<PageHistory> {
  return (await view.createHistory()) as unknown as PageHistory;
}

import { router, view } from '@forge/bridge';
import { getPeople, invokeReply, jiraJson, searchPeople } from './bridge';
import type { GadgetFormApi } from './gadget-form';
import type { SnapshotApi } from './gadget-table';
import { viewerOf, type Viewer } from './time';

/**
 * The bridge calls both SPOC gadgets make (the people searches are every screen's, in bridge.ts). Each
 * gadget's `api.ts` binds these to its own types, so a gadget still has one file that lists every call it
 * makes. The view calls only its resolver (no Jira call); the edit view asks Jira, as the signed-in person,
 * for projects and people to choose from.
 */
export interface ProjectChoice {
  readonly key: string;
  readonly name: string;
}

export interface GadgetContext {
  readonly entryPoint: 'edit' | 'view';
  /** The configuration as Jira stored it: unchecked (the edit view shows what is wrong with it). */
  readonly saved: unknown;
  /** The signed-in person's locale and time zone, which every time the gadget shows is written in. */
  readonly viewer: Viewer;
}

/** The entry point, the saved configuration and who is looking. */
export async function loadGadgetContext(): Promise<GadgetContext> {
  const context = await view.getContext();
  const extension = context.extension as { entryPoint?: string; gadgetConfiguration?: unknown };
  return {
    entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view',
    saved: extension.gadgetConfiguration,
    viewer: viewerOf(context),
  };
}

/** The projects the person can see, for the edit view's project choice. */
export async function getProjects(): Promise<ProjectChoice[]> {
  const page = await jiraJson<{ values: ProjectChoice[] }>('/rest/api/3/project/search?maxResults=50');
  return page.values.map(({ key, name }) => ({ key, name }));
}

export const submitConfig = (config: object): Promise<void> => view.submit(config);
export const closeEditor = (): Promise<void> => view.close();
export const openIssue = (issueKey: string): Promise<void> => router.navigate({ target: 'issue', issueKey });

/**
 * What a gadget's view asks: its resolver's snapshot; no Jira call. The gadgets are refreshable (the
 * manifest leaves `refreshable` as it is), so Jira's own Refresh and auto-refresh render the view anew.
 */
export const snapshotViewApi = <Snapshot>(): SnapshotApi<Snapshot> => ({
  getSnapshot: () => invokeReply<Snapshot>('getSnapshot'),
});

/** What a gadget's edit view asks of Jira and the host: projects and people, then save or close. */
export const gadgetFormApi: GadgetFormApi = {
  getProjects,
  searchPeople,
  getPeople,
  save: submitConfig,
  cancel: closeEditor,
};

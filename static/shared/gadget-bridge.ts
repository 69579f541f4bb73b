import { events, invoke, requestJira, router, view } from '@forge/bridge';

/**
 * The bridge calls both SPOC gadgets make, typed by each gadget's own configuration and snapshot. Each
 * gadget's `api.ts` binds these to its types, so a gadget still has one file that lists every call it makes.
 */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface ProjectChoice {
  readonly key: string;
  readonly name: string;
}

export interface GadgetContext<Config> {
  readonly entryPoint: 'edit' | 'view';
  readonly config: Config;
}

/** The entry point and the saved configuration over the gadget's defaults. */
export async function loadGadgetContext<Config>(defaults: Config): Promise<GadgetContext<Config>> {
  const context = await view.getContext();
  const extension = context.extension as { entryPoint?: string; gadgetConfiguration?: Partial<Config> };
  return {
    entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view',
    config: { ...defaults, ...(extension.gadgetConfiguration ?? {}) },
  };
}

/** A resolver that throws or answers something else still reaches the gadget as a Reply it can show. */
export async function getSnapshotReply<Snapshot>(): Promise<Reply<Snapshot>> {
  try {
    const reply = (await invoke<Reply<Snapshot>>('getSnapshot')) as Reply<Snapshot> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, error: 'The app answered with something unexpected.' };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The projects the person can see, for the edit view's scope choice. */
export async function getProjects(): Promise<ProjectChoice[]> {
  const response = await requestJira('/rest/api/3/project/search?maxResults=50', {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status} ${response.statusText}`);
  const page = (await response.json()) as { values: ProjectChoice[] };
  return page.values.map(({ key, name }) => ({ key, name }));
}

export const submitConfig = (config: object): Promise<void> => view.submit(config);
export const closeEditor = (): Promise<void> => view.close();
export const openIssue = (issueKey: string): Promise<void> => router.navigate({ target: 'issue', issueKey });

/** Jira's refresh event (sent to gadgets that refresh themselves). */
export async function onDashboardRefresh(listener: () => void): Promise<() => void> {
  const subscription = await events.on('JIRA_DASHBOARD_GADGET_REFRESH', listener);
  return () => subscription.unsubscribe();
}

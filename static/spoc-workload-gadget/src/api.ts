import { events, invoke, requestJira, view } from '@forge/bridge';

/**
 * Every call the SPOC workload gadget makes to its resolver (src/resolvers/spoc-gadgets.ts), to Jira and to
 * the host goes through this file. The view reads a cached snapshot only, so it costs no Jira calls; only
 * the edit view asks Jira (for the projects to choose from).
 */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface GadgetSnapshot {
  readonly takenAt: string | null;
  readonly rows: readonly unknown[];
}

/** What the edit view saves with `view.submit`; `refresh` is read by Jira itself (minutes). */
export interface WorkloadConfig {
  /** Only SPOCs of this project's clients; all projects when absent. */
  readonly projectKey?: string;
  readonly maxRows: number;
  readonly refresh?: number;
}

export interface ProjectChoice {
  readonly key: string;
  readonly name: string;
}

export const DEFAULT_CONFIG: WorkloadConfig = { maxRows: 10 };

export interface GadgetContext {
  readonly entryPoint: 'edit' | 'view';
  readonly config: WorkloadConfig;
  readonly gadgetId: string;
}

export async function loadContext(): Promise<GadgetContext> {
  const context = await view.getContext();
  const extension = context.extension as {
    entryPoint?: string;
    gadgetConfiguration?: Partial<WorkloadConfig>;
    gadget?: { id?: string };
  };
  return {
    entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view',
    config: { ...DEFAULT_CONFIG, ...(extension.gadgetConfiguration ?? {}) },
    gadgetId: extension.gadget?.id ?? '',
  };
}

/** Called without metadata, `invoke` answers the resolver's value itself. */
export async function getSnapshot(): Promise<Reply<GadgetSnapshot>> {
  return (await invoke<Reply<GadgetSnapshot>>('getSnapshot')) as Reply<GadgetSnapshot>;
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

export function saveConfig(config: WorkloadConfig): Promise<void> {
  return view.submit(config);
}

export function closeEditor(): Promise<void> {
  return view.close();
}

/** Jira's refresh event; only delivered when the module sets `refreshable: false`. */
export async function onDashboardRefresh(listener: () => void): Promise<() => void> {
  const subscription = await events.on('JIRA_DASHBOARD_GADGET_REFRESH', listener);
  return () => subscription.unsubscribe();
}

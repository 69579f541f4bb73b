import { events, invoke, requestJira, router, view } from '@forge/bridge';
import type { GadgetSnapshot, WorkloadRow } from '../../../src/contract/gadgets';

/**
 * Every call the SPOC workload gadget makes to its resolver (src/resolvers/spoc-gadgets.ts), to Jira and to
 * the host goes through this file. The view reads the resolver's snapshot only, so it costs no Jira call;
 * the edit view asks Jira once, for the projects to choose from.
 */
export type { WorkloadRow } from '../../../src/contract/gadgets';
export type WorkloadSnapshot = GadgetSnapshot<WorkloadRow>;

export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

/**
 * What the edit view saves with `view.submit`. The resolver narrows by `projectKey` and `maxRows`; the view
 * narrows to `spocAccountIds` and colours capacity from `capacityWarnPercent`; Jira reloads the gadget every
 * `refresh` minutes.
 */
export interface WorkloadConfig {
  readonly projectKey?: string;
  readonly spocAccountIds?: readonly string[];
  readonly capacityWarnPercent: number;
  readonly maxRows: number;
  readonly refresh?: number;
}

export const DEFAULT_CONFIG: WorkloadConfig = { maxRows: 10, capacityWarnPercent: 80 };

export interface ProjectChoice {
  readonly key: string;
  readonly name: string;
}

export interface GadgetContext {
  readonly entryPoint: 'edit' | 'view';
  readonly config: WorkloadConfig;
}

export async function loadContext(): Promise<GadgetContext> {
  const context = await view.getContext();
  const extension = context.extension as {
    entryPoint?: string;
    gadgetConfiguration?: Partial<WorkloadConfig>;
  };
  return {
    entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view',
    config: { ...DEFAULT_CONFIG, ...(extension.gadgetConfiguration ?? {}) },
  };
}

/** A resolver that throws or answers something else still reaches the gadget as a Reply it can show. */
export async function getSnapshot(): Promise<Reply<WorkloadSnapshot>> {
  try {
    const reply = (await invoke<Reply<WorkloadSnapshot>>('getSnapshot')) as
      Reply<WorkloadSnapshot> | undefined;
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

export const saveConfig = (config: WorkloadConfig): Promise<void> => view.submit(config);
export const closeEditor = (): Promise<void> => view.close();
export const openIssue = (issueKey: string): Promise<void> => router.navigate({ target: 'issue', issueKey });

/** Jira's refresh event (sent to gadgets that refresh themselves). */
export async function onDashboardRefresh(listener: () => void): Promise<() => void> {
  const subscription = await events.on('JIRA_DASHBOARD_GADGET_REFRESH', listener);
  return () => subscription.unsubscribe();
}

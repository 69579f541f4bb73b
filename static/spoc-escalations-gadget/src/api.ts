import { events, invoke, view } from '@forge/bridge';

/**
 * Every call the escalation status gadget makes to its resolver (src/resolvers/spoc-gadgets.ts) and to the
 * host goes through this file. The view reads a cached snapshot only, so it costs no Jira calls.
 */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface GadgetSnapshot {
  readonly takenAt: string | null;
  readonly rows: readonly unknown[];
}

/** What the edit view saves with `view.submit`; `refresh` is read by Jira itself (minutes). */
export interface EscalationsConfig {
  readonly breachedOnly: boolean;
  readonly refresh?: number;
}

export const DEFAULT_CONFIG: EscalationsConfig = { breachedOnly: false };

export interface GadgetContext {
  readonly entryPoint: 'edit' | 'view';
  readonly config: EscalationsConfig;
  readonly gadgetId: string;
}

export async function loadContext(): Promise<GadgetContext> {
  const context = await view.getContext();
  const extension = context.extension as {
    entryPoint?: string;
    gadgetConfiguration?: Partial<EscalationsConfig>;
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

export function saveConfig(config: EscalationsConfig): Promise<void> {
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

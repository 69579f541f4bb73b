import { events, invoke, requestJira, router, view } from '@forge/bridge';
import type { GadgetFormApi } from './gadget-form';
import type { PickedPerson } from './people-picker';

/**
 * The bridge calls both SPOC gadgets make. Each gadget's `api.ts` binds these to its own types, so a gadget
 * still has one file that lists every call it makes. The view calls only its resolver (no Jira call); the
 * edit view asks Jira, as the signed-in person, for projects and people to choose from.
 */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface ProjectChoice {
  readonly key: string;
  readonly name: string;
}

export interface GadgetContext {
  readonly entryPoint: 'edit' | 'view';
  /** The configuration as Jira stored it: unchecked (the edit view shows what is wrong with it). */
  readonly saved: unknown;
}

/** The entry point and the saved configuration. */
export async function loadGadgetContext(): Promise<GadgetContext> {
  const context = await view.getContext();
  const extension = context.extension as { entryPoint?: string; gadgetConfiguration?: unknown };
  return {
    entryPoint: extension.entryPoint === 'edit' ? 'edit' : 'view',
    saved: extension.gadgetConfiguration,
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

async function jiraJson<T>(path: string): Promise<T> {
  const response = await requestJira(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

/** The projects the person can see, for the edit view's project choice. */
export async function getProjects(): Promise<ProjectChoice[]> {
  const page = await jiraJson<{ values: ProjectChoice[] }>('/rest/api/3/project/search?maxResults=50');
  return page.values.map(({ key, name }) => ({ key, name }));
}

interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly accountType?: string;
  readonly active?: boolean;
  readonly avatarUrls?: Readonly<Record<string, string>>;
}

const toPerson = (user: JiraUser): PickedPerson => ({
  accountId: user.accountId,
  displayName: user.displayName,
  ...(user.avatarUrls?.['24x24'] ? { avatarUrl: user.avatarUrls['24x24'] } : {}),
});

/** Jira's people search as the signed-in person (active people only, not apps); nothing for an empty query. */
export async function searchPeople(query: string): Promise<PickedPerson[]> {
  if (query.trim() === '') return [];
  const params = new URLSearchParams({ query: query.trim(), maxResults: '20' });
  const users = await jiraJson<JiraUser[]>(`/rest/api/3/user/search?${params.toString()}`);
  return users.filter((u) => u.active !== false && u.accountType !== 'app').map(toPerson);
}

/** Names and avatars of people already chosen; anyone Jira does not answer for keeps their account id. */
export async function getPeople(accountIds: readonly string[]): Promise<PickedPerson[]> {
  if (accountIds.length === 0) return [];
  const params = new URLSearchParams({ maxResults: String(accountIds.length) });
  for (const id of accountIds) params.append('accountId', id);
  const page = await jiraJson<{ values: JiraUser[] }>(`/rest/api/3/user/bulk?${params.toString()}`);
  return accountIds.map((id) => {
    const user = page.values.find((u) => u.accountId === id);
    return user ? toPerson(user) : { accountId: id, displayName: id };
  });
}

export const submitConfig = (config: object): Promise<void> => view.submit(config);
export const closeEditor = (): Promise<void> => view.close();
export const openIssue = (issueKey: string): Promise<void> => router.navigate({ target: 'issue', issueKey });

/** Jira's refresh event (sent to gadgets that refresh themselves). */
export async function onDashboardRefresh(listener: () => void): Promise<() => void> {
  const subscription = await events.on('JIRA_DASHBOARD_GADGET_REFRESH', listener);
  return () => subscription.unsubscribe();
}

/** What a gadget's edit view asks of Jira and the host: projects and people, then save or close. */
export const gadgetFormApi: GadgetFormApi = {
  getProjects,
  searchPeople,
  getPeople,
  save: submitConfig,
  cancel: closeEditor,
};

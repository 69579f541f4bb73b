import { invoke, requestJira, router, view } from '@forge/bridge';
import type {
  ClientMatchRule,
  ConfigurationDocument,
  ConfigurationSaved,
  ConfigurationView,
  ProjectOverview,
  QueueItem,
  RosterVersion,
  RoutingPreview,
  RoutingPreviewRequest,
  SpocPolicy,
  SpocProfile,
  SpocProfileView,
} from '../../../src/contract/project-page';
import type { PickedPerson } from '../../shared/people-picker';

/**
 * Every call the SPOC project page makes to its resolver (src/resolvers/spoc-project-page.ts) and to the
 * host goes through this file. The configuration's shapes are the domain's, through the contract.
 */
export type {
  BypassHandling,
  ClientMatchRule,
  ClientRoster,
  ConfigurationDocument,
  ConfigurationSaved,
  ConfigurationView,
  DeliveryTarget,
  MatchRuleKind,
  OutOfOffice,
  ProjectOverview,
  QueueItem,
  RosterVersion,
  RoutingPreview,
  RoutingPreviewRequest,
  SpocPolicy,
  SpocProfile,
  Weekday,
  WorkingShift,
} from '../../../src/contract/project-page';
export type { PickedPerson } from '../../shared/people-picker';

export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

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

/** A resolver that throws or answers something else still reaches the page as a Reply it can show. */
async function call<T>(functionKey: string, payload?: Record<string, unknown>): Promise<Reply<T>> {
  try {
    const reply = (await invoke<Reply<T>>(functionKey, payload)) as Reply<T> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, error: `The app answered ${functionKey} with something unexpected.` };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export const getProjectOverview = () => call<ProjectOverview>('getProjectOverview');
export const getMyQueue = () => call<readonly QueueItem[]>('getMyQueue');
export const getVettedQueue = () => call<readonly QueueItem[]>('getVettedQueue');
export const getConfiguration = () => call<ConfigurationView>('getConfiguration');
export const previewRouting = (request: RoutingPreviewRequest) =>
  call<RoutingPreview>('previewRouting', { ...request });

/** A new dated roster version for a client; the server fills in when it takes effect (now). */
export type RosterChange = Omit<RosterVersion, 'clientId' | 'effectiveFrom'>;
export const saveRoster = (clientId: string, version: RosterChange, expectedVersion: number) =>
  call<ConfigurationSaved>('saveRoster', { clientId, version, expectedVersion });

/** The whole ordered list of matching rules, saved on top of the version the editor read. */
export const saveRules = (rules: readonly ClientMatchRule[], expectedVersion: number) =>
  call<ConfigurationSaved>('saveRules', { rules, expectedVersion });

export const getMyProfile = () => call<SpocProfileView | null>('getMyProfile');
export const saveProfile = (profile: SpocProfile, expectedVersion: number) =>
  call<ConfigurationSaved>('saveProfile', { profile, expectedVersion });
export const savePolicy = (policy: SpocPolicy, expectedVersion: number) =>
  call<ConfigurationSaved>('savePolicy', { policy, expectedVersion });
export const exportConfiguration = () => call<ConfigurationDocument>('exportConfiguration');
export const importConfiguration = (document: unknown, expectedVersion: number) =>
  call<ConfigurationSaved>('importConfiguration', { document, expectedVersion });

/** The searchable copy of a triage record the app keeps on each client issue (entity property `spoc`). */
export interface SpocProperty {
  readonly state: string;
  readonly clientId: string;
  readonly spocAccountId?: string;
  readonly escalationLevel: number;
  readonly routedAt: string;
  readonly dueAt?: string;
  readonly vettedAt?: string;
}
export interface SpocIssue {
  readonly key: string;
  readonly summary: string;
  readonly status: string | null;
  readonly priority: string | null;
  readonly spoc: SpocProperty | null;
}

/** Client issues found by JQL as the signed-in person, with the app's searchable copy (one Jira call). */
export async function searchSpocIssues(jql: string): Promise<SpocIssue[]> {
  const response = await requestJira('/rest/api/3/search/jql', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      jql,
      fields: ['summary', 'status', 'priority'],
      properties: ['spoc'],
      maxResults: 100,
    }),
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status} to the search`);
  const { issues } = (await response.json()) as {
    issues: Array<{
      key: string;
      fields?: { summary?: string; status?: { name?: string }; priority?: { name?: string } };
      properties?: { spoc?: SpocProperty };
    }>;
  };
  return issues.map((issue) => ({
    key: issue.key,
    summary: issue.fields?.summary ?? '',
    status: issue.fields?.status?.name ?? null,
    priority: issue.fields?.priority?.name ?? null,
    spoc: issue.properties?.spoc ?? null,
  }));
}

/** A Jira call as a Reply, for the page's loaders. */
export async function asReply<T>(run: () => Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export interface ProjectDetails {
  readonly key: string;
  readonly name: string;
}

async function jiraJson<T>(path: string): Promise<T> {
  const response = await requestJira(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status} for ${path.split('?')[0]}`);
  return (await response.json()) as T;
}

/** The project as Jira shows it to the signed-in person. */
export const getProject = (projectKey: string) =>
  jiraJson<ProjectDetails>(`/rest/api/3/project/${encodeURIComponent(projectKey)}`);

export interface Component {
  readonly id: string;
  readonly name: string;
}

/** The project's components: a roster may send vetted work to a component's lead. */
export async function getComponents(projectKey: string): Promise<Component[]> {
  const found = await jiraJson<Component[]>(
    `/rest/api/3/project/${encodeURIComponent(projectKey)}/components`,
  );
  return found.map(({ id, name }) => ({ id, name }));
}

interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly accountType?: string;
  readonly active?: boolean;
  readonly timeZone?: string;
  readonly avatarUrls?: Readonly<Record<string, string>>;
}

/** A person as the pickers show them, with the time zone Jira has for them (a new SPOC profile starts there). */
export interface FoundPerson extends PickedPerson {
  readonly timeZone?: string;
}

const toPerson = ({ accountId, displayName, avatarUrls, timeZone }: JiraUser): FoundPerson => {
  const avatarUrl = avatarUrls?.['24x24'];
  return { accountId, displayName, ...(avatarUrl ? { avatarUrl } : {}), ...(timeZone ? { timeZone } : {}) };
};

/**
 * People who may be assigned the project's issues: SPOCs, backups, delegates and delivery users must be,
 * since the app assigns client issues to them. Asked as the signed-in person.
 */
export async function searchAssignablePeople(projectKey: string, query: string): Promise<FoundPerson[]> {
  const params = new URLSearchParams({ project: projectKey, query: query.trim(), maxResults: '20' });
  const people = await jiraJson<JiraUser[]>(`/rest/api/3/user/assignable/search?${params.toString()}`);
  return people.map(toPerson);
}

/** Anyone Jira knows (clients' reporters, managers), by the start of their name or email. */
export async function searchPeople(query: string): Promise<FoundPerson[]> {
  // Jira's user search needs something to look for.
  if (!query.trim()) return [];
  const params = new URLSearchParams({ query: query.trim(), maxResults: '20' });
  const people = await jiraJson<JiraUser[]>(`/rest/api/3/user/search?${params.toString()}`);
  return people.filter((p) => p.accountType === 'atlassian' && p.active !== false).map(toPerson);
}

/** The named people with their avatars (one call for up to 50). */
export async function getPeople(accountIds: readonly string[]): Promise<FoundPerson[]> {
  const params = new URLSearchParams({ maxResults: '50' });
  for (const id of accountIds.slice(0, 50)) params.append('accountId', id);
  const page = await jiraJson<{ values: JiraUser[] }>(`/rest/api/3/user/bulk?${params.toString()}`);
  return page.values.map(toPerson);
}

export async function createHistory(): Promise<PageHistory> {
  return (await view.createHistory()) as unknown as PageHistory;
}

/** Opens an issue in Jira's issue view, in the host page. */
export function openIssue(issueKey: string): void {
  void router.navigate(`/browse/${encodeURIComponent(issueKey)}`);
}

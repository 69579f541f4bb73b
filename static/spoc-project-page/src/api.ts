import { invoke, requestJira, router, view } from '@forge/bridge';
import type {
  ConfigurationDocument,
  ConfigurationSaved,
  ConfigurationView,
  QueueItem,
  RoutingPreview,
  RoutingPreviewRequest,
  SpocProfileView,
} from '../../../src/contract/project-page';

/**
 * Every call the SPOC project page makes to its resolver (src/resolvers/spoc-project-page.ts) and to the
 * host goes through this file.
 */
export type {
  ConfigurationDocument,
  ConfigurationSaved,
  ConfigurationView,
  QueueItem,
  RoutingPreview,
} from '../../../src/contract/project-page';

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

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
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
  call<RoutingPreview>('previewRouting', request as Record<string, unknown>);
export const saveRoster = (payload: {
  clientId: string;
  version: Record<string, unknown>;
  expectedVersion: number;
}) => call<ConfigurationSaved>('saveRoster', payload);

export const getMyProfile = () => call<SpocProfileView | null>('getMyProfile');
export const saveProfile = (profile: SpocProfile, expectedVersion: number) =>
  call<ConfigurationSaved>('saveProfile', { profile, expectedVersion });
export const savePolicy = (policy: Record<string, unknown>, expectedVersion: number) =>
  call<ConfigurationSaved>('savePolicy', { policy, expectedVersion });
export const exportConfiguration = () => call<ConfigurationDocument>('exportConfiguration');
export const importConfiguration = (document: unknown, expectedVersion: number) =>
  call<ConfigurationSaved>('importConfiguration', { document, expectedVersion });

/** A client matching rule as the configuration stores it (src/domain/client-matching.ts). */
export interface MatchRule {
  readonly id: string;
  readonly clientId: string;
  readonly kind: string;
  readonly values: readonly string[];
  readonly enabled?: boolean;
}

/**
 * The resolver has no call for rules alone, so they are saved as a whole configuration: exported, the rules
 * replaced, and imported against the version the editor read (the import refuses a stale version).
 */
export async function saveRules(
  rules: readonly MatchRule[],
  expectedVersion: number,
): Promise<Reply<ConfigurationSaved>> {
  const exported = await exportConfiguration();
  if (!exported.ok) return exported;
  if (exported.data.version !== undefined && exported.data.version !== expectedVersion) {
    return { ok: false, error: `stale:${exported.data.version}` };
  }
  return importConfiguration({ ...exported.data, rules }, expectedVersion);
}

/** A SPOC's profile as the configuration stores it (src/domain/spoc-profile.ts). */
export interface WorkingShift {
  readonly day: string;
  readonly start: string;
  readonly end: string;
}
export interface OutOfOffice {
  readonly from: string;
  readonly until: string;
  readonly delegateAccountId: string | null;
  readonly note?: string;
}
export interface SpocProfile {
  readonly accountId: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly workingHours: readonly WorkingShift[];
  readonly capacity: number | null;
  readonly outOfOffice: readonly OutOfOffice[];
}

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

/** Whether the signed-in person administers the project: only they may change rosters and policy. */
export async function canAdministerProject(projectKey: string): Promise<boolean> {
  const params = new URLSearchParams({ projectKey, permissions: 'ADMINISTER_PROJECTS,ADMINISTER' });
  try {
    const answer = await jiraJson<{ permissions: Record<string, { havePermission?: boolean }> }>(
      `/rest/api/3/mypermissions?${params.toString()}`,
    );
    return Object.values(answer.permissions ?? {}).some((p) => p.havePermission === true);
  } catch {
    return false; // read-only when Jira does not say
  }
}

/** People who may be assigned issues in the project: the candidates for SPOCs and backups. */
export async function searchAssignablePeople(projectKey: string, query = ''): Promise<Person[]> {
  const params = new URLSearchParams({ project: projectKey, query, maxResults: '50' });
  const people = await jiraJson<Person[]>(`/rest/api/3/user/assignable/search?${params.toString()}`);
  return people.map(({ accountId, displayName }) => ({ accountId, displayName }));
}

export async function createHistory(): Promise<PageHistory> {
  return (await view.createHistory()) as unknown as PageHistory;
}

/** Opens an issue in Jira's issue view, in the host page. */
export function openIssue(issueKey: string): void {
  void router.navigate(`/browse/${encodeURIComponent(issueKey)}`);
}

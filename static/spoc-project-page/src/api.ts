import { router, view } from '@forge/bridge';
import {
  invokeReply as call,
  jiraJson,
  searchAssignablePeople as searchAssignable,
  type FoundPerson,
} from '../../shared/bridge';
import { setViewer } from './time';
import type { GetReportsPayload, ReportsCsv, ReportsView } from '../../../src/contract/reports';
import type {
  ApplyOffboardingRequest,
  BulkReport,
  ClientMatchRule,
  ConfigurationDocument,
  ConfigurationSaved,
  ConfigurationView,
  HandedOverIssues,
  OffboardingPreview,
  OffboardingReport,
  OffboardingRequest,
  ProjectOverview,
  QueueItem,
  RosterVersion,
  RoutingPreview,
  RoutingPreviewRequest,
  SpocPolicy,
  SpocProfile,
  SpocProfileView,
} from '../../../src/contract/project-page';

/**
 * Every call the SPOC project page makes to its resolver (src/resolvers/spoc-project-page.ts), to Jira and
 * to the host goes through this file; the people searches are every screen's (static/shared/bridge.ts).
 * The configuration's shapes are the domain's, through the contract.
 */
/** Every shape of the page's contract, for the screens. */
export type * from '../../../src/contract/project-page';
export type { PickedPerson } from '../../shared/people-picker';
export { asReply, getPeople, searchPeople, type FoundPerson, type Reply } from '../../shared/bridge';

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
  replace(path: string): void;
  listen(listener: (location: PageLocation) => void): () => void;
}

export async function loadContext(): Promise<PageContext> {
  const context = await view.getContext();
  setViewer(context as { locale?: unknown; timezone?: unknown });
  const extension = context.extension as { project?: { key?: string } };
  return { accountId: context.accountId, projectKey: extension.project?.key ?? '' };
}

export const getProjectOverview = () => call<ProjectOverview>('getProjectOverview');
export const getMyQueue = () => call<readonly QueueItem[]>('getMyQueue');
export const getVettedQueue = () => call<readonly QueueItem[]>('getVettedQueue');
export const getHandedOverIssues = () => call<HandedOverIssues>('getHandedOverIssues');
/** Takes back the issues named, or every one handed over from the caller when none are. */
export const takeBackHandedOverIssues = (issueIds?: readonly string[]) =>
  call<BulkReport>('takeBackHandedOverIssues', issueIds ? { issueIds } : {});
export const previewOffboarding = (request: OffboardingRequest) =>
  call<OffboardingPreview>('previewOffboarding', { ...request });
export const applyOffboarding = (request: ApplyOffboardingRequest) =>
  call<OffboardingReport>('applyOffboarding', { ...request });
export const getConfiguration = () => call<ConfigurationView>('getConfiguration');
export const previewRouting = (request: RoutingPreviewRequest) =>
  call<RoutingPreview>('previewRouting', { ...request });

/** A new dated roster version for a client; the server fills in when it takes effect (now). */
export type RosterChange = Omit<RosterVersion, 'clientId' | 'effectiveFrom'>;
/** A new client gets its name with its first roster (`clientName`). */
export const saveRoster = (
  clientId: string,
  version: RosterChange,
  expectedVersion: number,
  clientName?: string,
) =>
  call<ConfigurationSaved>('saveRoster', {
    clientId,
    version,
    expectedVersion,
    ...(clientName === undefined ? {} : { clientName }),
  });

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
  const { issues } = await jiraJson<{
    issues: Array<{
      key: string;
      fields?: { summary?: string; status?: { name?: string }; priority?: { name?: string } };
      properties?: { spoc?: SpocProperty };
    }>;
  }>('/rest/api/3/search/jql', {
    method: 'POST',
    body: JSON.stringify({
      jql,
      fields: ['summary', 'status', 'priority'],
      properties: ['spoc'],
      maxResults: 100,
    }),
  });
  return issues.map((issue) => ({
    key: issue.key,
    summary: issue.fields?.summary ?? '',
    status: issue.fields?.status?.name ?? null,
    priority: issue.fields?.priority?.name ?? null,
    spoc: issue.properties?.spoc ?? null,
  }));
}

export interface ProjectDetails {
  readonly key: string;
  readonly name: string;
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

/** People who may be assigned the project's issues, asked as the signed-in person. */
export const searchAssignablePeople = (projectKey: string, query: string): Promise<FoundPerson[]> =>
  searchAssignable({ project: projectKey }, query);

export async function createHistory(): Promise<PageHistory> {
  return (await view.createHistory()) as unknown as PageHistory;
}

/** Opens an issue in Jira's issue view, in the host page. */
export function openIssue(issueKey: string): void {
  void router.navigate(`/browse/${encodeURIComponent(issueKey)}`);
}

/** Reports over a period and the same figures as CSV (src/contract/reports.ts). */
export const getReports = (request: GetReportsPayload) => call<ReportsView>('getReports', { ...request });
export const getReportsCsv = (request: GetReportsPayload) =>
  call<ReportsCsv>('getReportsCsv', { ...request });

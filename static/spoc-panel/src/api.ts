import { invoke, requestJira, view } from '@forge/bridge';

/**
 * Every call the SPOC panel makes to Jira and to its resolver (src/resolvers/spoc-panel.ts) goes through
 * this file, so one place shows what the panel costs.
 */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface IssueActivity {
  readonly issueKey: string;
  readonly lastEventType: string;
  readonly lastActorAccountId: string | null;
  readonly eventsSeen: number;
}

export interface PanelContext {
  readonly accountId?: string;
  readonly locale: string;
  readonly timezone: string;
  readonly moduleKey: string;
  readonly issueKey: string;
  readonly projectKey: string;
}

export interface Viewer {
  readonly accountId: string;
  readonly displayName: string;
}

export async function loadContext(): Promise<PanelContext> {
  const context = await view.getContext();
  const extension = context.extension as { issue?: { key?: string }; project?: { key?: string } };
  return {
    accountId: context.accountId,
    locale: context.locale,
    timezone: context.timezone,
    moduleKey: context.moduleKey,
    issueKey: extension.issue?.key ?? '',
    projectKey: extension.project?.key ?? '',
  };
}

/** Called without metadata, `invoke` answers the resolver's value itself. */
export async function getIssueActivity(): Promise<Reply<IssueActivity | null>> {
  return (await invoke<Reply<IssueActivity | null>>('getIssueActivity')) as Reply<IssueActivity | null>;
}

export async function getViewer(): Promise<Viewer> {
  const response = await requestJira('/rest/api/3/myself', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status} ${response.statusText}`);
  return (await response.json()) as Viewer;
}

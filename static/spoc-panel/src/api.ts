import { invoke, requestJira, showFlag, view } from '@forge/bridge';
import type { PickedPerson } from '../../shared/people-picker';
import type {
  SpocIssueView,
  TriageActionReply,
  TriageActionRequest,
} from '../../../src/contract/issue-panel';

/**
 * Every call the SPOC panel makes to Jira and to its resolver (src/resolvers/spoc-panel.ts) goes through
 * this file, so one place shows what the panel costs: one resolver call to show, one per action, and in
 * the reassign form one Jira user search when it opens and one per new search text.
 */
export type {
  CallerRole,
  SpocIssueView,
  TriageActionName,
  TriageActionRequest,
  TriageState,
} from '../../../src/contract/issue-panel';

export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface PanelContext {
  readonly accountId?: string;
  readonly issueKey: string;
}

export async function loadContext(): Promise<PanelContext> {
  const context = await view.getContext();
  const extension = context.extension as { issue?: { key?: string } };
  return { accountId: context.accountId, issueKey: extension.issue?.key ?? '' };
}

/** A resolver that throws or answers something else still reaches the panel as a Reply it can show. */
async function call<T>(functionKey: string, payload?: Record<string, unknown>): Promise<Reply<T>> {
  try {
    const reply = (await invoke<Reply<T>>(functionKey, payload)) as Reply<T> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, error: `The app answered ${functionKey} with something unexpected.` };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export const getSpocView = () => call<SpocIssueView>('getSpocView');

export const applyTriageAction = (request: TriageActionRequest) =>
  call<TriageActionReply>('applyTriageAction', request as unknown as Record<string, unknown>);

interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly avatarUrls?: Readonly<Record<string, string>>;
}

/** People the issue may be handed to; the resolver decides whether the chosen one may be its SPOC. */
export async function searchAssignablePeople(issueKey: string, query: string): Promise<PickedPerson[]> {
  const params = new URLSearchParams({ issueKey, query, maxResults: '20' });
  const response = await requestJira(`/rest/api/3/user/assignable/search?${params.toString()}`, {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status}.`);
  const people = (await response.json()) as JiraUser[];
  return people.map(({ accountId, displayName, avatarUrls }) => {
    const avatarUrl = avatarUrls?.['24x24'];
    return { accountId, displayName, ...(avatarUrl ? { avatarUrl } : {}) };
  });
}

export function flag(type: 'success' | 'error', title: string, description: string): void {
  showFlag({ id: `spoc-${Date.now()}`, title, description, type, isAutoDismiss: type === 'success' });
}

import { invoke, requestJira, showFlag, view } from '@forge/bridge';
import type {
  SpocIssueView,
  TriageActionReply,
  TriageActionRequest,
} from '../../../src/contract/issue-panel';

/**
 * Every call the SPOC panel makes to Jira and to its resolver (src/resolvers/spoc-panel.ts) goes through
 * this file, so one place shows what the panel costs: one resolver call to show, one per action, and one
 * Jira call when the person opens the reassign form.
 */
export type {
  CallerRole,
  SpocIssueView,
  TriageActionName,
  TriageActionRequest,
  TriageStateName,
} from '../../../src/contract/issue-panel';

export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export interface PanelContext {
  readonly accountId?: string;
  readonly issueKey: string;
}

export interface Person {
  readonly accountId: string;
  readonly displayName: string;
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

/** People the issue may be handed to; the resolver decides whether the chosen one may be its SPOC. */
export async function searchAssignablePeople(issueKey: string, query: string): Promise<Person[]> {
  const params = new URLSearchParams({ issueKey, query, maxResults: '20' });
  const response = await requestJira(`/rest/api/3/user/assignable/search?${params.toString()}`, {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`Jira answered ${response.status} ${response.statusText}`);
  const people = (await response.json()) as Array<{ accountId: string; displayName: string }>;
  return people.map(({ accountId, displayName }) => ({ accountId, displayName }));
}

export function flag(type: 'success' | 'error', title: string, description: string): void {
  showFlag({ id: `spoc-${Date.now()}`, title, description, type, isAutoDismiss: type === 'success' });
}

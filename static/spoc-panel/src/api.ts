import { showFlag, view } from '@forge/bridge';
import {
  invokeReply,
  searchAssignablePeople as searchAssignable,
  type FoundPerson,
} from '../../shared/bridge';
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
  TriageActionReply,
  TriageActionRequest,
  TriageState,
} from '../../../src/contract/issue-panel';

export interface PanelContext {
  readonly accountId?: string;
  readonly issueKey: string;
}

export async function loadContext(): Promise<PanelContext> {
  const context = await view.getContext();
  const extension = context.extension as { issue?: { key?: string } };
  return { accountId: context.accountId, issueKey: extension.issue?.key ?? '' };
}

export const getSpocView = () => invokeReply<SpocIssueView>('getSpocView');

export const applyTriageAction = (request: TriageActionRequest) =>
  invokeReply<TriageActionReply>('applyTriageAction', { ...request });

/** People the issue may be handed to; the resolver decides whether the chosen one may be its SPOC. */
export const searchAssignablePeople = (issueKey: string, query: string): Promise<FoundPerson[]> =>
  searchAssignable({ issueKey }, query);

export function flag(type: 'success' | 'error', title: string, description: string): void {
  showFlag({ id: `spoc-${Date.now()}`, title, description, type, isAutoDismiss: type === 'success' });
}

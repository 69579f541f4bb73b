import { showFlag, view } from '@forge/bridge';
import {
  invokeReply,
  searchAssignablePeople as searchAssignable,
  type FoundPerson,
} from '../../shared/bridge';
import { viewerOf, type Viewer } from '../../shared/time';
import type {
  ReassignCandidates,
  SpocIssueView,
  TriageActionReply,
  TriageActionRequest,
} from '../../../src/contract/issue-panel';

/**
 * Every call the SPOC panel makes to Jira and to its resolver (src/resolvers/spoc-panel.ts) goes through
 * this file, so one place shows what the panel costs: one resolver call to show, one per action (then the
 * issue view is refreshed, as Jira does it), and in the reassign form one resolver call for who is
 * available when it opens, one Jira user search then and one per new search text.
 */
export type {
  CallerRole,
  PanelNotice,
  ReassignCandidate,
  ReassignCandidates,
  SpocAvailability,
  SpocIssueView,
  TriageActionName,
  TriageActionReply,
  TriageActionRequest,
  TriageState,
} from '../../../src/contract/issue-panel';

export type { Viewer } from '../../shared/time';
export type { Reply } from '../../shared/bridge';

export interface PanelContext {
  readonly accountId?: string;
  readonly issueKey: string;
  /** The signed-in person's locale and time zone: every time the panel shows is written for them. */
  readonly viewer: Viewer;
}

export async function loadContext(): Promise<PanelContext> {
  const context = await view.getContext();
  const extension = context.extension as { issue?: { key?: string } };
  return { accountId: context.accountId, issueKey: extension.issue?.key ?? '', viewer: viewerOf(context) };
}

export const getSpocView = () => invokeReply<SpocIssueView>('getSpocView');

export const applyTriageAction = (request: TriageActionRequest) =>
  invokeReply<TriageActionReply>('applyTriageAction', { ...request });

/** Who the issue could be reassigned to, as they are now, from the app's own records. */
export const getReassignCandidates = () => invokeReply<ReassignCandidates>('getReassignCandidates');

/** Jira shows the issue's fields (assignee, SPOC, status, comments) afresh after the app changed them. */
export async function refreshIssueView(): Promise<void> {
  try {
    await view.refresh();
  } catch {
    // A host that cannot refresh leaves the issue as it is; the panel itself already shows the change.
  }
}

/** People the issue may be handed to; the resolver decides whether the chosen one may be its SPOC. */
export const searchAssignablePeople = (issueKey: string, query: string): Promise<FoundPerson[]> =>
  searchAssignable({ issueKey }, query);

export function flag(type: 'success' | 'error', title: string, description: string): void {
  showFlag({ id: `spoc-${Date.now()}`, title, description, type, isAutoDismiss: type === 'success' });
}

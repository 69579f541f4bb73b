import type { TriageActionName } from '../../contract/issue-panel';
import { acceptForDelivery } from '../accept-for-delivery';
import { acknowledgeEscalation } from '../acknowledge-escalation';
import { escalateIssue } from '../escalate-issue';
import { markDuplicate } from '../mark-duplicate';
import { reassignSpoc } from '../reassign-spoc';
import { rejectIssue } from '../reject-issue';
import { reopenIssue } from '../reopen-issue';
import { requestInformation } from '../request-information';
import { returnToSpoc } from '../return-to-spoc';
import { takeBackIssue } from '../take-back-issue';
import { takeOverIssue } from '../take-over-issue';
import type { TriageVerb, WhoMay } from './triage-verb';

/** Every triage action by the name the panel sends, each with its own rule of who may take it. */
export const TRIAGE_VERBS: Readonly<Record<TriageActionName, TriageVerb<unknown>>> = {
  'accept-for-delivery': acceptForDelivery,
  'request-info': requestInformation,
  reject: rejectIssue,
  'mark-duplicate': markDuplicate,
  reassign: reassignSpoc,
  escalate: escalateIssue,
  'take-over': takeOverIssue,
  'return-to-spoc': returnToSpoc,
  acknowledge: acknowledgeEscalation,
  'take-back': takeBackIssue,
};

/**
 * Actions on a triage outcome, taken in the panel too: reopening a rejected or duplicate issue. Kept apart
 * from TRIAGE_VERBS while the panel's own lists are keyed by TriageActionName; the view says when it is
 * offered (`SpocIssueView.mayReopen`).
 */
export const OUTCOME_VERBS: Readonly<Record<'reopen', TriageVerb<unknown>>> = {
  reopen: reopenIssue as TriageVerb<unknown>,
};

export const whoMay = (action: TriageActionName | 'reopen'): WhoMay =>
  (action === 'reopen' ? OUTCOME_VERBS.reopen : TRIAGE_VERBS[action]).whoMay;

/** Whether a name is one of the actions a person takes in the panel (the others are the app's own). */
export const isPanelAction = (name: string): name is TriageActionName => Object.hasOwn(TRIAGE_VERBS, name);

/** The panel's actions and the outcome ones: what `applyTriageAction` accepts. */
export function verbNamed(name: string): TriageVerb<unknown> | undefined {
  if (isPanelAction(name)) return TRIAGE_VERBS[name];
  return name === 'reopen' ? OUTCOME_VERBS.reopen : undefined;
}

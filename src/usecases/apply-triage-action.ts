import type { TriageActionName } from '../contract/issue-panel';
import { acceptForDelivery } from './accept-for-delivery';
import { InvalidInputError } from './errors';
import { escalateIssue } from './escalate-issue';
import { markDuplicate } from './mark-duplicate';
import { reassignSpoc } from './reassign-spoc';
import { rejectIssue } from './reject-issue';
import { requestInformation } from './request-information';
import { returnToSpoc } from './return-to-spoc';
import { takeOverIssue } from './take-over-issue';
import type { TriageActionDeps, TriageActionParams, TriageActionResult } from './triage-action';

/** One door for the panel: `{ action, ...fields }` goes to the use case of that action. */
const ACTIONS: Readonly<
  Record<
    TriageActionName,
    (params: TriageActionParams<unknown>, deps: TriageActionDeps) => Promise<TriageActionResult>
  >
> = {
  'accept-for-delivery': acceptForDelivery.execute,
  'request-info': requestInformation.execute,
  reject: rejectIssue.execute,
  'mark-duplicate': markDuplicate.execute,
  reassign: reassignSpoc.execute,
  escalate: escalateIssue.execute,
  'take-over': takeOverIssue.execute,
  'return-to-spoc': returnToSpoc.execute,
};

export const applyTriageActionRequest = {
  execute(params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> {
    const action = (params.input as { action?: unknown } | null)?.action;
    if (typeof action !== 'string' || !Object.hasOwn(ACTIONS, action)) {
      return Promise.reject(
        new InvalidInputError(
          `"${String(action)}" is not a triage action; use one of ${Object.keys(ACTIONS).join(', ')}.`,
        ),
      );
    }
    return ACTIONS[action as TriageActionName](params, deps);
  },
};

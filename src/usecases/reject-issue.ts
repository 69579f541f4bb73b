import { rejectedComment } from './comments';
import {
  payloadObject,
  requiredText,
  runTriageVerb,
  type TriageActionDeps,
  type TriageActionParams,
  type TriageActionResult,
  type TriageVerb,
} from './triage-action';

/** The SPOC will not take the issue forward; the client reads why in a public comment. */
export const REJECTED_LABEL = 'spoc-rejected';

export const rejectIssueVerb: TriageVerb<{ reason: string }> = {
  name: 'reject',
  parse(payload) {
    return { reason: requiredText(payloadObject(payload), 'reason', 'A reason for the client') };
  },
  async plan(_context, input) {
    return {
      action: { type: 'reject', note: input.reason },
      writes: () => [
        { kind: 'edit', addLabels: [REJECTED_LABEL] },
        { kind: 'comment', internal: false, body: rejectedComment(input.reason) },
      ],
    };
  },
};

export const rejectIssue = {
  execute: (params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> =>
    runTriageVerb(rejectIssueVerb, params, deps),
};

import { workflowGoal } from '../domain/workflow-move';
import { rejectedComment } from './support/comments';
import { payloadRecord, requiredText } from './support/payload';
import type { JiraWrite } from './support/triage-entry';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';

/**
 * The SPOC will not take the issue forward; the client reads why in a public comment. The issue moves
 * through its project's workflow to a done status with a resolution such as Won't Do, so it leaves every
 * board and filter of unresolved work, and keeps its assignee, as a resolved Jira issue keeps whoever
 * resolved it.
 */
export const REJECTED_LABEL = 'spoc-rejected';

export const rejectIssue: TriageVerb<{ reason: string }> = {
  name: 'reject',
  whoMay: {
    roles: VETTERS,
    jira: ['ADD_COMMENTS', 'EDIT_ISSUES', 'TRANSITION_ISSUES'],
    who: VETTERS_ARE,
  },
  parse(payload) {
    return { reason: requiredText(payloadRecord(payload), 'reason', 'A reason for the client') };
  },
  async plan(context, input) {
    const goal = workflowGoal(context.policy.workflow, 'rejected');
    return {
      action: { type: 'reject', note: input.reason },
      writes: () => [
        { kind: 'edit', addLabels: [REJECTED_LABEL] },
        ...(goal ? [{ kind: 'workflow', goal } satisfies JiraWrite] : []),
        { kind: 'comment', internal: false, body: rejectedComment(input.reason) },
      ],
    };
  },
};

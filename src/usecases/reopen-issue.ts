import { calendarOf, responseDueAt } from '../domain';
import { workflowGoal } from '../domain/workflow-move';
import { reopenedComment } from './support/comments';
import { optionalText, payloadRecord } from './support/payload';
import type { JiraWrite } from './support/triage-entry';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';
import { REJECTED_LABEL } from './reject-issue';

/**
 * The SPOC's undo of a rejection or a duplicate: the issue waits for its SPOC again with a fresh response
 * clock, goes back to an open status in its workflow (which clears the resolution), loses the rejected
 * label or the duplicate link, and the client reads that it is reopened.
 */
export const reopenIssue: TriageVerb<{ note?: string }> = {
  name: 'reopen',
  whoMay: { roles: VETTERS, jira: ['EDIT_ISSUES', 'TRANSITION_ISSUES'], who: VETTERS_ARE },
  parse(payload) {
    const note = optionalText(payloadRecord(payload), 'note', 'The note');
    return note ? { note } : {};
  },
  async plan(context, input) {
    const { entry, now, policy } = context;
    const spoc = entry.record.spocAccountId;
    const [profile] = spoc ? await context.deps.config.profiles([spoc]) : [];
    const dueAt = profile
      ? responseDueAt(calendarOf(profile), now, entry.routing.responseTargetMinutes)
      : null;
    const goal = workflowGoal(policy.workflow, 'reopened');
    const wasDuplicateOf = entry.record.state === 'duplicate' ? entry.record.duplicateOf : null;
    return {
      action: { type: 'reopen', dueAt, ...(input.note ? { note: input.note } : {}) },
      writes: () =>
        reopenWrites(entry.record.state, wasDuplicateOf, goal, {
          kind: 'comment',
          internal: false,
          body: reopenedComment(context.caller, spoc, context.names),
        }),
    };
  },
};

/** What a reopened issue owes Jira: the way back in the workflow, the label or link gone, the property. */
export function reopenWrites(
  from: string,
  duplicateOf: string | null,
  goal: ReturnType<typeof workflowGoal>,
  ...comments: readonly JiraWrite[]
): JiraWrite[] {
  return [
    from === 'rejected' ? { kind: 'edit', removeLabels: [REJECTED_LABEL] } : { kind: 'property' },
    ...(duplicateOf ? [{ kind: 'duplicate-unlink', duplicateOf } satisfies JiraWrite] : []),
    ...(goal ? [{ kind: 'workflow', goal } satisfies JiraWrite] : []),
    ...comments,
  ];
}

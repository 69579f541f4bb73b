import { rejectedComment } from './support/comments';
import { payloadRecord, requiredText } from './support/payload';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';

/** The SPOC will not take the issue forward; the client reads why in a public comment. */
export const REJECTED_LABEL = 'spoc-rejected';

export const rejectIssue: TriageVerb<{ reason: string }> = {
  name: 'reject',
  whoMay: { roles: VETTERS, jira: ['ADD_COMMENTS', 'EDIT_ISSUES'], who: VETTERS_ARE },
  parse(payload) {
    return { reason: requiredText(payloadRecord(payload), 'reason', 'A reason for the client') };
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

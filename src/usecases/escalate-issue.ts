import { escalatedComment } from './support/comments';
import { payloadRecord, requiredText } from './support/payload';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';

/** The SPOC raises the escalation level; the client's escalation manager is told on the issue. */
export const escalateIssue: TriageVerb<{ reason: string }> = {
  name: 'escalate',
  whoMay: { roles: VETTERS, jira: ['ADD_COMMENTS'], who: VETTERS_ARE },
  parse(payload) {
    return { reason: requiredText(payloadRecord(payload), 'reason', 'A reason for the escalation', 500) };
  },
  async plan(context, input) {
    const manager = context.roster?.escalationManagerAccountId ?? null;
    return {
      action: { type: 'escalate', note: input.reason },
      writes: (record) => [
        { kind: 'property' },
        {
          kind: 'comment',
          internal: true,
          body: escalatedComment(
            context.caller,
            manager,
            record.escalationLevel,
            input.reason,
            context.names,
          ),
        },
      ],
    };
  },
};

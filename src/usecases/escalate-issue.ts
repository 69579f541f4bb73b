import { escalatedComment } from './comments';
import {
  payloadObject,
  requiredText,
  runTriageVerb,
  type TriageActionDeps,
  type TriageActionParams,
  type TriageActionResult,
  type TriageVerb,
} from './triage-action';

/** The SPOC raises the escalation level; the client's escalation manager is told on the issue. */
export const escalateIssueVerb: TriageVerb<{ reason: string }> = {
  name: 'escalate',
  parse(payload) {
    return { reason: requiredText(payloadObject(payload), 'reason', 'A reason for the escalation', 500) };
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

export const escalateIssue = {
  execute: (params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> =>
    runTriageVerb(escalateIssueVerb, params, deps),
};

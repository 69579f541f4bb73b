import { acknowledgedComment } from './support/comments';
import { optionalText, payloadRecord } from './support/payload';
import type { TriageVerb } from './support/triage-verb';
import { describeMoment } from '../domain/zone-time';

/**
 * "I am on it": the SPOC, or the client's escalation manager, acknowledges an escalation. The ladder's next
 * step then waits for the time the policy sets; the acknowledgement is recorded and said on the issue.
 */
export const acknowledgeEscalation: TriageVerb<{ note?: string }> = {
  name: 'acknowledge',
  whoMay: {
    roles: ['spoc', 'escalation-manager'],
    jira: ['ADD_COMMENTS'],
    who: "the issue's SPOC or the client's escalation manager",
  },
  parse(payload) {
    const note = optionalText(payloadRecord(payload), 'note', 'The note', 500);
    return note ? { note } : {};
  },
  async plan(context, input) {
    const until = new Date(context.now.getTime() + context.policy.acknowledgeHoldMinutes * 60_000);
    const [profile] = await context.deps.config.profiles([context.caller]);
    const untilText = describeMoment(until.getTime(), profile?.timeZone ?? 'UTC');
    return {
      action: { type: 'acknowledge', until, ...(input.note ? { note: input.note } : {}) },
      writes: () => [
        {
          kind: 'comment',
          internal: true,
          body: acknowledgedComment(context.caller, untilText, input.note, context.names),
        },
      ],
    };
  },
};

import { requestInfoComment } from './support/comments';
import { payloadRecord, requiredText } from './support/payload';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';

/** The SPOC asks the client for more: a public comment to the reporter; the response clock stops meanwhile. */
export const requestInformation: TriageVerb<{ message: string }> = {
  name: 'request-info',
  whoMay: { roles: VETTERS, jira: ['ADD_COMMENTS'], who: VETTERS_ARE },
  parse(payload) {
    return { message: requiredText(payloadRecord(payload), 'message', 'A message to the client') };
  },
  async plan(context, input) {
    return {
      action: { type: 'request-info', note: input.message },
      writes: () => [
        { kind: 'property' },
        {
          kind: 'comment',
          internal: false,
          body: requestInfoComment(context.entry.reporterAccountId, input.message, context.names),
        },
      ],
    };
  },
};

import { requestInfoComment } from './comments';
import {
  payloadObject,
  requiredText,
  runTriageVerb,
  type TriageActionDeps,
  type TriageActionParams,
  type TriageActionResult,
  type TriageVerb,
} from './triage-action';

/** The SPOC asks the client for more: a public comment to the reporter; the response clock stops meanwhile. */
export const requestInformationVerb: TriageVerb<{ message: string }> = {
  name: 'request-info',
  parse(payload) {
    return { message: requiredText(payloadObject(payload), 'message', 'A message to the client') };
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

export const requestInformation = {
  execute: (params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> =>
    runTriageVerb(requestInformationVerb, params, deps),
};

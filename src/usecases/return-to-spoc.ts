import { calendarOf, responseDueAt } from '../domain';
import { VETTED_LABEL } from './accept-for-delivery';
import { returnedComment } from './comments';
import { TriageRefusedError } from './errors';
import {
  payloadObject,
  requiredText,
  runTriageVerb,
  type TriageActionDeps,
  type TriageActionParams,
  type TriageActionResult,
  type TriageVerb,
} from './triage-action';

/** Delivery sends a vetted issue back to its SPOC, saying what is unclear (counted as a bounce-back). */
export const returnToSpocVerb: TriageVerb<{ reason: string }> = {
  name: 'return-to-spoc',
  parse(payload) {
    return { reason: requiredText(payloadObject(payload), 'reason', 'What is unclear', 1000) };
  },
  async plan(context, input) {
    const spoc = context.entry.record.spocAccountId;
    if (spoc === null) throw new TriageRefusedError('The issue has no SPOC to return it to.');
    const [profile] = await context.deps.config.profiles([spoc]);
    const names = profile ? { ...context.names, [profile.accountId]: profile.displayName } : context.names;
    const dueAt = profile
      ? responseDueAt(calendarOf(profile), context.now, context.entry.routing.responseTargetMinutes)
      : null;
    return {
      action: { type: 'return-to-spoc', note: input.reason, dueAt },
      writes: () => [
        { kind: 'edit', assignee: spoc, removeLabels: [VETTED_LABEL] },
        { kind: 'comment', internal: true, body: returnedComment(context.caller, spoc, input.reason, names) },
      ],
    };
  },
};

export const returnToSpoc = {
  execute: (params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> =>
    runTriageVerb(returnToSpocVerb, params, deps),
};

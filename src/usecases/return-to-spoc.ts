import { calendarOf, responseDueAt } from '../domain';
import { VETTED_LABEL } from './accept-for-delivery';
import { returnedComment } from './support/comments';
import { TriageRefusedError } from './errors';
import { payloadRecord, requiredText } from './support/payload';
import type { TriageVerb } from './support/triage-verb';

/** Delivery sends a vetted issue back to its SPOC, saying what is unclear (counted as a bounce-back). */
export const returnToSpoc: TriageVerb<{ reason: string }> = {
  name: 'return-to-spoc',
  whoMay: { roles: ['delivery'], jira: ['EDIT_ISSUES'], who: 'the delivery team' },
  parse(payload) {
    return { reason: requiredText(payloadRecord(payload), 'reason', 'What is unclear', 1000) };
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

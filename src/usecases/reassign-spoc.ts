import { calendarOf, isWaitingOnSpoc, responseDueAt } from '../domain';
import { reassignedComment } from './support/comments';
import { InvalidInputError } from './errors';
import { accountIdField, payloadRecord, requiredText } from './support/payload';
import { VETTERS, type TriageVerb } from './support/triage-verb';

/** The issue gets another SPOC (a handover): SPOC field, assignee and a fresh response clock move to them. */
export const reassignSpoc: TriageVerb<{ toAccountId: string; reason: string }> = {
  name: 'reassign',
  whoMay: {
    roles: [...VETTERS, 'manager'],
    jira: ['ASSIGN_ISSUES'],
    who: "the issue's SPOC, their backups or a project administrator",
  },
  parse(payload) {
    const body = payloadRecord(payload);
    return {
      toAccountId: accountIdField(body, 'toAccountId', 'The new SPOC'),
      reason: requiredText(body, 'reason', 'A reason for the handover', 500),
    };
  },
  async plan(context, input) {
    const [profile] = await context.deps.config.profiles([input.toAccountId]);
    if (!profile) {
      throw new InvalidInputError(
        `${context.names[input.toAccountId] ?? input.toAccountId} has no SPOC profile, so their hours are unknown; add one first.`,
      );
    }
    const names = { ...context.names, [profile.accountId]: profile.displayName };
    const dueAt = isWaitingOnSpoc(context.entry.record.state)
      ? responseDueAt(calendarOf(profile), context.now, context.entry.routing.responseTargetMinutes)
      : undefined;
    return {
      action: {
        type: 'reassign',
        toAccountId: profile.accountId,
        note: input.reason,
        ...(dueAt !== undefined ? { dueAt } : {}),
      },
      writes: () => [
        { kind: 'spoc-field', accountId: profile.accountId },
        { kind: 'edit', assignee: profile.accountId },
        {
          kind: 'comment',
          internal: true,
          body: reassignedComment(context.caller, profile.accountId, input.reason, names),
        },
      ],
    };
  },
};

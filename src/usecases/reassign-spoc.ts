import { isWaitingOnSpoc, judgeReassignment, responseClockFor } from '../domain';
import { reassignedComment } from './support/comments';
import { InvalidInputError, TriageRefusedError } from './errors';
import { accountIdField, payloadRecord, requiredText } from './support/payload';
import { spocsNow } from './support/spoc-availability';
import { VETTERS, type TriageVerb } from './support/triage-verb';

/**
 * The issue gets another SPOC (a handover): SPOC field, assignee and a fresh response clock move to them,
 * counted in their working hours from when they can start. Someone away or full is never given an issue
 * silently: the person must have been told and go on all the same, and the policy may refuse it outright.
 */
export const reassignSpoc: TriageVerb<{ toAccountId: string; reason: string; evenIfUnavailable: boolean }> = {
  name: 'reassign',
  whoMay: {
    roles: [...VETTERS, 'manager'],
    jira: ['ASSIGN_ISSUES'],
    who: "the issue's SPOC, their backups or a project administrator",
  },
  parse(payload) {
    const body = payloadRecord(payload);
    const evenIfUnavailable = body.evenIfUnavailable ?? false;
    if (typeof evenIfUnavailable !== 'boolean') {
      throw new InvalidInputError('evenIfUnavailable must be true or false.');
    }
    return {
      toAccountId: accountIdField(body, 'toAccountId', 'The new SPOC'),
      reason: requiredText(body, 'reason', 'A reason for the handover', 500),
      evenIfUnavailable,
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
    const [asNow] = await spocsNow([profile], context.now, context.policy, names, context.deps.triage);
    const { concern, verdict } = asNow
      ? judgeReassignment(asNow.availability, context.policy)
      : { concern: null, verdict: 'go' };
    const why = concern === 'away' ? 'is out of office' : 'has no room for more client issues';
    if (verdict === 'refuse') {
      throw new TriageRefusedError(
        `${profile.displayName} ${why}, and the policy does not let a client issue be handed to someone away or full. Choose someone else.`,
      );
    }
    if (verdict === 'warn' && !input.evenIfUnavailable) {
      throw new TriageRefusedError(
        `${profile.displayName} ${why} now. Look at their availability and confirm if you still want to hand the issue to them.`,
      );
    }
    const clock = isWaitingOnSpoc(context.entry.record.state)
      ? responseClockFor(profile, context.now, context.entry.routing.responseTargetMinutes)
      : undefined;
    return {
      action: {
        type: 'reassign',
        toAccountId: profile.accountId,
        note: input.reason,
        ...(clock ? { dueAt: clock.dueAt, ...(clock.dueAt ? { clockStartsAt: clock.startsAt } : {}) } : {}),
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

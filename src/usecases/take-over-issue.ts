import { calendarOf, isWaitingOnSpoc, responseDueAt } from '../domain';
import { takenOverComment } from './support/comments';
import { optionalText, payloadRecord } from './support/payload';
import type { TriageVerb } from './support/triage-verb';

/** A backup (or the SPOC's delegate) takes the issue over and becomes its SPOC. */
export const takeOverIssue: TriageVerb<{ note?: string }> = {
  name: 'take-over',
  whoMay: { roles: ['backup', 'delegate'], jira: ['ASSIGN_ISSUES'], who: "the SPOC's backups or delegate" },
  parse(payload) {
    const note = optionalText(payloadRecord(payload), 'note', 'The note');
    return note ? { note } : {};
  },
  async plan(context, input) {
    const [profile] = await context.deps.config.profiles([context.caller]);
    const names = profile ? { ...context.names, [profile.accountId]: profile.displayName } : context.names;
    const dueAt =
      profile && isWaitingOnSpoc(context.entry.record.state)
        ? responseDueAt(calendarOf(profile), context.now, context.entry.routing.responseTargetMinutes)
        : undefined;
    const from = context.entry.record.spocAccountId;
    return {
      action: {
        type: 'take-over',
        ...(input.note ? { note: input.note } : {}),
        ...(dueAt !== undefined ? { dueAt } : {}),
      },
      writes: () => [
        { kind: 'spoc-field', accountId: context.caller },
        { kind: 'edit', assignee: context.caller },
        { kind: 'comment', internal: true, body: takenOverComment(context.caller, from, input.note, names) },
      ],
    };
  },
};

import { activeOutOfOffice, calendarOf, isWaitingOnSpoc, responseDueAt } from '../domain';
import { TriageRefusedError } from './errors';
import { takenBackComment } from './support/comments';
import { optionalText, payloadRecord } from './support/payload';
import type { TriageVerb } from './support/triage-verb';

/**
 * A SPOC back from an absence takes back an issue the app handed over while they were out (nothing is
 * dumped back on them in bulk: they choose). They become its SPOC again, with a fresh response clock.
 */
export const takeBackIssue: TriageVerb<{ note?: string }> = {
  name: 'take-back',
  whoMay: { roles: ['former-spoc'], jira: ['ASSIGN_ISSUES'], who: 'the SPOC it was handed over from' },
  parse(payload) {
    const note = optionalText(payloadRecord(payload), 'note', 'The note');
    return note ? { note } : {};
  },
  async plan(context, input) {
    const [profile] = await context.deps.config.profiles([context.caller]);
    // While they are still away the sweep would only hand the issue over again.
    if (profile && activeOutOfOffice(profile, context.now.getTime())) {
      throw new TriageRefusedError('You are still out of office: take the issue back once you are back.');
    }
    const names = profile ? { ...context.names, [profile.accountId]: profile.displayName } : context.names;
    const dueAt =
      profile && isWaitingOnSpoc(context.entry.record.state)
        ? responseDueAt(calendarOf(profile), context.now, context.entry.routing.responseTargetMinutes)
        : undefined;
    const from = context.entry.record.spocAccountId;
    return {
      action: {
        type: 'take-back',
        ...(input.note ? { note: input.note } : {}),
        ...(dueAt !== undefined ? { dueAt } : {}),
      },
      writes: () => [
        { kind: 'spoc-field', accountId: context.caller },
        { kind: 'edit', assignee: context.caller },
        { kind: 'comment', internal: true, body: takenBackComment(context.caller, from, names) },
      ],
    };
  },
};

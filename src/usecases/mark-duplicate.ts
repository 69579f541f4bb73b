import { isIssueKey } from '../domain/jira-keys';
import { duplicateComment } from './support/comments';
import { InvalidInputError, NotFoundError } from './errors';
import { optionalText, payloadRecord } from './support/payload';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';

/** The issue repeats another: linked as a duplicate, and the client pointed at the other issue. */
export const markDuplicate: TriageVerb<{ duplicateOf: string; note?: string }> = {
  name: 'mark-duplicate',
  whoMay: { roles: VETTERS, jira: ['LINK_ISSUES'], who: VETTERS_ARE },
  parse(payload) {
    const body = payloadRecord(payload);
    const key = typeof body.duplicateOf === 'string' ? body.duplicateOf.trim().toUpperCase() : '';
    if (!isIssueKey(key))
      throw new InvalidInputError('Name the issue this duplicates by its key, e.g. SUP-12.');
    const note = optionalText(body, 'note', 'The note');
    return { duplicateOf: key, ...(note ? { note } : {}) };
  },
  async plan(context, input) {
    // The other issue must be one the caller can see, as themselves.
    const other = await context.deps.user.issue(input.duplicateOf);
    if (!other) throw new NotFoundError(`Issue ${input.duplicateOf} does not exist or you cannot see it.`);
    if (other.id === context.issue.id) throw new InvalidInputError('An issue cannot duplicate itself.');
    return {
      action: { type: 'mark-duplicate', duplicateOf: other.key, ...(input.note ? { note: input.note } : {}) },
      writes: () => [
        { kind: 'duplicate-link', duplicateOf: other.key },
        { kind: 'property' },
        { kind: 'comment', internal: false, body: duplicateComment(other.key, input.note) },
      ],
    };
  },
};

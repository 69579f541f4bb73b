import { isIssueKey } from '../domain/jira-keys';
import { judgeDuplicateTarget, type ClientSight } from '../domain/duplicate-target';
import { workflowGoal } from '../domain/workflow-move';
import { duplicateComment } from './support/comments';
import { InvalidInputError, NotFoundError, TriageRefusedError } from './errors';
import { optionalText, payloadRecord } from './support/payload';
import type { JiraWrite } from './support/triage-entry';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';

/**
 * The issue repeats another: linked with Jira's Duplicate link type, moved to a done status with the
 * resolution Duplicate (where the workflow offers it), and the client pointed at the other issue. The other
 * issue must be one the client can open; one they cannot is refused unless the SPOC confirms it
 * (`confirmHidden`), and the client is then told updates come on their own issue.
 */
export interface MarkDuplicateInput {
  readonly duplicateOf: string;
  readonly note?: string;
  /** The SPOC was told the client cannot open the other issue, and chose it all the same. */
  readonly confirmHidden: boolean;
}

export const markDuplicate: TriageVerb<MarkDuplicateInput> = {
  name: 'mark-duplicate',
  whoMay: { roles: VETTERS, jira: ['LINK_ISSUES', 'TRANSITION_ISSUES'], who: VETTERS_ARE },
  parse(payload) {
    const body = payloadRecord(payload);
    const key = typeof body.duplicateOf === 'string' ? body.duplicateOf.trim().toUpperCase() : '';
    if (!isIssueKey(key))
      throw InvalidInputError.at('duplicateOf', 'Name the issue this duplicates by its key, e.g. SUP-12.');
    const note = optionalText(body, 'note', 'The note');
    if (body.confirmHidden !== undefined && typeof body.confirmHidden !== 'boolean')
      throw InvalidInputError.at(
        'confirmHidden',
        'Whether you confirm the client cannot see it is yes or no.',
      );
    return { duplicateOf: key, ...(note ? { note } : {}), confirmHidden: body.confirmHidden === true };
  },
  async plan(context, input) {
    // The other issue must be one the caller can see, as themselves.
    const other = await context.deps.user.issue(input.duplicateOf);
    if (!other) throw new NotFoundError(`Issue ${input.duplicateOf} does not exist or you cannot see it.`);
    if (other.id === context.issue.id) throw new InvalidInputError('An issue cannot duplicate itself.');
    const reporter = context.entry.reporterAccountId;
    // Asked as the app: whether someone else can open an issue is not the caller's to ask.
    const [sight, names]: [ClientSight, Readonly<Record<string, string>>] = reporter
      ? await Promise.all([
          context.deps.jira.canBrowse(reporter, other.key),
          context.names[reporter]
            ? { [reporter]: context.names[reporter] }
            : context.deps.jira.userNames([reporter]),
        ])
      : ['unknown', {}];
    const verdict = judgeDuplicateTarget({
      reporterName: reporter ? (names[reporter] ?? 'The reporter') : null,
      targetKey: other.key,
      sight,
      confirmedHidden: input.confirmHidden,
    });
    if (!verdict.ok) throw new TriageRefusedError(verdict.refusal);
    const goal = workflowGoal(context.policy.workflow, 'duplicate');
    return {
      action: {
        type: 'mark-duplicate',
        duplicateOf: other.key,
        clientCanOpen: verdict.clientCanFollow,
        ...(input.note ? { note: input.note } : {}),
      },
      writes: () => [
        { kind: 'duplicate-link', duplicateOf: other.key },
        { kind: 'property' },
        ...(goal ? [{ kind: 'workflow', goal } satisfies JiraWrite] : []),
        {
          kind: 'comment',
          internal: false,
          body: duplicateComment(other.key, input.note, verdict.clientCanFollow),
        },
      ],
    };
  },
};

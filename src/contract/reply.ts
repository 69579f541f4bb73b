/**
 * The one shape every resolver answers (gitlab-for-compass's habit), so each screen handles every outcome
 * the same way: data, or a message a person can act on with a machine-readable `code` beside it, so the UI
 * can react to a conflict or a busy Jira without reading the words. The screens answer their own failures
 * in the same shape (static/shared/bridge.ts): a bridge call that failed or an answer of another shape is
 * `internal`; a Jira call of theirs that failed is `jira-busy`, `not-found` or `jira-refused`, as here.
 */
export type ReplyErrorCode =
  /** No signed-in person: sign in. */
  | 'sign-in'
  /** The payload is malformed; nothing changed. */
  | 'invalid-input'
  /** The caller may not do this. */
  | 'not-allowed'
  /** The issue, client or person is unknown, or the caller cannot see it. */
  | 'not-found'
  /** The triage state does not allow the action now. */
  | 'refused'
  /** Someone else changed the same thing at the same moment, or the configuration moved on: reload. */
  | 'conflict'
  /** The configuration would not fit the platform's storage limits. */
  | 'storage-limit'
  /** Jira asked the app to wait; trying again later can succeed. */
  | 'jira-busy'
  /** Jira refused the request for good. */
  | 'jira-refused'
  /** Anything else: nothing was changed. */
  | 'internal';

/**
 * One thing wrong with what a screen sent, at the field it belongs to, so the screen can show it there.
 * `field` is the path from the top of the payload, as the screen built it: `profile.workingHours[2].start`,
 * `policy.responseTargets.byPriority.High`, `rules[0].values[1]`; empty when it concerns the whole payload.
 * `message` stands on its own, in words, without the path.
 */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export type Reply<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly error: string;
      readonly code: ReplyErrorCode;
      /** Every problem found with the input, each at its field (`invalid-input` only; absent when none). */
      readonly problems?: readonly FieldProblem[];
    };

/** The most a failed reply says: its sentence, each problem's words, and how many problems it lists. */
export const REPLY_LIMITS = { error: 2000, message: 500, field: 200, problems: 100, run: 64 } as const;

/**
 * Every failed reply passes here, so no refusal anywhere echoes more than a short excerpt of what was sent:
 * control characters become spaces, a run of characters without a space (a 400,000-digit issue key) is cut
 * to its start, and the whole text to `max` characters.
 */
export function capText(text: string, max: number = REPLY_LIMITS.error): string {
  const runs = text
    .replace(/[\p{Cc}\p{Bidi_Control}]/gu, ' ')
    .replace(new RegExp(`\\S{${REPLY_LIMITS.run + 1},}`, 'g'), (run) => `${run.slice(0, 40)}…`);
  return runs.length <= max ? runs : `${runs.slice(0, max - 1)}…`;
}

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (
  error: string,
  code: ReplyErrorCode,
  problems: readonly FieldProblem[] = [],
): Reply<never> => ({
  ok: false,
  error: capText(error),
  code,
  ...(problems.length
    ? {
        problems: problems.slice(0, REPLY_LIMITS.problems).map((p) => ({
          field: capText(p.field, REPLY_LIMITS.field),
          message: capText(p.message, REPLY_LIMITS.message),
        })),
      }
    : {}),
});

/** The key patterns the screens check input with, the same the backend checks it with. */
export {
  ISSUE_KEY_PATTERN,
  PROJECT_KEY_PATTERN,
  isIssueId,
  isIssueKey,
  isProjectKey,
} from '../domain/jira-keys';

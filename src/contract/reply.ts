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

export type Reply<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: string; readonly code: ReplyErrorCode };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (error: string, code: ReplyErrorCode): Reply<never> => ({ ok: false, error, code });

/** The key patterns the screens check input with, the same the backend checks it with. */
export {
  ISSUE_KEY_PATTERN,
  PROJECT_KEY_PATTERN,
  isIssueId,
  isIssueKey,
  isProjectKey,
} from '../domain/jira-keys';

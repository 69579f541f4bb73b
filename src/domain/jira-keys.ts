/**
 * The shapes of Jira's keys, written once: every place that checks a key from a browser, a payload or a
 * stored record uses these (the contract re-exports them for the screens). Each is bounded, so a key
 * thousands of digits long is refused as malformed before anyone looks it up.
 */
/** An issue key as Jira writes it: `SUP-12` (a project key, then an issue number of at most 15 digits). */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,9}-[1-9]\d{0,14}$/;
/** A project key: a capital letter, then up to nine capitals, digits or underscores. */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,9}$/;
/** An issue id: digits only, at most 18 of them (Jira's ids are 64-bit numbers). */
export const ISSUE_ID_PATTERN = /^\d{1,18}$/;

export const isIssueKey = (value: unknown): value is string =>
  typeof value === 'string' && ISSUE_KEY_PATTERN.test(value);
export const isProjectKey = (value: unknown): value is string =>
  typeof value === 'string' && PROJECT_KEY_PATTERN.test(value);
export const isIssueId = (value: unknown): value is string =>
  typeof value === 'string' && ISSUE_ID_PATTERN.test(value);

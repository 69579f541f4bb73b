/**
 * Validation results shared by every configuration the domain reads (rules, rosters, profiles, policy).
 * Configuration comes back from storage and from UI forms, so it arrives as `unknown` and every problem is
 * reported with the path of the offending field, for the screen to show it there, and in words a manager
 * can act on that stand on their own, without the path.
 */
export interface ValidationProblem {
  /** Where the problem is, e.g. `rules[2].values[0]`; empty for the whole value. Never shown as words. */
  readonly path: string;
  readonly message: string;
}

export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

export const valid = <T>(value: T): Validated<T> => ({ ok: true, value });

export const invalid = <T>(problems: readonly ValidationProblem[]): Validated<T> => ({ ok: false, problems });

export const problem = (path: string, message: string): ValidationProblem => ({ path, message });

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/** Joins a parent path and a child key the way the messages show them: `a.b`, `a[3]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** The most of someone's input a message quotes back. */
export const EXCERPT_LENGTH = 40;

/** Untrusted text as a message may show it: on one line, cut after EXCERPT_LENGTH characters with "…". */
export function excerpt(text: string): string {
  const line = text.replace(/[\p{Cc}\p{Bidi_Control}\s]+/gu, ' ').trim();
  // A character takes at most two UTF-16 units, so the slice holds the whole line when it is short.
  const chars = Array.from(line.slice(0, 4 * EXCERPT_LENGTH));
  return chars.length <= EXCERPT_LENGTH ? line : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}

/**
 * Untrusted input as a message may quote it: text in quotes, as `excerpt` shows it, with its length said
 * when cut (`"4000000000000…" (400,002 characters)`); anything else said by its kind.
 */
export function quote(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value !== 'string') return typeof value === 'object' ? 'an object' : 'something else';
  const shown = excerpt(value);
  return shown.endsWith('…') && shown.length < value.length
    ? `"${shown}" (${value.length.toLocaleString('en-GB')} characters)`
    : `"${shown}"`;
}

/** Jira account ids are opaque strings of at most 128 characters. */
export const MAX_ACCOUNT_ID_LENGTH = 128;

export function checkAccountId(
  value: unknown,
  path: string,
  what: string,
  problems: ValidationProblem[],
): void {
  if (!isNonEmptyString(value)) {
    problems.push(problem(path, `${what} must be a Jira account id.`));
  } else if (value.length > MAX_ACCOUNT_ID_LENGTH || /\s/.test(value)) {
    problems.push(problem(path, `${what} ${quote(value)} is not a valid Jira account id.`));
  }
}

/** Lists problems as one readable paragraph of their words; the paths are for screens, not for reading. */
export function describeProblems(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/** The problems of a part checked on its own, placed under `prefix`, their words led by `subject` if given. */
export function under(
  prefix: string,
  problems: readonly ValidationProblem[],
  subject?: string,
): ValidationProblem[] {
  return problems.map((p) => ({
    path:
      !prefix || !p.path
        ? p.path || prefix
        : p.path.startsWith('[')
          ? prefix + p.path
          : `${prefix}.${p.path}`,
    message: subject ? `${subject}: ${p.message}` : p.message,
  }));
}

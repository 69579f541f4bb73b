/**
 * Validation results shared by every configuration the domain reads (rules, rosters, profiles, policy).
 * Configuration comes back from storage and from UI forms, so it arrives as `unknown` and every problem is
 * reported with the path of the offending field, in words a manager can act on.
 */
export interface ValidationProblem {
  /** Where the problem is, e.g. `rules[2].values[0]`; empty for the whole value. */
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
    problems.push(problem(path, `${what} "${value.slice(0, 40)}" is not a valid Jira account id.`));
  }
}

/** Lists problems as one readable paragraph, e.g. for an error message in Jira's shape. */
export function describeProblems(problems: readonly ValidationProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join(' ');
}

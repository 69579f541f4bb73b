/** Every resolver answers one shape, so the UI handles each outcome the same way. */
export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = (error: string): Reply<never> => ({ ok: false, error });

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,9}$/;

/** Project keys come from the untrusted front-end context; only well-formed keys reach Jira. */
export function projectKeyFrom(value: unknown): string | undefined {
  return typeof value === 'string' && PROJECT_KEY.test(value) ? value : undefined;
}

import { fail, isIssueId, isIssueKey, ok, type Reply } from '../contract/reply';
import { InvalidInputError, UseCaseError } from '../usecases/errors';

/**
 * Runs a resolver's use case for the signed-in person and answers `{ ok, data }` or `{ ok: false, error, code }`.
 * Only `context.accountId` identifies the caller (everything else in the context comes from the browser).
 */
export interface ResolverContext {
  readonly accountId?: string;
  readonly extension?: {
    readonly issue?: { readonly id?: unknown; readonly key?: unknown };
    readonly project?: { readonly key?: unknown };
  };
}

export async function answer<T>(
  context: ResolverContext,
  run: (callerAccountId: string) => Promise<T>,
): Promise<Reply<T>> {
  const caller = context.accountId;
  if (!caller) return fail('Sign in to use SPOC for Jira.', 'sign-in');
  try {
    return ok(await run(caller));
  } catch (error) {
    // fail() cuts every echo of the input to a short excerpt, whichever use case wrote the words.
    if (error instanceof InvalidInputError) return fail(error.message, error.code, error.problems);
    if (error instanceof UseCaseError) return fail(error.message, error.code);
    console.error('SPOC for Jira resolver failed', error);
    return fail(
      'Something went wrong in SPOC for Jira; nothing was changed. Try again, and tell your administrator if it persists.',
      'internal',
    );
  }
}

/** The panel's issue, from the untrusted context: only a well-formed key or id is used, and only to look up. */
export function issueFrom(context: ResolverContext): string | undefined {
  const { id, key } = context.extension?.issue ?? {};
  if (isIssueKey(key)) return key;
  if (isIssueId(id)) return id;
  return undefined;
}

import type { FieldProblem, ReplyErrorCode } from '../contract/reply';
import { describeProblems, under, type ValidationProblem } from '../domain';

/**
 * The ways a use case refuses or fails, each with a message a person can act on and the code the screens
 * react to. The adapters throw the Jira ones (busy, refused, not found), so use cases never need to know how
 * Jira answers. Resolvers turn every one into `{ ok: false, error, code }`; triggers turn the retryable ones
 * into an `InvocationError`.
 */
export abstract class UseCaseError extends Error {
  abstract readonly code: ReplyErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** How many problems an InvalidInputError's sentence names; its `problems` list holds all of them. */
const SENTENCE_PROBLEMS = 8;

/** The payload is malformed; nothing was changed. `problems` says what is wrong at each field, when known. */
export class InvalidInputError extends UseCaseError {
  readonly code = 'invalid-input';

  constructor(
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
  }

  /** One field's problem: its words are the message. */
  static at(field: string, message: string): InvalidInputError {
    return new InvalidInputError(message, [{ field, message }]);
  }

  /**
   * Every problem found at once, each at its field under `prefix` (where the checked part sits in the
   * payload), led by what was not done: "The profile was not saved. Monday's shift starts at …".
   */
  static of(lead: string, problems: readonly ValidationProblem[], prefix = ''): InvalidInputError {
    // The sentence names the first few; the screen shows each of them at its field.
    const more = problems.length - SENTENCE_PROBLEMS;
    return new InvalidInputError(
      `${lead} ${describeProblems(problems.slice(0, SENTENCE_PROBLEMS))}${more > 0 ? ` And ${more} more.` : ''}`,
      under(prefix, problems).map((p) => ({ field: p.path, message: p.message })),
    );
  }
}

/** The caller may not do this (their roles or their Jira permissions say no). */
export class NotAllowedError extends UseCaseError {
  readonly code = 'not-allowed';
}

/** The issue, client or person is unknown, or the caller cannot see it. */
export class NotFoundError extends UseCaseError {
  readonly code = 'not-found';
}

/** The triage state does not allow the action now. */
export class TriageRefusedError extends UseCaseError {
  readonly code = 'refused';
}

/** A configuration write carried a version that is no longer the stored one. */
export class ConfigurationConflictError extends UseCaseError {
  readonly code = 'conflict';

  constructor(
    readonly expectedVersion: number,
    readonly storedVersion: number,
  ) {
    super(
      `The configuration changed while you were editing it: you edited version ${expectedVersion}, ` +
        `it is now version ${storedVersion}. Reload it, redo your change and save again; nothing was overwritten.`,
    );
  }
}

/** A preview that no longer shows what applying it would do: nothing was changed. */
export class OffboardingPreviewStaleError extends UseCaseError {
  readonly code = 'conflict';

  constructor(readonly changes: readonly string[]) {
    super(
      `Things changed since your preview, so nothing was applied: ${changes.join(' ')} ` +
        'Preview the offboarding again and check it before you apply it.',
    );
  }
}

/** Someone else changed the issue's triage record at the same moment; nothing was written. */
export class TriageConflictError extends UseCaseError {
  readonly code = 'conflict';

  constructor(readonly issueKey: string) {
    super(`Someone else changed ${issueKey} at the same moment. Reload the issue and try again.`);
  }
}

/** The configuration does not fit the storage limits. */
export class StorageLimitError extends UseCaseError {
  readonly code = 'storage-limit';
}

/** Jira asked the app to slow down (429) or was briefly unavailable (5xx): nothing was done, later can work. */
export class JiraBusyError extends UseCaseError {
  readonly code = 'jira-busy';

  constructor(
    readonly retryAfterSeconds: number,
    /** Jira's `RateLimit-Reason`, when it gave one (a quota reason means: wait for the reset). */
    readonly reason: string | null = null,
    message = `Jira is busy right now; try again in ${retryAfterSeconds} s.`,
  ) {
    super(message);
  }
}

/**
 * Jira was busy while the app was writing a decision it had already stored: the remaining writes wait in
 * the issue's outbox and are sent on the next try, so nothing the person did is lost.
 */
export class WritesPendingError extends JiraBusyError {
  constructor(retryAfterSeconds: number, reason: string | null = null) {
    super(
      retryAfterSeconds,
      reason,
      `Jira is busy right now. Your change is saved; the app finishes updating the issue in about ${retryAfterSeconds} s.`,
    );
  }
}

/** Jira refused a request for good (a 4xx answer): its status and its own words are kept. */
export class JiraRefusedError extends UseCaseError {
  readonly code: ReplyErrorCode = 'jira-refused';

  constructor(
    readonly status: number,
    readonly messages: readonly string[],
    readonly path: string,
  ) {
    super(`Jira refused the request (${status})${messages.length ? `: ${messages.join(' ')}` : '.'}`);
  }
}

/** Jira answered 404: the thing asked for does not exist, or the caller may not see it. */
export class JiraNotFoundError extends JiraRefusedError {
  constructor(messages: readonly string[], path: string) {
    super(404, messages, path);
  }
}

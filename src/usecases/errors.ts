/**
 * The ways a use case refuses or fails, each with a message a person can act on. Resolvers turn them into
 * `{ ok: false, error }`; triggers turn retryable ones into an `InvocationError`.
 */
export class UseCaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The payload is malformed; nothing was changed. */
export class InvalidInputError extends UseCaseError {}

/** The caller may not do this (their roles or their Jira permissions say no). */
export class NotAllowedError extends UseCaseError {}

/** The issue, client or person is unknown, or the caller cannot see it. */
export class NotFoundError extends UseCaseError {}

/** The triage state does not allow the action now. */
export class TriageRefusedError extends UseCaseError {}

/** A configuration write carried a version that is no longer the stored one. */
export class ConfigurationConflictError extends UseCaseError {
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

/** Someone else changed the issue's triage record at the same moment; nothing was written. */
export class TriageConflictError extends UseCaseError {
  constructor(readonly issueKey: string) {
    super(`Someone else changed ${issueKey} at the same moment. Reload the issue and try again.`);
  }
}

/** The configuration does not fit the storage limits. */
export class StorageLimitError extends UseCaseError {}

/**
 * Jira asked the app to slow down or was briefly unavailable. What the app decided is already stored; its
 * remaining writes to Jira wait in the issue's outbox and are sent on the next try.
 */
export class JiraBusyError extends UseCaseError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Jira is busy right now. Your change is saved; the app finishes updating the issue in about ${retryAfterSeconds} s.`,
    );
  }
}

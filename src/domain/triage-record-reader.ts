import { isIssueKey } from './jira-keys';
import { LADDER_STEP_KINDS } from './policy';
import { isIsoInstant } from './time';
import { TRIAGE_ACTIONS, TRIAGE_STATES } from './triage';
import { MAX_QUESTION_LENGTH, TRIAGE_SCHEMA_VERSION, type TriageRecord } from './triage-record';
import {
  at as pathAt,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  quote,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';

/**
 * Reads a triage record back from app storage, where anything may have damaged it: the record is the
 * authority on an issue's triage, so a field this version of the app did not write is refused rather than
 * trusted. Kept apart from triage-record.ts so the record and its transitions read on their own.
 */
const STEP_KINDS: readonly string[] = LADDER_STEP_KINDS;
const EVENTS = new Set<string>([
  'routed',
  'unrouted',
  'escalation-step',
  'property-repaired',
  ...TRIAGE_ACTIONS,
]);

/** Reads a stored record back, refusing anything this version of the app did not write. */
export function readTriageRecord(input: unknown): Validated<TriageRecord> {
  if (!isRecord(input)) return invalid([problem('', 'The triage record is not an object.')]);
  if (input.schemaVersion !== TRIAGE_SCHEMA_VERSION) {
    return invalid([
      problem(
        'schemaVersion',
        `Triage record version ${quote(input.schemaVersion)} is not one this app reads.`,
      ),
    ]);
  }
  const problems: ValidationProblem[] = [];
  const states: readonly string[] = TRIAGE_STATES;
  const instantOrNull = (key: string): void => {
    const value = input[key];
    if (value !== null && !isIsoInstant(value))
      problems.push(problem(key, `${key} must be an instant or null.`));
  };
  if (typeof input.state !== 'string' || !states.includes(input.state)) {
    problems.push(problem('state', `${quote(input.state)} is not a triage state.`));
  }
  if (!isNonEmptyString(input.clientId))
    problems.push(problem('clientId', 'The record must name its client.'));
  if (input.spocAccountId !== null && !isNonEmptyString(input.spocAccountId)) {
    problems.push(problem('spocAccountId', 'The SPOC must be an account id or null.'));
  }
  if (!isIsoInstant(input.routedAt)) problems.push(problem('routedAt', 'routedAt must be an instant.'));
  ['clockStartedAt', 'dueAt', 'firstResponseAt', 'vettedAt'].forEach(instantOrNull);
  for (const key of ['escalationLevel', 'bounceBacks', 'droppedHistoryEntries']) {
    const value = input[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      problems.push(problem(key, `${key} must be a whole number, 0 or more.`));
    }
  }
  if (input.duplicateOf !== null && !isIssueKey(input.duplicateOf)) {
    problems.push(problem('duplicateOf', 'duplicateOf must be an issue key or null.'));
  }
  if (!Array.isArray(input.escalationSteps)) {
    problems.push(problem('escalationSteps', 'escalationSteps must be a list.'));
  } else {
    input.escalationSteps.forEach((s, i) => {
      if (
        !isRecord(s) ||
        !(typeof s.step === 'string' && STEP_KINDS.includes(s.step)) ||
        !isIsoInstant(s.dueAt) ||
        !isIsoInstant(s.at)
      ) {
        problems.push(
          problem(pathAt('escalationSteps', i), 'Each escalation step needs a step, dueAt and at.'),
        );
      }
    });
  }
  // Written only since acknowledgements and handovers exist: older records lack them, which means none.
  const acknowledged = input.acknowledged;
  if (
    acknowledged !== undefined &&
    acknowledged !== null &&
    !(
      isRecord(acknowledged) &&
      isNonEmptyString(acknowledged.by) &&
      isIsoInstant(acknowledged.at) &&
      isIsoInstant(acknowledged.until)
    )
  ) {
    problems.push(problem('acknowledged', 'An acknowledgement needs by, at and until.'));
  }
  if (
    input.handedOverFrom !== undefined &&
    input.handedOverFrom !== null &&
    !isNonEmptyString(input.handedOverFrom)
  ) {
    problems.push(problem('handedOverFrom', 'handedOverFrom must be an account id or null.'));
  }
  // Written only since the client's panel shows the question and duplicates check what the client can open.
  const question = input.clientQuestion;
  if (
    question !== undefined &&
    question !== null &&
    !(
      isRecord(question) &&
      isNonEmptyString(question.text) &&
      question.text.length <= MAX_QUESTION_LENGTH &&
      (question.askedBy === null || isNonEmptyString(question.askedBy)) &&
      isIsoInstant(question.askedAt)
    )
  ) {
    problems.push(problem('clientQuestion', 'A question to the client needs its text, who asked and when.'));
  }
  const canOpen = input.duplicateClientCanOpen;
  if (canOpen !== undefined && canOpen !== null && typeof canOpen !== 'boolean') {
    problems.push(problem('duplicateClientCanOpen', 'duplicateClientCanOpen must be true, false or null.'));
  }
  if (!Array.isArray(input.history)) {
    problems.push(problem('history', 'history must be a list.'));
  } else {
    input.history.forEach((h, i) => {
      const ok =
        isRecord(h) &&
        isIsoInstant(h.at) &&
        typeof h.event === 'string' &&
        EVENTS.has(h.event) &&
        typeof h.to === 'string' &&
        states.includes(h.to);
      if (!ok) problems.push(problem(pathAt('history', i), 'A history entry needs at, event and to.'));
    });
  }
  return problems.length ? invalid(problems) : valid(input as unknown as TriageRecord);
}

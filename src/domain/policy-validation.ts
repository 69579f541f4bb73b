import {
  DEFAULT_POLICY,
  describeLadderStep,
  LADDER_STEP_KINDS,
  type BypassHandling,
  type LadderStep,
  type LadderStepKind,
  type ReassignToUnavailable,
  type ResponseTargets,
  type SpocPolicy,
} from './policy';
import { MAX_HISTORY_LIMIT, MIN_HISTORY_LIMIT } from './triage-record';
import { validateWorkflowPolicy } from './workflow-policy-validation';
import {
  at,
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
 * Checks a policy that arrives untrusted, from storage or the manager's Policy screen: every setting in range,
 * the ladder in order, and nothing this version of the app does not know. Settings left out take the
 * defaults. Kept apart from policy.ts so the rules themselves read on their own.
 */
const MAX_TARGET_MINUTES = 30 * 24 * 60;
const MAX_PRIORITIES = 20;
const KNOWN_KEYS = new Set(Object.keys(DEFAULT_POLICY));

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

function validateTargets(input: unknown, problems: ValidationProblem[]): ResponseTargets {
  const path = 'responseTargets';
  if (!isRecord(input)) {
    problems.push(problem(path, 'Response targets need a default and one target per priority, in minutes.'));
    return DEFAULT_POLICY.responseTargets;
  }
  const targetProblem = (p: string, what: string): void => {
    problems.push(
      problem(
        p,
        `${what} must be a whole number of working minutes from 1 to ${MAX_TARGET_MINUTES} (30 days).`,
      ),
    );
  };
  const defaultMinutes = input.defaultMinutes ?? DEFAULT_POLICY.responseTargets.defaultMinutes;
  if (!isWhole(defaultMinutes, 1, MAX_TARGET_MINUTES))
    targetProblem(at(path, 'defaultMinutes'), 'The target for priorities not listed');
  const byPriority: Record<string, number> = {};
  const rawByPriority = input.byPriority ?? {};
  if (!isRecord(rawByPriority)) {
    problems.push(
      problem(at(path, 'byPriority'), 'Targets by priority give minutes for each Jira priority name.'),
    );
  } else {
    const entries = Object.entries(rawByPriority);
    if (entries.length > MAX_PRIORITIES) {
      problems.push(
        problem(at(path, 'byPriority'), `At most ${MAX_PRIORITIES} priorities can have their own target.`),
      );
    }
    const seen = new Set<string>();
    for (const [name, minutes] of entries) {
      const p = at(at(path, 'byPriority'), name);
      if (!isNonEmptyString(name) || name.length > 60) {
        problems.push(problem(p, 'A priority name must be text of at most 60 characters.'));
      } else if (seen.has(name.trim().toLowerCase())) {
        problems.push(problem(p, `Priority ${quote(name.trim())} has two targets; keep one.`));
      } else if (!isWhole(minutes, 1, MAX_TARGET_MINUTES)) {
        targetProblem(p, `The target for ${quote(name.trim())}`);
      } else {
        seen.add(name.trim().toLowerCase());
        byPriority[name.trim()] = minutes;
      }
    }
  }
  return { defaultMinutes: defaultMinutes as number, byPriority };
}

export function validateLadder(
  input: unknown,
  problems: ValidationProblem[],
  path = 'ladder',
): readonly LadderStep[] {
  if (!Array.isArray(input)) {
    problems.push(problem(path, 'The escalation ladder must be a list of steps (empty for none).'));
    return [];
  }
  const steps: LadderStep[] = [];
  const kinds = new Set<string>();
  for (const [i, raw] of input.entries()) {
    const p = at(path, i);
    if (!isRecord(raw)) {
      problems.push(problem(p, `Ladder step ${i + 1} needs what happens and at what share of the target.`));
      continue;
    }
    const { kind, atPercentOfTarget } = raw;
    if (typeof kind !== 'string' || !(LADDER_STEP_KINDS as readonly string[]).includes(kind)) {
      problems.push(
        problem(
          at(p, 'kind'),
          `Ladder step ${i + 1}: ${quote(kind)} is not something the ladder does; use one of ${LADDER_STEP_KINDS.join(', ')}.`,
        ),
      );
      continue;
    }
    if (kinds.has(kind)) {
      problems.push(
        problem(
          at(p, 'kind'),
          `Ladder step ${i + 1}: "${describeLadderStep(kind as LadderStepKind)}" is on the ladder twice.`,
        ),
      );
      continue;
    }
    kinds.add(kind);
    if (!isWhole(atPercentOfTarget, 1, 1000)) {
      problems.push(
        problem(
          at(p, 'atPercentOfTarget'),
          `Ladder step ${i + 1} falls due at a whole percentage of the target, 1 to 1000.`,
        ),
      );
      continue;
    }
    const previous = steps[steps.length - 1];
    if (previous && atPercentOfTarget <= previous.atPercentOfTarget) {
      problems.push(
        problem(
          at(p, 'atPercentOfTarget'),
          `Ladder step ${i + 1} must fall due later than the step before it, at more than ${previous.atPercentOfTarget}%.`,
        ),
      );
      continue;
    }
    steps.push({ kind: kind as LadderStepKind, atPercentOfTarget });
  }
  return steps;
}

/** Checks a policy read from storage or a form; settings left out take their defaults. */
export function validatePolicy(input: unknown): Validated<SpocPolicy> {
  if (!isRecord(input)) return invalid([problem('', 'Send the policy as its settings.')]);
  const problems: ValidationProblem[] = [];
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) problems.push(problem(key, `${quote(key)} is not a policy setting.`));
  }
  if (input.schemaVersion !== undefined && input.schemaVersion !== 1) {
    problems.push(
      problem('schemaVersion', `Policy version ${quote(input.schemaVersion)} is not one this app reads.`),
    );
  }
  const responseTargets = validateTargets(input.responseTargets ?? DEFAULT_POLICY.responseTargets, problems);
  const atRiskPercent = input.atRiskPercent ?? DEFAULT_POLICY.atRiskPercent;
  if (!isWhole(atRiskPercent, 1, 99)) {
    problems.push(problem('atRiskPercent', 'At risk is a whole percentage of the target, 1 to 99.'));
  }
  const defaultCapacity = input.defaultCapacity ?? DEFAULT_POLICY.defaultCapacity;
  if (!isWhole(defaultCapacity, 1, 500)) {
    problems.push(
      problem('defaultCapacity', 'The default capacity must be a whole number of issues, 1 to 500.'),
    );
  }
  const bypass = input.bypass ?? DEFAULT_POLICY.bypass;
  if (bypass !== 'revert' && bypass !== 'record') {
    problems.push(
      problem(
        'bypass',
        `${quote(bypass)} is not a choice for an issue assigned past its SPOC; use revert or record.`,
      ),
    );
  }
  const reassignToUnavailable = input.reassignToUnavailable ?? DEFAULT_POLICY.reassignToUnavailable;
  if (reassignToUnavailable !== 'warn' && reassignToUnavailable !== 'refuse') {
    problems.push(
      problem(
        'reassignToUnavailable',
        `${quote(reassignToUnavailable)} is not a choice for reassigning to someone away or full; use warn or refuse.`,
      ),
    );
  }
  const ladder = validateLadder(input.ladder ?? DEFAULT_POLICY.ladder, problems);
  const acknowledgeHoldMinutes = input.acknowledgeHoldMinutes ?? DEFAULT_POLICY.acknowledgeHoldMinutes;
  if (!isWhole(acknowledgeHoldMinutes, 5, 7 * 24 * 60)) {
    problems.push(
      problem(
        'acknowledgeHoldMinutes',
        'An acknowledgement holds the next step for a whole number of minutes, 5 to 10080 (a week).',
      ),
    );
  }
  const historyLimit = input.historyLimit ?? DEFAULT_POLICY.historyLimit;
  if (!isWhole(historyLimit, MIN_HISTORY_LIMIT, MAX_HISTORY_LIMIT)) {
    problems.push(
      problem(
        'historyLimit',
        `Each issue keeps from ${MIN_HISTORY_LIMIT} to ${MAX_HISTORY_LIMIT} history entries.`,
      ),
    );
  }
  const workflow = validateWorkflowPolicy(input.workflow, problems);
  if (problems.length) return invalid(problems);
  return valid({
    schemaVersion: 1,
    responseTargets,
    atRiskPercent: atRiskPercent as number,
    defaultCapacity: defaultCapacity as number,
    bypass: bypass as BypassHandling,
    reassignToUnavailable: reassignToUnavailable as ReassignToUnavailable,
    ladder,
    acknowledgeHoldMinutes: acknowledgeHoldMinutes as number,
    historyLimit: historyLimit as number,
    workflow,
  });
}

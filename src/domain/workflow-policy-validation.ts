import { DEFAULT_WORKFLOW_POLICY, type ClosingRule, type WorkflowPolicy } from './workflow-move';
import { at, isRecord, problem, type ValidationProblem } from './validation';

/**
 * Checks the policy's workflow settings as they arrive from storage or the Policy screen: a switch and
 * short lists of status and resolution names, each name once. Parts left out take the defaults.
 */
export const MAX_WORKFLOW_NAMES = 10;
export const MAX_WORKFLOW_NAME_LENGTH = 60;
const KEYS = new Set(Object.keys(DEFAULT_WORKFLOW_POLICY));
const RULE_KEYS = new Set(['statuses', 'resolutions']);

/** Someone's input as a message quotes it: in quotes, on one line, cut short. */
function quote(value: unknown): string {
  if (typeof value !== 'string')
    return value === undefined || value === null ? 'nothing' : `a ${typeof value}`;
  const line = value.replace(/\s+/g, ' ').trim();
  return `"${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}

function names(
  input: unknown,
  path: string,
  what: string,
  fallback: readonly string[],
  problems: ValidationProblem[],
): readonly string[] {
  if (input === undefined) return fallback;
  if (!Array.isArray(input)) {
    problems.push(problem(path, `${what} must be a list of names (empty for none).`));
    return fallback;
  }
  if (input.length > MAX_WORKFLOW_NAMES) {
    problems.push(problem(path, `${what} can list at most ${MAX_WORKFLOW_NAMES} names.`));
    return fallback;
  }
  const kept: string[] = [];
  input.forEach((raw, i) => {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!name || name.length > MAX_WORKFLOW_NAME_LENGTH) {
      problems.push(
        problem(
          at(path, i),
          `${what}: ${quote(raw)} is not a name; each is text of 1 to ${MAX_WORKFLOW_NAME_LENGTH} characters.`,
        ),
      );
    } else if (kept.some((k) => k.toLowerCase() === name.toLowerCase())) {
      problems.push(problem(at(path, i), `${what}: ${quote(name)} is listed twice.`));
    } else {
      kept.push(name);
    }
  });
  return kept;
}

function rule(
  input: unknown,
  path: string,
  label: string,
  fallback: ClosingRule,
  problems: ValidationProblem[],
): ClosingRule {
  if (input === undefined) return fallback;
  if (!isRecord(input)) {
    problems.push(problem(path, `Where ${label} go needs statuses and resolutions.`));
    return fallback;
  }
  for (const key of Object.keys(input)) {
    if (!RULE_KEYS.has(key)) problems.push(problem(at(path, key), `${quote(key)} is not a setting.`));
  }
  return {
    statuses: names(
      input.statuses,
      at(path, 'statuses'),
      `Done statuses for ${label}`,
      fallback.statuses,
      problems,
    ),
    resolutions: names(
      input.resolutions,
      at(path, 'resolutions'),
      `Resolutions for ${label}`,
      fallback.resolutions,
      problems,
    ),
  };
}

/** The workflow settings, problems pushed under `path`; settings left out take the defaults. */
export function validateWorkflowPolicy(
  input: unknown,
  problems: ValidationProblem[],
  path = 'workflow',
): WorkflowPolicy {
  const fallback = DEFAULT_WORKFLOW_POLICY;
  if (input === undefined) return fallback;
  if (!isRecord(input)) {
    problems.push(problem(path, 'The workflow settings must be an object.'));
    return fallback;
  }
  for (const key of Object.keys(input)) {
    if (!KEYS.has(key)) problems.push(problem(at(path, key), `${quote(key)} is not a workflow setting.`));
  }
  const moveIssues = input.moveIssues ?? fallback.moveIssues;
  if (typeof moveIssues !== 'boolean') {
    problems.push(
      problem(at(path, 'moveIssues'), 'Whether the app moves issues in the workflow is yes or no.'),
    );
  }
  return {
    moveIssues: moveIssues === true,
    rejected: rule(input.rejected, at(path, 'rejected'), 'rejected issues', fallback.rejected, problems),
    duplicate: rule(input.duplicate, at(path, 'duplicate'), 'duplicates', fallback.duplicate, problems),
    reopenStatuses: names(
      input.reopenStatuses,
      at(path, 'reopenStatuses'),
      'Open statuses for reopened issues',
      fallback.reopenStatuses,
      problems,
    ),
  };
}

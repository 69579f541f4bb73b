/**
 * Where a triage outcome takes the issue in Jira's own workflow: a rejected or duplicate issue moves to a
 * status of category "done" with a resolution that fits, a reopened one back to an open status. The issue's
 * workflow says which transitions it offers from where it stands and whether a transition's screen has the
 * Resolution field; the policy says which statuses and resolutions to prefer. Pure: data in, a decision and
 * its reasons out.
 */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface WorkflowStatus {
  readonly name: string;
  readonly category: StatusCategory;
}

export interface NamedValue {
  readonly id: string;
  readonly name: string;
}

/** The Resolution field on a transition's screen: Jira sets what the request gives, else its default. */
export interface ResolutionField {
  readonly required: boolean;
  readonly allowed: readonly NamedValue[];
  readonly defaultValue: NamedValue | null;
}

export interface TransitionOption {
  readonly id: string;
  readonly name: string;
  readonly to: WorkflowStatus;
  /** Null when the transition has no screen, or its screen lacks the Resolution field. */
  readonly resolutionField: ResolutionField | null;
}

/** The issue as its workflow sees it now: its status and the transitions it offers from there. */
export interface IssueInWorkflow {
  readonly status: WorkflowStatus;
  readonly transitions: readonly TransitionOption[];
}

/** Where one kind of closed issue goes. */
export interface ClosingRule {
  /** Done statuses to prefer, by name, first first; any done status the workflow offers when none is there. */
  readonly statuses: readonly string[];
  /** Resolutions to set where the transition's screen has the field, first first; else the workflow's default. */
  readonly resolutions: readonly string[];
}

/** The policy's part on Jira's workflow: whether triage outcomes move issues, and where to. */
export interface WorkflowPolicy {
  /** Off: the app leaves the status alone and only labels, links and comments. */
  readonly moveIssues: boolean;
  readonly rejected: ClosingRule;
  readonly duplicate: ClosingRule;
  /** Open statuses a reopened issue goes back to, first first; else the first "To Do" status offered. */
  readonly reopenStatuses: readonly string[];
}

/**
 * Names that fit Jira Cloud's default workflows: the simplified one (To Do, In Progress, Done), the classic
 * one (Open, In Progress, Resolved, Reopened, Closed) and service projects' (Canceled, Declined), with the
 * resolutions Jira Cloud sites start with (Done, Won't Do, Duplicate) and older sites' Won't Fix.
 */
export const DEFAULT_WORKFLOW_POLICY: WorkflowPolicy = {
  moveIssues: true,
  rejected: {
    statuses: ["Won't Do", 'Declined', 'Canceled', 'Closed', 'Done', 'Resolved'],
    resolutions: ["Won't Do", "Won't Fix", 'Declined'],
  },
  duplicate: {
    statuses: ['Duplicate', 'Closed', 'Done', 'Resolved'],
    resolutions: ['Duplicate'],
  },
  reopenStatuses: ['Reopened', 'To Do', 'Open', 'Waiting for support', 'Backlog'],
};

export type WorkflowGoal =
  | {
      readonly goal: 'close';
      readonly outcome: 'rejected' | 'duplicate';
      /** Done statuses to prefer, by name, first first. */
      readonly statuses: readonly string[];
      /** Resolutions to set where the screen offers the field, by name, first first. */
      readonly resolutions: readonly string[];
    }
  | {
      readonly goal: 'reopen';
      /** Open statuses to prefer, by name, first first. */
      readonly statuses: readonly string[];
    };

export type WorkflowMove =
  | {
      readonly kind: 'transition';
      readonly transitionId: string;
      /** The resolution to send with the transition; null leaves it to the workflow. */
      readonly resolution: NamedValue | null;
      /** "Moved from To Do to Done with resolution Won't Do (transition Done)." */
      readonly summary: string;
    }
  | { readonly kind: 'already-there'; readonly summary: string }
  | { readonly kind: 'impossible'; readonly summary: string };

/** What the outbox asks of Jira for an outcome, or null when the policy leaves the workflow alone. */
export function workflowGoal(
  policy: WorkflowPolicy,
  outcome: 'rejected' | 'duplicate' | 'reopened',
): WorkflowGoal | null {
  if (!policy.moveIssues) return null;
  if (outcome === 'reopened') return { goal: 'reopen', statuses: policy.reopenStatuses };
  const rule = policy[outcome];
  return { goal: 'close', outcome, statuses: rule.statuses, resolutions: rule.resolutions };
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The first option whose name is the earliest preferred one; undefined when none is preferred. */
function preferred<T>(
  options: readonly T[],
  names: readonly string[],
  nameOf: (o: T) => string,
): T | undefined {
  for (const name of names) {
    const found = options.find((o) => same(nameOf(o), name));
    if (found) return found;
  }
  return undefined;
}

const GOAL_WORDS = {
  rejected: 'a rejected issue',
  duplicate: 'a duplicate',
} as const;

/** Which transition (and resolution) takes the issue where the triage outcome says it belongs. */
export function planWorkflowMove(issue: IssueInWorkflow, goal: WorkflowGoal): WorkflowMove {
  const from = issue.status.name;
  if (goal.goal === 'close') {
    if (issue.status.category === 'done') {
      return { kind: 'already-there', summary: `The issue is already in ${from}, a done status.` };
    }
    const intoDone = issue.transitions.filter((t) => t.to.category === 'done');
    const chosen = preferred(intoDone, goal.statuses, (t) => t.to.name) ?? intoDone[0];
    if (!chosen) {
      return {
        kind: 'impossible',
        summary: `The workflow offers no transition from ${from} into a done status, so the issue stays in ${from} (still unresolved). A Jira administrator can add one, or the SPOC can move it by hand.`,
      };
    }
    const { resolution, words } = resolutionFor(chosen, goal.resolutions, GOAL_WORDS[goal.outcome]);
    return {
      kind: 'transition',
      transitionId: chosen.id,
      resolution,
      summary: `Moved from ${from} to ${chosen.to.name} (transition ${chosen.name}); ${words}`,
    };
  }
  if (issue.status.category !== 'done') {
    return { kind: 'already-there', summary: `The issue is already open, in ${from}.` };
  }
  const open = issue.transitions.filter((t) => t.to.category !== 'done');
  const chosen =
    preferred(open, goal.statuses, (t) => t.to.name) ?? open.find((t) => t.to.category === 'new') ?? open[0];
  if (!chosen) {
    return {
      kind: 'impossible',
      summary: `The workflow offers no transition from ${from} back to an open status, so the issue stays in ${from}. A Jira administrator can add one, or the SPOC can move it by hand.`,
    };
  }
  return {
    kind: 'transition',
    transitionId: chosen.id,
    resolution: null,
    summary: `Moved from ${from} back to ${chosen.to.name} (transition ${chosen.name}); the workflow clears the resolution.`,
  };
}

function resolutionFor(
  transition: TransitionOption,
  names: readonly string[],
  what: string,
): { resolution: NamedValue | null; words: string } {
  const field = transition.resolutionField;
  if (!field) {
    return {
      resolution: null,
      words: `its screen has no Resolution field, so the workflow sets the resolution it always sets.`,
    };
  }
  const fitting = preferred(field.allowed, names, (v) => v.name);
  if (fitting) return { resolution: fitting, words: `resolution ${fitting.name}.` };
  if (field.defaultValue) {
    return {
      resolution: field.defaultValue,
      words: `no resolution the policy names for ${what} is offered, so the workflow's default, ${field.defaultValue.name}.`,
    };
  }
  const first = field.allowed[0];
  if (field.required && first) {
    return {
      resolution: first,
      words: `no resolution the policy names for ${what} is offered and the field has no default, so the first one offered, ${first.name}.`,
    };
  }
  return {
    resolution: null,
    words: `no resolution the policy names for ${what} is offered, so the workflow decides.`,
  };
}

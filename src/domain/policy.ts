import { formatMinutes } from './time';
import { isUnvetted, type TriageState } from './triage';
import { DEFAULT_WORKFLOW_POLICY, type WorkflowPolicy } from './workflow-move';

/**
 * The manager's rules: how fast a SPOC must respond (in their working minutes, per Jira priority), how much
 * client work one SPOC may hold by default, the escalation ladder, and what happens when someone assigns an
 * unvetted client issue away from its SPOC.
 */
export const LADDER_STEP_KINDS = ['warn-spoc', 'move-to-next-backup', 'notify-escalation-manager'] as const;
export type LadderStepKind = (typeof LADDER_STEP_KINDS)[number];

export interface LadderStep {
  readonly kind: LadderStepKind;
  /** When the step is due, as a share of the response target: 75 = three quarters of it used. */
  readonly atPercentOfTarget: number;
}

/** Revert puts the SPOC back as assignee; record only notes the bypass on the issue. */
export type BypassHandling = 'revert' | 'record';

/** Reassigning to a SPOC who is out of office or full: warn first and let the person go on, or refuse. */
export type ReassignToUnavailable = 'warn' | 'refuse';

export interface ResponseTargets {
  /** Working minutes for priorities not listed. */
  readonly defaultMinutes: number;
  /** Jira priority name → working minutes. */
  readonly byPriority: Readonly<Record<string, number>>;
}

export interface SpocPolicy {
  readonly schemaVersion: 1;
  readonly responseTargets: ResponseTargets;
  /** Share of the target used after which an issue counts as at risk. */
  readonly atRiskPercent: number;
  /** Capacity of SPOCs whose profile leaves it empty. */
  readonly defaultCapacity: number;
  readonly bypass: BypassHandling;
  readonly reassignToUnavailable: ReassignToUnavailable;
  /** In the order the steps fall due; a client's roster may set its own. */
  readonly ladder: readonly LadderStep[];
  /** How long an acknowledgement ("I am on it") holds the ladder's next step, in minutes. */
  readonly acknowledgeHoldMinutes: number;
  /** Entries kept in each issue's triage history. */
  readonly historyLimit: number;
  /** Where rejected, duplicate and reopened issues go in Jira's workflow. */
  readonly workflow: WorkflowPolicy;
}

export const DEFAULT_POLICY: SpocPolicy = {
  schemaVersion: 1,
  responseTargets: {
    defaultMinutes: 480,
    byPriority: { Highest: 60, High: 120, Medium: 240, Low: 480, Lowest: 960 },
  },
  atRiskPercent: 75,
  defaultCapacity: 10,
  bypass: 'record',
  reassignToUnavailable: 'warn',
  ladder: [
    { kind: 'warn-spoc', atPercentOfTarget: 75 },
    { kind: 'move-to-next-backup', atPercentOfTarget: 100 },
    { kind: 'notify-escalation-manager', atPercentOfTarget: 150 },
  ],
  acknowledgeHoldMinutes: 60,
  historyLimit: 20,
  workflow: DEFAULT_WORKFLOW_POLICY,
};

const STEP_LABELS: Readonly<Record<LadderStepKind, string>> = {
  'warn-spoc': 'warn the SPOC',
  'move-to-next-backup': 'move the issue to the next backup',
  'notify-escalation-manager': 'notify the escalation manager',
};

export const describeLadderStep = (kind: LadderStepKind): string => STEP_LABELS[kind];

/** The ladder a client's issues climb: their roster's own, else the policy's. */
export const ladderFor = (policy: SpocPolicy, roster: { readonly ladder?: readonly LadderStep[] } | null) =>
  roster?.ladder ?? policy.ladder;

export interface ResponseTarget {
  readonly minutes: number;
  readonly reason: string;
}

/** The target for a Jira priority, matched by name regardless of case; the default when not listed. */
export function responseTargetFor(policy: SpocPolicy, priorityName: string | null): ResponseTarget {
  const entry =
    priorityName === null
      ? undefined
      : Object.entries(policy.responseTargets.byPriority).find(
          ([name]) => name.toLowerCase() === priorityName.trim().toLowerCase(),
        );
  if (entry) {
    return {
      minutes: entry[1],
      reason: `Response target for priority ${entry[0]}: ${formatMinutes(entry[1])} of working time.`,
    };
  }
  const minutes = policy.responseTargets.defaultMinutes;
  return {
    minutes,
    reason:
      priorityName === null
        ? `The issue has no priority; the default response target of ${formatMinutes(minutes)} of working time applies.`
        : `No target is set for priority ${priorityName}; the default of ${formatMinutes(minutes)} of working time applies.`,
  };
}

export interface AssignmentChange {
  readonly state: TriageState;
  readonly spocAccountId: string | null;
  /** Null when the issue was unassigned. */
  readonly newAssigneeAccountId: string | null;
}

export type BypassVerdict =
  | { readonly verdict: 'allowed'; readonly reason: string }
  | { readonly verdict: 'revert' | 'record'; readonly reason: string };

/** Whether an assignment change bypasses the SPOC, and what the policy says to do about it. */
export function judgeAssignmentChange(
  policy: SpocPolicy,
  change: AssignmentChange,
  names: Readonly<Record<string, string>> = {},
): BypassVerdict {
  const name = (id: string): string => names[id] ?? id;
  if (!isUnvetted(change.state)) {
    return { verdict: 'allowed', reason: 'The issue has left triage, so anyone may be assigned.' };
  }
  if (change.spocAccountId === null) {
    return { verdict: 'allowed', reason: 'The issue has no SPOC yet, so the assignment is not a bypass.' };
  }
  if (change.newAssigneeAccountId === change.spocAccountId) {
    return { verdict: 'allowed', reason: `${name(change.spocAccountId)} is the issue's SPOC.` };
  }
  const to =
    change.newAssigneeAccountId === null ? 'unassigned' : `assigned to ${name(change.newAssigneeAccountId)}`;
  const what = `The client issue was ${to} before ${name(change.spocAccountId)} (SPOC) vetted it`;
  return policy.bypass === 'revert'
    ? { verdict: 'revert', reason: `${what}; the policy puts it back with the SPOC.` }
    : { verdict: 'record', reason: `${what}; the policy records the bypass and leaves the assignment.` };
}

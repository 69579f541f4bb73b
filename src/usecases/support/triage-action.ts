import {
  applyTriageAction,
  describeProblems,
  type RosterVersion,
  type SpocPolicy,
  type TriageActionInput,
  type TriageRecord,
} from '../domain';
import type { CallerRole, TriageActionName, TriageActionReply } from '../contract/issue-panel';
import { activeOutOfOffice } from '../domain/spoc-profile';
import { ACTION_RULES, rolesOnIssue } from './caller-roles';
import { InvalidInputError, NotAllowedError, NotFoundError, TriageRefusedError } from './errors';
import type { AppJira, Clock, ConfigurationReader, IssueRef, TriageRepository, UserJira } from './ports';
import { sendOutbox } from './send-outbox';
import { buildSpocView } from './spoc-view';
import type { JiraWrite, TriageEntry } from './triage-entry';

/**
 * The shape every triage action shares: check the payload, find the issue as the caller sees it, decide who
 * the caller is for this issue from the app's own record, check their Jira permissions as them, apply the
 * domain's state machine, store the new record with the Jira writes it needs, and send them. Each action's
 * own file says what is particular to it.
 */
export interface TriageActionDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export interface TriageActionParams<P> {
  readonly callerAccountId: string;
  readonly issueIdOrKey: string;
  readonly input: P;
}

/** What an action knows when it plans its change. */
export interface ActionContext {
  readonly caller: string;
  readonly issue: IssueRef;
  readonly entry: TriageEntry;
  readonly roster: RosterVersion | null;
  readonly policy: SpocPolicy;
  readonly now: Date;
  readonly names: Readonly<Record<string, string>>;
  readonly deps: TriageActionDeps;
}

export interface ActionPlan {
  readonly action: TriageActionInput;
  /** The writes to Jira, given the record after the action. */
  readonly writes: (record: TriageRecord) => readonly JiraWrite[];
}

export interface TriageVerb<P> {
  readonly name: TriageActionName;
  /** Checks the payload; throws InvalidInputError with a clear message. */
  readonly parse: (payload: unknown) => P;
  readonly plan: (context: ActionContext, input: P) => Promise<ActionPlan>;
}

export type TriageActionResult = TriageActionReply;

export async function runTriageVerb<P>(
  verb: TriageVerb<P>,
  params: TriageActionParams<unknown>,
  deps: TriageActionDeps,
): Promise<TriageActionResult> {
  const input = verb.parse(params.input);
  const issue = await deps.user.issue(params.issueIdOrKey);
  if (!issue) throw new NotFoundError(`Issue ${params.issueIdOrKey} does not exist or you cannot see it.`);
  const stored = await deps.triage.get(issue.id);
  if (!stored) throw new NotFoundError(`${issue.key} is not a client issue routed by the app.`);
  const now = deps.clock.now();
  const rule = ACTION_RULES[verb.name];
  const { roles, roster } = await rolesOnIssue(params.callerAccountId, stored.entry, now, deps, {
    askJiraAboutManager: rule.roles.includes('manager'),
  });
  if (!rule.roles.some((r) => roles.has(r))) {
    throw new NotAllowedError(`Only ${rule.who} can ${verb.name.replace(/-/g, ' ')} ${issue.key}.`);
  }
  const granted = await deps.user.issuePermissions(issue.id, rule.jira);
  const missing = rule.jira.filter((p) => !granted.has(p));
  if (missing.length) {
    throw new NotAllowedError(
      `Jira does not let you do this on ${issue.key}: you lack the ${missing.join(', ')} permission${missing.length > 1 ? 's' : ''}.`,
    );
  }
  const [head, policy] = await Promise.all([deps.config.head(), deps.config.policy()]);
  const context: ActionContext = {
    caller: params.callerAccountId,
    issue,
    entry: stored.entry,
    roster,
    policy,
    now,
    names: head.names,
    deps,
  };
  const plan = await verb.plan(context, input);
  const outcome = applyTriageAction(stored.entry.record, plan.action, {
    by: params.callerAccountId,
    at: now,
    historyLimit: policy.historyLimit,
    names: head.names,
  });
  if (!outcome.ok) throw new TriageRefusedError(outcome.refusal);
  const next: TriageEntry = {
    ...stored.entry,
    record: outcome.record,
    outbox: [...stored.entry.outbox, ...plan.writes(outcome.record)],
  };
  const revision = await deps.triage.update(next, stored.revision, now);
  const sent = await sendOutbox(
    { entry: next, revision },
    { ...deps, internalCommentRole: head.settings.internalCommentRole },
  );
  const rolesNow = await rolesAfterAction(params.callerAccountId, roles, stored.entry, sent.entry, now, deps);
  return { view: await buildSpocView(sent.entry, rolesNow, deps), summary: outcome.summary };
}

/**
 * The caller's roles once the action is done. Only a change of SPOC (reassign, take-over) changes them: who
 * is the SPOC, and whose delegate the caller is. Backup, delivery and manager roles stay as they were, so
 * the view after an action costs no more Jira calls than the action did.
 */
async function rolesAfterAction(
  caller: string,
  before: ReadonlySet<CallerRole>,
  previous: TriageEntry,
  next: TriageEntry,
  now: Date,
  deps: TriageActionDeps,
): Promise<ReadonlySet<CallerRole>> {
  const spoc = next.record.spocAccountId;
  if (spoc === previous.record.spocAccountId) return before;
  const roles = new Set(before);
  roles.delete('spoc');
  roles.delete('delegate');
  if (spoc === caller) roles.add('spoc');
  else if (spoc !== null) {
    const [profile] = await deps.config.profiles([spoc]);
    if (profile && activeOutOfOffice(profile, now.getTime())?.delegateAccountId === caller)
      roles.add('delegate');
  }
  return roles;
}

// Payload checks shared by the actions.

export function payloadObject(payload: unknown): Readonly<Record<string, unknown>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidInputError('Send the action as a JSON object.');
  }
  return payload as Readonly<Record<string, unknown>>;
}

export function requiredText(
  payload: Readonly<Record<string, unknown>>,
  field: string,
  what: string,
  max = 2000,
): string {
  const value = payload[field];
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new InvalidInputError(`${what} is required.`);
  if (value.length > max) throw new InvalidInputError(`${what} must be at most ${max} characters.`);
  return value.trim();
}

export function optionalText(
  payload: Readonly<Record<string, unknown>>,
  field: string,
  what: string,
  max = 1000,
): string | undefined {
  const value = payload[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidInputError(`${what} must be text.`);
  if (value.length > max) throw new InvalidInputError(`${what} must be at most ${max} characters.`);
  return value.trim() || undefined;
}

export function accountIdField(
  payload: Readonly<Record<string, unknown>>,
  field: string,
  what: string,
): string {
  const value = payload[field];
  if (typeof value !== 'string' || !/^[^\s]{1,128}$/.test(value)) {
    throw new InvalidInputError(`${what} must be a Jira account id.`);
  }
  return value;
}

export const invalid = (problems: Parameters<typeof describeProblems>[0]) =>
  new InvalidInputError(describeProblems(problems));

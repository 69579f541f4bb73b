import { applyTriageAction, quote } from '../domain';
import type { CallerRole } from '../contract/issue-panel';
import { activeOutOfOffice } from '../domain/spoc-profile';
import { InvalidInputError, NotAllowedError, NotFoundError, TriageRefusedError } from './errors';
import { rolesOnIssue } from './support/caller-roles';
import { sendOutbox } from './support/send-outbox';
import { scheduled } from './support/sweep-schedule';
import { buildSpocView } from './support/spoc-view';
import { sendLeaseUntil, type TriageEntry } from './support/triage-entry';
import type {
  ActionContext,
  TriageActionDeps,
  TriageActionParams,
  TriageActionResult,
  TriageVerb,
} from './support/triage-verb';
import { OUTCOME_VERBS, TRIAGE_VERBS, verbNamed } from './support/triage-verbs';

/**
 * A person takes a triage action in the panel (`{ action, ...fields }`). The steps every action shares:
 * check the payload, find the issue as the caller sees it, decide who the caller is for this issue from the
 * app's own record, check the action's rule and the caller's Jira permissions as them, apply the domain's
 * state machine, store the new record with the Jira writes it needs, and send them. What is particular to
 * each action (its rule, payload and writes) is in its own file, e.g. accept-for-delivery.ts.
 */
export const applyTriageActionRequest = {
  execute(params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> {
    const action = (params.input as { action?: unknown } | null)?.action;
    const verb = typeof action === 'string' ? verbNamed(action) : undefined;
    if (!verb) {
      const names = [...Object.keys(TRIAGE_VERBS), ...Object.keys(OUTCOME_VERBS)];
      return Promise.reject(
        new InvalidInputError(
          // quote(): the action may be any JSON (an object whose toString is not a function, 400,000 characters).
          `${quote(action)} is not a triage action; use one of ${names.join(', ')}.`,
        ),
      );
    }
    return run(verb, params, deps);
  },
};

async function run(
  verb: TriageVerb<unknown>,
  params: TriageActionParams<unknown>,
  deps: TriageActionDeps,
): Promise<TriageActionResult> {
  const input = verb.parse(params.input);
  const issue = await deps.user.issue(params.issueIdOrKey);
  if (!issue) throw new NotFoundError(`Issue ${params.issueIdOrKey} does not exist or you cannot see it.`);
  const stored = await deps.triage.get(issue.id);
  if (!stored) throw new NotFoundError(`${issue.key} is not a client issue routed by the app.`);
  const now = deps.clock.now();
  const rule = verb.whoMay;
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
  const [head, policy, people] = await Promise.all([
    deps.config.head(),
    deps.config.policy(),
    deps.config.profiles(
      [params.callerAccountId, stored.entry.record.spocAccountId].filter((id): id is string => id !== null),
    ),
  ]);
  // Summaries and comments name people by their profile names when the configuration has none for them.
  const names = { ...head.names, ...Object.fromEntries(people.map((p) => [p.accountId, p.displayName])) };
  const callerZone = people.find((p) => p.accountId === params.callerAccountId)?.timeZone;
  const context: ActionContext = {
    caller: params.callerAccountId,
    issue,
    entry: stored.entry,
    roster,
    policy,
    now,
    names,
    deps,
  };
  const plan = await verb.plan(context, input);
  const outcome = applyTriageAction(stored.entry.record, plan.action, {
    by: params.callerAccountId,
    at: now,
    historyLimit: policy.historyLimit,
    names,
    ...(callerZone ? { timeZone: callerZone } : {}),
  });
  if (!outcome.ok) throw new TriageRefusedError(outcome.refusal);
  const next: TriageEntry = await scheduled(
    {
      ...stored.entry,
      record: outcome.record,
      outbox: [...stored.entry.outbox, ...plan.writes(outcome.record)],
      // Ours to send: a trigger or the sweep finding these writes now leaves them alone.
      sendingUntil: sendLeaseUntil(now),
    },
    deps.config,
    now,
  );
  const revision = await deps.triage.update(next, stored.revision, now);
  const sent = await sendOutbox(
    { entry: next, revision },
    { ...deps, internalCommentRole: head.settings.internalCommentRole },
    { holdsLease: true },
  );
  const rolesNow = await rolesAfterAction(params.callerAccountId, roles, stored.entry, sent.entry, now, deps);
  return { view: await buildSpocView(sent.entry, rolesNow, deps), summary: outcome.summary };
}

/**
 * The caller's roles once the action is done. Only a change of SPOC (reassign, take-over, take-back) changes
 * them: who is the SPOC, whose delegate the caller is, and whether they may still take the issue back (a new
 * SPOC ends the handover). Backup, delivery and manager roles stay as they were, so the view after an action
 * costs no more Jira calls than the action did.
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
  if (next.record.handedOverFrom !== caller) roles.delete('former-spoc');
  if (spoc === caller) roles.add('spoc');
  else if (spoc !== null) {
    const [profile] = await deps.config.profiles([spoc]);
    if (profile && activeOutOfOffice(profile, now.getTime())?.delegateAccountId === caller)
      roles.add('delegate');
  }
  return roles;
}

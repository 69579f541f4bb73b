import { applyTriageAction } from '../../domain';
import type { AppJira, IssueRef } from '../ports';
import { rolesOnIssue } from './caller-roles';
import { scheduled } from './sweep-schedule';
import type { StoredTriageEntry, TriageEntry } from './triage-entry';
import type { ActionContext, TriageActionDeps, TriageVerb } from './triage-verb';

/**
 * One triage action's own rules applied to one issue of many (a bulk take-back): the caller's roles on it,
 * the action's rule of who may take it, its plan, the domain's state machine, and when the sweep must look
 * next. The caller's Jira permissions are checked by the bulk use case, once per project. Nothing is
 * stored here: the bulk use case stores every issue's change and sends them (bulk-changes.ts).
 */
export type PlannedVerb =
  | { readonly ok: true; readonly next: TriageEntry; readonly summary: string }
  | { readonly ok: false; readonly refusal: string };

export async function planVerbOnEntry<P>(
  verb: TriageVerb<P>,
  input: P,
  params: {
    readonly callerAccountId: string;
    readonly issue: IssueRef;
    readonly stored: StoredTriageEntry;
    readonly now: Date;
  },
  deps: TriageActionDeps,
): Promise<PlannedVerb> {
  const { callerAccountId: caller, issue, stored, now } = params;
  const rule = verb.whoMay;
  const { roles, roster } = await rolesOnIssue(caller, stored.entry, now, deps, {
    askJiraAboutManager: rule.roles.includes('manager'),
  });
  if (!rule.roles.some((r) => roles.has(r))) {
    return { ok: false, refusal: `Only ${rule.who} can ${verb.name.replace(/-/g, ' ')} ${issue.key}.` };
  }
  const [head, policy, people] = await Promise.all([
    deps.config.head(),
    deps.config.policy(),
    deps.config.profiles(
      [caller, stored.entry.record.spocAccountId].filter((id): id is string => id !== null),
    ),
  ]);
  const names = { ...head.names, ...Object.fromEntries(people.map((p) => [p.accountId, p.displayName])) };
  const callerZone = people.find((p) => p.accountId === caller)?.timeZone;
  const context: ActionContext = {
    caller,
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
    by: caller,
    at: now,
    historyLimit: policy.historyLimit,
    names,
    ...(callerZone ? { timeZone: callerZone } : {}),
  });
  if (!outcome.ok) return { ok: false, refusal: outcome.refusal };
  const next = await scheduled(
    {
      ...stored.entry,
      record: outcome.record,
      outbox: [...stored.entry.outbox, ...plan.writes(outcome.record)],
    },
    deps.config,
    now,
  );
  return { ok: true, next, summary: outcome.summary };
}

/**
 * Jira as the app, with each component's lead asked once: deciding the caller's roles on many issues of a
 * client whose vetted work goes to a component lead would otherwise ask Jira once per issue.
 */
export function rememberingComponentLeads(jira: AppJira): AppJira {
  const leads = new Map<string, Promise<string | null>>();
  return new Proxy(jira, {
    get(target, property) {
      if (property === 'componentLead') {
        return (componentId: string) => {
          const known = leads.get(componentId) ?? target.componentLead(componentId);
          leads.set(componentId, known);
          return known;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

import {
  effectiveCapacity,
  matchClient,
  responseTargetFor,
  rosterCandidates,
  rosterInForce,
  chooseSpoc,
  type ClientMatch,
  type ClientMatchRule,
  type MatchOptions,
  type RosterVersion,
  type RoutingDecision,
  type SpocPolicy,
  type SpocProfile,
} from '../../domain';
import type {
  AppJira,
  Clock,
  ConfigurationHead,
  ConfigurationReader,
  IssueFacts,
  TriageRepository,
} from '../ports';

/**
 * Everything routing needs, gathered with as few reads as possible, then the pure decision. Shared by the
 * trigger that routes new issues and by the "which SPOC would this issue get" preview.
 *
 * Reads that do not depend on each other are asked for side by side, so the configuration repository
 * serves them with one batch read: the head, rules and policy first; then, once the client is known, its
 * roster; then its people's profiles (and their delegates'); then each one's open load.
 *
 * Reporter groups and email are asked of Jira only when a rule of that kind comes before the rule that
 * would otherwise win: most issues are recognised by project, component, label or reporter, for free.
 */
export interface IssueToRoute {
  readonly project: { readonly id: string; readonly key: string };
  readonly reporterAccountId: string | null;
  /** Known facts, or how to read them from Jira when (and only when) a rule or the target needs them. */
  readonly facts: IssueFacts | (() => Promise<IssueFacts>);
}

/** Reads the facts at most once, and only when asked. */
function factsSource(issue: IssueToRoute): { known: IssueFacts | null; get(): Promise<IssueFacts> } {
  const source = issue.facts;
  if (typeof source !== 'function') return { known: source, get: () => Promise.resolve(source) };
  let loading: Promise<IssueFacts> | undefined;
  const holder = {
    known: null as IssueFacts | null,
    get() {
      loading ??= source().then((facts) => {
        holder.known = facts;
        return facts;
      });
      return loading;
    },
  };
  return holder;
}

export interface RoutingDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
}

export type RoutingOutcome =
  | { readonly kind: 'no-client'; readonly reasons: readonly string[] }
  | (ClientDecision & {
      readonly kind: 'decided';
      readonly matchReason: string;
      readonly targetReason: string;
      readonly priority: string | null;
    });

export async function decideRouting(
  issue: IssueToRoute,
  deps: RoutingDeps,
  options: { readonly excludeAccountIds?: readonly string[] } = {},
): Promise<RoutingOutcome> {
  const [head, rules, policy] = await Promise.all([
    deps.config.head(),
    deps.config.rules(),
    deps.config.policy(),
  ]);
  const clientNames = Object.fromEntries(head.clients.map((c) => [c.id, c.name]));
  const facts = factsSource(issue);
  const match = await matchWithLazyFacts(
    issue,
    facts,
    rules,
    { clientNames, personNames: head.names },
    deps.jira,
  );
  if (match.outcome === 'no-match') return { kind: 'no-client', reasons: match.reasons };

  const client = { id: match.clientId, name: clientNames[match.clientId] ?? match.clientId };
  // The priority only matters when the policy sets targets by priority.
  const needPriority = Object.keys(policy.responseTargets.byPriority).length > 0;
  const priority = facts.known?.priority ?? (needPriority ? (await facts.get()).priority : null);
  const target = responseTargetFor(policy, priority);
  const chosen = await decideForClient(client, target.minutes, { ...deps, head, policy }, options);
  return {
    kind: 'decided',
    ...chosen,
    matchReason: match.reason,
    targetReason: target.reason,
    priority,
  };
}

export interface ClientDecision {
  readonly client: { readonly id: string; readonly name: string };
  readonly decision: RoutingDecision;
  readonly targetMinutes: number;
  readonly roster: RosterVersion | null;
  readonly policy: SpocPolicy;
  /** Display names of everyone involved. */
  readonly names: Readonly<Record<string, string>>;
  readonly profiles: readonly SpocProfile[];
}

/**
 * Who of a known client's roster takes an issue now, by routing's own rules and reasons: for new issues
 * once the client is matched, and for the sweep, which moves an issue on (a SPOC who did not respond in
 * time, or is away) or tries an unrouted one again.
 */
export async function decideForClient(
  client: { readonly id: string; readonly name: string },
  targetMinutes: number,
  deps: RoutingDeps & { readonly head?: ConfigurationHead; readonly policy?: SpocPolicy },
  options: { readonly excludeAccountIds?: readonly string[]; readonly movingFrom?: string } = {},
): Promise<ClientDecision> {
  const now = deps.clock.now();
  const [head, policy, roster] = await Promise.all([
    deps.head ?? deps.config.head(),
    deps.policy ?? deps.config.policy(),
    deps.config.roster(client.id),
  ]);
  const inForce = roster ? rosterInForce(roster, now) : null;
  const profiles = inForce ? await profilesWithDelegates(inForce, deps.config, options.movingFrom) : [];
  const cap = Math.max(
    1,
    ...profiles.map((p) => effectiveCapacity(p, policy.defaultCapacity) ?? policy.defaultCapacity),
  );
  const openClientIssues = await deps.triage.openCounts(
    profiles.map((p) => p.accountId),
    cap,
  );
  const names = { ...head.names, ...Object.fromEntries(profiles.map((p) => [p.accountId, p.displayName])) };
  const decision = chooseSpoc({
    now,
    client,
    roster: inForce,
    profiles,
    openClientIssues,
    responseTargetMinutes: targetMinutes,
    defaultCapacity: policy.defaultCapacity,
    names,
    ...(options.excludeAccountIds ? { excludeAccountIds: options.excludeAccountIds } : {}),
    ...(options.movingFrom ? { movingFrom: options.movingFrom } : {}),
  });
  return { client, decision, targetMinutes, roster: inForce, policy, names, profiles };
}

/**
 * The same decision, started before the stored configuration is known. On a warm function instance the
 * configuration the last invocation read is most likely still current: the decision (and the open-load
 * queries it needs) runs with it while the stored head is read, and stands when the versions match.
 * Undefined when there is nothing to start from, the versions differ, or deciding would need Jira (facts
 * the event did not carry, the reporter's groups or email): then decide the usual way. Saves one storage
 * round trip per routing.
 */
export async function decideRoutingEarly(
  issue: IssueToRoute,
  deps: RoutingDeps,
): Promise<RoutingOutcome | undefined> {
  const guess = deps.config.lastSeen?.();
  if (!guess) return undefined;
  const [decided, seen, current] = await Promise.all([
    decideRouting(
      { ...issue, facts: withoutJira(issue.facts) },
      { ...deps, config: guess, jira: noReads(deps.jira) },
    ).catch(() => undefined),
    guess.head(),
    deps.config.head(),
  ]);
  return seen.version === current.version ? decided : undefined;
}

/** Guessing must cost nothing: any read from Jira stops it (the real decision then makes the read). */
class NeedsJira extends Error {}
const needsJira = (): Promise<never> => Promise.reject(new NeedsJira('Deciding early would need Jira.'));
const withoutJira = (facts: IssueToRoute['facts']): IssueToRoute['facts'] =>
  typeof facts === 'function' ? needsJira : facts;
const noReads = (jira: AppJira): AppJira => ({
  ...jira,
  readIssueFacts: needsJira,
  reporterGroups: needsJira,
  reporterEmail: needsJira,
});

const enabledBefore = (rules: readonly ClientMatchRule[], position: number, kind: ClientMatchRule['kind']) =>
  rules.slice(0, position - 1).some((r) => r.enabled !== false && r.kind === kind);

/**
 * Matches with what is known for free (project, reporter, and labels and components when the event carried
 * them), then asks Jira for the issue's fields, the reporter's groups or email only when a rule of that kind
 * comes before the rule that would otherwise win.
 */
async function matchWithLazyFacts(
  issue: IssueToRoute,
  facts: ReturnType<typeof factsSource>,
  rules: readonly ClientMatchRule[],
  names: MatchOptions,
  jira: AppJira,
): Promise<ClientMatch> {
  let reporterGroups: ReadonlyArray<{ id: string | null; name: string }> = [];
  let reporterEmail: string | null = null;
  const attempt = () =>
    matchClient(
      {
        project: issue.project,
        components: facts.known?.components ?? [],
        labels: facts.known?.labels ?? [],
        reporterAccountId: issue.reporterAccountId,
        reporterGroups,
        reporterEmail,
        organizationIds: [],
      },
      rules,
      names,
    );
  let match = attempt();
  const winner = () => (match.outcome === 'matched' ? match.rulePosition : rules.length + 1);
  if (
    facts.known === null &&
    (enabledBefore(rules, winner(), 'component') || enabledBefore(rules, winner(), 'label'))
  ) {
    await facts.get();
    match = attempt();
  }
  const reporter = issue.reporterAccountId;
  if (reporter === null) return match;
  const needGroups = enabledBefore(rules, winner(), 'reporter-group');
  const needEmail = enabledBefore(rules, winner(), 'email-domain');
  if (!needGroups && !needEmail) return match;
  [reporterGroups, reporterEmail] = await Promise.all([
    needGroups ? jira.reporterGroups(reporter) : Promise.resolve([]),
    needEmail ? jira.reporterEmail(reporter) : Promise.resolve(null),
  ]);
  match = attempt();
  return match;
}

/**
 * The roster's people (and the SPOC an issue moves away from) and, for those away, their delegates (and
 * theirs), each profile read once.
 */
async function profilesWithDelegates(
  version: RosterVersion,
  config: ConfigurationReader,
  movingFrom?: string,
): Promise<readonly SpocProfile[]> {
  const found = new Map<string, SpocProfile>();
  const asked = new Set<string>();
  let wanted = [
    ...new Set([...rosterCandidates(version).map((c) => c.accountId), ...(movingFrom ? [movingFrom] : [])]),
  ];
  for (let round = 0; round < 4 && wanted.length > 0; round += 1) {
    wanted.forEach((id) => asked.add(id));
    for (const profile of await config.profiles(wanted)) found.set(profile.accountId, profile);
    wanted = [
      ...new Set(
        [...found.values()]
          .flatMap((p) => p.outOfOffice.map((o) => o.delegateAccountId))
          .filter((id): id is string => id !== null && !asked.has(id)),
      ),
    ];
  }
  return [...found.values()];
}

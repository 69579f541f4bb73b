import { allowedTriageActions, isWaitingOnSpoc, judgeReassignment, responseClockFor } from '../domain';
import type { ReassignCandidate, ReassignCandidates } from '../contract/issue-panel';
import { NotAllowedError, NotFoundError, TriageRefusedError } from './errors';
import type { AppJira, Clock, ConfigurationReader, TriageRepository, UserJira } from './ports';
import { rolesOnIssue } from './support/caller-roles';
import { spocsNow } from './support/spoc-availability';
import { whoMay } from './support/triage-verbs';

/**
 * The reassign form opens: everyone the issue could go to, each with their availability and load now, when
 * their response would be due, and whether the policy lets it go to them. All from the app's own profiles
 * and records (one count of open issues per person), so showing who is away costs Jira nothing per person.
 * Only those who may reassign the issue see it.
 */
export interface ListReassignCandidatesParams {
  readonly callerAccountId: string;
  readonly issueIdOrKey: string;
}

export interface ListReassignCandidatesDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

/** Enough for any team one manager runs; the picker's search finds the rest in Jira. */
export const MAX_CANDIDATES = 50;

const ROSTER_ORDER = { primary: 0, backup: 1, pool: 2 } as const;

export const listReassignCandidates = {
  async execute(
    params: ListReassignCandidatesParams,
    deps: ListReassignCandidatesDeps,
  ): Promise<ReassignCandidates> {
    const issue = await deps.user.issue(params.issueIdOrKey);
    if (!issue) throw new NotFoundError(`Issue ${params.issueIdOrKey} does not exist or you cannot see it.`);
    const stored = await deps.triage.get(issue.id);
    if (!stored) throw new NotFoundError(`${issue.key} is not a client issue routed by the app.`);
    const { entry } = stored;
    const now = deps.clock.now();
    const rule = whoMay('reassign');
    const [granted, { roles, roster }] = await Promise.all([
      deps.user.issuePermissions(issue.id, ['ASSIGN_ISSUES', 'ADMINISTER_PROJECTS']),
      rolesOnIssue(params.callerAccountId, entry, now, deps, { askJiraAboutManager: false }),
    ]);
    const mayByRole =
      rule.roles.some((r) => roles.has(r)) ||
      (rule.roles.includes('manager') && granted.has('ADMINISTER_PROJECTS'));
    if (!mayByRole || !granted.has('ASSIGN_ISSUES')) {
      throw new NotAllowedError(`Only ${rule.who} can reassign ${issue.key}.`);
    }
    if (!allowedTriageActions(entry.record.state).includes('reassign')) {
      throw new TriageRefusedError(`${issue.key} is no longer in triage, so it cannot be reassigned.`);
    }

    const [head, policy] = await Promise.all([deps.config.head(), deps.config.policy()]);
    const placeOf = (id: string): ReassignCandidate['onRoster'] =>
      roster?.primarySpocAccountId === id
        ? 'primary'
        : roster?.backupAccountIds.includes(id)
          ? 'backup'
          : roster?.poolAccountIds.includes(id)
            ? 'pool'
            : null;
    const rank = (id: string) => {
      const place = placeOf(id);
      if (place === 'backup') return 1 + (roster?.backupAccountIds.indexOf(id) ?? 0) / 1000;
      return place === null ? 3 : ROSTER_ORDER[place];
    };
    const nameOf = (id: string, names: Readonly<Record<string, string>>) => names[id] ?? id;
    // This client's roster first, in its own order; everyone else by name.
    const byRosterThenName = (names: Readonly<Record<string, string>>) => (a: string, b: string) =>
      rank(a) - rank(b) || nameOf(a, names).localeCompare(nameOf(b, names));
    const ordered = head.profileAccountIds
      .filter((id) => id !== entry.record.spocAccountId)
      .sort(byRosterThenName(head.names));
    const listed = ordered.slice(0, MAX_CANDIDATES);
    const profiles = await deps.config.profiles(listed);
    const names = { ...head.names, ...Object.fromEntries(profiles.map((p) => [p.accountId, p.displayName])) };
    const byId = new Map(
      (await spocsNow(profiles, now, policy, names, deps.triage)).map((s) => [s.profile.accountId, s]),
    );
    listed.sort(byRosterThenName(names));
    const waiting = isWaitingOnSpoc(entry.record.state);
    const candidates: ReassignCandidate[] = [];
    for (const id of listed) {
      const spoc = byId.get(id);
      if (!spoc) continue;
      const clock = responseClockFor(spoc.profile, now, entry.routing.responseTargetMinutes);
      candidates.push({
        accountId: id,
        displayName: spoc.profile.displayName,
        availability: spoc.facts,
        onRoster: placeOf(id),
        clockStartsAt: waiting ? clock.startsAt : now.toISOString(),
        dueAt: waiting ? clock.dueAt : null,
        verdict: judgeReassignment(spoc.availability, policy).verdict,
      });
    }
    return {
      now: now.toISOString(),
      candidates,
      whenUnavailable: policy.reassignToUnavailable,
      more: ordered.length > listed.length,
    };
  },
};

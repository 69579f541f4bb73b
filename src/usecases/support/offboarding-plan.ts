import {
  effectiveCapacity,
  excerpt,
  type Configuration,
  type SpocPolicy,
  type SpocProfile,
} from '../../domain';
import {
  offboardingWarnings,
  planIssueMoves,
  planRosterOffboarding,
  type IssueMove,
  type RosterOffboardingPlan,
} from '../../domain/offboarding';
import type {
  OffboardingIssueLeft,
  OffboardingPreview,
  OffboardingRequest,
} from '../../contract/project-page';
import type { PersonRef } from '../../contract/issue-panel';
import { InvalidInputError } from '../errors';
import type {
  AppJira,
  Clock,
  ConfigurationHead,
  ConfigurationRepository,
  SearchedIssue,
  TriageRepository,
  UserJira,
} from '../ports';
import { requireProjectAdministrator } from './configuration-access';
import { bulletList, message, paragraph, type Message } from './message';
import { accountIdField, payloadRecord, requiredText, type Payload } from './payload';
import type { TriageEntry } from './triage-entry';

/**
 * What offboarding a SPOC would change, worked out the same way for its preview and when it is applied: the
 * roster changes and issue moves the domain decides (src/domain/offboarding.ts), limited to the issues the
 * caller may reassign (those they see, in projects they administer, where they may assign), and what the
 * manager should know. Only project administrators offboard, as only they keep rosters.
 */
export interface OffboardingDeps {
  readonly clock: Clock;
  readonly config: ConfigurationRepository;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

/** Open issues one offboarding takes (one search as the caller); a longer list is offboarded in turns. */
export const OFFBOARDING_ISSUES = 50;

export interface OffboardingFacts {
  readonly request: OffboardingRequest;
  readonly now: Date;
  readonly head: ConfigurationHead;
  readonly configuration: Configuration;
  readonly policy: SpocPolicy;
  readonly names: Readonly<Record<string, string>>;
  readonly successorProfile: SpocProfile | null;
  readonly rosters: RosterOffboardingPlan;
  /** The moves the caller may make, by issue. */
  readonly moves: readonly IssueMove[];
  readonly entries: ReadonlyMap<string, TriageEntry>;
  readonly searched: ReadonlyMap<string, SearchedIssue>;
  readonly left: readonly OffboardingIssueLeft[];
  readonly more: boolean;
  readonly warnings: readonly string[];
}

export function parseOffboardingRequest(body: Payload): OffboardingRequest {
  const request = {
    leavingAccountId: accountIdField(body, 'leavingAccountId', 'The person who leaves'),
    successorAccountId: accountIdField(body, 'successorAccountId', 'The person who takes over'),
    reason: requiredText(body, 'reason', 'A reason for the offboarding', 300),
  };
  if (request.leavingAccountId === request.successorAccountId) {
    throw new InvalidInputError('Choose someone other than the person who is leaving to take over.');
  }
  return request;
}

export const offboardingPayload = (payload: unknown): Payload => payloadRecord(payload, 'the offboarding');

export async function gatherOffboarding(
  request: OffboardingRequest,
  projectKey: string,
  deps: OffboardingDeps,
): Promise<OffboardingFacts> {
  await requireProjectAdministrator(deps.user, projectKey, 'offboard a SPOC');
  const { leavingAccountId: leaving, successorAccountId: successor } = request;
  const now = deps.clock.now();
  const [head, configuration, policy, jiraNames, open, handedOver] = await Promise.all([
    deps.config.head(),
    deps.config.all(),
    deps.config.policy(),
    deps.jira.userNames([leaving, successor]),
    deps.triage.openFor(leaving, OFFBOARDING_ISSUES),
    deps.triage.handedOverFrom(leaving, OFFBOARDING_ISSUES),
  ]);
  // The person who leaves may no longer be a Jira user; the one who takes over must be.
  if (!(successor in jiraNames)) {
    throw InvalidInputError.at(
      'successorAccountId',
      `No Jira user has the account id ${excerpt(successor)}.`,
    );
  }
  const profileOf = (id: string) => configuration.profiles.find((p) => p.accountId === id) ?? null;
  const names: Record<string, string> = {
    ...head.names,
    ...Object.fromEntries(configuration.profiles.map((p) => [p.accountId, p.displayName])),
    ...jiraNames,
  };

  const rosters = planRosterOffboarding({
    rosters: configuration.rosters,
    leavingAccountId: leaving,
    successorAccountId: successor,
    now,
    names,
    reason: request.reason,
  });
  if (!rosters.ok) {
    throw new InvalidInputError(
      `The offboarding cannot go ahead as it stands. ${rosters.problems.map((p) => p.message).join(' ')}`,
    );
  }

  const entries = new Map<string, TriageEntry>();
  for (const entry of [...open, ...handedOver]) entries.set(entry.issueId, entry);
  const planned = planIssueMoves(
    [...entries.values()].map((e) => ({ issueId: e.issueId, issueKey: e.issueKey, record: e.record })),
    leaving,
    successor,
    names,
  );
  const ids = planned.map((m) => m.issueId);
  const searched = new Map<string, SearchedIssue>(
    ids.length === 0
      ? []
      : (await deps.user.search(`id in (${ids.join(', ')})`, ids.length)).map((i) => [i.id, i]),
  );
  const mayReassign = await reassignRights(
    [...new Set([...searched.values()].map((i) => i.projectKey))],
    deps.user,
  );
  const moves: IssueMove[] = [];
  const left: OffboardingIssueLeft[] = [];
  let hidden = 0;
  for (const move of planned) {
    const issue = searched.get(move.issueId);
    if (!issue) hidden += 1;
    else if (!mayReassign.has(issue.projectKey)) {
      left.push({
        issueId: move.issueId,
        issueKey: issue.key,
        reason: `You do not administer project ${issue.projectKey}, or may not assign its issues, so ${issue.key} stays with ${names[move.from] ?? move.from}; an administrator of ${issue.projectKey} can reassign it.`,
      });
    } else moves.push(move);
  }

  const successorProfile = profileOf(successor);
  const counted = await deps.triage.openCounts(
    [successor],
    (successorProfile && effectiveCapacity(successorProfile, policy.defaultCapacity)) ?? 1000,
  );
  const L = names[leaving] ?? leaving;
  const warnings = [
    ...rosters.value.warnings,
    ...offboardingWarnings({
      now,
      leavingAccountId: leaving,
      successorAccountId: successor,
      leavingProfile: profileOf(leaving),
      successorProfile,
      profiles: configuration.profiles,
      successorOpen: counted[successor] ?? 0,
      moving: moves.filter((m) => m.kind === 'move').length,
      defaultCapacity: policy.defaultCapacity,
      names,
    }),
    ...(hidden > 0
      ? [
          `${hidden} open ${hidden === 1 ? 'issue' : 'issues'} of ${L} ${hidden === 1 ? 'is' : 'are'} in projects you cannot see; ` +
            `they stay where they are until an administrator of those projects reassigns them.`,
        ]
      : []),
  ];
  return {
    request,
    now,
    head,
    configuration,
    policy,
    names,
    successorProfile,
    rosters: rosters.value,
    moves,
    entries,
    searched,
    left,
    more: open.length === OFFBOARDING_ISSUES || handedOver.length === OFFBOARDING_ISSUES,
    warnings,
  };
}

/** The projects where the caller may reassign client issues: they administer it and may assign there. */
async function reassignRights(projectKeys: readonly string[], user: UserJira): Promise<ReadonlySet<string>> {
  const granted = await Promise.all(
    projectKeys.map(async (key) => {
      const held = await user.projectPermissions(key, ['ADMINISTER_PROJECTS', 'ADMINISTER', 'ASSIGN_ISSUES']);
      return (held.has('ADMINISTER_PROJECTS') || held.has('ADMINISTER')) && held.has('ASSIGN_ISSUES')
        ? [key]
        : [];
    }),
  );
  return new Set(granted.flat());
}

export function toPreview(facts: OffboardingFacts): OffboardingPreview {
  const person = (id: string): PersonRef => ({ accountId: id, displayName: facts.names[id] || id });
  const { leavingAccountId: leaving, successorAccountId: successor, reason } = facts.request;
  return {
    leaving: person(leaving),
    successor: person(successor),
    reason,
    configurationVersion: facts.head.version,
    rosterChanges: facts.rosters.offboardings.map((o) => ({
      ...o,
      changes: o.changes.map((c) => ({
        ...c,
        from: person(c.from),
        to: c.to === null ? null : person(c.to),
      })),
    })),
    issueMoves: facts.moves.map((move) => {
      const entry = facts.entries.get(move.issueId) as TriageEntry;
      return {
        issueId: move.issueId,
        issueKey: move.issueKey,
        summary: facts.searched.get(move.issueId)?.summary ?? entry.summary,
        state: entry.record.state,
        client: { id: entry.record.clientId, name: entry.clientName },
        kind: move.kind,
        from: person(move.from),
        to: person(move.to),
        handedOver: move.handedOver,
        reason: move.reason,
      };
    }),
    issuesLeft: facts.left,
    moreIssues: facts.more,
    warnings: facts.warnings,
    nothingToDo:
      facts.rosters.offboardings.length === 0 && facts.moves.length === 0 && facts.left.length === 0,
  };
}

/** The internal comment on a moved issue: who moved it from whom to whom, and why, people mentioned. */
export function offboardingComment(
  move: IssueMove,
  by: string,
  reason: string,
  names: Readonly<Record<string, string>>,
): Message {
  const person = (id: string) => ({ mention: id, name: names[id] || id });
  return message(
    move.kind === 'keep'
      ? paragraph(
          person(move.to),
          ' keeps this client issue as its SPOC, as ',
          person(by),
          ' offboarded its former SPOC.',
        )
      : paragraph(
          person(by),
          ' moved this client issue from ',
          person(move.from),
          ' to ',
          person(move.to),
          '.',
        ),
    bulletList([move.reason, `Reason given: ${reason}`]),
  );
}

import { allowedTriageActions } from '../domain';
import { byClientSight, describeClientSight, type ClientSight } from '../domain/duplicate-target';
import { isIssueKey } from '../domain/jira-keys';
import type { DuplicateCandidate, DuplicateCandidates } from '../contract/issue-panel';
import {
  InvalidInputError,
  JiraRefusedError,
  NotAllowedError,
  NotFoundError,
  TriageRefusedError,
} from './errors';
import type { AppJira, Clock, ConfigurationReader, TriageRepository, UserJira } from './ports';
import { rolesOnIssue } from './support/caller-roles';
import { whoMay } from './support/triage-verbs';

/**
 * The duplicate picker: issues the caller can see that match what they typed (or the most recently
 * updated), each asked of Jira as the app whether the reporter can open it, and only those listed. The
 * client is told to follow the other issue, so one they would meet as "Not found" is left out (counted),
 * and choosing it by key needs the SPOC's confirmation (mark-duplicate.ts). Only those who may mark the
 * issue a duplicate see it.
 */
export interface ListDuplicateCandidatesParams {
  readonly callerAccountId: string;
  readonly issueIdOrKey: string;
  readonly input: unknown;
}

export interface ListDuplicateCandidatesDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

/** Matches asked about per search: one Jira call each, side by side. */
export const MAX_DUPLICATE_CANDIDATES = 10;
export const MAX_QUERY_LENGTH = 100;

/** The picker's words as a JQL text search, quotes and backslashes escaped; a key as that key. */
export function candidateJql(query: string, issueKey: string): string {
  const words = query.trim();
  const key = words.toUpperCase();
  const match = !words
    ? ''
    : isIssueKey(key)
      ? `key = ${key} AND `
      : `text ~ "${words.replace(/[\\"]/g, (c) => `\\${c}`)}" AND `;
  return `${match}key != ${issueKey} ORDER BY updated DESC`;
}

function parseQuery(input: unknown): string {
  if (input === undefined || input === null) return '';
  if (typeof input !== 'object' || Array.isArray(input))
    throw new InvalidInputError('Send the search as { query }.');
  const { query } = input as { query?: unknown };
  if (query === undefined) return '';
  if (typeof query !== 'string') throw InvalidInputError.at('query', 'The search is text.');
  // eslint-disable-next-line no-control-regex
  const clean = query.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (clean.length > MAX_QUERY_LENGTH)
    throw InvalidInputError.at('query', `The search is at most ${MAX_QUERY_LENGTH} characters.`);
  return clean;
}

export const listDuplicateCandidates = {
  async execute(
    params: ListDuplicateCandidatesParams,
    deps: ListDuplicateCandidatesDeps,
  ): Promise<DuplicateCandidates> {
    const query = parseQuery(params.input);
    const issue = await deps.user.issue(params.issueIdOrKey);
    if (!issue) throw new NotFoundError(`Issue ${params.issueIdOrKey} does not exist or you cannot see it.`);
    const stored = await deps.triage.get(issue.id);
    if (!stored) throw new NotFoundError(`${issue.key} is not a client issue routed by the app.`);
    const { entry } = stored;
    const rule = whoMay('mark-duplicate');
    const { roles } = await rolesOnIssue(params.callerAccountId, entry, deps.clock.now(), deps, {
      askJiraAboutManager: false,
    });
    if (!rule.roles.some((r) => roles.has(r))) {
      throw new NotAllowedError(`Only ${rule.who} can mark ${issue.key} a duplicate.`);
    }
    if (!allowedTriageActions(entry.record.state).includes('mark-duplicate')) {
      throw new TriageRefusedError(
        `${issue.key} is no longer in triage, so it cannot be marked a duplicate.`,
      );
    }

    const reporter = entry.reporterAccountId;
    const [found, names] = await Promise.all([
      deps.user.search(candidateJql(query, issue.key), MAX_DUPLICATE_CANDIDATES).catch((error: unknown) => {
        // JQL refuses a key no issue has (or one the caller cannot see): no match, not a failure.
        if (error instanceof JiraRefusedError && error.status === 400 && isIssueKey(query.toUpperCase()))
          return [];
        throw error;
      }),
      reporter ? deps.jira.userNames([reporter]) : Promise.resolve({} as Readonly<Record<string, string>>),
    ]);
    const matches = found.filter((i) => i.id !== issue.id);
    const sights: ClientSight[] = reporter
      ? await Promise.all(matches.map((m) => deps.jira.canBrowse(reporter, m.key)))
      : matches.map(() => 'unknown');
    const reporterName = reporter ? (names[reporter] ?? 'The reporter') : null;
    const all: DuplicateCandidate[] = byClientSight(
      matches.map((m, i) => ({ m, sight: sights[i] ?? ('unknown' as const) })),
    ).map(({ m, sight }) => ({
      key: m.key,
      summary: m.summary,
      status: m.status,
      clientSight: sight,
      sightText: describeClientSight(reporterName, m.key, sight),
    }));
    // With no reporter nobody has to follow the other issue, so every match is fine.
    const listed = reporter ? all.filter((c) => c.clientSight === 'can-open') : all;
    return {
      reporter: reporter ? { accountId: reporter, displayName: reporterName ?? reporter } : null,
      candidates: listed,
      hiddenFromClient: all.length - listed.length,
    };
  },
};

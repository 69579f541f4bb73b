import { AROUND_THE_CLOCK, calendarOf, checkEscalation, TRIAGE_PROPERTY_KEY } from '../../domain';
import type { QueueItem } from '../../contract/project-page';
import { JiraBusyError } from '../errors';
import type {
  AppJira,
  Clock,
  ConfigurationReader,
  SearchedIssue,
  TriageRepository,
  UserJira,
} from '../ports';
import { repairCopyIfChanged } from './property-repair';
import type { TriageEntry } from './triage-entry';

/**
 * What the project page's queues share. Which issues are in a queue comes from the app's own records
 * (authoritative); Jira, asked as the caller, says which of them they may see and gives summary, status and
 * priority. When the searchable `spoc` copy on an issue differs from the record, the copy is rewritten.
 */
export interface QueueDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export const QUEUE_SIZE = 50;

const URGENCY: Readonly<Record<QueueItem['response'], number>> = {
  breached: 0,
  'at-risk': 1,
  'on-track': 2,
  'not-running': 3,
};

/** What a SPOC should do next first: breached, then at risk, then the rest; soonest due first within each. */
export const mostUrgentFirst = (items: readonly QueueItem[]): readonly QueueItem[] =>
  [...items].sort(
    (a, b) =>
      URGENCY[a.response] - URGENCY[b.response] ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.routedAt.localeCompare(b.routedAt),
  );

/** The entries the caller may see, as queue rows with how their response stands now, soonest due first. */
export async function visibleItems(
  entries: readonly TriageEntry[],
  deps: QueueDeps,
): Promise<readonly QueueItem[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.issueId);
  const found = await deps.user.search(`id in (${ids.join(', ')}) ORDER BY created ASC`, ids.length);
  const byId = new Map<string, SearchedIssue>(found.map((i) => [i.id, i]));
  const [head, policy, profiles] = await Promise.all([
    deps.config.head(),
    deps.config.policy(),
    deps.config.profiles([
      ...new Set(entries.map((e) => e.record.spocAccountId).filter((id): id is string => id !== null)),
    ]),
  ]);
  const now = deps.clock.now();
  const byAccount = new Map(profiles.map((p) => [p.accountId, p]));
  const names = { ...head.names, ...Object.fromEntries(profiles.map((p) => [p.accountId, p.displayName])) };
  await repairCopies(entries, byId, deps);
  return entries
    .filter((e) => byId.has(e.issueId))
    .map((e) => {
      const issue = byId.get(e.issueId) as SearchedIssue;
      const spoc = e.record.spocAccountId;
      const profile = spoc ? byAccount.get(spoc) : undefined;
      // As the sweep counts it: the holder's working time, or around the clock when nobody holds it.
      const response = checkEscalation({
        record: e.record,
        calendar: profile ? calendarOf(profile) : AROUND_THE_CLOCK,
        targetMinutes: e.routing.responseTargetMinutes,
        policy: { ladder: policy.ladder, atRiskPercent: policy.atRiskPercent },
        now,
      }).status;
      return {
        issueId: e.issueId,
        issueKey: issue.key,
        summary: issue.summary,
        state: e.record.state,
        client: { id: e.record.clientId, name: e.clientName },
        spoc: spoc ? { accountId: spoc, displayName: names[spoc] ?? spoc } : null,
        routedAt: e.record.routedAt,
        dueAt: e.record.dueAt,
        escalationLevel: e.record.escalationLevel,
        response,
        priority: issue.priority,
        status: issue.status,
      };
    })
    .sort(
      (a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.routedAt.localeCompare(b.routedAt),
    );
}

async function repairCopies(
  entries: readonly TriageEntry[],
  byId: ReadonlyMap<string, SearchedIssue>,
  deps: QueueDeps,
): Promise<void> {
  for (const entry of entries) {
    const issue = byId.get(entry.issueId);
    if (!issue || entry.outbox.length > 0) continue;
    const stored = await deps.triage.get(entry.issueId);
    if (!stored) continue;
    try {
      await repairCopyIfChanged(stored, issue.properties[TRIAGE_PROPERTY_KEY], deps);
    } catch (error) {
      // Left in the outbox; the sweep or the next event on the issue sends it.
      if (!(error instanceof JiraBusyError)) throw error;
    }
  }
}

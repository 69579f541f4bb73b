import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { describeProblems, isUnvetted, readTriageRecord, type TriageState } from '../domain';
import { isRecord } from '../domain/validation';
import { TriageConflictError } from '../usecases/errors';
import type { TriageRepository } from '../usecases/ports';
import type { StoredTriageEntry, TriageEntry } from '../usecases/support/triage-entry';
import { ledgerKey, ledgerValue, LEDGER_TTL } from './event-ledger';
import { BatchReader, isConflict } from './kvs-helpers';

/**
 * The authoritative triage record of each routed issue, as a Custom Entity Store row (entity
 * `triage-record`, key `issue-<id>`). Rows carry a revision so that updates are compare-and-set
 * (transaction condition), and indexed copies of a few fields so that nothing is ever found by scanning:
 * a SPOC's open issues (`open-by-spoc`), every open issue (`open-issues`), a project's issues by state
 * (`by-project-state`), what the sweep must look at by when (`sweep-due`), the issues the app still owes
 * Jira writes (`owed-writes`), and the issues handed over from a SPOC while they were away
 * (`handed-over-from`).
 */
const ENTITY = 'triage-record';
const QUERY_PAGE = 100;

interface TriageRow {
  readonly revision: number;
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectId: string;
  readonly clientId: string;
  readonly spocAccountId: string;
  readonly state: string;
  /** The SPOC while the issue awaits them, else empty. */
  readonly openFor: string;
  /** `open` while the issue is not yet vetted, else empty. */
  readonly openQueue: string;
  /** `due` while the sweep has something to look at on the issue, at `sweepAt`; else empty. */
  readonly sweepQueue: string;
  readonly sweepAt: string;
  /** `jira` while writes to Jira are owed, else empty. */
  readonly owes: string;
  /** The SPOC an unvetted issue was handed over from while they were away, else empty. */
  readonly handedOverFrom: string;
  readonly updatedAt: string;
  readonly envelope: TriageEntry;
}

const keyOf = (issueId: string): string => `issue-${issueId}`;

/** Rows read past a slice for entries changed in the same instant as its cursor (a bulk change). */
const SAME_INSTANT_ALLOWANCE = 50;

/** Issue ids are numbers written as text: shorter first, then by digits. */
const compareIssueIds = (a: string, b: string): number => a.length - b.length || a.localeCompare(b);

/** A condition on an index's range attribute (the package does not export the type by name). */
type RangeCondition = ReturnType<(typeof WhereConditions)[keyof typeof WhereConditions]>;

function rowOf(entry: TriageEntry, revision: number, at: Date): TriageRow {
  const spoc = entry.record.spocAccountId ?? '';
  return {
    revision,
    issueId: entry.issueId,
    issueKey: entry.issueKey,
    projectId: entry.projectId,
    clientId: entry.record.clientId,
    spocAccountId: spoc,
    state: entry.record.state,
    openFor: isUnvetted(entry.record.state) ? spoc : '',
    openQueue: isUnvetted(entry.record.state) ? 'open' : '',
    sweepQueue: entry.sweepAt ? 'due' : '',
    sweepAt: entry.sweepAt ?? '',
    owes: entry.outbox.length > 0 ? 'jira' : '',
    handedOverFrom: isUnvetted(entry.record.state) ? (entry.record.handedOverFrom ?? '') : '',
    updatedAt: at.toISOString(),
    envelope: entry,
  };
}

function entryOf(row: TriageRow): TriageEntry {
  // Whatever the store answered: the row and its envelope may be damaged too, not only the record.
  const stored: unknown = row;
  const envelope = isRecord(stored) ? stored.envelope : undefined;
  const issue =
    isRecord(stored) && typeof stored.issueKey === 'string' ? stored.issueKey.slice(0, 40) : 'an issue';
  if (!isRecord(envelope) || typeof envelope.issueId !== 'string' || typeof envelope.issueKey !== 'string') {
    throw new Error(`The stored triage record of ${issue} is damaged: it holds no issue entry.`);
  }
  const checked = readTriageRecord(envelope.record);
  if (!checked.ok) {
    throw new Error(`The stored triage record of ${issue} is damaged: ${describeProblems(checked.problems)}`);
  }
  return row.envelope;
}

export class KvsTriageRepository implements TriageRepository {
  private readonly table = kvs.entity<TriageRow>(ENTITY);
  private readonly reads: BatchReader;

  /** `reads`: the invocation's batch reader, so `get` rides along with the other first reads. */
  constructor(options: { readonly reads?: BatchReader } = {}) {
    this.reads = options.reads ?? new BatchReader();
  }

  async get(issueId: string): Promise<StoredTriageEntry | undefined> {
    const row = await this.reads.get<TriageRow>({ key: keyOf(issueId), entityName: ENTITY });
    return row ? { entry: entryOf(row), revision: row.revision } : undefined;
  }

  async create(entry: TriageEntry, at: Date): Promise<boolean> {
    try {
      await this.table.set(keyOf(entry.issueId), rowOf(entry, 1, at), { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  /**
   * Compare-and-set on the revision, in one transaction with the event-ledger claim when one is given: the
   * change and the record that the event was handled are stored together or not at all.
   */
  async update(
    entry: TriageEntry,
    expectedRevision: number,
    at: Date,
    options: { readonly claim?: string } = {},
  ): Promise<number> {
    const revision = expectedRevision + 1;
    try {
      let transaction = kvs.transact().set<TriageRow>(keyOf(entry.issueId), rowOf(entry, revision, at), {
        entityName: ENTITY,
        conditions: new Filter<TriageRow>().and('revision', FilterConditions.equalTo(expectedRevision)),
      });
      if (options.claim !== undefined) {
        transaction = transaction.set(ledgerKey(options.claim), ledgerValue(at), undefined, {
          ttl: LEDGER_TTL,
        });
      }
      await transaction.execute();
    } catch (error) {
      if (isConflict(error)) throw new TriageConflictError(entry.issueKey);
      throw error;
    }
    return revision;
  }

  /** One query per SPOC, all side by side (index queries cannot be batched). */
  async openCounts(accountIds: readonly string[], cap: number): Promise<Readonly<Record<string, number>>> {
    const ids = [...new Set(accountIds)];
    const counts = await Promise.all(ids.map(async (id) => (await this.open(id, Math.max(1, cap))).length));
    return Object.fromEntries(ids.map((id, i) => [id, counts[i] as number]));
  }

  async openFor(accountId: string, limit: number): Promise<readonly TriageEntry[]> {
    return (await this.open(accountId, limit)).map(entryOf);
  }

  async inState(projectId: string, state: TriageState, limit: number): Promise<readonly TriageEntry[]> {
    const { results } = await this.table
      .query()
      .index('by-project-state', { partition: [projectId, state] })
      .sort(Sort.DESC)
      .limit(Math.min(limit, QUERY_PAGE))
      .getMany();
    return results.map((r) => entryOf(r.value));
  }

  async allOpen(limit: number): Promise<readonly TriageEntry[]> {
    return (await this.page('open-issues', 'open', limit)).map(entryOf);
  }

  async dueForSweep(now: Date, limit: number): Promise<readonly StoredTriageEntry[]> {
    const rows = await this.page(
      'sweep-due',
      'due',
      limit,
      WhereConditions.lessThanEqualTo(now.toISOString()),
    );
    return rows.map((row) => ({ entry: entryOf(row), revision: row.revision }));
  }

  async owingJira(limit: number): Promise<readonly StoredTriageEntry[]> {
    const rows = await this.page('owed-writes', 'jira', limit);
    return rows.map((row) => ({ entry: entryOf(row), revision: row.revision }));
  }

  async handedOverFrom(accountId: string, limit: number): Promise<readonly TriageEntry[]> {
    return (await this.page('handed-over-from', accountId, limit)).map(entryOf);
  }

  /**
   * The index orders by change time only, so the cursor (`<changedAt>|<issueId>`) also names the issue:
   * the query starts at the cursor's instant, reads enough beyond the slice for issues changed in that
   * same instant, and drops those already seen, in (time, issue id) order.
   */
  async openChangedAfter(
    after: string,
    limit: number,
  ): Promise<ReadonlyArray<{ entry: TriageEntry; changedAt: string; cursor: string }>> {
    const [time = '', issueId = ''] = after.split('|');
    const range = time ? WhereConditions.greaterThanEqualTo(time) : undefined;
    const rows = await this.page('open-issues', 'open', limit + SAME_INSTANT_ALLOWANCE, range);
    return rows
      .filter((row) => !time || row.updatedAt > time || compareIssueIds(row.issueId, issueId) > 0)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || compareIssueIds(a.issueId, b.issueId))
      .slice(0, limit)
      .map((row) => ({
        entry: entryOf(row),
        changedAt: row.updatedAt,
        cursor: `${row.updatedAt}|${row.issueId}`,
      }));
  }

  /** Rows open for the SPOC, oldest first, up to `limit` (paged). */
  private open(accountId: string, limit: number): Promise<TriageRow[]> {
    return this.page('open-by-spoc', accountId, limit);
  }

  /** Rows of one index partition in range order (oldest first), up to `limit`, optionally from a range bound. */
  private async page(
    index: string,
    partition: string,
    limit: number,
    range?: RangeCondition,
  ): Promise<TriageRow[]> {
    const rows: TriageRow[] = [];
    let cursor: string | undefined;
    do {
      let query = this.table
        .query()
        .index(index, { partition: [partition] })
        .limit(Math.min(QUERY_PAGE, limit - rows.length));
      if (range) query = query.where(range);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      rows.push(...page.results.map((r) => r.value));
      cursor = page.nextCursor;
    } while (cursor && rows.length < limit);
    return rows;
  }
}

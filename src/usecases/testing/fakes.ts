import {
  CONFIGURATION_SCHEMA_VERSION,
  DEFAULT_POLICY,
  DEFAULT_SETTINGS,
  isUnvetted,
  type ClientMatchRule,
  type ClientRoster,
  type Configuration,
  type SpocPolicy,
  type SpocProfile,
  type TriageState,
} from '../../domain';
import type { ClientSight } from '../../domain/duplicate-target';
import type { IssueInWorkflow, NamedValue, TransitionOption } from '../../domain/workflow-move';
import type { Message } from '../support/message';
import { ConfigurationConflictError, JiraBusyError, JiraRefusedError, TriageConflictError } from '../errors';
import type {
  SweepState,
  AppJira,
  ConfigurationHead,
  ConfigurationRepository,
  ConfigurationUpdate,
  EventLedger,
  IssueEdit,
  IssueFacts,
  IssueRef,
  SearchedIssue,
  TriageRepository,
  UserJira,
} from '../ports';
import type { StoredTriageEntry, TriageEntry } from '../support/triage-entry';

/**
 * In-memory stand-ins for the use cases' ports, with the same contracts as the KVS and Jira adapters
 * (versions, revisions, claims, visibility), and a record of every call for the tests to read.
 */
export class FixedClock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

export class InMemoryConfiguration implements ConfigurationRepository {
  version = 0;
  configuration: Configuration;
  names: Record<string, string> = {};
  updatedBy: string | null = null;
  reads = 0;

  constructor(configuration: Partial<Configuration> = {}) {
    this.configuration = {
      schemaVersion: CONFIGURATION_SCHEMA_VERSION,
      clients: [],
      rules: [],
      rosters: [],
      profiles: [],
      policy: DEFAULT_POLICY,
      settings: DEFAULT_SETTINGS,
      ...configuration,
    };
    if (Object.keys(configuration).length) this.version = 1;
  }

  async head(): Promise<ConfigurationHead> {
    this.reads += 1;
    return {
      version: this.version,
      updatedAt: null,
      updatedBy: this.updatedBy,
      clients: this.configuration.clients,
      settings: this.configuration.settings,
      names: this.names,
      profileAccountIds: this.configuration.profiles.map((p) => p.accountId),
      escalationManagerAccountIds: [
        ...new Set(
          this.configuration.rosters.flatMap((r) => r.versions.map((v) => v.escalationManagerAccountId)),
        ),
      ],
    };
  }
  async rules(): Promise<readonly ClientMatchRule[]> {
    return this.configuration.rules;
  }
  async policy(): Promise<SpocPolicy> {
    return this.configuration.policy;
  }
  async roster(clientId: string): Promise<ClientRoster | null> {
    return this.configuration.rosters.find((r) => r.clientId === clientId) ?? null;
  }
  async profiles(accountIds: readonly string[]): Promise<readonly SpocProfile[]> {
    return this.configuration.profiles.filter((p) => accountIds.includes(p.accountId));
  }
  async all(): Promise<Configuration> {
    return this.configuration;
  }
  /** What `lastSeen` answers (a `snapshot()` as an earlier invocation saw it); none by default. */
  seen: InMemoryConfiguration | undefined;
  lastSeen(): InMemoryConfiguration | undefined {
    return this.seen;
  }
  /** A copy of the configuration as it is now. */
  snapshot(): InMemoryConfiguration {
    const copy = new InMemoryConfiguration(this.configuration);
    copy.version = this.version;
    copy.names = { ...this.names };
    return copy;
  }
  async save(update: ConfigurationUpdate, expectedVersion: number, by: string): Promise<number> {
    if (expectedVersion !== this.version) throw new ConfigurationConflictError(expectedVersion, this.version);
    const c = update.replaceWith ?? this.configuration;
    const upsert = <T>(list: readonly T[], items: readonly T[] | undefined, id: (t: T) => string): T[] => {
      const result = [...list];
      for (const item of items ?? []) {
        const i = result.findIndex((x) => id(x) === id(item));
        if (i >= 0) result[i] = item;
        else result.push(item);
      }
      return result;
    };
    this.configuration = update.replaceWith ?? {
      ...c,
      clients: update.clients ?? c.clients,
      rules: update.rules ?? c.rules,
      rosters: upsert(c.rosters, update.rosters, (r) => r.clientId),
      profiles: upsert(c.profiles, update.profiles, (p) => p.accountId),
      policy: update.policy ?? c.policy,
      settings: update.settings ?? c.settings,
    };
    this.names = { ...this.names, ...(update.names ?? {}) };
    this.updatedBy = by;
    this.version += 1;
    return this.version;
  }
}

export class InMemorySweepState implements SweepState {
  after = '';
  async reconcileAfter() {
    return this.after;
  }
  async saveReconcileAfter(after: string) {
    this.after = after;
  }
}

export class InMemoryTriage implements TriageRepository {
  readonly rows = new Map<string, StoredTriageEntry>();
  /** When each row last changed, as the entity store's `updatedAt`. */
  readonly changed = new Map<string, string>();
  /** Makes the next update fail as if another writer got there first. */
  conflictNext = false;

  /** `ledger`: where an update's claim goes (the same transaction in KVS). */
  constructor(private readonly ledger?: InMemoryLedger) {}

  async get(issueId: string): Promise<StoredTriageEntry | undefined> {
    return this.rows.get(issueId);
  }
  async create(entry: TriageEntry, at?: Date): Promise<boolean> {
    if (this.rows.has(entry.issueId)) return false;
    this.rows.set(entry.issueId, { entry, revision: 1 });
    this.changed.set(entry.issueId, (at ?? new Date()).toISOString());
    return true;
  }
  async update(
    entry: TriageEntry,
    expectedRevision: number,
    at?: Date,
    options: { readonly claim?: string } = {},
  ): Promise<number> {
    const current = this.rows.get(entry.issueId);
    if (this.conflictNext || !current || current.revision !== expectedRevision) {
      this.conflictNext = false;
      throw new TriageConflictError(entry.issueKey);
    }
    if (options.claim !== undefined) {
      if (!this.ledger) throw new Error('This InMemoryTriage has no ledger for claims.');
      this.ledger.claims.add(options.claim);
    }
    this.rows.set(entry.issueId, { entry, revision: expectedRevision + 1 });
    this.changed.set(entry.issueId, (at ?? new Date()).toISOString());
    return expectedRevision + 1;
  }
  private open(accountId: string): TriageEntry[] {
    return [...this.rows.values()]
      .map((r) => r.entry)
      .filter((e) => e.record.spocAccountId === accountId && isUnvetted(e.record.state));
  }
  async openCounts(accountIds: readonly string[], cap: number): Promise<Readonly<Record<string, number>>> {
    return Object.fromEntries(accountIds.map((id) => [id, Math.min(cap, this.open(id).length)]));
  }
  async openFor(accountId: string, limit: number): Promise<readonly TriageEntry[]> {
    return this.open(accountId).slice(0, limit);
  }
  async allOpen(limit: number): Promise<readonly TriageEntry[]> {
    return [...this.rows.values()]
      .map((r) => r.entry)
      .filter((e) => isUnvetted(e.record.state))
      .slice(0, limit);
  }
  async dueForSweep(now: Date, limit: number): Promise<readonly StoredTriageEntry[]> {
    return [...this.rows.values()]
      .filter((r) => r.entry.sweepAt && Date.parse(r.entry.sweepAt) <= now.getTime())
      .sort((a, b) => (a.entry.sweepAt as string).localeCompare(b.entry.sweepAt as string))
      .slice(0, limit);
  }
  async owingJira(limit: number): Promise<readonly StoredTriageEntry[]> {
    return [...this.rows.values()].filter((r) => r.entry.outbox.length > 0).slice(0, limit);
  }
  async handedOverFrom(accountId: string, limit: number): Promise<readonly TriageEntry[]> {
    return [...this.rows.values()]
      .map((r) => r.entry)
      .filter((e) => isUnvetted(e.record.state) && e.record.handedOverFrom === accountId)
      .slice(0, limit);
  }
  async openChangedAfter(after: string, limit: number) {
    const [time = '', id = ''] = after.split('|');
    const key = (changedAt: string, issueId: string) => `${changedAt}|${issueId.padStart(12, '0')}`;
    return [...this.rows.values()]
      .filter((r) => isUnvetted(r.entry.record.state))
      .map((r) => {
        const changedAt = this.changed.get(r.entry.issueId) ?? '';
        return { entry: r.entry, changedAt, cursor: `${changedAt}|${r.entry.issueId}` };
      })
      .filter((r) => !time || key(r.changedAt, r.entry.issueId) > key(time, id))
      .sort((a, b) => key(a.changedAt, a.entry.issueId).localeCompare(key(b.changedAt, b.entry.issueId)))
      .slice(0, limit);
  }
  async inState(projectId: string, state: TriageState, limit: number): Promise<readonly TriageEntry[]> {
    return [...this.rows.values()]
      .map((r) => r.entry)
      .filter((e) => e.projectId === projectId && e.record.state === state)
      .slice(0, limit);
  }
  entry(issueId: string): TriageEntry {
    const row = this.rows.get(issueId);
    if (!row) throw new Error(`No triage entry for ${issueId}`);
    return row.entry;
  }
}

export class InMemoryLedger implements EventLedger {
  readonly claims = new Set<string>();
  async claim(key: string): Promise<boolean> {
    if (this.claims.has(key)) return false;
    this.claims.add(key);
    return true;
  }
  async claimed(key: string): Promise<boolean> {
    return this.claims.has(key);
  }
  async release(key: string): Promise<void> {
    this.claims.delete(key);
  }
}

export interface JiraCall {
  readonly call: string;
  readonly issueId?: string;
  readonly args?: unknown;
}

interface FakeIssue extends IssueFacts {
  readonly ref: IssueRef;
  readonly summary: string;
  readonly reporterAccountId: string | null;
  assignee: string | null;
  spocField: string | null;
  labels: string[];
  property: unknown;
  comments: Array<{ body: Message; role: string | null }>;
  links: string[];
  /** Where the issue stands in Jira's simplified workflow (FAKE_WORKFLOW), and its resolution. */
  status: 'To Do' | 'In Progress' | 'Done';
  resolution: string | null;
}

/** Jira Cloud's simplified workflow, its Done transition with a resolve screen (preset to Done). */
const RESOLUTIONS: readonly NamedValue[] = [
  { id: '10000', name: 'Done' },
  { id: '10001', name: "Won't Do" },
  { id: '10002', name: 'Duplicate' },
];
const FAKE_WORKFLOW: readonly TransitionOption[] = [
  { id: '11', name: 'To Do', to: { name: 'To Do', category: 'new' }, resolutionField: null },
  {
    id: '21',
    name: 'In Progress',
    to: { name: 'In Progress', category: 'indeterminate' },
    resolutionField: null,
  },
  {
    id: '31',
    name: 'Done',
    to: { name: 'Done', category: 'done' },
    resolutionField: { required: true, allowed: RESOLUTIONS, defaultValue: RESOLUTIONS[0] ?? null },
  },
];

/** A small Jira: issues with facts, who may see and do what, and every call the app made. */
export class FakeJira implements AppJira {
  readonly calls: JiraCall[] = [];
  readonly issues = new Map<string, FakeIssue>();
  readonly users: Record<string, string> = {};
  readonly groups: Record<string, Array<{ id: string | null; name: string }>> = {};
  readonly leads: Record<string, string | null> = {};
  /** Calls (by name) that answer 429 the next N times. */
  readonly busy = new Map<string, number>();
  /** Calls (by name) that Jira refuses for good (400) the next N times. */
  readonly refuse = new Map<string, number>();
  /** Issue keys the given account cannot open (everyone opens every other issue). */
  readonly hiddenFrom = new Map<string, Set<string>>();

  addIssue(
    ref: IssueRef,
    facts: Partial<IssueFacts> & { reporterAccountId?: string | null; summary?: string } = {},
  ): FakeIssue {
    const issue: FakeIssue = {
      ref,
      summary: facts.summary ?? `Issue ${ref.key}`,
      labels: [...(facts.labels ?? [])],
      components: facts.components ?? [],
      priority: facts.priority ?? 'Medium',
      reporterAccountId: facts.reporterAccountId ?? null,
      assignee: null,
      spocField: null,
      property: undefined,
      comments: [],
      links: [],
      status: 'To Do',
      resolution: null,
    };
    this.issues.set(ref.id, issue);
    return issue;
  }

  private record(call: string, issueId?: string, args?: unknown): void {
    const left = this.busy.get(call) ?? 0;
    if (left > 0) {
      this.busy.set(call, left - 1);
      throw new JiraBusyError(7, 'jira-burst-based');
    }
    const refusals = this.refuse.get(call) ?? 0;
    if (refusals > 0) {
      this.refuse.set(call, refusals - 1);
      throw new JiraRefusedError(400, ['The user cannot be assigned.'], call);
    }
    this.calls.push({ call, ...(issueId ? { issueId } : {}), ...(args !== undefined ? { args } : {}) });
  }

  issue(id: string): FakeIssue {
    const issue = this.issues.get(id);
    if (!issue) throw new Error(`No fake issue ${id}`);
    return issue;
  }

  writes(issueId?: string): JiraCall[] {
    return this.calls.filter(
      (c) =>
        ![
          'readIssueFacts',
          'reporterGroups',
          'reporterEmail',
          'userNames',
          'componentLead',
          'readTriageProperty',
          'readTriageProperties',
          'issueWorkflow',
          'canBrowse',
        ].includes(c.call) &&
        (issueId === undefined || c.issueId === issueId),
    );
  }

  async readIssueFacts(issueId: string) {
    this.record('readIssueFacts', issueId);
    const i = this.issue(issueId);
    return {
      labels: i.labels,
      components: i.components,
      priority: i.priority,
      reporterAccountId: i.reporterAccountId,
    };
  }
  async reporterGroups(accountId: string) {
    this.record('reporterGroups', undefined, accountId);
    return this.groups[accountId] ?? [];
  }
  async reporterEmail(accountId: string) {
    this.record('reporterEmail', undefined, accountId);
    return null;
  }
  async userNames(accountIds: readonly string[]) {
    this.record('userNames', undefined, accountIds);
    return Object.fromEntries(
      accountIds.filter((id) => id in this.users).map((id) => [id, this.users[id] as string]),
    );
  }
  async componentLead(componentId: string) {
    this.record('componentLead', undefined, componentId);
    return this.leads[componentId] ?? null;
  }
  async setSpocField(issueId: string, accountId: string | null) {
    this.record('setSpocField', issueId, accountId);
    this.issue(issueId).spocField = accountId;
  }
  async editIssue(issueId: string, edit: IssueEdit) {
    this.record('editIssue', issueId, edit);
    const i = this.issue(issueId);
    if (edit.assignee !== undefined) i.assignee = edit.assignee;
    i.labels = [...i.labels.filter((l) => !(edit.removeLabels ?? []).includes(l)), ...(edit.addLabels ?? [])];
    if (edit.property) i.property = edit.property;
  }
  async addComment(issueId: string, body: Message, role: string | null) {
    this.record('addComment', issueId, { role });
    this.issue(issueId).comments.push({ body, role });
  }
  async linkDuplicate(issueKey: string, duplicateOf: string) {
    const issue = [...this.issues.values()].find((i) => i.ref.key === issueKey);
    this.record('linkDuplicate', issue?.ref.id, duplicateOf);
    issue?.links.push(duplicateOf);
  }
  async unlinkDuplicate(issueKey: string, duplicateOf: string) {
    const issue = [...this.issues.values()].find((i) => i.ref.key === issueKey);
    this.record('unlinkDuplicate', issue?.ref.id, duplicateOf);
    if (issue) issue.links = issue.links.filter((l) => l !== duplicateOf);
  }
  async issueWorkflow(issueId: string): Promise<IssueInWorkflow> {
    this.record('issueWorkflow', issueId);
    const i = this.issue(issueId);
    const status = FAKE_WORKFLOW.find((t) => t.to.name === i.status)?.to ?? {
      name: i.status,
      category: 'new',
    };
    return { status, transitions: FAKE_WORKFLOW.filter((t) => t.to.name !== i.status) };
  }
  async transitionIssue(issueId: string, transitionId: string, resolution: NamedValue | null) {
    this.record('transitionIssue', issueId, { transitionId, resolution: resolution?.name ?? null });
    const i = this.issue(issueId);
    const transition = FAKE_WORKFLOW.find((t) => t.id === transitionId && t.to.name !== i.status);
    if (!transition)
      throw new JiraRefusedError(400, [`Transition id '${transitionId}' is not valid.`], 'transitions');
    i.status = transition.to.name as FakeIssue['status'];
    i.resolution = transition.to.category === 'done' ? (resolution?.name ?? 'Done') : null;
  }
  async canBrowse(accountId: string, issueKey: string): Promise<ClientSight> {
    this.record('canBrowse', undefined, { accountId, issueKey });
    return this.hiddenFrom.get(accountId)?.has(issueKey) ? 'cannot-open' : 'can-open';
  }
  async readTriageProperty(issueId: string) {
    this.record('readTriageProperty', issueId);
    return this.issue(issueId).property;
  }
  async readTriageProperties(issueIds: readonly string[]) {
    this.record('readTriageProperties', issueIds.join(','));
    return new Map(issueIds.filter((id) => this.issues.has(id)).map((id) => [id, this.issue(id).property]));
  }
}

/** Jira as one person: what they may see (by issue id) and which permissions they hold everywhere. */
export class FakeUserJira implements UserJira {
  readonly calls: string[] = [];
  constructor(
    private readonly jira: FakeJira,
    private readonly canSee: (issue: IssueRef) => boolean,
    private readonly permissions: ReadonlySet<string>,
  ) {}
  async issue(idOrKey: string) {
    this.calls.push(`issue ${idOrKey}`);
    const found = [...this.jira.issues.values()].find((i) => i.ref.id === idOrKey || i.ref.key === idOrKey);
    return found && this.canSee(found.ref) ? found.ref : undefined;
  }
  async project(projectKey: string) {
    const found = [...this.jira.issues.values()].find((i) => i.ref.projectKey === projectKey);
    return found ? { id: found.ref.projectId, key: projectKey } : undefined;
  }
  async issuePermissions(_issueId: string, keys: readonly string[]) {
    this.calls.push(`issuePermissions ${keys.join(',')}`);
    return new Set(keys.filter((k) => this.permissions.has(k)));
  }
  async projectPermissions(_projectKey: string, keys: readonly string[]) {
    this.calls.push(`projectPermissions ${keys.join(',')}`);
    return new Set(keys.filter((k) => this.permissions.has(k)));
  }
  async globalPermissions(keys: readonly string[]) {
    return new Set(keys.filter((k) => this.permissions.has(k)));
  }
  async search(jql: string): Promise<readonly SearchedIssue[]> {
    const listed = /id in \(([^)]*)\)/.exec(jql)?.[1];
    // `id in (…)`, else every issue, narrowed by `key = K`, `key != K` and `text ~ "words"` (in summaries).
    const key = /key = (\S+)/.exec(jql)?.[1];
    const notKey = /key != (\S+)/.exec(jql)?.[1];
    const words = /text ~ "((?:[^"\\]|\\.)*)"/.exec(jql)?.[1]?.replace(/\\(.)/g, '$1').toLowerCase();
    const ids =
      listed !== undefined
        ? listed.split(',').map((s) => s.trim())
        : [...this.jira.issues.values()]
            .filter(
              (i) =>
                (key === undefined || i.ref.key === key) &&
                i.ref.key !== notKey &&
                (words === undefined || i.summary.toLowerCase().includes(words)),
            )
            .map((i) => i.ref.id);
    return ids.flatMap((id) => {
      const i = this.jira.issues.get(id);
      if (!i || !this.canSee(i.ref)) return [];
      return [
        {
          ...i.ref,
          summary: i.summary,
          status: i.status,
          priority: i.priority,
          properties: i.property === undefined ? {} : { spoc: i.property },
        },
      ];
    });
  }
  async openIssueCount(projectKey: string) {
    this.calls.push(`openIssueCount ${projectKey}`);
    const issues = [...this.jira.issues.values()].filter((i) => i.ref.projectKey === projectKey);
    return issues.length === 0 ? undefined : issues.filter((i) => this.canSee(i.ref)).length;
  }
}

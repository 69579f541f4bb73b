import type {
  AppSettings,
  Client,
  ClientMatchRule,
  ClientRoster,
  Configuration,
  SpocPolicy,
  SpocProfile,
  TriageProperty,
  TriageState,
} from '../domain';
import type { ClientSight } from '../domain/duplicate-target';
import type { IssueInWorkflow, NamedValue } from '../domain/workflow-move';
import type { SatisfactionRating } from '../domain/metrics';
import type { Message } from './support/message';
import type { StoredTriageEntry, TriageEntry } from './support/triage-entry';

/**
 * What the use cases need from the world, as small interfaces: KVS repositories and Jira services implement
 * them in production, in-memory fakes in unit tests (src/usecases/testing/fakes.ts).
 */
export interface Clock {
  now(): Date;
}

/** The configuration's head: small, read first, says which version is current. */
export interface ConfigurationHead {
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  readonly clients: readonly Client[];
  readonly settings: AppSettings;
  /** Display names of people the configuration names (kept when it is saved). */
  readonly names: Readonly<Record<string, string>>;
  readonly profileAccountIds: readonly string[];
  /** Everyone named escalation manager on any client's roster. */
  readonly escalationManagerAccountIds: readonly string[];
}

/**
 * Reads the configuration, each part at most once per instance: an instance lives for one invocation, so a
 * trigger or resolver sees one consistent version and reads nothing twice.
 */
export interface ConfigurationReader {
  head(): Promise<ConfigurationHead>;
  rules(): Promise<readonly ClientMatchRule[]>;
  policy(): Promise<SpocPolicy>;
  roster(clientId: string): Promise<ClientRoster | null>;
  /** The profiles of those of the people who have one. */
  profiles(accountIds: readonly string[]): Promise<readonly SpocProfile[]>;
  /** Everything, for export and the configuration screens. */
  all(): Promise<Configuration>;
  /**
   * The configuration a previous invocation read, from memory, when the platform kept the function warm:
   * most likely still current, so work can start with it while `head()` is read. Compare its version with
   * `head()` before acting on anything decided with it. Undefined when there is none.
   */
  lastSeen?(): ConfigurationReader | undefined;
}

/** A change to the configuration: parts left out stay as they are. */
export interface ConfigurationUpdate {
  /** Replaces the whole configuration (import). */
  readonly replaceWith?: Configuration;
  readonly clients?: readonly Client[];
  readonly rules?: readonly ClientMatchRule[];
  readonly rosters?: readonly ClientRoster[];
  readonly profiles?: readonly SpocProfile[];
  readonly policy?: SpocPolicy;
  readonly settings?: AppSettings;
  /** Names to remember for display (merged into the stored ones). */
  readonly names?: Readonly<Record<string, string>>;
}

export interface ConfigurationRepository extends ConfigurationReader {
  /**
   * Saves a change made on top of `expectedVersion`; refuses with ConfigurationConflictError when the stored
   * version moved on meanwhile, and with StorageLimitError when a part would not fit. Returns the new version.
   */
  save(update: ConfigurationUpdate, expectedVersion: number, by: string, at: Date): Promise<number>;
}

export interface TriageRepository {
  get(issueId: string): Promise<StoredTriageEntry | undefined>;
  /** Stores a new entry unless one exists: `false` when another delivery got there first. */
  create(entry: TriageEntry, at: Date): Promise<boolean>;
  /**
   * Compare-and-set on the revision; TriageConflictError when it moved on. Returns the new revision. With
   * `claim`, the event-ledger claim is stored in the same write: both or neither.
   */
  update(
    entry: TriageEntry,
    expectedRevision: number,
    at: Date,
    options?: { readonly claim?: string },
  ): Promise<number>;
  /** Open (unvetted) client issues per SPOC, counted up to `cap` each. */
  openCounts(accountIds: readonly string[], cap: number): Promise<Readonly<Record<string, number>>>;
  /** The SPOC's open client issues. */
  openFor(accountId: string, limit: number): Promise<readonly TriageEntry[]>;
  /** Every client issue not yet vetted (all SPOCs, all projects), oldest change first. */
  allOpen(limit: number): Promise<readonly TriageEntry[]>;
  /** Entries of a project in one state, most recently changed first. */
  inState(projectId: string, state: TriageState, limit: number): Promise<readonly TriageEntry[]>;
  /** Entries whose `sweepAt` has come (at or before `now`), soonest first: what the sweep must look at. */
  dueForSweep(now: Date, limit: number): Promise<readonly StoredTriageEntry[]>;
  /** Entries that still owe Jira writes, longest waiting first. */
  owingJira(limit: number): Promise<readonly StoredTriageEntry[]>;
  /** Unvetted entries handed over from the SPOC while they were away. */
  handedOverFrom(accountId: string, limit: number): Promise<readonly TriageEntry[]>;
  /**
   * Open entries after `after`, oldest change first, a slice at a time: the sweep pages through every open
   * entry. `after` is the `cursor` of the last entry of the previous slice (empty for the start); it names
   * the change time and the issue, so entries changed in the same instant are neither skipped nor repeated.
   */
  openChangedAfter(
    after: string,
    limit: number,
  ): Promise<
    ReadonlyArray<{ readonly entry: TriageEntry; readonly changedAt: string; readonly cursor: string }>
  >;
}

/** One answer Jira gave about a person's rights, with when it was asked and under which configuration. */
export interface KeptRightsAnswer {
  readonly askedAt: string;
  readonly configVersion: number;
  readonly answer: unknown;
}

/**
 * Jira's answers about people's rights, kept a few minutes so that views need not ask again (how long,
 * and when an answer no longer counts, is decided in support/kept-rights.ts). Writes never read it.
 */
export interface RightsCache {
  get(key: string): Promise<KeptRightsAnswer | undefined>;
  put(key: string, kept: KeptRightsAnswer): Promise<void>;
}

/** What the sweep keeps between runs. */
export interface SweepState {
  /** Where the next reconcile slice starts (a cursor from `openChangedAfter`); empty for the oldest. */
  reconcileAfter(): Promise<string>;
  saveReconcileAfter(after: string): Promise<void>;
}

/** Remembers which product events were handled, so a redelivered event changes nothing. */
export interface EventLedger {
  /** True the first time a key is claimed. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Whether the key was claimed (on its own or with a triage update), without claiming it. */
  claimed(key: string): Promise<boolean>;
  /** Gives a claim back when handling failed and the event will be delivered again. */
  release(key: string): Promise<void>;
}

/** Facts about an issue that client matching and response targets use. */
export interface IssueFacts {
  readonly labels: readonly string[];
  readonly components: ReadonlyArray<{ readonly id: string | null; readonly name: string }>;
  readonly priority: string | null;
}

export interface IssueEdit {
  readonly assignee?: string | null;
  readonly addLabels?: readonly string[];
  readonly removeLabels?: readonly string[];
  readonly property?: TriageProperty;
}

/** Jira as the app itself (`asApp()`): only after the caller's own permissions were checked. */
export interface AppJira {
  readIssueFacts(issueId: string): Promise<IssueFacts & { readonly reporterAccountId: string | null }>;
  reporterGroups(
    accountId: string,
  ): Promise<ReadonlyArray<{ readonly id: string | null; readonly name: string }>>;
  /** The address if Jira reveals it, else null. */
  reporterEmail(accountId: string): Promise<string | null>;
  /** Display names of Jira users; unknown account ids are left out. */
  userNames(accountIds: readonly string[]): Promise<Readonly<Record<string, string>>>;
  componentLead(componentId: string): Promise<string | null>;
  setSpocField(issueId: string, accountId: string | null): Promise<void>;
  editIssue(issueId: string, edit: IssueEdit): Promise<void>;
  addComment(issueId: string, body: Message, visibleToRole: string | null): Promise<void>;
  linkDuplicate(issueKey: string, duplicateOf: string): Promise<void>;
  /** Removes the Duplicate link from `issueKey` to `duplicateOf`; nothing when there is none. */
  unlinkDuplicate(issueKey: string, duplicateOf: string): Promise<void>;
  /** The issue's status and the transitions its workflow offers from there, with their screens' Resolution field. */
  issueWorkflow(issueId: string): Promise<IssueInWorkflow>;
  /** Takes a transition, with the resolution when one is given (its screen must have the field). */
  transitionIssue(issueId: string, transitionId: string, resolution: NamedValue | null): Promise<void>;
  /** Whether the person can open the issue (Browse projects and any issue-level restriction). */
  canBrowse(accountId: string, issueKey: string): Promise<ClientSight>;
  readTriageProperty(issueId: string): Promise<unknown>;
  /** The `spoc` property of each issue, read with one search; an issue without one maps to undefined. */
  readTriageProperties(issueIds: readonly string[]): Promise<ReadonlyMap<string, unknown>>;
}

export interface IssueRef {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly projectKey: string;
}

export interface SearchedIssue extends IssueRef {
  readonly summary: string;
  readonly status: string | null;
  readonly priority: string | null;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Jira as the person using the app (`asUser()`): what they may see and do. */
export interface UserJira {
  /** The issue if the caller can browse it, else undefined. */
  issue(issueIdOrKey: string): Promise<IssueRef | undefined>;
  /** The project if the caller can browse it, else undefined. */
  project(projectKey: string): Promise<{ readonly id: string; readonly key: string } | undefined>;
  /** The Jira permissions the caller holds on the issue, from those asked. */
  issuePermissions(issueId: string, keys: readonly string[]): Promise<ReadonlySet<string>>;
  projectPermissions(projectKey: string, keys: readonly string[]): Promise<ReadonlySet<string>>;
  globalPermissions(keys: readonly string[]): Promise<ReadonlySet<string>>;
  search(jql: string, max: number): Promise<readonly SearchedIssue[]>;
  /** The project's unresolved issues as Jira counts them for the caller; undefined when they cannot see it. */
  openIssueCount(projectKey: string): Promise<number | undefined>;
}

/** Customer satisfaction ratings of issues (JSM's request feedback), for the reports. */
export interface SatisfactionSource {
  /** The ratings given on those of the issues that have one. */
  ratings(issueKeys: readonly string[]): Promise<readonly SatisfactionRating[]>;
}

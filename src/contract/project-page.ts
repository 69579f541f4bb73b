import type { AppSettings, Client, ClientMatchRule, ClientRoster, SpocPolicy, SpocProfile } from '../domain';
import type { ResponseStatus } from '../domain/escalation';
import type { OffboardedRole } from '../domain/offboarding';
import type { Landing } from '../domain/project-landing';
import type { PersonRef, TriageState } from './issue-panel';

/** The configuration's parts as the domain defines them (type-only: nothing of the domain is bundled). */
export type {
  AppSettings,
  Client,
  ClientMatchRule,
  ClientRoster,
  DeliveryTarget,
  MatchRuleKind,
  OutOfOffice,
  RosterVersion,
  SpocPolicy,
  SpocProfile,
  Weekday,
  WorkingShift,
} from '../domain';

/** What happens when someone assigns an unvetted client issue away from its SPOC. */
export type BypassHandling = SpocPolicy['bypass'];

/**
 * What the SPOC project page sends to its resolver (`spoc-project-page` → `page-resolver`) and gets back,
 * always as `Reply<T>`. The project comes from the page's context.
 *
 * Resolver functions:
 * - `getProjectOverview` → ProjectOverview (the first call of every page);
 * - `getMyQueue` → QueueItem[] (the caller's client issues awaiting them); `getVettedQueue` → QueueItem[];
 * - `getConfiguration` → ConfigurationView (with `canEdit`); `exportConfiguration` → ConfigurationDocument;
 *   `importConfiguration` ({ document, expectedVersion }) → ConfigurationSaved;
 * - `saveRoster` ({ clientId, clientName?, version, expectedVersion }) → ConfigurationSaved;
 * - `saveRules` (SaveRulesRequest: { rules, expectedVersion }) → ConfigurationSaved;
 * - `getMyProfile` → SpocProfileView | null; `saveProfile` ({ profile, expectedVersion }) → ConfigurationSaved;
 * - `savePolicy` ({ policy, settings?, expectedVersion }) → ConfigurationSaved;
 * - `previewRouting` (RoutingPreviewRequest) → RoutingPreview;
 * - `getHandedOverIssues` → HandedOverIssues (the caller's issues the app handed over during their absence);
 *   `takeBackHandedOverIssues` (TakeBackRequest) → BulkReport;
 * - `previewOffboarding` (OffboardingRequest) → OffboardingPreview;
 *   `applyOffboarding` (ApplyOffboardingRequest) → OffboardingReport.
 */
export interface ProjectOverview {
  readonly projectKey: string;
  readonly openIssues: number;
  /**
   * Whether the caller may see the SPOC configuration (SPOCs, the delivery team, project administrators);
   * anyone else, such as a client, gets a page that says who it is for instead of refusals.
   */
  readonly canSeeConfiguration: boolean;
  /**
   * Where the page opens for the caller: SPOC → `/triage`, project administrator → `/escalations`,
   * delivery team → `/vetted`; no subpage (and the reason, in words) for anyone else.
   */
  readonly landing: Landing;
}

export type { Landing, LandingRole, LandingSubpage } from '../domain/project-landing';

export interface QueueItem {
  readonly issueId: string;
  readonly issueKey: string;
  readonly summary: string;
  readonly state: TriageState;
  readonly client: { readonly id: string; readonly name: string };
  readonly spoc: PersonRef | null;
  readonly routedAt: string;
  readonly dueAt: string | null;
  readonly escalationLevel: number;
  /**
   * How the response target stands when the queue was read, as the sweep counts it: `breached` (past due),
   * `at-risk` (the policy's share of the target used), `on-track`, or `not-running` (no response is due).
   */
  readonly response: ResponseStatus;
  readonly priority: string | null;
  readonly status: string | null;
}

export type { ResponseStatus };

/** The configuration as JSON: what `exportConfiguration` answers and `importConfiguration` takes. */
export interface ConfigurationDocument {
  readonly schemaVersion: 1;
  /** The stored version this document was exported from. */
  readonly version?: number;
  readonly clients: readonly Client[];
  readonly rules: readonly ClientMatchRule[];
  readonly rosters: readonly ClientRoster[];
  readonly profiles: readonly SpocProfile[];
  readonly policy: SpocPolicy;
  readonly settings?: AppSettings;
}

export interface ConfigurationView {
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: PersonRef | null;
  readonly document: ConfigurationDocument;
  /** Display names of every person the configuration names. */
  readonly names: Readonly<Record<string, string>>;
  readonly warnings: readonly string[];
  /**
   * Whether the caller may change rosters, rules, policy, everyone's profiles and import: the rule every
   * configuration save enforces (project administrators). A SPOC may still save their own profile.
   */
  readonly canEdit: boolean;
}

/** The ordered matching rules, saved as a whole on top of the version the editor read. */
export interface SaveRulesRequest {
  readonly rules: readonly ClientMatchRule[];
  readonly expectedVersion: number;
}

export interface ConfigurationSaved {
  readonly version: number;
  readonly warnings: readonly string[];
}

export interface SpocProfileView {
  readonly version: number;
  readonly profile: SpocProfile;
}

export interface RoutingPreviewRequest {
  /** An existing issue to preview ("which client and SPOC would this issue get"). */
  readonly issueKey?: string;
  /** Or a hypothetical new issue. */
  readonly projectKey?: string;
  readonly reporterAccountId?: string;
  readonly labels?: readonly string[];
  readonly components?: readonly string[];
  readonly priority?: string;
}

export interface RoutingPreview {
  readonly client: { readonly id: string; readonly name: string } | null;
  readonly matchReasons: readonly string[];
  readonly outcome: 'routed' | 'unrouted' | 'no-client';
  readonly spoc: PersonRef | null;
  readonly role: string | null;
  readonly dueAt: string | null;
  readonly summary: string;
  readonly reasons: readonly string[];
}

/** A client issue the app handed over from the caller while they were out of office, still open. */
export interface HandedOverItem extends QueueItem {
  /** When the app handed it over; null when the history no longer keeps it. */
  readonly handedOverAt: string | null;
}

export interface HandedOverIssues {
  /** The issues, soonest due first; `spoc` is whoever holds each one now. */
  readonly items: readonly HandedOverItem[];
  /** The end of the caller's absence while they are still away (taking back waits until then), else null. */
  readonly awayUntil: string | null;
}

/** Which of them to take back: leave `issueIds` out for all of them. */
export interface TakeBackRequest {
  readonly issueIds?: readonly string[];
}

/**
 * What happened to one issue of a change made to many: `done` (stored and written to Jira),
 * `writes-pending` (stored; the sweep finishes the Jira writes within minutes), `conflict` (someone acted
 * on it at the same moment: nothing of theirs was overwritten), `refused` (the rules do not allow it now),
 * `not-found` (gone, or hidden from the caller).
 */
export type BulkOutcome = 'done' | 'writes-pending' | 'conflict' | 'refused' | 'not-found';

export interface BulkIssueResult {
  readonly issueId: string;
  readonly issueKey: string;
  readonly outcome: BulkOutcome;
  /** In words, for the person: "Taken back: you are its SPOC again." */
  readonly message: string;
}

export interface BulkReport {
  readonly results: readonly BulkIssueResult[];
  /** One sentence over all of them, for a flag or a notice. */
  readonly summary: string;
}

/** A SPOC leaves: who, who takes over every roster role and open issue of theirs, and why. */
export interface OffboardingRequest {
  readonly leavingAccountId: string;
  readonly successorAccountId: string;
  /** Recorded on every changed roster version and issue. */
  readonly reason: string;
}

/** The roster roles an offboarding passes on (the domain's names). */
export type { OffboardedRole };

export interface OffboardingRosterChange {
  readonly clientId: string;
  readonly clientName: string;
  /** When the change takes effect: now, or the time of a roster version planned for later. */
  readonly effectiveFrom: string;
  readonly planned: boolean;
  readonly changes: ReadonlyArray<{
    readonly role: OffboardedRole;
    /** 1-based place among the backups; 0 for the other roles. */
    readonly position: number;
    readonly from: PersonRef;
    /** Null when the successor already has a place on the roster and this one goes. */
    readonly to: PersonRef | null;
    readonly reason: string;
  }>;
}

export interface OffboardingIssueMove {
  readonly issueId: string;
  readonly issueKey: string;
  readonly summary: string;
  readonly state: TriageState;
  readonly client: { readonly id: string; readonly name: string };
  /** `move`: SPOC field and assignee go to the successor; `keep`: the successor, who covered it, keeps it. */
  readonly kind: 'move' | 'keep';
  readonly from: PersonRef;
  readonly to: PersonRef;
  /** Handed over from the leaving person during an absence. */
  readonly handedOver: boolean;
  readonly reason: string;
}

/** An open issue the offboarding leaves where it is, and why (another project's, hidden from the caller). */
export interface OffboardingIssueLeft {
  readonly issueId: string;
  readonly issueKey: string;
  readonly reason: string;
}

export interface OffboardingPreview {
  readonly leaving: PersonRef;
  readonly successor: PersonRef;
  readonly reason: string;
  /** The configuration version the preview was made on: applying it checks it is still the stored one. */
  readonly configurationVersion: number;
  readonly rosterChanges: readonly OffboardingRosterChange[];
  readonly issueMoves: readonly OffboardingIssueMove[];
  readonly issuesLeft: readonly OffboardingIssueLeft[];
  /** More open issues than one offboarding takes: after this one, preview again for the rest. */
  readonly moreIssues: boolean;
  readonly warnings: readonly string[];
  /** Nothing to change: the person holds no roster role and no open issue. */
  readonly nothingToDo: boolean;
}

/** The preview, sent back to apply exactly what it showed. */
export interface ApplyOffboardingRequest extends OffboardingRequest {
  readonly expectedVersion: number;
  /** The preview's issue moves: each issue and the SPOC it was to move from. */
  readonly issues: ReadonlyArray<{ readonly issueId: string; readonly fromAccountId: string }>;
}

export interface OffboardingReport extends BulkReport {
  /** The configuration version after the roster changes (unchanged when there were none). */
  readonly configurationVersion: number;
  readonly rostersChanged: number;
}

import type { AppSettings, Client, ClientMatchRule, ClientRoster, SpocPolicy, SpocProfile } from '../domain';
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
 * - `previewRouting` (RoutingPreviewRequest) → RoutingPreview.
 */
export interface ProjectOverview {
  readonly projectKey: string;
  readonly openIssues: number;
  /**
   * Whether the caller may see the SPOC configuration (SPOCs, the delivery team, project administrators);
   * anyone else, such as a client, gets a page that says who it is for instead of refusals.
   */
  readonly canSeeConfiguration: boolean;
}

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
  readonly priority: string | null;
  readonly status: string | null;
}

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

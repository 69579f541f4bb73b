import type { PersonRef, TriageStateName } from './issue-panel';

/**
 * What the SPOC project page sends to its resolver (`spoc-project-page` → `page-resolver`) and gets back,
 * always as `Reply<T>`. The project comes from the page's context.
 *
 * Resolver functions:
 * - `getProjectOverview` → { projectKey, openIssues } (the first page's call);
 * - `getMyQueue` → QueueItem[] (the caller's client issues awaiting them); `getVettedQueue` → QueueItem[];
 * - `getConfiguration` → ConfigurationView; `exportConfiguration` → ConfigurationDocument;
 *   `importConfiguration` ({ document, expectedVersion }) → ConfigurationSaved;
 * - `saveRoster` ({ clientId, clientName?, version, expectedVersion }) → ConfigurationSaved;
 * - `getMyProfile` → SpocProfileView | null; `saveProfile` ({ profile, expectedVersion }) → ConfigurationSaved;
 * - `savePolicy` ({ policy, settings?, expectedVersion }) → ConfigurationSaved;
 * - `previewRouting` (RoutingPreviewRequest) → RoutingPreview.
 */
export interface QueueItem {
  readonly issueId: string;
  readonly issueKey: string;
  readonly summary: string;
  readonly state: TriageStateName;
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
  readonly clients: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly rules: readonly unknown[];
  readonly rosters: readonly unknown[];
  readonly profiles: readonly unknown[];
  readonly policy: unknown;
  readonly settings?: unknown;
}

export interface ConfigurationView {
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: PersonRef | null;
  readonly document: ConfigurationDocument;
  /** Display names of every person the configuration names. */
  readonly names: Readonly<Record<string, string>>;
  readonly warnings: readonly string[];
}

export interface ConfigurationSaved {
  readonly version: number;
  readonly warnings: readonly string[];
}

export interface SpocProfileView {
  readonly version: number;
  readonly profile: unknown;
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

import type { TriageAction, TriageState } from '../domain';
import type { ClientSight } from '../domain/duplicate-target';
import type { TriageEvent } from '../domain/triage-record';

/**
 * What the SPOC issue panel sends to its resolver (`spoc-panel` → `panel-resolver`) and gets back. Every
 * answer is a `Reply<T>` (reply.ts). The issue always comes from the panel's context, never from the payload.
 * States, actions and history events are the domain's names (type-only: nothing of the domain is bundled).
 *
 * Resolver functions: `getSpocView` → SpocIssueView, `applyTriageAction` (TriageActionRequest) →
 * TriageActionReply, `getDuplicateCandidates` (DuplicateCandidatesRequest) → DuplicateCandidates,
 * `previewRouting` → RoutingPreview (src/contract/project-page.ts).
 */
export type { TriageAction, TriageEvent, TriageState };

/** Names that must be the domain's: a name it does not know fails to compile. */
type DomainActions<Names extends TriageAction> = Names;

/**
 * The domain's actions a person takes in the panel; the others come from elsewhere, such as the client's
 * reply from their comment.
 */
export type TriageActionName = DomainActions<
  | 'accept-for-delivery'
  | 'request-info'
  | 'reject'
  | 'mark-duplicate'
  | 'reassign'
  | 'escalate'
  | 'take-over'
  | 'return-to-spoc'
  | 'acknowledge'
  | 'take-back'
>;

/**
 * Why the caller may act on the issue: what the app knows of them for this issue. `escalation-manager`: the
 * client's, on its roster; `former-spoc`: the SPOC the app handed the issue over from during their absence.
 */
export type CallerRole =
  'spoc' | 'backup' | 'delegate' | 'delivery' | 'manager' | 'escalation-manager' | 'former-spoc';

export interface PersonRef {
  readonly accountId: string;
  readonly displayName: string;
}

export interface SpocNow {
  /** "14:05" on the SPOC's wall clock. */
  readonly localTime: string;
  readonly timeZone: string;
  readonly status: 'available' | 'away' | 'at-capacity' | 'off-shift';
  /** "Priya Shah is working until 17:00 Europe/London with 2 of 8 open client issues". */
  readonly sentence: string;
}

/** One triage event, in words the panel shows as they are; the time is for the viewer's locale and zone. */
export interface HistoryEntry {
  /** ISO time of the event. */
  readonly at: string;
  readonly event: TriageEvent;
  /** Who acted; null for the app itself. */
  readonly by: PersonRef | null;
  /** "accept for delivery", "routed to Priya Shah". */
  readonly what: string;
  /** The note the person or the app gave, bounded. */
  readonly note?: string;
}

export interface SpocIssueView {
  readonly issueId: string;
  readonly issueKey: string;
  /** False when the app did not route this issue (no client rule matched it). */
  readonly routed: boolean;
  readonly state: TriageState | null;
  /** "waiting for its SPOC". */
  readonly stateLabel: string | null;
  readonly client: { readonly id: string; readonly name: string } | null;
  readonly spoc: PersonRef | null;
  readonly spocNow: SpocNow | null;
  readonly routedAt: string | null;
  readonly dueAt: string | null;
  /** The due time on the SPOC's wall clock, e.g. "tomorrow 11:00 Asia/Tokyo". */
  readonly dueLocal: string | null;
  readonly responseStatus: 'not-running' | 'on-track' | 'at-risk' | 'breached' | null;
  readonly escalationLevel: number;
  readonly bounceBacks: number;
  readonly duplicateOf: string | null;
  readonly vettedAt: string | null;
  /** The routing decision: a summary and every reason, as written on the issue. */
  readonly summary: string | null;
  readonly reasons: readonly string[];
  /** The triage events the record keeps, oldest first. */
  readonly history: readonly HistoryEntry[];
  /** How many older events the bounded history no longer keeps. */
  readonly droppedHistoryEntries: number;
  /** Bypasses and other things the app noticed, newest last. */
  readonly notices: readonly string[];
  readonly callerRoles: readonly CallerRole[];
  /** What the caller may do now (state and role both allow it). */
  readonly allowedActions: readonly TriageActionName[];
  /** True while some of the app's writes to Jira are still waiting (e.g. Jira asked it to slow down). */
  readonly pendingJiraUpdates: boolean;
  /**
   * The caller may reopen this rejected or duplicate issue (`{ action: 'reopen' }`): it goes back to its
   * SPOC and to an open status in Jira. Absent or false otherwise.
   */
  readonly mayReopen?: boolean;
  /** Whether the reporter can open `duplicateOf`; null or absent when unknown or not a duplicate. */
  readonly duplicateClientCanOpen?: boolean | null;
}

export type TriageActionRequest =
  | { readonly action: 'accept-for-delivery'; readonly note?: string }
  | { readonly action: 'request-info'; readonly message: string }
  | { readonly action: 'reject'; readonly reason: string }
  | {
      readonly action: 'mark-duplicate';
      readonly duplicateOf: string;
      readonly note?: string;
      /**
       * The SPOC was told the reporter cannot open `duplicateOf` (or Jira would not say) and chooses it all
       * the same; without it such a target is refused with those words.
       */
      readonly confirmHidden?: boolean;
    }
  /** Undoes a rejection or a duplicate (offered when the view's `mayReopen` is true). */
  | { readonly action: 'reopen'; readonly note?: string }
  | { readonly action: 'reassign'; readonly toAccountId: string; readonly reason: string }
  | { readonly action: 'escalate'; readonly reason: string }
  | { readonly action: 'take-over'; readonly note?: string }
  | { readonly action: 'return-to-spoc'; readonly reason: string }
  /** "I am on it": holds the escalation ladder's next step for the policy's time. */
  | { readonly action: 'acknowledge'; readonly note?: string }
  | { readonly action: 'take-back'; readonly note?: string };

export interface TriageActionReply {
  /** The issue's view after the action. */
  readonly view: SpocIssueView;
  /** "Priya Shah accepted the issue for delivery.", for a flag. */
  readonly summary: string;
}

/** What the duplicate picker searches for: words of a summary or description, or an issue key. */
export interface DuplicateCandidatesRequest {
  /** Up to 100 characters; empty or absent: the issues most recently updated. */
  readonly query?: string;
}

/** Whether the reporter can open an issue, as Jira answered the app: the domain's names. */
export type { ClientSight };

/** An issue the SPOC can see that this one could duplicate. */
export interface DuplicateCandidate {
  readonly key: string;
  readonly summary: string;
  readonly status: string | null;
  readonly clientSight: ClientSight;
  /** "Li Wei can open SUP-1, so they can follow it there." */
  readonly sightText: string;
}

/**
 * The duplicate picker's list: only issues the reporter can open (every match when the issue has no
 * reporter), and how many matches were left out because the reporter cannot open them (or Jira would not
 * say). Choosing a left-out key by hand needs `confirmHidden` on the action.
 */
export interface DuplicateCandidates {
  readonly reporter: PersonRef | null;
  readonly candidates: readonly DuplicateCandidate[];
  readonly hiddenFromClient: number;
}

import type { TriageAction, TriageState } from '../domain';
import type { ClientSight } from '../domain/duplicate-target';
import type { TriageEvent } from '../domain/triage-record';

/**
 * What the SPOC issue panel sends to its resolver (`spoc-panel` → `panel-resolver`) and gets back. Every
 * answer is a `Reply<T>` (reply.ts). The issue always comes from the panel's context, never from the payload.
 * States, actions and history events are the domain's names (type-only: nothing of the domain is bundled).
 *
 * Resolver functions: `getSpocView` → SpocIssueView, `applyTriageAction` (TriageActionRequest) →
 * TriageActionReply, `getReassignCandidates` → ReassignCandidates, `getDuplicateCandidates`
 * (DuplicateCandidatesRequest) → DuplicateCandidates, `previewRouting` → RoutingPreview
 * (src/contract/project-page.ts).
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

/** Whether a SPOC can take client work right now: routing's own answer, as facts the screen puts in words. */
export type SpocStatus = 'available' | 'away' | 'at-capacity' | 'off-shift';

/**
 * A SPOC's availability and load now, as instants and counts: the panel writes them in the viewer's locale
 * and zone, and works out "until 17:00" or "back on Wednesday" when it is looked at.
 */
export interface SpocAvailability {
  /** Their IANA time zone, e.g. Europe/London: their working hours are in it. */
  readonly timeZone: string;
  readonly status: SpocStatus;
  /**
   * `available`: when their stretch of working time ends; `off-shift`: when the next starts (null with no
   * working hours); `away`: when they are back; `at-capacity`: null.
   */
  readonly until: string | null;
  /** Away: who covers for them; null for nobody (or when not away). */
  readonly delegate: PersonRef | null;
  /** Open client issues awaiting them (not yet vetted), counted up to the largest capacity shown. */
  readonly openClientIssues: number;
  /** The most they may hold; null for no limit. */
  readonly capacity: number | null;
}

/** A bypass, a repaired property or another thing the app noticed on the issue, with when. */
export interface PanelNotice {
  /** ISO time it was noticed. */
  readonly at: string;
  readonly text: string;
}

/** One triage event, in words the panel shows as they are; the panel writes its time for the viewer. */
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

/** The SPOC asked the client for information: what, by whom, and whose answer sends the issue back. */
export interface ClientTurn {
  /** The question as the SPOC wrote it (lines kept); null when the record kept none. */
  readonly question: string | null;
  readonly askedBy: PersonRef | null;
  /** ISO time it was asked; null when not known. */
  readonly askedAt: string | null;
  /** The reporter: a public comment of theirs sends the issue back to its SPOC with a fresh clock. */
  readonly answeredByAccountId: string | null;
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
  /**
   * `staff`: the whole view; `client`: someone who may only follow the issue (the reporter or their
   * colleagues), who sees where it stands and what is asked of them, but no routing, history or notices.
   */
  readonly audience: 'staff' | 'client';
  readonly spoc: PersonRef | null;
  /** While the issue waits for the client's information: what the SPOC asked; null otherwise. */
  readonly clientTurn: ClientTurn | null;
  /** The SPOC's availability and load now (staff only). */
  readonly spocNow: SpocAvailability | null;
  /** The app's clock when it answered: the panel's "today" and "in 2 hours" count from it. */
  readonly now: string;
  readonly routedAt: string | null;
  /** When the SPOC's response is due (ISO); null when no response clock runs. */
  readonly dueAt: string | null;
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
  readonly notices: readonly PanelNotice[];
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
  | {
      readonly action: 'reassign';
      readonly toAccountId: string;
      readonly reason: string;
      /** The person was told the new SPOC is away or full and goes on all the same (when the policy allows). */
      readonly evenIfUnavailable?: boolean;
    }
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

/** Someone the issue could be reassigned to: a SPOC with a profile, as they are now. */
export interface ReassignCandidate extends PersonRef {
  readonly availability: SpocAvailability;
  /** Their place on this client's roster, if any. */
  readonly onRoster: 'primary' | 'backup' | 'pool' | null;
  /** When their response clock would start if they got the issue now: now, or when they are back. */
  readonly clockStartsAt: string;
  /** When their response would be due; null when no clock would run (the state waits on no one, or no hours). */
  readonly dueAt: string | null;
  /** `go`: fine; `warn`: away or full, the person must confirm; `refuse`: away or full and the policy says no. */
  readonly verdict: 'go' | 'warn' | 'refuse';
}

/** Who the reassign form offers, with what the policy says about someone away or full. */
export interface ReassignCandidates {
  readonly now: string;
  /** Everyone with a SPOC profile but the issue's SPOC: this client's roster first, then by name. */
  readonly candidates: readonly ReassignCandidate[];
  readonly whenUnavailable: 'warn' | 'refuse';
  /** More people have profiles than the form lists. */
  readonly more: boolean;
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

import type { TriageRecord } from '../../domain';
import type { WorkflowGoal } from '../../domain/workflow-move';
import type { Message } from './message';

/**
 * Everything the app keeps about one client issue it routed: the authoritative triage record, why it was
 * routed the way it was, what the app noticed since, and the writes to Jira it still owes (its outbox).
 * Every decision is stored first and then written to Jira from the outbox, so a rate limit or a crash
 * between two Jira calls loses nothing and repeats nothing: the next attempt sends what is left.
 */
export type JiraWrite =
  /** The read-only SPOC field, through the app-field API. */
  | { readonly kind: 'spoc-field'; readonly accountId: string | null }
  /** One issue edit: assignee, labels and the `spoc` property copy together. */
  | {
      readonly kind: 'edit';
      /** Undefined leaves the assignee alone; null unassigns. */
      readonly assignee?: string | null;
      readonly addLabels?: readonly string[];
      readonly removeLabels?: readonly string[];
    }
  /** The `spoc` property alone (sent as an issue edit with only `properties`). */
  | { readonly kind: 'property' }
  | { readonly kind: 'comment'; readonly body: Message; readonly internal: boolean }
  | { readonly kind: 'duplicate-link'; readonly duplicateOf: string }
  /** The duplicate link to `duplicateOf` removed (a reopened duplicate); nothing when it is not there. */
  | { readonly kind: 'duplicate-unlink'; readonly duplicateOf: string }
  /**
   * The issue moved through its project's workflow towards the goal (a done status with a fitting
   * resolution, or back to an open one), the transition chosen from what Jira offers when it is sent.
   */
  | { readonly kind: 'workflow'; readonly goal: WorkflowGoal };

export interface RoutingExplanation {
  readonly outcome: 'routed' | 'unrouted';
  readonly summary: string;
  readonly reasons: readonly string[];
  /** How the client was recognised, e.g. "Client Acme matched by rule 1 of 3 (component Acme Portal)." */
  readonly matchReason: string;
  readonly responseTargetMinutes: number;
  readonly priority: string | null;
}

export interface Notice {
  readonly at: string;
  readonly kind: 'bypass' | 'property-repaired' | 'client-replied' | 'jira-refused' | 'workflow';
  readonly text: string;
}

export interface TriageEntry {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectId: string;
  readonly projectKey: string;
  readonly summary: string;
  readonly reporterAccountId: string | null;
  readonly clientName: string;
  readonly record: TriageRecord;
  readonly routing: RoutingExplanation;
  /** Newest last, at most MAX_NOTICES. */
  readonly notices: readonly Notice[];
  readonly outbox: readonly JiraWrite[];
  /**
   * When the sweep must next look at the issue: a ladder step falls due or an acknowledgement's hold ends.
   * Absent or null: nothing to look at (no clock runs, or every step was taken). Kept current by every use
   * case that changes the record (support/sweep-schedule.ts), and indexed, so the sweep reads only what is due.
   */
  readonly sweepAt?: string | null;
  /**
   * Set while the delivery that stored new writes is sending them side by side: another delivery of the same
   * event leaves them alone until then, so a comment is never posted twice. Cleared when the send ends.
   */
  readonly sendingUntil?: string;
}

/** Longer than a send takes; a delivery that died mid-send leaves its writes to the next one after this. */
export const SEND_LEASE_MS = 20_000;

export const sendLeaseUntil = (now: Date): string => new Date(now.getTime() + SEND_LEASE_MS).toISOString();

export function isBeingSent(entry: TriageEntry, now: Date): boolean {
  return entry.sendingUntil !== undefined && Date.parse(entry.sendingUntil) > now.getTime();
}

/** A stored entry with its revision, for compare-and-set updates. */
export interface StoredTriageEntry {
  readonly entry: TriageEntry;
  readonly revision: number;
}

export const MAX_NOTICES = 10;

export function withNotice(entry: TriageEntry, notice: Notice): TriageEntry {
  const notices = [...entry.notices, notice];
  return { ...entry, notices: notices.slice(Math.max(0, notices.length - MAX_NOTICES)) };
}

/** Labels the app puts on issues it handles, so people can filter on them without the app. */
export const ROUTED_LABEL = 'spoc-routed';
export const UNROUTED_LABEL = 'spoc-unrouted';

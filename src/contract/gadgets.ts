/**
 * What the dashboard gadgets' resolvers answer to `getSnapshot` (as `Reply<T>`). Both are built from the
 * app's own records in KVS when the gadget is viewed, so a view costs no Jira call. The gadget's saved
 * configuration (`projectKey`, `maxRows`) narrows them.
 */
export interface GadgetSnapshot<Row> {
  readonly takenAt: string;
  readonly rows: readonly Row[];
}

/** SPOC workload: one row per SPOC, busiest first. */
export interface WorkloadRow {
  readonly accountId: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly awaitingTriage: number;
  readonly informationRequested: number;
  readonly returned: number;
  /** All their client issues not yet vetted. */
  readonly open: number;
  /** Null when no limit applies. */
  readonly capacity: number | null;
  /** Right now: `available`, `away`, `at-capacity` or `off-shift` (after hours). */
  readonly status: 'available' | 'away' | 'at-capacity' | 'off-shift';
  readonly statusText: string;
  readonly oldestWaiting: { readonly issueKey: string; readonly since: string } | null;
}

/** Escalation status: the escalated or late issues, most urgent first, and totals. */
export interface EscalationRow {
  readonly issueKey: string;
  readonly summary: string;
  readonly clientName: string;
  readonly spoc: { readonly accountId: string; readonly displayName: string } | null;
  readonly state: string;
  readonly escalationLevel: number;
  readonly response: 'breached' | 'at-risk' | 'on-track' | 'not-running';
  readonly dueAt: string | null;
  readonly routedAt: string;
}

export interface EscalationSnapshot extends GadgetSnapshot<EscalationRow> {
  readonly totals: {
    readonly byLevel: Readonly<Record<string, number>>;
    readonly breached: number;
    readonly atRisk: number;
    /** Issues nobody could be routed to. */
    readonly unrouted: number;
  };
}

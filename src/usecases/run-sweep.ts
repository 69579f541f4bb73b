import { activeOutOfOffice, isWaitingOnSpoc } from '../domain';
import { JiraBusyError, TriageConflictError } from './errors';
import type { AppJira, Clock, ConfigurationReader, SweepState, TriageRepository } from './ports';
import { handOver, takeDueSteps } from './support/ladder-steps';
import { repairCopyIfChanged } from './support/property-repair';
import { sendOutbox } from './support/send-outbox';
import { isBeingSent, type StoredTriageEntry } from './support/triage-entry';

/**
 * The scheduled sweep (every five minutes): what must happen to client issues as time passes, without
 * anyone opening them. Each part reads only what is due through an index of the app's own records, never
 * the project, so its cost grows with the work that is due:
 *
 * 1. escalation ladder steps that have fallen due (and holds that ended), soonest first;
 * 2. issues whose SPOC is away now: handed over to their delegate or the next available backup;
 * 3. Jira writes the app still owes (Jira was busy when they were first sent);
 * 4. a reconcile slice: the `spoc` copies of a few open issues, read in one search, restored where
 *    someone changed them; the next run goes on from where this one stopped.
 *
 * Each part takes a bounded slice, and the sweep stops taking new work when its time runs short: what is
 * left is still due, and the next run takes it. Running twice, or two runs at once, changes nothing more
 * than once: every change is a compare-and-set on the issue's record, and a step is taken once per clock.
 */
export const SWEEP_SLICE = 25;
/** Issues whose `spoc` copy each run checks: one search of this many (1 + this many points). */
export const RECONCILE_SLICE = 5;

export interface RunSweepParams {
  /** Milliseconds of the run's time limit still left; the sweep stops starting work below `reserveMs`. */
  readonly timeLeftMs: () => number;
  readonly reserveMs?: number;
}

export interface RunSweepDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly sweepState: SweepState;
}

export interface SweepReport {
  /** Ladder steps taken, by issue key. */
  readonly escalated: ReadonlyArray<{ readonly issueKey: string; readonly steps: readonly string[] }>;
  readonly handedOver: ReadonlyArray<{
    readonly issueKey: string;
    readonly from: string;
    readonly to: string;
  }>;
  /** Issues whose owed writes were all sent. */
  readonly finished: readonly string[];
  readonly repaired: readonly string[];
  /** Issues another writer changed at the same moment, or Jira asked to wait for: the next run looks again. */
  readonly deferred: readonly string[];
  /** Whether work was left for the next run (a full slice, or time ran short). */
  readonly more: boolean;
}

export const runSweep = {
  async execute(params: RunSweepParams, deps: RunSweepDeps): Promise<SweepReport> {
    const reserve = params.reserveMs ?? 15_000;
    const hasTime = () => params.timeLeftMs() > reserve;
    const now = deps.clock.now();
    const report = {
      escalated: [] as Array<{ issueKey: string; steps: readonly string[] }>,
      handedOver: [] as Array<{ issueKey: string; from: string; to: string }>,
      finished: [] as string[],
      repaired: [] as string[],
      deferred: [] as string[],
      more: false,
    };
    /** Runs one issue's step; a conflict or a busy Jira defers the issue to the next run. */
    const attempt = async (issueKey: string, step: () => Promise<void>): Promise<boolean> => {
      if (!hasTime()) {
        report.more = true;
        return false;
      }
      try {
        await step();
      } catch (error) {
        if (!(error instanceof TriageConflictError || error instanceof JiraBusyError)) throw error;
        report.deferred.push(issueKey);
        if (error instanceof JiraBusyError) return false;
      }
      return true;
    };

    // 1. The ladder.
    const due = await deps.triage.dueForSweep(now, SWEEP_SLICE);
    if (due.length === SWEEP_SLICE) report.more = true;
    for (const stored of due) {
      const going = await attempt(stored.entry.issueKey, async () => {
        const { steps } = await takeDueSteps(stored, deps);
        if (steps.length > 0) report.escalated.push({ issueKey: stored.entry.issueKey, steps });
      });
      if (!going) break;
    }

    // 2. Handovers from SPOCs who are away now.
    const head = await deps.config.head();
    const away = (await deps.config.profiles(head.profileAccountIds)).filter(
      (p) => activeOutOfOffice(p, now.getTime()) !== null,
    );
    let handovers = 0;
    handing: for (const spoc of away) {
      const waiting = (await deps.triage.openFor(spoc.accountId, SWEEP_SLICE)).filter((e) =>
        isWaitingOnSpoc(e.record.state),
      );
      for (const entry of waiting) {
        if (handovers >= SWEEP_SLICE) {
          report.more = true;
          break handing;
        }
        handovers += 1;
        const going = await attempt(entry.issueKey, async () => {
          const stored = await deps.triage.get(entry.issueId);
          if (!stored || stored.entry.record.spocAccountId !== spoc.accountId) return;
          const outcome = await handOver(stored, deps);
          if (outcome.to) {
            report.handedOver.push({ issueKey: entry.issueKey, from: spoc.accountId, to: outcome.to });
          }
        });
        if (!going) break handing;
      }
    }

    // 3. Owed writes.
    const owed = await deps.triage.owingJira(SWEEP_SLICE);
    if (owed.length === SWEEP_SLICE) report.more = true;
    const outboxDeps = { ...deps, internalCommentRole: head.settings.internalCommentRole };
    for (const stored of owed) {
      if (isBeingSent(stored.entry, now)) continue;
      const going = await attempt(stored.entry.issueKey, async () => {
        const sent: StoredTriageEntry = await sendOutbox(stored, outboxDeps);
        if (sent.entry.outbox.length === 0) report.finished.push(stored.entry.issueKey);
      });
      if (!going) break;
    }

    // 4. The reconcile slice.
    if (hasTime()) {
      const after = await deps.sweepState.reconcileAfter();
      const slice = await deps.triage.openChangedAfter(after, RECONCILE_SLICE);
      let copies: ReadonlyMap<string, unknown>;
      try {
        copies = await deps.jira.readTriageProperties(slice.map((s) => s.entry.issueId));
      } catch (error) {
        // Jira is busy: the slice waits for the next run; what this run already did stands.
        if (!(error instanceof JiraBusyError)) throw error;
        report.more = true;
        return report;
      }
      for (const { entry } of slice) {
        // An issue the search did not return is gone, or hidden from the app: nothing to restore.
        if (!copies.has(entry.issueId)) continue;
        const going = await attempt(entry.issueKey, async () => {
          const stored = await deps.triage.get(entry.issueId);
          if (!stored) return;
          const outcome = await repairCopyIfChanged(stored, copies.get(entry.issueId), deps);
          if (outcome.repaired) report.repaired.push(entry.issueKey);
        });
        if (!going) break;
      }
      // A short slice means the end of the open issues: start again from the oldest next time.
      const next = slice.length < RECONCILE_SLICE ? '' : (slice.at(-1)?.cursor ?? '');
      if (next !== after) await deps.sweepState.saveReconcileAfter(next);
    }
    return report;
  },
};

import { appDependencies } from '../composition';
import { runSweep, type SweepReport } from '../usecases/run-sweep';

/**
 * The scheduled trigger (manifest `spoc-sweep`, every five minutes): runs the sweep with the function's
 * time limit in mind. A scheduled run that fails is not retried by the platform; the next run simply finds
 * the same work still due, so nothing is lost.
 */
const TIME_LIMIT_MS = 120_000;

export async function sweep(): Promise<SweepReport> {
  // Real elapsed time, whatever clock the app's dates follow.
  const started = performance.now();
  const report = await runSweep.execute(
    { timeLeftMs: () => TIME_LIMIT_MS - (performance.now() - started) },
    appDependencies(),
  );
  const done = [report.escalated, report.handedOver, report.finished, report.repaired, report.deferred];
  // A quiet run says nothing: the platform's log is limited, and most runs find nothing due.
  if (done.some((list) => list.length > 0) || report.more) {
    console.log(
      `SPOC sweep: ${report.escalated.length} escalated, ${report.handedOver.length} handed over, ` +
        `${report.finished.length} finished, ${report.repaired.length} repaired, ` +
        `${report.deferred.length} deferred${report.more ? ', more to do' : ''}.`,
    );
  }
  return report;
}

import type { AppJira, Clock, ConfigurationReader, TriageRepository } from './ports';
import { sendOutbox } from './send-outbox';

/**
 * Any event on a routed issue is a chance to send the writes the app still owes it (when Jira asked it to
 * wait longer than the platform's retries lasted). Costs nothing when there is nothing pending.
 */
export interface FinishPendingUpdatesDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
}

export const finishPendingUpdates = {
  async execute(params: { readonly issueId: string }, deps: FinishPendingUpdatesDeps): Promise<number> {
    const stored = await deps.triage.get(params.issueId);
    if (!stored || stored.entry.outbox.length === 0) return 0;
    const head = await deps.config.head();
    const pending = stored.entry.outbox.length;
    await sendOutbox(stored, { ...deps, internalCommentRole: head.settings.internalCommentRole });
    return pending;
  },
};

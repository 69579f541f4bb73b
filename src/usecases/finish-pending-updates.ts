import type { AppJira, Clock, ConfigurationReader, TriageRepository } from './ports';
import { sendOutbox } from './support/send-outbox';
import { isBeingSent } from './support/triage-entry';

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
    // Side by side: with the trigger's batch reader, one storage request for both.
    const [stored, head] = await Promise.all([deps.triage.get(params.issueId), deps.config.head()]);
    // Nothing owed, or the delivery that owes it is sending right now.
    if (!stored || stored.entry.outbox.length === 0 || isBeingSent(stored.entry, deps.clock.now())) return 0;
    const pending = stored.entry.outbox.length;
    await sendOutbox(stored, { ...deps, internalCommentRole: head.settings.internalCommentRole });
    return pending;
  },
};

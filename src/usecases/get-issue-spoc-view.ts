import type { SpocIssueView } from '../contract/issue-panel';
import { rolesOnIssue } from './support/caller-roles';
import { JiraBusyError, NotFoundError } from './errors';
import type { AppJira, Clock, ConfigurationReader, TriageRepository, UserJira } from './ports';
import { sendOutbox } from './support/send-outbox';
import { buildSpocView, notRoutedView } from './support/spoc-view';
import { repairCopyIfChanged } from './support/property-repair';
import type { StoredTriageEntry } from './support/triage-entry';

/**
 * The SPOC panel opens on an issue. The caller must be able to browse it (asked of Jira as them). While
 * here, the app finishes writes it still owes the issue and checks the searchable `spoc` property against
 * its own record, rewriting the copy when someone changed it.
 */
export interface GetIssueSpocViewParams {
  readonly callerAccountId: string;
  readonly issueIdOrKey: string;
}

export interface GetIssueSpocViewDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export const getIssueSpocView = {
  async execute(params: GetIssueSpocViewParams, deps: GetIssueSpocViewDeps): Promise<SpocIssueView> {
    const issue = await deps.user.issue(params.issueIdOrKey);
    if (!issue) throw new NotFoundError(`Issue ${params.issueIdOrKey} does not exist or you cannot see it.`);
    let stored = await deps.triage.get(issue.id);
    if (!stored) return notRoutedView(issue);
    const head = await deps.config.head();
    const outboxDeps = { ...deps, internalCommentRole: head.settings.internalCommentRole };
    stored = await bestEffort(stored, (s) => sendOutbox(s, outboxDeps));
    stored = await bestEffort(stored, (s) => repairProperty(s, deps));
    const granted = await deps.user.issuePermissions(issue.id, ['EDIT_ISSUES', 'ADMINISTER_PROJECTS']);
    const { roles } = await rolesOnIssue(params.callerAccountId, stored.entry, deps.clock.now(), deps, {
      askJiraAboutManager: false,
    });
    const callerRoles = new Set(roles);
    if (granted.has('ADMINISTER_PROJECTS')) callerRoles.add('manager');
    const view = await buildSpocView(stored.entry, callerRoles, deps);
    // Clients see who their SPOC is and where the issue stands, not staff availability or internal notes.
    return granted.has('EDIT_ISSUES') || callerRoles.size > 0 ? view : forTheClient(view);
  },
};

function forTheClient(view: SpocIssueView): SpocIssueView {
  return {
    ...view,
    spocNow: null,
    summary: null,
    reasons: [],
    history: [],
    droppedHistoryEntries: 0,
    notices: [],
    callerRoles: [],
    allowedActions: [],
  };
}

/** A busy Jira must not keep the panel from showing: the pending writes wait for the next chance. */
async function bestEffort(
  stored: StoredTriageEntry,
  step: (s: StoredTriageEntry) => Promise<StoredTriageEntry>,
): Promise<StoredTriageEntry> {
  try {
    return await step(stored);
  } catch (error) {
    if (error instanceof JiraBusyError) return stored;
    throw error;
  }
}

async function repairProperty(
  stored: StoredTriageEntry,
  deps: GetIssueSpocViewDeps,
): Promise<StoredTriageEntry> {
  if (stored.entry.outbox.some((w) => w.kind === 'edit' || w.kind === 'property')) return stored;
  const readBack = await deps.jira.readTriageProperty(stored.entry.issueId);
  return (await repairCopyIfChanged(stored, readBack, deps)).stored;
}

import type { SpocIssueView } from '../contract/issue-panel';
import { rolesOnIssue } from './support/caller-roles';
import { JiraBusyError, NotFoundError } from './errors';
import type { AppJira, Clock, ConfigurationReader, RightsCache, TriageRepository, UserJira } from './ports';
import { sendOutbox } from './support/send-outbox';
import { buildSpocView, notRoutedView } from './support/spoc-view';
import { keptComponentLead, keptIssueAccess } from './support/kept-rights';
import type { StoredTriageEntry } from './support/triage-entry';

/**
 * The SPOC panel opens on an issue. What the app's own record cannot tell is asked of Jira as the caller
 * and kept for five minutes (support/kept-rights.ts): whether they may see the issue, their rights on it
 * (project administration: the manager's actions; editing: the staff view) and, for a delivery target
 * "component lead", who leads it. So a repeated view asks Jira nothing. The view reads no `spoc` property:
 * the app's record is the authority, and events, queues and the sweep repair a rewritten copy. While here,
 * the app finishes writes it still owes the issue.
 */
export interface GetIssueSpocViewParams {
  readonly callerAccountId: string;
  readonly issueIdOrKey: string;
  /** The issue's id too, when the panel's context gives it: a first view then asks Jira once, not twice. */
  readonly issueId?: string;
}

export interface GetIssueSpocViewDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
  /** Kept answers about rights; without it Jira is asked on every view. */
  readonly rights?: RightsCache;
}

export const getIssueSpocView = {
  async execute(params: GetIssueSpocViewParams, deps: GetIssueSpocViewDeps): Promise<SpocIssueView> {
    const version = deps.config.head().then((h) => h.version);
    const recorded = async (issueId: string) => {
      const entry = (await deps.triage.get(issueId))?.entry;
      return (
        entry && {
          id: entry.issueId,
          key: entry.issueKey,
          projectId: entry.projectId,
          projectKey: entry.projectKey,
        }
      );
    };
    const access = await keptIssueAccess(
      params.callerAccountId,
      params.issueIdOrKey,
      params.issueId,
      version,
      { ...deps, recorded },
    );
    if (!access) throw new NotFoundError(`Issue ${params.issueIdOrKey} does not exist or you cannot see it.`);
    const { issue, held: granted } = access;
    let stored = await deps.triage.get(issue.id);
    if (!stored) return notRoutedView(issue, deps.clock.now());
    const head = await deps.config.head();
    const outboxDeps = { ...deps, internalCommentRole: head.settings.internalCommentRole };
    stored = await bestEffort(stored, (s) => sendOutbox(s, outboxDeps));
    const componentLead = (componentId: string) => keptComponentLead(componentId, head.version, deps);
    const { roles } = await rolesOnIssue(
      params.callerAccountId,
      stored.entry,
      deps.clock.now(),
      { ...deps, jira: { componentLead } },
      { askJiraAboutManager: false },
    );
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
    audience: 'client',
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

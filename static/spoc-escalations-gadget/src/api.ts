import {
  getSnapshotReply,
  loadGadgetContext,
  submitConfig,
  type GadgetContext as SharedGadgetContext,
  type Reply,
} from '../../shared/gadget-bridge';
import type { EscalationSnapshot } from '../../../src/contract/gadgets';

/**
 * Every call the escalation status gadget makes to its resolver (src/resolvers/spoc-gadgets.ts), to Jira and
 * to the host goes through this file. The view reads the resolver's snapshot only, so it costs no Jira call;
 * the edit view asks Jira once, for the projects to choose from.
 */
export type { EscalationRow, EscalationSnapshot } from '../../../src/contract/gadgets';

export type { Reply } from '../../shared/gadget-bridge';

/**
 * What the edit view saves with `view.submit`. The resolver narrows by `projectKey` and `maxRows`; the view
 * raises an alert when `breachedAlert` or more targets are breached; Jira reloads it every `refresh` minutes.
 */
export interface EscalationsConfig {
  readonly projectKey?: string;
  readonly breachedAlert?: number;
  readonly maxRows: number;
  readonly refresh?: number;
}

export const DEFAULT_CONFIG: EscalationsConfig = { maxRows: 10 };

export type { ProjectChoice } from '../../shared/gadget-bridge';
export { closeEditor, getProjects, onDashboardRefresh, openIssue } from '../../shared/gadget-bridge';

export type GadgetContext = SharedGadgetContext<EscalationsConfig>;

export const loadContext = (): Promise<GadgetContext> => loadGadgetContext(DEFAULT_CONFIG);
export const getSnapshot = (): Promise<Reply<EscalationSnapshot>> => getSnapshotReply<EscalationSnapshot>();
export const saveConfig = (config: EscalationsConfig): Promise<void> => submitConfig(config);

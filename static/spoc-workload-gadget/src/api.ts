import {
  getSnapshotReply,
  loadGadgetContext,
  submitConfig,
  type GadgetContext as SharedGadgetContext,
  type Reply,
} from '../../shared/gadget-bridge';
import type { GadgetSnapshot, WorkloadRow } from '../../../src/contract/gadgets';

/**
 * Every call the SPOC workload gadget makes to its resolver (src/resolvers/spoc-gadgets.ts), to Jira and to
 * the host goes through this file. The view reads the resolver's snapshot only, so it costs no Jira call;
 * the edit view asks Jira once, for the projects to choose from.
 */
export type { WorkloadRow } from '../../../src/contract/gadgets';
export type WorkloadSnapshot = GadgetSnapshot<WorkloadRow>;

export type { Reply } from '../../shared/gadget-bridge';

/**
 * What the edit view saves with `view.submit`. The resolver narrows by `projectKey` and `maxRows`; the view
 * narrows to `spocAccountIds` and colours capacity from `capacityWarnPercent`; Jira reloads the gadget every
 * `refresh` minutes.
 */
export interface WorkloadConfig {
  readonly projectKey?: string;
  readonly spocAccountIds?: readonly string[];
  readonly capacityWarnPercent: number;
  readonly maxRows: number;
  readonly refresh?: number;
}

export const DEFAULT_CONFIG: WorkloadConfig = { maxRows: 10, capacityWarnPercent: 80 };

export type { ProjectChoice } from '../../shared/gadget-bridge';
export { closeEditor, getProjects, onDashboardRefresh, openIssue } from '../../shared/gadget-bridge';

export type GadgetContext = SharedGadgetContext<WorkloadConfig>;

export const loadContext = (): Promise<GadgetContext> => loadGadgetContext(DEFAULT_CONFIG);
export const getSnapshot = (): Promise<Reply<WorkloadSnapshot>> => getSnapshotReply<WorkloadSnapshot>();
export const saveConfig = (config: WorkloadConfig): Promise<void> => submitConfig(config);

import { snapshotViewApi } from '../../shared/gadget-bridge';
import type { WorkloadSnapshot } from '../../../src/contract/gadgets';

/**
 * Every call the SPOC workload gadget makes to its resolver (src/resolvers/spoc-gadgets.ts), to Jira and to
 * the host goes through this file. The view reads the resolver's snapshot only, so it costs no Jira call;
 * the edit view (`formApi`) asks Jira, as the signed-in person, for projects and people to choose from.
 */
export type { WorkloadGadgetConfig, WorkloadRow, WorkloadSnapshot } from '../../../src/contract/gadgets';
export { checkWorkloadConfig } from '../../../src/contract/gadgets';
export {
  gadgetFormApi as formApi,
  loadGadgetContext as loadContext,
  openIssue,
} from '../../shared/gadget-bridge';

export const viewApi = snapshotViewApi<WorkloadSnapshot>();

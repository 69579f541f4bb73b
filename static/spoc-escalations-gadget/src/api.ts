import { snapshotViewApi } from '../../shared/gadget-bridge';
import type { EscalationSnapshot } from '../../../src/contract/gadgets';

/**
 * Every call the escalation status gadget makes to its resolver (src/resolvers/spoc-gadgets.ts), to Jira and to
 * the host goes through this file. The view reads the resolver's snapshot only, so it costs no Jira call;
 * the edit view (`formApi`) asks Jira, as the signed-in person, for projects and people to choose from.
 */
export type {
  EscalationRow,
  EscalationSnapshot,
  EscalationsGadgetConfig,
} from '../../../src/contract/gadgets';
export { checkEscalationsConfig } from '../../../src/contract/gadgets';
export {
  gadgetFormApi as formApi,
  loadGadgetContext as loadContext,
  openIssue,
} from '../../shared/gadget-bridge';

export const viewApi = snapshotViewApi<EscalationSnapshot>();

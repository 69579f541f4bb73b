// The handlers named in manifest.yml, and nothing else.
export { onIssueEvent } from './triggers/on-issue-event';
export { sweep } from './triggers/sweep';
export { spocPanelResolver } from './resolvers/spoc-panel';
export { spocProjectPageResolver } from './resolvers/spoc-project-page';
export { spocWorkloadGadgetResolver, spocEscalationsGadgetResolver } from './resolvers/spoc-gadgets';

import { GadgetShell } from '../../shared/gadget-shell';
import { loadContext } from './api';
import { messages } from './messages';
import { WorkloadEdit } from './WorkloadEdit';
import { WorkloadView } from './WorkloadView';

export function App() {
  return (
    <GadgetShell loadContext={loadContext} Edit={WorkloadEdit} View={WorkloadView} messages={messages} />
  );
}

import { lazy } from 'react';
import { GadgetShell } from '../../shared/gadget-shell';
import { loadContext } from './api';
import { formTexts, messages } from './messages';
import { WorkloadView } from './WorkloadView';

// Most people only look at the gadget: the edit view's pickers load when someone configures it.
const WorkloadEdit = lazy(() => import('./WorkloadEdit'));

export function App() {
  return (
    <GadgetShell
      loadContext={loadContext}
      Edit={WorkloadEdit}
      View={WorkloadView}
      messages={{ ...messages, loadingEditor: formTexts.loadingEditor }}
    />
  );
}

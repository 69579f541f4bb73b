import { lazy } from 'react';
import { GadgetShell } from '../../shared/gadget-shell';
import { loadContext } from './api';
import { EscalationsView } from './EscalationsView';
import { formTexts, messages } from './messages';

// Most people only look at the gadget: the edit view's pickers load when someone configures it.
const EscalationsEdit = lazy(() => import('./EscalationsEdit'));

export function App() {
  return (
    <GadgetShell
      loadContext={loadContext}
      Edit={EscalationsEdit}
      View={EscalationsView}
      messages={{ ...messages, loadingEditor: formTexts.loadingEditor }}
    />
  );
}

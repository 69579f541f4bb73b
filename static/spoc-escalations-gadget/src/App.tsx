import { GadgetShell } from '../../shared/gadget-shell';
import { loadContext } from './api';
import { messages } from './messages';
import { EscalationsEdit } from './EscalationsEdit';
import { EscalationsView } from './EscalationsView';

export function App() {
  return (
    <GadgetShell
      loadContext={loadContext}
      Edit={EscalationsEdit}
      View={EscalationsView}
      messages={messages}
    />
  );
}

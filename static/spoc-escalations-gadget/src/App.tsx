import { useEffect, useState } from 'react';
import { Notice, pageStyle } from '../../shared/ui';
import { loadContext, type GadgetContext } from './api';
import { messages } from './messages';
import { EscalationsEdit } from './EscalationsEdit';
import { EscalationsView } from './EscalationsView';

/** One resource serves both entry points of the gadget: Jira says which in `extension.entryPoint`. */
export function App() {
  const [context, setContext] = useState<GadgetContext | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    loadContext().then(setContext, (e: unknown) => setError((e as Error).message));
  }, []);
  return (
    <main style={pageStyle} aria-busy={!context && !error}>
      {error && (
        <Notice tone="error" title={messages.failed}>
          <p data-testid="gadget-error">{error}</p>
        </Notice>
      )}
      {!context && !error && <p>{messages.loading}</p>}
      {context?.entryPoint === 'edit' && <EscalationsEdit config={context.config} />}
      {context?.entryPoint === 'view' && <EscalationsView config={context.config} />}
    </main>
  );
}

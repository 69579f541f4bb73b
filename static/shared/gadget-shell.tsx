import { useEffect, useState, type ComponentType } from 'react';
import type { GadgetContext } from './gadget-bridge';
import { Notice, pageStyle } from './ui';

/** One resource serves both entry points of a gadget: Jira says which in `extension.entryPoint`. */
export function GadgetShell<Config>({
  loadContext,
  Edit,
  View,
  messages,
}: {
  loadContext: () => Promise<GadgetContext<Config>>;
  Edit: ComponentType<{ config: Config }>;
  View: ComponentType<{ config: Config }>;
  messages: { readonly failed: string; readonly loading: string };
}) {
  const [context, setContext] = useState<GadgetContext<Config> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    loadContext().then(setContext, (e: unknown) => setError((e as Error).message));
  }, [loadContext]);
  return (
    <main style={pageStyle} aria-busy={!context && !error}>
      {error && (
        <Notice tone="error" title={messages.failed}>
          <p data-testid="gadget-error">{error}</p>
        </Notice>
      )}
      {!context && !error && <p>{messages.loading}</p>}
      {context?.entryPoint === 'edit' && <Edit config={context.config} />}
      {context?.entryPoint === 'view' && <View config={context.config} />}
    </main>
  );
}

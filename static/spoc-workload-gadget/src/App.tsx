import SectionMessage from '@atlaskit/section-message';
import { useEffect, useState } from 'react';
import { loadContext, type GadgetContext } from './api';
import { Edit } from './Edit';
import { messages } from './messages';
import { View } from './View';

/** One resource serves both entry points of the gadget: Jira says which in `extension.entryPoint`. */
export function App() {
  const [context, setContext] = useState<GadgetContext | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    loadContext().then(setContext, (e: unknown) => setError((e as Error).message));
  }, []);
  if (error) {
    return (
      <SectionMessage appearance="error" title={messages.failed}>
        <p data-testid="gadget-error">{error}</p>
      </SectionMessage>
    );
  }
  if (!context) return <p>{messages.loading}</p>;
  return context.entryPoint === 'edit' ? <Edit config={context.config} /> : <View config={context.config} />;
}

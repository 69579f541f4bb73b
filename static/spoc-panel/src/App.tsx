import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import { getSpocView, loadContext, type PanelContext, type SpocIssueView } from './api';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { SpocPanel } from './SpocPanel';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'ready'; readonly context: PanelContext; readonly view: SpocIssueView };

async function load(): Promise<{ context: PanelContext; view: SpocIssueView }> {
  const [context, reply] = await Promise.all([loadContext(), getSpocView()]);
  if (!reply.ok) throw new Error(reply.error);
  return { context, view: reply.data };
}

const pageStyle = {
  color: token('color.text', '#172B4D'),
  font: token('font.body', '14px sans-serif'),
  padding: token('space.025', '2px'),
};

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refresh = useCallback(() => {
    load().then(
      (loaded) => setState({ kind: 'ready', ...loaded }),
      (error: unknown) => setState({ kind: 'failed', error: (error as Error).message }),
    );
  }, []);
  useEffect(refresh, [refresh]);
  // After a refusal: show what the issue looks like now, but keep the panel (and its error) if that fails.
  const reread = useCallback(() => {
    load().then(
      (loaded) => setState({ kind: 'ready', ...loaded }),
      () => undefined,
    );
  }, []);

  return (
    <main style={pageStyle} aria-busy={state.kind === 'loading'}>
      {state.kind === 'loading' && <p data-testid="panel-loading">{messages.loading}</p>}
      {state.kind === 'failed' && (
        <Notice tone="error" title={messages.failed}>
          <p data-testid="panel-error">{state.error}</p>
          <Button onClick={refresh}>{messages.retry}</Button>
        </Notice>
      )}
      {state.kind === 'ready' && (
        <SpocPanel
          issueKey={state.context.issueKey || state.view.issueKey}
          view={state.view}
          viewer={state.context.viewer}
          {...(state.context.accountId ? { accountId: state.context.accountId } : {})}
          onStale={reread}
          onChanged={(view) =>
            setState((current) => (current.kind === 'ready' ? { ...current, view } : current))
          }
        />
      )}
      {state.kind === 'ready' && (
        <div style={{ marginTop: token('space.150', '12px') }}>
          <Button appearance="subtle" spacing="compact" onClick={refresh}>
            {messages.refresh}
          </Button>
        </div>
      )}
    </main>
  );
}

import { Component, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { GadgetContext } from './gadget-bridge';
import type { Viewer } from './time';
import { Notice, pageStyle } from './ui';

/**
 * One resource serves both entry points of a gadget: Jira says which in `extension.entryPoint`. The edit
 * view is passed in as a lazy component, so its pickers load only when someone configures the gadget; the
 * view, which everyone sees, stays small. The view is told who is looking (locale and zone, from the Forge
 * context), for every time it writes.
 */
export function GadgetShell({
  loadContext,
  Edit,
  View,
  messages,
}: {
  loadContext: () => Promise<GadgetContext>;
  Edit: ComponentType<{ saved: unknown }>;
  View: ComponentType<{ viewer: Viewer }>;
  messages: { readonly failed: string; readonly loading: string; readonly loadingEditor: string };
}) {
  const [context, setContext] = useState<GadgetContext | undefined>();
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
      {context?.entryPoint === 'edit' && (
        <LoadFailure title={messages.failed}>
          <Suspense fallback={<p>{messages.loadingEditor}</p>}>
            <Edit saved={context.saved} />
          </Suspense>
        </LoadFailure>
      )}
      {context?.entryPoint === 'view' && <View viewer={context.viewer} />}
    </main>
  );
}

/** A lazy part that could not load (a dropped connection) is reported in words instead of a blank frame. */
class LoadFailure extends Component<{ title: string; children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error: (error as Error).message };
  }
  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Notice tone="error" title={this.props.title}>
        <p data-testid="gadget-error">{this.state.error}</p>
      </Notice>
    );
  }
}

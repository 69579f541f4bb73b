import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import {
  getIssueActivity,
  getViewer,
  loadContext,
  type IssueActivity,
  type PanelContext,
  type Viewer,
} from './api';
import { messages } from './messages';

interface Loaded {
  readonly context: PanelContext;
  readonly viewer: Viewer;
  readonly activity: IssueActivity | null;
}

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | ({ readonly kind: 'ready' } & Loaded);

async function load(): Promise<Loaded> {
  const [context, viewer, reply] = await Promise.all([loadContext(), getViewer(), getIssueActivity()]);
  if (!reply.ok) throw new Error(reply.error);
  return { context, viewer, activity: reply.data };
}

const rowStyle = {
  display: 'flex',
  gap: token('space.100', '8px'),
  margin: `${token('space.050', '4px')} 0`,
};
const labelStyle = { color: token('color.text.subtle', '#44546F'), minWidth: '7rem' };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refresh = useCallback(() => {
    load().then(
      (loaded) => setState({ kind: 'ready', ...loaded }),
      (error: unknown) => setState({ kind: 'failed', error: (error as Error).message }),
    );
  }, []);
  useEffect(refresh, [refresh]);

  if (state.kind === 'loading') return <p>{messages.loading}</p>;
  if (state.kind === 'failed') {
    return (
      <SectionMessage appearance="error" title={messages.failed}>
        <p data-testid="panel-error">{state.error}</p>
      </SectionMessage>
    );
  }
  const { context, viewer, activity } = state;
  return (
    <main style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}>
      <div style={rowStyle}>
        <span style={labelStyle}>{messages.issue}</span>
        <strong data-testid="panel-issue">{context.issueKey}</strong>
        <Lozenge>{context.projectKey}</Lozenge>
      </div>
      <div style={rowStyle}>
        <span style={labelStyle}>{messages.viewer}</span>
        <span data-testid="panel-viewer">{viewer.displayName}</span>
        <code data-testid="panel-account">{context.accountId}</code>
      </div>
      <h3 style={{ font: token('font.heading.xsmall', 'bold 14px sans-serif') }}>
        {messages.activityHeading}
      </h3>
      {activity ? (
        <div data-testid="panel-activity">
          <div style={rowStyle}>
            <span style={labelStyle}>{messages.lastEvent}</span>
            <code>{activity.lastEventType}</code>
          </div>
          <div style={rowStyle}>
            <span style={labelStyle}>{messages.eventsSeen}</span>
            <span>{activity.eventsSeen}</span>
          </div>
        </div>
      ) : (
        <p data-testid="panel-activity">{messages.noActivity}</p>
      )}
      <p style={{ color: token('color.text.subtlest', '#626F86') }}>{messages.placeholder}</p>
      <Button onClick={refresh}>{messages.refresh}</Button>
    </main>
  );
}

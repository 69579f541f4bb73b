import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import {
  createHistory,
  getProject,
  getProjectOverview,
  loadContext,
  type PageContext,
  type PageHistory,
  type ProjectDetails,
  type ProjectOverview,
} from './api';
import { messages } from './messages';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | {
      readonly kind: 'ready';
      readonly context: PageContext;
      readonly project: ProjectDetails;
      readonly overview: ProjectOverview;
      readonly history: PageHistory;
    };

async function load() {
  const context = await loadContext();
  const [project, reply, history] = await Promise.all([
    getProject(context.projectKey),
    getProjectOverview(),
    createHistory(),
  ]);
  if (!reply.ok) throw new Error(reply.error);
  return { context, project, overview: reply.data, history };
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [pathname, setPathname] = useState('/');

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    load().then(
      (loaded) => {
        setState({ kind: 'ready', ...loaded });
        setPathname(loaded.history.location.pathname);
        unlisten = loaded.history.listen((location) => setPathname(location.pathname));
      },
      (error: unknown) => setState({ kind: 'failed', error: (error as Error).message }),
    );
    return () => unlisten?.();
  }, []);

  if (state.kind === 'loading') return <p>{messages.loading}</p>;
  if (state.kind === 'failed') {
    return (
      <SectionMessage appearance="error" title={messages.failed}>
        <p data-testid="page-error">{state.error}</p>
      </SectionMessage>
    );
  }
  const title = messages.subpages[pathname] ?? messages.unknownSubpage(pathname);
  const others = Object.keys(messages.subpages).filter((path) => path !== pathname && path !== '/');
  return (
    <main style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}>
      <h2 data-testid="page-title" style={{ font: token('font.heading.medium', 'bold 20px sans-serif') }}>
        {title}
      </h2>
      <p data-testid="page-pathname">
        <code>{pathname}</code>
      </p>
      <p data-testid="page-project">{messages.project(state.project.name, state.project.key)}</p>
      <p data-testid="page-overview">
        {messages.openIssues(state.overview.openIssues, state.overview.projectKey)}
      </p>
      <p data-testid="page-viewer">{messages.viewer(state.context.accountId ?? '')}</p>
      <p style={{ color: token('color.text.subtlest', '#626F86') }}>{messages.placeholder}</p>
      <nav style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px') }}>
        {others.map((path) => (
          <Button key={path} appearance="subtle" onClick={() => state.history.push(path)}>
            {`${messages.goTo} ${messages.subpages[path]}`}
          </Button>
        ))}
      </nav>
    </main>
  );
}

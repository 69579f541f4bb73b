import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import {
  canAdministerProject,
  createHistory,
  getProject,
  getProjectOverview,
  loadContext,
  type PageContext,
  type PageHistory,
  type ProjectDetails,
  type ProjectOverview,
} from './api';
import { Availability } from './Availability';
import { Clients } from './Clients';
import { Escalations } from './Escalations';
import { ImportExport } from './ImportExport';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { Policy } from './Policy';
import { Reports } from './Reports';
import { TriageQueue, VettedQueue } from './Queues';

/**
 * The SPOC project page: one frame for every subpage of the manifest; the host's history says which one
 * shows, and moving between them never reloads the frame.
 */
type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | {
      readonly kind: 'ready';
      readonly context: PageContext;
      readonly project: ProjectDetails;
      readonly overview: ProjectOverview;
      readonly history: PageHistory;
      readonly isAdmin: boolean;
    };

async function load() {
  const context = await loadContext();
  const [project, reply, history, isAdmin] = await Promise.all([
    getProject(context.projectKey),
    getProjectOverview(),
    createHistory(),
    canAdministerProject(context.projectKey),
  ]);
  if (!reply.ok) throw new Error(reply.error);
  return { context, project, overview: reply.data, history, isAdmin };
}

function Subpage({
  pathname,
  projectKey,
  isAdmin,
}: {
  pathname: string;
  projectKey: string;
  isAdmin: boolean;
}) {
  switch (pathname) {
    case '/':
    case '/triage':
      return <TriageQueue />;
    case '/vetted':
      return <VettedQueue projectKey={projectKey} />;
    case '/clients':
      return <Clients projectKey={projectKey} isAdmin={isAdmin} />;
    case '/escalations':
      return <Escalations projectKey={projectKey} />;
    case '/reports':
      return <Reports projectKey={projectKey} />;
    case '/availability':
      return <Availability />;
    case '/policy':
      return <Policy isAdmin={isAdmin} />;
    case '/import-export':
      return <ImportExport isAdmin={isAdmin} />;
    default:
      return (
        <p data-testid="not-yet" style={{ color: token('color.text.subtlest', '#626F86') }}>
          {messages.notYet}
        </p>
      );
  }
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
      <Notice tone="error" title={messages.failed}>
        <p data-testid="page-error">{state.error}</p>
      </Notice>
    );
  }
  const title = messages.subpages[pathname] ?? messages.unknownSubpage(pathname);
  const others = Object.keys(messages.subpages).filter((path) => path !== pathname && path !== '/');
  const subtle = { color: token('color.text.subtle', '#44546F'), margin: 0 };
  return (
    <main style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}>
      <header>
        <h2 data-testid="page-title" style={{ font: token('font.heading.medium', 'bold 20px sans-serif') }}>
          {title}
        </h2>
        <p style={subtle}>
          <span data-testid="page-project">{messages.project(state.project.name, state.project.key)}</span>
          {' · '}
          <span data-testid="page-overview">
            {messages.openIssues(state.overview.openIssues, state.overview.projectKey)}
          </span>
        </p>
        <p style={{ ...subtle, font: token('font.body.small', '12px sans-serif') }}>
          <span data-testid="page-viewer">{messages.viewer(state.context.accountId ?? '')}</span>
          {' · '}
          <code data-testid="page-pathname">{pathname}</code>
        </p>
      </header>
      <div data-testid="subpage" key={pathname} style={{ marginTop: token('space.200', '16px') }}>
        <Subpage pathname={pathname} projectKey={state.project.key} isAdmin={state.isAdmin} />
      </div>
      <nav
        aria-label={messages.subpageNav}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: token('space.100', '8px'),
          marginTop: token('space.300', '24px'),
        }}
      >
        {others.map((path) => (
          <Button key={path} appearance="subtle" onClick={() => state.history.push(path)}>
            {`${messages.goTo} ${messages.subpages[path]}`}
          </Button>
        ))}
      </nav>
    </main>
  );
}

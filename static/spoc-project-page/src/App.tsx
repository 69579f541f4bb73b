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
import { Availability } from './Availability';
import { Clients } from './Clients';
import { Escalations } from './Escalations';
import { ImportExport } from './ImportExport';
import { messages } from './messages';
import { NavigateContext } from './navigation';
import { Notice } from '../../shared/notice';
import { Policy } from './Policy';
import { Reports } from './Reports';
import { TriageQueue, VettedQueue } from './Queues';

/**
 * The SPOC project page: one frame for every subpage of the manifest; the host's history says which one
 * shows, and moving between them never reloads the frame. Jira's side navigation lists the subpages.
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

function Subpage({
  pathname,
  projectKey,
  accountId,
}: {
  pathname: string;
  projectKey: string;
  accountId: string;
}) {
  switch (pathname) {
    case '/triage':
      return <TriageQueue />;
    case '/vetted':
      return <VettedQueue projectKey={projectKey} />;
    case '/clients':
      return <Clients projectKey={projectKey} accountId={accountId} />;
    case '/escalations':
      return <Escalations projectKey={projectKey} />;
    case '/reports':
      return <Reports projectKey={projectKey} />;
    case '/availability':
      return <Availability projectKey={projectKey} />;
    case '/policy':
      return <Policy />;
    case '/import-export':
      return <ImportExport />;
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
        // The page's own entry (no subpage) opens where the caller's work is, replacing it in the history.
        const landing = loaded.overview.landing.subpage;
        const at = loaded.history.location.pathname;
        if (at === '/' && landing) loaded.history.replace(landing);
        setPathname(at === '/' && landing ? landing : at);
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
  const subtle = { color: token('color.text.subtle', '#44546F'), margin: 0 };
  return (
    <NavigateContext.Provider value={(path) => state.history.push(path)}>
      <main
        data-pathname={pathname}
        style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}
      >
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
        </header>
        <div data-testid="subpage" key={pathname} style={{ marginTop: token('space.200', '16px') }}>
          {state.overview.canSeeConfiguration ? (
            <Subpage
              pathname={pathname}
              projectKey={state.project.key}
              accountId={state.context.accountId ?? ''}
            />
          ) : (
            <Notice tone="information" testId="not-for-you" title={messages.notForYouTitle}>
              <p>{state.overview.landing.reason}</p>
              <p>{messages.notForYou(state.project.key)}</p>
            </Notice>
          )}
        </div>
      </main>
    </NavigateContext.Provider>
  );
}

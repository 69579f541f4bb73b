import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Badge, TRIAGE_STATE_APPEARANCE, type BadgeAppearance } from '../../shared/badge';
import { Notice } from '../../shared/notice';
import { formatDayAndTime } from '../../shared/time';
import { flag, refreshIssueView, type SpocIssueView, type TriageActionName, type Viewer } from './api';
import { LoadBoundary } from './LoadBoundary';
import { ClientTurn } from './ClientTurn';
import { actionTexts, clientTurnTexts, messages, responseStatusNames, spocStatusNames } from './messages';
import { availabilitySentence, dueWords, localTimeWords, roleSentence } from './phrases';
import { useNow } from './useNow';

// The confirmation form (text fields and the person picker) is not needed for the first paint.
const ActionForm = lazy(() => import('./ActionForm'));

const RESPONSE_APPEARANCE: Record<keyof typeof responseStatusNames, BadgeAppearance> = {
  'not-running': 'default',
  'on-track': 'success',
  'at-risk': 'moved',
  breached: 'removed',
};

const SPOC_APPEARANCE: Record<keyof typeof spocStatusNames, BadgeAppearance> = {
  available: 'success',
  away: 'removed',
  'at-capacity': 'moved',
  'off-shift': 'default',
};

const subtle = { color: token('color.text.subtle', '#44546F') };
const headingStyle = {
  font: token('font.heading.xsmall', '600 14px/16px sans-serif'),
  margin: `${token('space.200', '16px')} 0 ${token('space.075', '6px')}`,
};
const rowStyle = {
  display: 'flex',
  flexWrap: 'wrap' as const,
  alignItems: 'baseline',
  gap: token('space.100', '8px'),
  margin: `${token('space.050', '4px')} 0`,
};
const labelStyle = { ...subtle, minWidth: '8rem', font: token('font.body.small', '12px sans-serif') };
const listStyle = { margin: 0, paddingInlineStart: token('space.250', '20px') };

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={rowStyle}>
      <span style={labelStyle}>{label}</span>
      <span data-testid={testId}>{children}</span>
    </div>
  );
}

export interface SpocPanelProps {
  readonly issueKey: string;
  readonly view: SpocIssueView;
  /** The signed-in person's locale and zone, from the Forge context. */
  readonly viewer: Viewer;
  /** The signed-in person's account id, from the Forge context. */
  readonly accountId?: string;
  readonly onChanged: (view: SpocIssueView) => void;
  /** Reads the issue's view again (after a refusal, when someone else may have acted meanwhile). */
  readonly onStale: () => void;
}

export function SpocPanel({ issueKey, view, viewer, accountId, onChanged, onStale }: SpocPanelProps) {
  const [active, setActive] = useState<TriageActionName | null>(null);
  const now = useNow(view.now);
  const when = (iso: string) => formatDayAndTime(iso, viewer, now);
  const formId = useId();
  const stateRow = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<TriageActionName, HTMLButtonElement | null>());
  // Where focus goes once a closed form has left the page (after the commit, so the new view is there).
  const returnFocusTo = useRef<TriageActionName | null>(null);
  useEffect(() => {
    const action = returnFocusTo.current;
    if (action === null || active !== null) return;
    returnFocusTo.current = null;
    // Back to the action's button; when the action took it away, to the issue's new state.
    (buttons.current.get(action) ?? stateRow.current)?.focus();
  });

  if (!view.routed) {
    return (
      <div data-testid="panel-not-routed">
        <div style={rowStyle}>
          <strong data-testid="panel-issue">{view.issueKey || issueKey}</strong>
        </div>
        <Notice tone="information" title={messages.notRouted}>
          {messages.notRoutedBody}
        </Notice>
      </div>
    );
  }

  const youAre = roleSentence(view.callerRoles, {
    clientName: view.client?.name ?? null,
    spocName: view.spoc?.displayName ?? null,
  });
  // Said above the entries kept, which a client's view leaves out.
  const olderLeftOut = view.droppedHistoryEntries > 0 && view.history.length > 0;
  const forClient = view.audience === 'client';
  // A client sees neither routing nor history: no heading for what is not there.
  const showWhy = !forClient && (view.summary !== null || view.reasons.length > 0);
  const showHistory = !forClient && view.history.length > 0;
  // A client asked for information reads it where their actions would be: it is their turn.
  const clientsTurn = forClient && view.clientTurn !== null;
  const close = (focusOn: TriageActionName) => {
    returnFocusTo.current = focusOn;
    setActive(null);
  };

  return (
    <div data-testid="spoc-panel">
      <div
        style={{ ...rowStyle, outlineOffset: '2px' }}
        ref={stateRow}
        tabIndex={-1}
        data-testid="panel-summary"
      >
        <strong data-testid="panel-issue">{view.issueKey}</strong>
        {view.state && (
          <span data-testid="panel-state">
            <Badge appearance={TRIAGE_STATE_APPEARANCE[view.state]} isBold>
              {view.stateLabel ?? view.state}
            </Badge>
          </span>
        )}
        {view.escalationLevel > 0 && (
          <span data-testid="panel-escalation">
            <Badge appearance="removed">{messages.escalation(view.escalationLevel)}</Badge>
          </span>
        )}
        {view.bounceBacks > 0 && (
          <span data-testid="panel-bounce-backs">
            <Badge appearance="moved">{messages.bounceBacks(view.bounceBacks)}</Badge>
          </span>
        )}
      </div>

      <Row label={messages.client} testId="panel-client">
        {view.client?.name ?? '—'}
      </Row>
      <Row label={messages.spoc} testId="panel-spoc">
        <strong>{view.spoc?.displayName ?? messages.noSpoc}</strong>
        {view.spocNow && (
          <>
            {' '}
            <Badge appearance={SPOC_APPEARANCE[view.spocNow.status]}>
              {spocStatusNames[view.spocNow.status]}
            </Badge>
          </>
        )}
      </Row>
      {view.spocNow && (
        <div style={{ ...rowStyle, ...subtle }} data-testid="panel-spoc-now">
          <span style={{ minWidth: '8rem' }} />
          <span>
            {localTimeWords(view.spocNow.timeZone, viewer, now)}.{' '}
            {availabilitySentence(view.spoc?.displayName ?? messages.theSpoc, view.spocNow, viewer, now)}
          </span>
        </div>
      )}
      <Row label={messages.responseDue} testId="panel-due">
        {view.dueAt ? dueWords(view.dueAt, viewer, now) : messages.noDueTime}
        {view.responseStatus && view.responseStatus !== 'not-running' && (
          <>
            {' '}
            <Badge appearance={RESPONSE_APPEARANCE[view.responseStatus]}>
              {responseStatusNames[view.responseStatus]}
            </Badge>
          </>
        )}
      </Row>
      {view.routedAt && (
        <Row label={messages.routedAt} testId="panel-routed-at">
          {when(view.routedAt)}
        </Row>
      )}
      {view.vettedAt && (
        <Row label={messages.vettedAt} testId="panel-vetted-at">
          {when(view.vettedAt)}
        </Row>
      )}
      {view.duplicateOf && <Row label={messages.duplicateOf}>{view.duplicateOf}</Row>}

      {view.pendingJiraUpdates && <Notice tone="information">{messages.pending}</Notice>}
      {!forClient && <ClientTurn view={view} accountId={accountId} viewer={viewer} now={now} />}

      {showWhy && (
        <>
          <h3 style={headingStyle}>{messages.whyHeading}</h3>
          {view.summary && <p style={{ margin: 0 }}>{view.summary}</p>}
          <ol style={listStyle} data-testid="panel-reasons">
            {view.reasons
              .filter((reason) => reason !== view.summary)
              .map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
          </ol>
        </>
      )}

      {view.notices.length > 0 && (
        <Notice tone="warning" title={messages.noticesHeading}>
          <ul style={listStyle} data-testid="panel-notices">
            {view.notices.map((notice, i) => (
              <li key={i}>
                <span style={subtle}>{when(notice.at)}: </span>
                {notice.text}
              </li>
            ))}
          </ul>
        </Notice>
      )}

      <h3 style={headingStyle}>{clientsTurn ? clientTurnTexts.heading : messages.actionsHeading}</h3>
      {clientsTurn && <ClientTurn view={view} accountId={accountId} viewer={viewer} now={now} />}
      {youAre && (
        <p style={{ ...subtle, margin: 0 }} data-testid="panel-roles">
          {youAre}
        </p>
      )}
      {clientsTurn ? null : view.allowedActions.length === 0 ? (
        <p style={subtle} data-testid="panel-no-actions">
          {messages.noActions}
        </p>
      ) : (
        <div
          role="group"
          aria-label={messages.actionsHeading}
          data-testid="panel-actions"
          style={{ ...rowStyle, marginTop: token('space.100', '8px') }}
        >
          {view.allowedActions.map((action) => (
            <Button
              key={action}
              ref={(element: HTMLButtonElement | null) => buttons.current.set(action, element)}
              appearance={action === 'accept-for-delivery' ? 'primary' : 'default'}
              aria-expanded={active === action}
              aria-controls={active === action ? formId : undefined}
              onClick={() => setActive(active === action ? null : action)}
              testId={`action-${action}`}
            >
              {actionTexts[action].button}
            </Button>
          ))}
        </div>
      )}
      {active && (
        <LoadBoundary key={active} message={messages.formLoadFailed}>
          <Suspense fallback={<p style={subtle}>{messages.loading}</p>}>
            <ActionForm
              action={active}
              id={formId}
              issueKey={view.issueKey || issueKey}
              spocAccountId={view.spoc?.accountId ?? null}
              viewer={viewer}
              appNow={view.now}
              onCancel={() => close(active)}
              onRefused={onStale}
              onDone={(reply) => {
                onChanged(reply.view);
                flag('success', actionTexts[active].button, reply.summary);
                close(active);
                // Every action changes the issue in Jira (assignee, SPOC field, labels, comments): show it.
                void refreshIssueView();
              }}
            />
          </Suspense>
        </LoadBoundary>
      )}

      {showHistory && (
        <details style={{ marginTop: token('space.200', '16px') }} data-testid="panel-history">
          <summary style={{ cursor: 'pointer', font: token('font.heading.xsmall', '600 14px sans-serif') }}>
            {messages.historyHeading(view.history.length + (olderLeftOut ? 1 : 0))}
          </summary>
          <ol style={listStyle}>
            {olderLeftOut && <li>{messages.olderHistory(view.droppedHistoryEntries)}</li>}
            {view.history.map((entry, i) => (
              <li key={i}>
                <span style={subtle}>{when(entry.at)}: </span>
                {entry.by?.displayName ?? messages.theApp}: {entry.what}
                {entry.note && ` (${entry.note})`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

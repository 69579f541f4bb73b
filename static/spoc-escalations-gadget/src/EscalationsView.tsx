import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  cellStyle,
  elapsed,
  headStyle,
  Notice,
  Stat,
  StatRow,
  subtleText,
  tableStyle,
  type Tone,
} from '../../shared/ui';
import {
  getSnapshot,
  onDashboardRefresh,
  openIssue,
  type EscalationRow,
  type EscalationSnapshot,
  type EscalationsConfig,
} from './api';
import { messages, responseNames } from './messages';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'ready'; readonly snapshot: EscalationSnapshot };

const RESPONSE_TONE: Record<EscalationRow['response'], Tone> = {
  breached: 'danger',
  'at-risk': 'warning',
  'on-track': 'success',
  'not-running': 'neutral',
};

/** The gadget's view: one resolver call, then totals and the most urgent issues. */
export function EscalationsView({ config }: { readonly config: EscalationsConfig }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(() => {
    getSnapshot().then((reply) =>
      setState(reply.ok ? { kind: 'ready', snapshot: reply.data } : { kind: 'failed', error: reply.error }),
    );
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const unsubscribe = onDashboardRefresh(load);
    return () =>
      void unsubscribe.then(
        (stop) => stop(),
        () => undefined,
      );
  }, [load]);

  if (state.kind === 'loading') return <p>{messages.loading}</p>;
  if (state.kind === 'failed') {
    return (
      <Notice tone="error" title={messages.failed}>
        <p data-testid="gadget-error">{state.error}</p>
        <Button onClick={load}>{messages.retry}</Button>
      </Notice>
    );
  }
  const { snapshot } = state;
  const { totals } = snapshot;
  const levels = Object.entries(totals.byLevel).sort(([a], [b]) => Number(a) - Number(b));
  const alert = config.breachedAlert !== undefined && totals.breached >= config.breachedAlert;
  return (
    <div data-testid="escalations-gadget">
      <p data-testid="gadget-snapshot" style={subtleText}>
        {messages.scope(config.projectKey)} · {messages.snapshot(snapshot.takenAt, snapshot.rows.length)}
      </p>
      {alert && config.breachedAlert !== undefined && (
        <Notice tone="warning" testId="breached-alert">
          {messages.alert(totals.breached, config.breachedAlert)}
        </Notice>
      )}
      <StatRow label={messages.totals}>
        <Stat label={messages.breached} value={totals.breached} tone="danger" testId="total-breached" />
        <Stat label={messages.atRisk} value={totals.atRisk} tone="warning" testId="total-at-risk" />
        <Stat label={messages.unrouted} value={totals.unrouted} testId="total-unrouted" />
        {levels.length === 0 ? (
          <Stat label={messages.noLevels} value={0} tone="information" testId="total-level-none" />
        ) : (
          levels.map(([level, count]) => (
            <Stat
              key={level}
              label={messages.level(level)}
              value={count}
              tone="information"
              testId={`total-level-${level}`}
            />
          ))
        )}
      </StatRow>
      {snapshot.rows.length === 0 ? (
        <Notice tone="information" testId="escalations-empty">
          {messages.empty}
        </Notice>
      ) : (
        <table style={tableStyle} data-testid="escalations-table">
          <caption style={{ ...subtleText, textAlign: 'start' }}>{messages.title}</caption>
          <thead>
            <tr>
              {[messages.issue, messages.levelHeading, messages.response, messages.age, messages.spoc].map(
                (h) => (
                  <th key={h} scope="col" style={headStyle}>
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {snapshot.rows.map((row) => (
              <Row key={row.issueKey} row={row} takenAt={snapshot.takenAt} />
            ))}
          </tbody>
        </table>
      )}
      <div style={{ marginTop: token('space.100', '8px') }}>
        <Button appearance="subtle" spacing="compact" onClick={load}>
          {messages.refresh}
        </Button>
      </div>
    </div>
  );
}

function Row({ row, takenAt }: { row: EscalationRow; takenAt: string }) {
  const age = elapsed(row.routedAt, takenAt);
  return (
    <tr data-testid={`escalation-row-${row.issueKey}`}>
      <th scope="row" style={{ ...cellStyle, fontWeight: 'normal' }}>
        <a
          href={`/browse/${row.issueKey}`}
          aria-label={`${messages.openIssue(row.issueKey)}: ${row.summary}`}
          onClick={(event) => {
            event.preventDefault();
            void openIssue(row.issueKey);
          }}
          style={{ color: token('color.link', '#0C66E4') }}
        >
          {row.issueKey}
        </a>{' '}
        {row.summary}
        <div style={subtleText}>{row.clientName}</div>
      </th>
      <td style={cellStyle} data-testid="level">
        {row.escalationLevel}
      </td>
      <td style={cellStyle} data-testid="response">
        <Badge tone={RESPONSE_TONE[row.response]}>{responseNames[row.response]}</Badge>
      </td>
      <td style={{ ...cellStyle, whiteSpace: 'nowrap' }} data-testid="age">
        {messages.ageText(age.days, age.hours, age.minutes)}
      </td>
      <td style={cellStyle} data-testid="spoc">
        {row.spoc ? row.spoc.displayName : <span style={subtleText}>{messages.nobody}</span>}
      </td>
    </tr>
  );
}

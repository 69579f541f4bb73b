import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  CHART_COLOURS,
  cellStyle,
  elapsed,
  headStyle,
  Meter,
  Notice,
  StackedBarChart,
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
  type WorkloadConfig,
  type WorkloadRow,
  type WorkloadSnapshot,
} from './api';
import { messages, statusNames } from './messages';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'ready'; readonly snapshot: WorkloadSnapshot };

const STATUS_TONE: Record<WorkloadRow['status'], Tone> = {
  available: 'success',
  away: 'neutral',
  'at-capacity': 'danger',
  'off-shift': 'warning',
};

/** The gadget's view: one resolver call, then numbers per SPOC, a chart and a table. */
export function WorkloadView({ config }: { readonly config: WorkloadConfig }) {
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
  const chosen = config.spocAccountIds ?? [];
  const rows = chosen.length > 0 ? snapshot.rows.filter((r) => chosen.includes(r.accountId)) : snapshot.rows;
  const sum = (pick: (r: WorkloadRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return (
    <div data-testid="workload-gadget">
      <p data-testid="gadget-snapshot" style={subtleText}>
        {messages.scope(config.projectKey)} · {messages.snapshot(snapshot.takenAt, rows.length)}
      </p>
      {rows.length === 0 ? (
        <Notice tone="information" testId="workload-empty">
          {messages.empty}
        </Notice>
      ) : (
        <>
          <StatRow label={messages.totals}>
            <Stat
              label={messages.awaitingTriage}
              value={sum((r) => r.awaitingTriage)}
              tone="information"
              testId="total-awaiting"
            />
            <Stat
              label={messages.informationRequested}
              value={sum((r) => r.informationRequested)}
              testId="total-info"
            />
            <Stat label={messages.open} value={sum((r) => r.open)} testId="total-open" />
          </StatRow>
          <StackedBarChart
            testId="workload-chart"
            summary={messages.chartSummary(rows)}
            series={[
              { name: messages.awaitingTriage, colour: CHART_COLOURS[0] },
              { name: messages.informationRequested, colour: CHART_COLOURS[1] },
              { name: messages.otherOpen, colour: CHART_COLOURS[2] },
            ]}
            rows={rows.map((r) => ({
              label: r.displayName,
              values: [
                r.awaitingTriage,
                r.informationRequested,
                Math.max(0, r.open - r.awaitingTriage - r.informationRequested),
              ],
            }))}
          />
          <table style={tableStyle} data-testid="workload-table">
            <caption style={{ ...subtleText, textAlign: 'start' }}>{messages.title}</caption>
            <thead>
              <tr>
                {[
                  messages.spoc,
                  messages.awaitingTriage,
                  messages.informationRequested,
                  messages.open,
                  messages.capacity,
                  messages.now,
                  messages.oldestWaiting,
                ].map((h) => (
                  <th key={h} scope="col" style={headStyle}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row
                  key={row.accountId}
                  row={row}
                  takenAt={snapshot.takenAt}
                  warnPercent={config.capacityWarnPercent}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
      <div style={{ marginTop: token('space.100', '8px') }}>
        <Button appearance="subtle" spacing="compact" onClick={load}>
          {messages.refresh}
        </Button>
      </div>
    </div>
  );
}

function Row({ row, takenAt, warnPercent }: { row: WorkloadRow; takenAt: string; warnPercent: number }) {
  const oldest = row.oldestWaiting;
  const age = oldest ? elapsed(oldest.since, takenAt) : undefined;
  return (
    <tr data-testid={`workload-row-${row.accountId}`}>
      <th scope="row" style={{ ...cellStyle, fontWeight: token('font.weight.medium', '500') }}>
        {row.displayName}
      </th>
      <td style={cellStyle} data-testid="awaiting">
        {row.awaitingTriage}
      </td>
      <td style={cellStyle} data-testid="info">
        {row.informationRequested}
      </td>
      <td style={cellStyle} data-testid="open">
        {row.open}
      </td>
      <td style={cellStyle} data-testid="capacity">
        {row.capacity === null ? (
          <span style={subtleText}>{messages.noLimit}</span>
        ) : (
          <>
            <Meter
              value={row.open}
              max={row.capacity}
              warnPercent={warnPercent}
              label={messages.capacityLabel(row.displayName, row.open, row.capacity)}
            />
            <div style={subtleText}>{messages.ofCapacity(row.open, row.capacity)}</div>
          </>
        )}
      </td>
      <td style={cellStyle} data-testid="status" title={row.statusText}>
        <Badge tone={STATUS_TONE[row.status]}>{statusNames[row.status]}</Badge>
      </td>
      <td style={cellStyle} data-testid="oldest">
        {oldest && age ? (
          <>
            <a
              href={`/browse/${oldest.issueKey}`}
              aria-label={messages.openIssue(oldest.issueKey)}
              onClick={(event) => {
                event.preventDefault();
                void openIssue(oldest.issueKey);
              }}
              style={{ color: token('color.link', '#0C66E4'), whiteSpace: 'nowrap' }}
            >
              {oldest.issueKey}
            </a>{' '}
            <span style={subtleText}>{messages.waitingFor(age.days, age.hours, age.minutes)}</span>
          </>
        ) : (
          <span style={subtleText}>{messages.nothingWaiting}</span>
        )}
      </td>
    </tr>
  );
}

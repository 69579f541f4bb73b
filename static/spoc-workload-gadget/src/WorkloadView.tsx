import { token } from '@atlaskit/tokens';
import { GadgetTable, IssueLink, SnapshotLine, SnapshotView, type Column } from '../../shared/gadget-table';
import {
  Badge,
  CHART_COLOURS,
  elapsed,
  Meter,
  Notice,
  StackedBarChart,
  Stat,
  StatRow,
  subtleText,
  type Tone,
} from '../../shared/ui';
import { openIssue, viewApi, type WorkloadRow, type WorkloadSnapshot } from './api';
import { messages, statusNames } from './messages';

const STATUS_TONE: Record<WorkloadRow['status'], Tone> = {
  available: 'success',
  away: 'neutral',
  'at-capacity': 'danger',
  'off-shift': 'warning',
  'no-profile': 'neutral',
};

/** The gadget's view: one resolver call (filtered there by the saved settings), then totals, a chart and a table. */
export function WorkloadView() {
  return (
    <SnapshotView api={viewApi} texts={messages} testId="workload-gadget">
      {(snapshot) => <Workload snapshot={snapshot} />}
    </SnapshotView>
  );
}

function Workload({ snapshot }: { snapshot: WorkloadSnapshot }) {
  const { rows, totals, config } = snapshot;
  const columns: Column<WorkloadRow>[] = [
    {
      header: messages.spoc,
      rowHeader: true,
      cell: (row) => row.displayName,
      style: { fontWeight: token('font.weight.medium', '500') },
    },
    { header: messages.awaitingTriage, testId: 'awaiting', cell: (row) => row.awaitingTriage },
    { header: messages.informationRequested, testId: 'info', cell: (row) => row.informationRequested },
    { header: messages.open, testId: 'open', cell: (row) => row.open },
    { header: messages.capacity, testId: 'capacity', cell: (row) => <Capacity row={row} /> },
    {
      header: messages.now,
      testId: 'status',
      cell: (row) => <Badge tone={STATUS_TONE[row.status]}>{statusNames[row.status]}</Badge>,
    },
    {
      header: messages.oldestWaiting,
      testId: 'oldest',
      cell: (row) => <Oldest row={row} takenAt={snapshot.takenAt} />,
    },
  ];
  return (
    <>
      <SnapshotLine>
        {messages.scope(snapshot)} · {messages.spocsShown(rows.length, snapshot.matched)},{' '}
        {messages.asOf(snapshot.takenAt)}
      </SnapshotLine>
      {rows.length === 0 ? (
        <Notice tone="information" testId="workload-empty">
          {messages.empty}
        </Notice>
      ) : (
        <>
          <StatRow label={messages.totals}>
            <Stat
              label={messages.awaitingTriage}
              value={totals.awaitingTriage}
              tone="information"
              testId="total-awaiting"
            />
            <Stat
              label={messages.informationRequested}
              value={totals.informationRequested}
              testId="total-info"
            />
            <Stat label={messages.open} value={totals.open} testId="total-open" />
            <Stat
              label={messages.nearlyFull(config.capacityWarnPercent)}
              value={totals.nearlyFull}
              tone="warning"
              testId="total-nearly-full"
            />
            <Stat label={messages.full} value={totals.full} tone="danger" testId="total-full" />
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
          <GadgetTable
            caption={messages.title}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.accountId}
            rowTestId={(row) => `workload-row-${row.accountId}`}
            testId="workload-table"
          />
        </>
      )}
    </>
  );
}

function Capacity({ row }: { row: WorkloadRow }) {
  if (row.capacity === null) return <span style={subtleText}>{messages.noLimit}</span>;
  return (
    <>
      <Meter
        value={row.open}
        max={row.capacity}
        level={row.load === 'no-limit' ? 'under' : row.load}
        label={messages.capacityLabel(row.displayName, row.open, row.capacity)}
      />
      <div style={subtleText}>{messages.ofCapacity(row.open, row.capacity)}</div>
    </>
  );
}

function Oldest({ row, takenAt }: { row: WorkloadRow; takenAt: string }) {
  const oldest = row.oldestWaiting;
  if (!oldest) return <span style={subtleText}>{messages.nothingWaiting}</span>;
  const age = elapsed(oldest.since, takenAt);
  return (
    <>
      <IssueLink issueKey={oldest.issueKey} label={messages.openIssue(oldest.issueKey)} open={openIssue} />{' '}
      <span style={subtleText}>{messages.waitingFor(age.days, age.hours, age.minutes)}</span>
    </>
  );
}

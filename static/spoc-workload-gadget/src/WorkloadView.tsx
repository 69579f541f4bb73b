import { token } from '@atlaskit/tokens';
import { useFrameWidth } from '../../shared/gadget-layout';
import {
  GadgetRows,
  IssueLink,
  SnapshotLine,
  SnapshotView,
  type Column,
  type ViewTime,
} from '../../shared/gadget-table';
import { Moment } from '../../shared/gadget-time';
import type { Viewer } from '../../shared/time';
import {
  Badge,
  CHART_COLOURS,
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

/** Below this the seven columns would squeeze to a word a line: the SPOCs are stacked as cards instead. */
const MIN_TABLE_WIDTH = 560;

/** The gadget's view: one resolver call (filtered there by the saved settings), then totals, a chart and the SPOCs. */
export function WorkloadView({ viewer }: { viewer: Viewer }) {
  return (
    <SnapshotView api={viewApi} texts={messages} testId="workload-gadget" viewer={viewer}>
      {(snapshot, time) => <Workload snapshot={snapshot} time={time} />}
    </SnapshotView>
  );
}

function Workload({ snapshot, time }: { snapshot: WorkloadSnapshot; time: ViewTime }) {
  const { rows, totals, config } = snapshot;
  const width = useFrameWidth();
  const columns: Column<WorkloadRow>[] = [
    { header: messages.spoc, rowHeader: true, cell: (row) => <SpocName row={row} /> },
    { header: messages.awaitingTriage, testId: 'awaiting', cell: (row) => row.awaitingTriage },
    { header: messages.informationRequested, testId: 'info', cell: (row) => row.informationRequested },
    { header: messages.open, testId: 'open', cell: (row) => row.open },
    { header: messages.capacity, testId: 'capacity', cell: (row) => <Capacity row={row} /> },
    { header: messages.now, testId: 'status', cell: (row) => <Status row={row} time={time} /> },
    { header: messages.oldestWaiting, testId: 'oldest', cell: (row) => <Oldest row={row} time={time} /> },
  ];
  return (
    <>
      <SnapshotLine>
        {messages.scope(snapshot)} · {messages.spocsShown(rows.length, snapshot.matched)},{' '}
        {messages.asOf(snapshot.takenAt, time.viewer, time.now)}
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
            width={Math.min(Math.max(width - 8, 240), 520)}
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
          <GadgetRows
            caption={messages.title}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.accountId}
            rowTestId={(row) => `workload-row-${row.accountId}`}
            testId="workload-table"
            minTableWidth={MIN_TABLE_WIDTH}
          />
        </>
      )}
    </>
  );
}

/**
 * The SPOC's name on one line. It sits in a row of its own so that a per-SPOC flag (issue 11's burnout
 * signal) can go beside it without moving any column.
 */
function SpocName({ row }: { row: WorkloadRow }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050', '4px') }}>
      <span
        data-testid="spoc-name"
        style={{ fontWeight: token('font.weight.medium', '500'), whiteSpace: 'nowrap' }}
      >
        {row.displayName}
      </span>
    </span>
  );
}

function Capacity({ row }: { row: WorkloadRow }) {
  if (row.capacity === null) return <span style={subtleText}>{messages.noLimit}</span>;
  // The meter and its numbers may part onto two lines in a squeezed table column; each stays whole.
  return (
    <span>
      <Meter
        value={row.open}
        max={row.capacity}
        level={row.load === 'no-limit' ? 'under' : row.load}
        label={messages.capacityLabel(row.displayName, row.open, row.capacity)}
      />{' '}
      <span style={{ ...subtleText, whiteSpace: 'nowrap' }}>
        {messages.ofCapacity(row.open, row.capacity)}
      </span>
    </span>
  );
}

/** Their status now, and when it changes, in the viewer's zone. */
function Status({ row, time }: { row: WorkloadRow; time: ViewTime }) {
  const until = row.statusUntil;
  const detail =
    until === null
      ? messages.statusDetail[row.status]
      : row.status === 'off-shift'
        ? messages.startsIn(messages.fromNow(until, time.viewer, time.now))
        : row.status === 'away'
          ? messages.backOn(messages.dayAndTime(until, time.viewer, time.now))
          : messages.workingUntil(messages.dayAndTime(until, time.viewer, time.now));
  return (
    <>
      <Badge tone={STATUS_TONE[row.status]}>{statusNames[row.status]}</Badge>{' '}
      {detail &&
        (until === null ? (
          <span style={{ ...subtleText, whiteSpace: 'nowrap' }}>{detail}</span>
        ) : (
          <span style={subtleText}>
            <Moment at={until} viewer={time.viewer}>
              {detail}
            </Moment>
          </span>
        ))}
    </>
  );
}

function Oldest({ row, time }: { row: WorkloadRow; time: ViewTime }) {
  const oldest = row.oldestWaiting;
  if (!oldest) return <span style={{ ...subtleText, whiteSpace: 'nowrap' }}>{messages.nothingWaiting}</span>;
  // The key and how long it has waited may part onto two lines; each stays whole.
  return (
    <span>
      <IssueLink issueKey={oldest.issueKey} label={messages.openIssue(oldest.issueKey)} open={openIssue} />{' '}
      <span style={subtleText}>
        <Moment at={oldest.since} viewer={time.viewer}>
          {messages.fromNow(oldest.since, time.viewer, time.now)}
        </Moment>
      </span>
    </span>
  );
}

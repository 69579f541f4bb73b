import { token } from '@atlaskit/tokens';
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
import { Badge, Notice, Stat, StatRow, subtleText, type Tone } from '../../shared/ui';
import { openIssue, viewApi, type EscalationRow, type EscalationSnapshot } from './api';
import { messages, responseNames } from './messages';

const RESPONSE_TONE: Record<EscalationRow['response'], Tone> = {
  breached: 'danger',
  'at-risk': 'warning',
  'on-track': 'success',
  'not-running': 'neutral',
};

/** Below this the summary would squeeze to a word a line beside four more columns: the issues stack instead. */
const MIN_TABLE_WIDTH = 560;

/** The gadget's view: one resolver call (filtered there by the saved settings), then totals and the most urgent issues. */
export function EscalationsView({ viewer }: { viewer: Viewer }) {
  return (
    <SnapshotView api={viewApi} texts={messages} testId="escalations-gadget" viewer={viewer}>
      {(snapshot, time) => <Escalations snapshot={snapshot} time={time} />}
    </SnapshotView>
  );
}

function Escalations({ snapshot, time }: { snapshot: EscalationSnapshot; time: ViewTime }) {
  const { totals, config, rows } = snapshot;
  const levels = Object.entries(totals.byLevel).sort(([a], [b]) => Number(a) - Number(b));
  const threshold = config.breachedAlert;
  const columns: Column<EscalationRow>[] = [
    {
      header: messages.issue,
      rowHeader: true,
      style: { fontWeight: 'normal' },
      cell: (row) => (
        <>
          <IssueLink
            issueKey={row.issueKey}
            label={`${messages.openIssue(row.issueKey)}: ${row.summary}`}
            open={openIssue}
          />{' '}
          <span data-testid="summary">{row.summary}</span>
          <div style={{ ...subtleText, fontWeight: token('font.weight.regular', '400') }}>
            {row.clientName}
          </div>
        </>
      ),
    },
    { header: messages.levelHeading, testId: 'level', cell: (row) => row.escalationLevel },
    { header: messages.response, testId: 'response', cell: (row) => <Response row={row} time={time} /> },
    {
      header: messages.routed,
      testId: 'age',
      cell: (row) => (
        <Moment at={row.routedAt} viewer={time.viewer}>
          {messages.fromNow(row.routedAt, time.viewer, time.now)}
        </Moment>
      ),
    },
    {
      header: messages.spoc,
      testId: 'spoc',
      cell: (row) =>
        row.spoc ? (
          <span style={{ whiteSpace: 'nowrap' }}>{row.spoc.displayName}</span>
        ) : (
          <span style={{ ...subtleText, whiteSpace: 'nowrap' }}>{messages.nobody}</span>
        ),
    },
  ];
  return (
    <>
      <SnapshotLine>
        {messages.scope(snapshot)} · {messages.issuesShown(rows.length, snapshot.matched)},{' '}
        {messages.asOf(snapshot.takenAt, time.viewer, time.now)}
      </SnapshotLine>
      {threshold !== undefined && totals.breached >= threshold && (
        <Notice tone="warning" testId="breached-alert">
          {messages.alert(totals.breached, threshold)}
        </Notice>
      )}
      <StatRow label={messages.totals}>
        <Stat label={messages.breached} value={totals.breached} tone="danger" testId="total-breached" />
        <Stat
          label={messages.atRisk(snapshot.atRiskPercent)}
          value={totals.atRisk}
          tone="warning"
          testId="total-at-risk"
        />
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
      {rows.length === 0 ? (
        <Notice tone="information" testId="escalations-empty">
          {config.minLevel ? messages.emptyAtLevel(config.minLevel) : messages.empty}
        </Notice>
      ) : (
        <GadgetRows
          caption={messages.title}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.issueKey}
          rowTestId={(row) => `escalation-row-${row.issueKey}`}
          testId="escalations-table"
          minTableWidth={MIN_TABLE_WIDTH}
        />
      )}
    </>
  );
}

/** Where the response target stands, and when it falls (or fell) due, in the viewer's zone. */
function Response({ row, time }: { row: EscalationRow; time: ViewTime }) {
  const due = row.dueAt;
  return (
    <>
      <Badge tone={RESPONSE_TONE[row.response]}>{responseNames[row.response]}</Badge>{' '}
      {due !== null && row.response !== 'not-running' && (
        <span style={subtleText}>
          <Moment at={due} viewer={time.viewer} testId="due">
            {(row.response === 'breached' ? messages.wasDue : messages.due)(
              messages.dayAndTime(due, time.viewer, time.now),
            )}
          </Moment>
        </span>
      )}
    </>
  );
}

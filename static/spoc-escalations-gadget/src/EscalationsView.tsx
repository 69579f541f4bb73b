import { GadgetTable, IssueLink, SnapshotLine, SnapshotView, type Column } from '../../shared/gadget-table';
import { Badge, elapsed, Notice, Stat, StatRow, subtleText, type Tone } from '../../shared/ui';
import { openIssue, viewApi, type EscalationRow, type EscalationSnapshot } from './api';
import { messages, responseNames } from './messages';

const RESPONSE_TONE: Record<EscalationRow['response'], Tone> = {
  breached: 'danger',
  'at-risk': 'warning',
  'on-track': 'success',
  'not-running': 'neutral',
};

/** The gadget's view: one resolver call (filtered there by the saved settings), then totals and the most urgent issues. */
export function EscalationsView() {
  return (
    <SnapshotView api={viewApi} texts={messages} testId="escalations-gadget">
      {(snapshot) => <Escalations snapshot={snapshot} />}
    </SnapshotView>
  );
}

function Escalations({ snapshot }: { snapshot: EscalationSnapshot }) {
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
          {row.summary}
          <div style={subtleText}>{row.clientName}</div>
        </>
      ),
    },
    { header: messages.levelHeading, testId: 'level', cell: (row) => row.escalationLevel },
    {
      header: messages.response,
      testId: 'response',
      cell: (row) => <Badge tone={RESPONSE_TONE[row.response]}>{responseNames[row.response]}</Badge>,
    },
    {
      header: messages.age,
      testId: 'age',
      style: { whiteSpace: 'nowrap' },
      cell: (row) => {
        const age = elapsed(row.routedAt, snapshot.takenAt);
        return messages.ageText(age.days, age.hours, age.minutes);
      },
    },
    {
      header: messages.spoc,
      testId: 'spoc',
      cell: (row) => (row.spoc ? row.spoc.displayName : <span style={subtleText}>{messages.nobody}</span>),
    },
  ];
  return (
    <>
      <SnapshotLine>
        {messages.scope(snapshot)} · {messages.issuesShown(rows.length, snapshot.matched)},{' '}
        {messages.asOf(snapshot.takenAt)}
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
        <GadgetTable
          caption={messages.title}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.issueKey}
          rowTestId={(row) => `escalation-row-${row.issueKey}`}
          testId="escalations-table"
        />
      )}
    </>
  );
}

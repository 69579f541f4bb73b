import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useState } from 'react';
import type {
  ClientReportRow,
  GetReportsPayload,
  GroupMetrics,
  ReportsView,
  SpocReportRow,
} from '../../../src/contract/reports';
import { getReports, getReportsCsv, type Reply } from './api';
import { sectionTitle } from './forms';

/**
 * Reports over a period (src/contract/reports.ts): a period picker, a week-by-week trend chart, sortable
 * tables per SPOC and per client (with burnout signals and coverage gaps), and a CSV of the same figures.
 * Words live here while the page's messages file is being reworked elsewhere.
 */
const text = {
  title: 'Performance over a period',
  period: 'Period',
  presets: { 'last-7-days': 'Last 7 days', 'last-30-days': 'Last 30 days', 'last-90-days': 'Last 90 days' },
  dates: 'Dates',
  from: 'From',
  to: 'To',
  show: 'Show',
  csv: 'Download CSV',
  loading: 'Loading the report…',
  trend: 'Week by week: issues routed and median time to first response',
  routed: 'Routed',
  firstResponse: 'First response (median)',
  p90: '90th percentile',
  vetting: 'Time to vet (median)',
  resolution: 'Resolution (median)',
  bounceBack: 'Bounce-back rate',
  breaches: 'Breaches',
  escalations: 'Escalations (1 / 2 / 3)',
  satisfaction: 'Satisfaction',
  burnout: 'Burnout signals',
  coverage: 'Coverage gaps this week',
  spoc: 'SPOC',
  client: 'Client',
  none: '—',
  noSignals: 'None',
  notShown: 'Only managers see this',
  fullyCovered: 'Covered',
  perSpoc: 'Per SPOC',
  perClient: 'Per client',
  chartSummary: (weeks: string) => `Issues routed and median first response by week: ${weeks}.`,
};

export function minutesText(minutes: number | null): string {
  if (minutes === null) return text.none;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round((minutes / 60) * 10) / 10} h`;
  return `${Math.round((minutes / 1440) * 10) / 10} d`;
}

const percentText = (rate: number | null) => (rate === null ? text.none : `${Math.round(rate * 100)}%`);
const escalationsText = (m: GroupMetrics) =>
  [1, 2, 3].map((level) => m.escalationsByLevel[String(level)] ?? 0).join(' / ');
const satisfactionText = (m: GroupMetrics) =>
  m.satisfaction.average === null ? text.none : `${m.satisfaction.average} (${m.satisfaction.count})`;

/** "45 min · p90 2 h"; a dash alone when nothing was measured. */
const withP90 = (figure: GroupMetrics['vetting']) =>
  figure.count === 0
    ? text.none
    : `${minutesText(figure.medianMinutes)} · p90 ${minutesText(figure.p90Minutes)}`;

type Row = { readonly key: string; readonly name: string; readonly metrics: GroupMetrics };

/** Columns both tables share, with the value each sorts by. */
const COLUMNS: ReadonlyArray<{
  readonly id: string;
  readonly label: string;
  readonly sortValue: (m: GroupMetrics) => number;
  readonly show: (m: GroupMetrics) => string;
}> = [
  { id: 'routed', label: text.routed, sortValue: (m) => m.routed, show: (m) => String(m.routed) },
  {
    id: 'firstResponse',
    label: text.firstResponse,
    sortValue: (m) => m.firstResponse.medianMinutes ?? -1,
    show: (m) => withP90(m.firstResponse),
  },
  {
    id: 'vetting',
    label: text.vetting,
    sortValue: (m) => m.vetting.medianMinutes ?? -1,
    show: (m) => withP90(m.vetting),
  },
  {
    id: 'resolution',
    label: text.resolution,
    sortValue: (m) => m.resolution.medianMinutes ?? -1,
    show: (m) => minutesText(m.resolution.medianMinutes),
  },
  {
    id: 'bounceBack',
    label: text.bounceBack,
    sortValue: (m) => m.bounceBackRate ?? -1,
    show: (m) => percentText(m.bounceBackRate),
  },
  { id: 'breaches', label: text.breaches, sortValue: (m) => m.breaches, show: (m) => String(m.breaches) },
  {
    id: 'escalations',
    label: text.escalations,
    sortValue: (m) => Object.values(m.escalationsByLevel).reduce((a, b) => a + b, 0),
    show: escalationsText,
  },
  {
    id: 'satisfaction',
    label: text.satisfaction,
    sortValue: (m) => m.satisfaction.average ?? -1,
    show: satisfactionText,
  },
];

const cell = {
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  textAlign: 'left' as const,
};

function SortableTable({
  testId,
  title,
  nameLabel,
  rows,
  extra,
}: {
  testId: string;
  title: string;
  nameLabel: string;
  rows: readonly Row[];
  extra: { label: string; render: (key: string) => JSX.Element | string };
}) {
  const [sort, setSort] = useState<{ id: string; descending: boolean }>({ id: 'name', descending: false });
  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.id);
    const list = [...rows].sort((a, b) =>
      column ? column.sortValue(a.metrics) - column.sortValue(b.metrics) : a.name.localeCompare(b.name),
    );
    return sort.descending ? list.reverse() : list;
  }, [rows, sort]);
  const header = (id: string, label: string) => {
    const active = sort.id === id;
    return (
      <th
        key={id}
        scope="col"
        style={cell}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          data-testid={`${testId}-sort-${id}`}
          onClick={() => setSort({ id, descending: active ? !sort.descending : id !== 'name' })}
          style={{
            background: 'none',
            border: 'none',
            padding: 0,
            font: 'inherit',
            cursor: 'pointer',
            color: 'inherit',
          }}
        >
          {label}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };
  return (
    <figure style={{ margin: `${token('space.200', '16px')} 0` }}>
      <figcaption style={sectionTitle}>{title}</figcaption>
      <table data-testid={testId} style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {header('name', nameLabel)}
            {COLUMNS.map((c) => header(c.id, c.label))}
            <th scope="col" style={cell}>
              {extra.label}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={row.key}
              data-row={row.key}
              style={{ borderTop: `1px solid ${token('color.border', '#DFE1E6')}` }}
            >
              <th scope="row" style={cell}>
                {row.name}
              </th>
              {COLUMNS.map((c) => (
                <td key={c.id} style={cell} data-column={c.id}>
                  {c.show(row.metrics)}
                </td>
              ))}
              <td style={cell}>{extra.render(row.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const CHART_HEIGHT = 140;
const BAR = 36;

/** Routed issues as bars and median first response as a line, one column per week. */
function WeekTrend({ view }: { view: ReportsView }) {
  const weeks = view.weeks;
  const maxRouted = Math.max(1, ...weeks.map((w) => w.metrics.routed));
  const maxMinutes = Math.max(1, ...weeks.map((w) => w.metrics.firstResponse.medianMinutes ?? 0));
  const width = Math.max(1, weeks.length) * (BAR + 24) + 16;
  const summary = text.chartSummary(
    weeks
      .map(
        (w) => `${w.label} ${w.metrics.routed} routed, ${minutesText(w.metrics.firstResponse.medianMinutes)}`,
      )
      .join('; '),
  );
  const points = weeks
    .map((w, i) =>
      w.metrics.firstResponse.medianMinutes === null
        ? null
        : `${16 + i * (BAR + 24) + BAR / 2},${CHART_HEIGHT - (w.metrics.firstResponse.medianMinutes / maxMinutes) * (CHART_HEIGHT - 10)}`,
    )
    .filter((p): p is string => p !== null);
  return (
    <figure data-testid="chart-weeks" style={{ margin: `${token('space.200', '16px')} 0` }}>
      <figcaption style={sectionTitle}>{text.trend}</figcaption>
      <svg
        role="img"
        aria-label={summary}
        width={width}
        height={CHART_HEIGHT + 24}
        viewBox={`0 0 ${width} ${CHART_HEIGHT + 24}`}
      >
        {weeks.map((w, i) => {
          const height = (w.metrics.routed / maxRouted) * (CHART_HEIGHT - 10);
          const x = 16 + i * (BAR + 24);
          return (
            <g key={w.label} data-week={w.label} data-routed={w.metrics.routed}>
              <rect
                x={x}
                y={CHART_HEIGHT - height}
                width={BAR}
                height={height}
                rx={3}
                fill={token('color.chart.brand', '#1D7AFC')}
              />
              <text x={x} y={CHART_HEIGHT + 16} fontSize="11" fill={token('color.text', '#172B4D')}>
                {w.label.slice(5)}
              </text>
            </g>
          );
        })}
        {points.length > 1 && (
          <polyline
            points={points.join(' ')}
            fill="none"
            stroke={token('color.chart.warning', '#E2B203')}
            strokeWidth={2}
          />
        )}
        {points.map((p) => {
          const [x, y] = p.split(',');
          return <circle key={p} cx={x} cy={y} r={3} fill={token('color.chart.warning', '#E2B203')} />;
        })}
      </svg>
    </figure>
  );
}

function BurnoutCell({ row }: { row: SpocReportRow | undefined }) {
  if (!row?.burnout) return <>{text.notShown}</>;
  if (row.burnout.reasons.length === 0) return <>{text.noSignals}</>;
  return (
    <ul data-testid="burnout-reasons" style={{ margin: 0, paddingLeft: token('space.200', '16px') }}>
      {row.burnout.reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

function CoverageCell({ row }: { row: ClientReportRow | undefined }) {
  const coverage = row?.coverage;
  if (!coverage) return <>{text.none}</>;
  if (coverage.gaps.length === 0) return <>{text.fullyCovered}</>;
  return (
    <ul data-testid="coverage-gaps" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {coverage.gaps.map((gap) => (
        <li key={gap.startMs} style={{ whiteSpace: 'nowrap' }}>
          {gap.text}
        </li>
      ))}
    </ul>
  );
}

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Choice =
  | { kind: 'preset'; preset: NonNullable<GetReportsPayload['preset']> }
  | { kind: 'dates'; from: string; to: string };

const requestOf = (choice: Choice): GetReportsPayload =>
  choice.kind === 'preset' ? { preset: choice.preset } : { from: choice.from, to: choice.to };

export function ReportsMetrics() {
  const [choice, setChoice] = useState<Choice>({ kind: 'preset', preset: 'last-30-days' });
  const [dates, setDates] = useState({ from: '', to: '' });
  const [reply, setReply] = useState<Reply<ReportsView> | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setReply(null);
    void getReports(requestOf(choice)).then((answer) => current && setReply(answer));
    return () => {
      current = false;
    };
  }, [choice]);
  const onCsv = async () => {
    setCsvError(null);
    const answer = await getReportsCsv(requestOf(choice));
    if (answer.ok) download(answer.data.filename, answer.data.csv);
    else setCsvError(answer.error);
  };
  const view = reply?.ok ? reply.data : null;
  return (
    <section data-testid="reports-metrics" aria-labelledby="reports-metrics-title">
      <h2 id="reports-metrics-title" style={sectionTitle}>
        {text.title}
      </h2>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          {text.period}{' '}
          <select
            data-testid="report-period"
            value={choice.kind === 'preset' ? choice.preset : 'dates'}
            onChange={(e) => {
              const value = e.target.value;
              if (value === 'dates') setChoice({ kind: 'dates', from: dates.from, to: dates.to });
              else setChoice({ kind: 'preset', preset: value as 'last-7-days' });
            }}
          >
            {Object.entries(text.presets).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
            <option value="dates">{text.dates}</option>
          </select>
        </label>
        {choice.kind === 'dates' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setChoice({ kind: 'dates', ...dates });
            }}
            style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'end' }}
          >
            <label>
              {text.from}{' '}
              <input
                type="date"
                data-testid="report-from"
                value={dates.from}
                onChange={(e) => setDates({ ...dates, from: e.target.value })}
              />
            </label>
            <label>
              {text.to}{' '}
              <input
                type="date"
                data-testid="report-to"
                value={dates.to}
                onChange={(e) => setDates({ ...dates, to: e.target.value })}
              />
            </label>
            <button type="submit">{text.show}</button>
          </form>
        )}
        <button type="button" data-testid="report-csv" onClick={() => void onCsv()} disabled={!view}>
          {text.csv}
        </button>
      </div>
      {csvError && <p role="alert">{csvError}</p>}
      {reply === null && <p>{text.loading}</p>}
      {reply && !reply.ok && !(choice.kind === 'dates' && (!choice.from || !choice.to)) && (
        <p role="alert">{reply.error}</p>
      )}
      {view && (
        <>
          {view.notes.map((note) => (
            <p key={note} data-testid="report-note">
              {note}
            </p>
          ))}
          <WeekTrend view={view} />
          <SortableTable
            testId="report-spocs"
            title={text.perSpoc}
            nameLabel={text.spoc}
            rows={view.spocs.map((s) => ({ key: s.accountId, name: s.displayName, metrics: s.metrics }))}
            extra={{
              label: text.burnout,
              render: (key) => <BurnoutCell row={view.spocs.find((s) => s.accountId === key)} />,
            }}
          />
          <SortableTable
            testId="report-clients"
            title={text.perClient}
            nameLabel={text.client}
            rows={view.clients.map((c) => ({ key: c.clientId, name: c.clientName, metrics: c.metrics }))}
            extra={{
              label: text.coverage,
              render: (key) => <CoverageCell row={view.clients.find((c) => c.clientId === key)} />,
            }}
          />
        </>
      )}
    </section>
  );
}

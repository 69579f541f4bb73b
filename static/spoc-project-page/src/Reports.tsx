import { token } from '@atlaskit/tokens';
import { asReply, getConfiguration, searchSpocIssues, type ConfigurationView, type SpocIssue } from './api';
import { sectionTitle } from './forms';
import { messages } from './messages';
import { Loaded, useReply } from './Loaded';
import { ReportsMetrics } from './ReportsMetrics';

/** Reports: counts of the project's client issues drawn as plain SVG bar charts (no chart library). */
const WAITING = new Set(['awaiting-spoc', 'info-requested', 'returned']);

async function load(projectKey: string) {
  const [issues, config] = await Promise.all([
    searchSpocIssues(messages.reportsJql(projectKey)),
    getConfiguration(),
  ]);
  if (!config.ok) throw new Error(config.error);
  return { issues: issues.filter((i) => i.spoc !== null), config: config.data };
}

function countBy(issues: readonly SpocIssue[], keyOf: (issue: SpocIssue) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(keyOf(issue), (counts.get(keyOf(issue)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const ROW = 28;
const LABEL = 180;
const WIDTH = 560;

function BarChart({ title, data, testId }: { title: string; data: Array<[string, number]>; testId: string }) {
  const max = Math.max(1, ...data.map(([, n]) => n));
  const summary = messages.chartSummary(title, data.map(([label, n]) => `${label} ${n}`).join(', '));
  return (
    <figure data-testid={testId} style={{ margin: `${token('space.200', '16px')} 0` }}>
      <figcaption style={sectionTitle}>{title}</figcaption>
      {data.length === 0 ? (
        <p>{messages.noData}</p>
      ) : (
        <svg
          role="img"
          aria-label={summary}
          width={WIDTH}
          height={data.length * ROW}
          viewBox={`0 0 ${WIDTH} ${data.length * ROW}`}
        >
          {data.map(([label, n], index) => {
            const width = ((WIDTH - LABEL - 40) * n) / max;
            const y = index * ROW;
            return (
              <g key={label} data-label={label} data-value={n}>
                <text x={0} y={y + 18} fill={token('color.text', '#172B4D')} fontSize="13">
                  {label}
                </text>
                <rect
                  x={LABEL}
                  y={y + 5}
                  width={width}
                  height={ROW - 10}
                  rx={3}
                  fill={token('color.chart.brand', '#1D7AFC')}
                />
                <text x={LABEL + width + 6} y={y + 18} fill={token('color.text', '#172B4D')} fontSize="13">
                  {n}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

export function Reports({ projectKey }: { projectKey: string }) {
  const reply = useReply(() => asReply(() => load(projectKey)), [projectKey]);
  return (
    <section>
      <ReportsMetrics />
      <Loaded reply={reply}>
        {({ issues, config }: { issues: SpocIssue[]; config: ConfigurationView }) => {
          const state = (i: SpocIssue) => i.spoc?.state ?? '';
          const client = (i: SpocIssue) =>
            config.document.clients.find((c) => c.id === i.spoc?.clientId)?.name ?? i.spoc?.clientId ?? '';
          const spoc = (i: SpocIssue) => {
            const id = i.spoc?.spocAccountId;
            return id ? (config.names[id] ?? id) : messages.none;
          };
          const waiting = issues.filter((i) => WAITING.has(state(i)));
          const now = new Date().toISOString();
          return (
            <>
              <p data-testid="reports-intro">{messages.reportsIntro(issues.length)}</p>
              <BarChart
                testId="chart-state"
                title={messages.byState}
                data={countBy(
                  issues,
                  (i) => messages.states[state(i) as keyof typeof messages.states] ?? state(i),
                )}
              />
              <BarChart testId="chart-client" title={messages.byClient} data={countBy(issues, client)} />
              <BarChart testId="chart-spoc" title={messages.waitingBySpoc} data={countBy(waiting, spoc)} />
              <BarChart
                testId="chart-response"
                title={messages.byResponse}
                data={countBy(waiting, (i) =>
                  i.spoc?.dueAt && i.spoc.dueAt < now ? messages.overdue : messages.onTime,
                )}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

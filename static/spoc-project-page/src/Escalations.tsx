import DynamicTable from '@atlaskit/dynamic-table';
import { asReply, getConfiguration, searchSpocIssues, type ConfigurationView, type SpocIssue } from './api';
import { messages } from './messages';
import { Loaded, useReply } from './Loaded';
import { SubpageLink } from './navigation';
import { IssueLink, when } from './QueueTable';

/** Escalated client issues of the project, found through the app's searchable copy on each issue. */
async function load(projectKey: string) {
  const [issues, config] = await Promise.all([
    searchSpocIssues(messages.escalationsJql(projectKey)),
    getConfiguration(),
  ]);
  if (!config.ok) throw new Error(config.error);
  return { issues, config: config.data };
}

export function Escalations({ projectKey }: { projectKey: string }) {
  const reply = useReply(() => asReply(() => load(projectKey)), [projectKey]);
  return (
    <section>
      <p>
        {messages.escalationsIntro}{' '}
        <SubpageLink to="/policy" testId="link-policy">
          {messages.targetsOnPolicy}
        </SubpageLink>
      </p>
      <Loaded reply={reply}>
        {({ issues, config }: { issues: SpocIssue[]; config: ConfigurationView }) => (
          <EscalationTable issues={issues} config={config} />
        )}
      </Loaded>
    </section>
  );
}

function EscalationTable({ issues, config }: { issues: SpocIssue[]; config: ConfigurationView }) {
  const c = messages.columns;
  const client = (id: string) => config.document.clients.find((x) => x.id === id)?.name ?? id;
  const person = (id: string | undefined) => (id ? (config.names[id] ?? id) : messages.none);
  const rows = issues
    .filter((i) => i.spoc)
    .map((issue) => {
      const spoc = issue.spoc as NonNullable<SpocIssue['spoc']>;
      return {
        key: issue.key,
        cells: [
          { key: Number(issue.key.split('-')[1] ?? 0), content: <IssueLink issueKey={issue.key} /> },
          { key: issue.summary, content: issue.summary },
          { key: spoc.escalationLevel, content: messages.escalationLevel(spoc.escalationLevel) },
          { key: client(spoc.clientId), content: client(spoc.clientId) },
          { key: person(spoc.spocAccountId), content: person(spoc.spocAccountId) },
          {
            key: spoc.state,
            content: messages.states[spoc.state as keyof typeof messages.states] ?? spoc.state,
          },
          { key: spoc.dueAt ?? '9999', content: when(spoc.dueAt ?? null) },
        ],
      };
    });
  return (
    <div data-testid="escalations">
      <DynamicTable
        label={messages.subpages['/escalations']}
        head={{
          cells: [
            { key: 'issue', content: c.issue, isSortable: true },
            { key: 'summary', content: c.summary, isSortable: true },
            { key: 'level', content: messages.level, isSortable: true },
            { key: 'client', content: c.client, isSortable: true },
            { key: 'spoc', content: c.spoc, isSortable: true },
            { key: 'state', content: c.state, isSortable: true },
            { key: 'due', content: c.due, isSortable: true },
          ],
        }}
        rows={rows}
        rowsPerPage={10}
        emptyView={<p data-testid="escalations-empty">{messages.emptyEscalations}</p>}
      />
    </div>
  );
}

import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import type { MouseEvent } from 'react';
import { openIssue, type QueueItem } from './api';
import { messages } from './messages';
import { Badge, TRIAGE_STATE_APPEARANCE } from '../../shared/badge';

/** A queue of client issues: sortable by every column, ten to a page, each issue linked to Jira's view. */
const PAGE_SIZE = 10;

export const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : messages.noDue;

export function IssueLink({ issueKey }: { issueKey: string }) {
  const follow = (event: MouseEvent) => {
    event.preventDefault();
    openIssue(issueKey);
  };
  return (
    <a
      href={`/browse/${issueKey}`}
      onClick={follow}
      data-testid={`issue-${issueKey}`}
      style={{ color: token('color.link', '#0C66E4') }}
    >
      {issueKey}
    </a>
  );
}

const keyNumber = (issueKey: string) => Number(issueKey.split('-')[1] ?? 0);

export function QueueTable({
  items,
  title,
  empty,
  testId,
}: {
  items: readonly QueueItem[];
  title: string;
  empty: string;
  testId: string;
}) {
  const c = messages.columns;
  const head = {
    cells: [
      { key: 'issue', content: c.issue, isSortable: true },
      { key: 'summary', content: c.summary, isSortable: true },
      { key: 'client', content: c.client, isSortable: true },
      { key: 'spoc', content: c.spoc, isSortable: true },
      { key: 'state', content: c.state, isSortable: true },
      { key: 'due', content: c.due, isSortable: true },
      { key: 'priority', content: c.priority, isSortable: true },
    ],
  };
  const rows = items.map((item) => ({
    key: item.issueId,
    cells: [
      { key: keyNumber(item.issueKey), content: <IssueLink issueKey={item.issueKey} /> },
      { key: item.summary, content: item.summary },
      { key: item.client.name, content: item.client.name },
      { key: item.spoc?.displayName ?? '', content: item.spoc?.displayName ?? messages.none },
      {
        key: item.state,
        content: (
          <span>
            <Badge appearance={TRIAGE_STATE_APPEARANCE[item.state]}>
              {messages.states[item.state] ?? item.state}
            </Badge>
            {item.escalationLevel > 0 && (
              <span style={{ color: token('color.text.danger', '#AE2E24') }}>
                {` · ${messages.columns.escalation} ${messages.escalationLevel(item.escalationLevel)}`}
              </span>
            )}
          </span>
        ),
      },
      { key: item.dueAt ?? '9999', content: when(item.dueAt) },
      { key: item.priority ?? '', content: item.priority ?? messages.noDue },
    ],
  }));
  return (
    <div data-testid={testId}>
      <DynamicTable
        label={messages.queueLabel(title)}
        head={head}
        rows={rows}
        rowsPerPage={PAGE_SIZE}
        defaultPage={1}
        emptyView={<p data-testid={`${testId}-empty`}>{empty}</p>}
      />
    </div>
  );
}

import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import type { MouseEvent } from 'react';
import { openIssue, type QueueItem } from './api';
import { messages } from './messages';
import { when } from './time';
import { Badge, TRIAGE_STATE_APPEARANCE, type BadgeAppearance } from '../../shared/badge';

/** A queue of client issues: sortable by every column, ten to a page, each issue linked to Jira's view. */
const PAGE_SIZE = 10;

export { when };

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

const URGENCY: Readonly<Record<QueueItem['response'], { rank: number; look: BadgeAppearance }>> = {
  breached: { rank: 0, look: 'removed' },
  'at-risk': { rank: 1, look: 'moved' },
  'on-track': { rank: 2, look: 'success' },
  'not-running': { rank: 3, look: 'default' },
};

/** How the response stands, marked so a breached or at-risk issue stands out, with its due time. */
function Urgency({ item }: { item: QueueItem }) {
  const { look } = URGENCY[item.response];
  return (
    <span data-testid={`response-${item.issueKey}`} data-response={item.response}>
      <Badge appearance={look} isBold={item.response === 'breached'}>
        {messages.response[item.response]}
      </Badge>{' '}
      {item.dueAt && item.response !== 'not-running' && (
        <span>{messages.responseDue(item.response, when(item.dueAt))}</span>
      )}
    </span>
  );
}

export function QueueTable({
  items,
  title,
  empty,
  testId,
  urgency = false,
}: {
  items: readonly QueueItem[];
  title: string;
  empty: string;
  testId: string;
  /** Show how each response stands, most urgent first (the caller's own triage queue). */
  urgency?: boolean;
}) {
  const c = messages.columns;
  const head = {
    cells: [
      ...(urgency ? [{ key: 'response', content: c.response, isSortable: true }] : []),
      { key: 'issue', content: c.issue, isSortable: true },
      { key: 'summary', content: c.summary, isSortable: true },
      { key: 'client', content: c.client, isSortable: true },
      { key: 'spoc', content: c.spoc, isSortable: true },
      { key: 'state', content: c.state, isSortable: true },
      ...(urgency ? [] : [{ key: 'due', content: c.due, isSortable: true }]),
      { key: 'priority', content: c.priority, isSortable: true },
    ],
  };
  const rows = items.map((item) => ({
    key: item.issueId,
    cells: [
      ...(urgency
        ? [
            {
              key: `${URGENCY[item.response].rank}${item.dueAt ?? '9999'}`,
              content: <Urgency item={item} />,
            },
          ]
        : []),
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
      ...(urgency ? [] : [{ key: item.dueAt ?? '9999', content: when(item.dueAt) }]),
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

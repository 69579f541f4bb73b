import { isInternalNote } from './servicedesk/internal-note';
import type { ProductEvent, ProductEventType } from '../events';
import type { Principal } from '../http/types';
import { issueTypeJson, projectRefJson, statusJson } from './render';
import { issueTypeOf, statusOf } from './issue-view';
import type { ChangeItem, ChangelogRecord, CommentRecord, IssueRecord, JiraStore } from './store';
import { jiraTime } from './time';

/**
 * Product event payloads as Forge delivers them to `trigger` modules (developer.atlassian.com
 * events-reference/jira): `issue { id, key, fields }` with the documented fields only, users as
 * `{ accountId }`, `atlassianId` = who caused it, `associatedUsers` as a list of `{ accountId }` (the shape
 * apps read as `event.associatedUsers[0].accountId`), `changelog { id, items }` on updates and assignments,
 * `comment` on comment events.
 */
export interface EventSource {
  readonly base: string;
  readonly store: JiraStore;
  readonly principal: Principal;
  /** The account that caused the change (the person, or the app user for `asApp()`). */
  readonly actorAccountId: string;
}

function eventIssue(src: EventSource, issue: IssueRecord): Record<string, unknown> {
  const project = src.store.getProject(issue.projectId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: issueTypeJson(src.base, issueTypeOf(issue)),
      ...(issue.creator ? { creator: { accountId: issue.creator } } : {}),
      created: jiraTime(issue.created),
      ...(project ? { project: projectRefJson(src.base, project) } : {}),
      ...(issue.reporter ? { reporter: { accountId: issue.reporter } } : {}),
      assignee: issue.assignee ? { accountId: issue.assignee } : null,
      updated: jiraTime(issue.updated),
      status: statusJson(src.base, statusOf(issue)),
    },
  };
}

function event(src: EventSource, eventType: ProductEventType, body: Record<string, unknown>): ProductEvent {
  return { eventType, payload: { eventType, ...body }, causedBy: src.principal };
}

export function createdEvent(src: EventSource, issue: IssueRecord): ProductEvent {
  return event(src, 'avi:jira:created:issue', {
    issue: eventIssue(src, issue),
    atlassianId: src.actorAccountId,
    associatedUsers: [{ accountId: src.actorAccountId }],
  });
}

export function updatedEvent(
  src: EventSource,
  issue: IssueRecord,
  changelog: ChangelogRecord | undefined,
  statusChange?: { from: string; to: string },
): ProductEvent {
  const statuses = statusChange && [statusChange.from, statusChange.to].map((id) => statusRef(src, id));
  return event(src, 'avi:jira:updated:issue', {
    issue: eventIssue(src, issue),
    atlassianId: src.actorAccountId,
    associatedUsers: [{ accountId: src.actorAccountId }],
    ...(changelog ? { changelog: changelogPayload(changelog.id, changelog.items) } : {}),
    ...(statuses ? { associatedStatuses: statuses } : {}),
  });
}

export function assignedEvent(
  src: EventSource,
  issue: IssueRecord,
  changelog: ChangelogRecord,
): ProductEvent {
  const assigneeItems = changelog.items.filter((i) => i.fieldId === 'assignee');
  return event(src, 'avi:jira:assigned:issue', {
    issue: eventIssue(src, issue),
    atlassianId: src.actorAccountId,
    associatedUsers: issue.assignee ? [{ accountId: issue.assignee }] : [],
    changelog: changelogPayload(changelog.id, assigneeItems),
  });
}

export function commentedEvent(src: EventSource, issue: IssueRecord, comment: CommentRecord): ProductEvent {
  return event(src, 'avi:jira:commented:issue', {
    issue: eventIssue(src, issue),
    atlassianId: src.actorAccountId,
    associatedUsers: [{ accountId: comment.author }],
    comment: {
      id: comment.id,
      author: { accountId: comment.author },
      body: comment.body,
      updateAuthor: { accountId: comment.updateAuthor },
      created: jiraTime(comment.created),
      updated: jiraTime(comment.updated),
      jsdPublic: !isInternalNote(src.store, comment.id),
      ...(comment.visibility ? { visibility: comment.visibility } : {}),
    },
  });
}

function changelogPayload(id: string, items: readonly ChangeItem[]): Record<string, unknown> {
  return { id, items: items.map((i) => ({ ...i })) };
}

function statusRef(src: EventSource, statusId: string): Record<string, unknown> {
  const status = statusOf({ statusId } as IssueRecord);
  const full = statusJson(src.base, status);
  return { id: full.id, name: full.name, statusCategory: full.statusCategory };
}

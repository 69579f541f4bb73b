import { adfText } from '../adf';
import type { Access } from '../access';
import { avatarUrls } from '../avatars';
import { statusOf } from '../issue-view';
import type { CommentRecord, IssueRecord, JiraStore, ProjectRecord, UserRecord } from '../store';
import { jiraTime } from '../time';
import type {
  FeedbackRecord,
  OrganizationRecord,
  RequestRecord,
  RequestTypeRecord,
  ServiceDeskRecord,
} from './store';

/**
 * The service-desk API's shapes (Atlassian's `*DTO` schemas): dates in four forms, users with links, pages
 * of `values` with `start`, `limit`, `size` and `isLastPage`.
 */
const API = '/rest/servicedeskapi';

export function dateDto(iso: string): Record<string, unknown> {
  const ms = Date.parse(iso);
  const jira = jiraTime(iso);
  return {
    iso8601: jira.replace(/\.\d{3}/, ''),
    jira,
    friendly: new Date(ms).toUTCString().replace(/:\d\d GMT$/, ' UTC'),
    epochMillis: ms,
  };
}

/** Email and time zone only where the person's profile shows them, as on Jira Cloud. */
export function userDto(base: string, user: UserRecord, viewer: Access): Record<string, unknown> {
  const showsEmail = user.email && (user.emailVisible || viewer.accountId === user.accountId);
  return {
    accountId: user.accountId,
    ...(showsEmail ? { emailAddress: user.email } : {}),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    _links: {
      jiraRest: `${base}/rest/api/3/user?accountId=${user.accountId}`,
      avatarUrls: { ...avatarUrls(base, 'user', user.accountId) },
      self: `${base}/rest/api/3/user?accountId=${user.accountId}`,
    },
  };
}

export function page(
  base: string,
  path: string,
  all: readonly unknown[],
  start: number,
  limit: number,
): Record<string, unknown> {
  const values = all.slice(start, start + limit);
  const isLastPage = start + values.length >= all.length;
  const link = (at: number) => `${base}${path}${path.includes('?') ? '&' : '?'}start=${at}&limit=${limit}`;
  return {
    _expands: [],
    size: values.length,
    start,
    limit,
    isLastPage,
    _links: {
      base: `${base}${API}`,
      context: '',
      self: link(start),
      ...(isLastPage ? {} : { next: link(start + limit) }),
      ...(start > 0 ? { prev: link(Math.max(0, start - limit)) } : {}),
    },
    values,
  };
}

export function serviceDeskDto(
  base: string,
  desk: ServiceDeskRecord,
  project: ProjectRecord,
): Record<string, unknown> {
  return {
    id: desk.id,
    projectId: project.id,
    projectName: project.name,
    projectKey: project.key,
    projectTypeKey: project.projectTypeKey,
    _links: { self: `${base}${API}/servicedesk/${desk.id}` },
  };
}

export function requestTypeDto(
  base: string,
  type: RequestTypeRecord,
  portalId: string,
): Record<string, unknown> {
  return {
    _expands: [],
    id: type.id,
    _links: { self: `${base}${API}/servicedesk/${type.serviceDeskId}/requesttype/${type.id}` },
    name: type.name,
    description: type.description,
    ...(type.helpText ? { helpText: type.helpText } : {}),
    issueTypeId: type.issueTypeId,
    serviceDeskId: type.serviceDeskId,
    portalId,
    groupIds: [],
    restrictionStatus: 'OPEN',
  };
}

export function organizationDto(base: string, org: OrganizationRecord): Record<string, unknown> {
  return {
    id: org.id,
    name: org.name,
    scimManaged: false,
    created: dateDto(org.created),
    _links: { self: `${base}${API}/organization/${org.id}` },
  };
}

/** Jira Service Management's status categories, from the Jira status's category. */
const STATUS_CATEGORY = { new: 'NEW', indeterminate: 'INDETERMINATE', done: 'DONE' } as const;

export function customerRequestDto(
  base: string,
  store: JiraStore,
  request: RequestRecord,
  issue: IssueRecord,
  viewer: Access,
): Record<string, unknown> {
  const status = statusOf(issue);
  const reporter = issue.reporter ? store.getUser(issue.reporter) : undefined;
  const description = issue.description ? adfText(issue.description) : '';
  return {
    _expands: [
      'participant',
      'status',
      'sla',
      'requestType',
      'serviceDesk',
      'attachment',
      'action',
      'comment',
    ],
    issueId: issue.id,
    issueKey: issue.key,
    summary: issue.summary,
    requestTypeId: request.requestTypeId,
    serviceDeskId: request.serviceDeskId,
    createdDate: dateDto(issue.created),
    ...(reporter ? { reporter: userDto(base, reporter, viewer) } : {}),
    requestFieldValues: [
      { fieldId: 'summary', label: 'Summary', value: issue.summary },
      ...(description ? [{ fieldId: 'description', label: 'Description', value: description }] : []),
    ],
    currentStatus: {
      status: status.name,
      statusCategory: STATUS_CATEGORY[status.category],
      statusDate: dateDto(issue.statusCategoryChanged),
    },
    _links: {
      jiraRest: `${base}/rest/api/3/issue/${issue.id}`,
      web: `${base}/servicedesk/customer/portal/${request.serviceDeskId}/${issue.key}`,
      agent: `${base}/browse/${issue.key}`,
      self: `${base}${API}/request/${issue.id}`,
    },
  };
}

export function commentDto(
  base: string,
  store: JiraStore,
  comment: CommentRecord,
  isPublic: boolean,
  viewer: Access,
): Record<string, unknown> {
  const author = store.getUser(comment.author);
  return {
    _expands: ['attachment', 'renderedBody'],
    id: comment.id,
    body: adfText(comment.body),
    public: isPublic,
    ...(author ? { author: userDto(base, author, viewer) } : {}),
    created: dateDto(comment.created),
    _links: { self: `${base}${API}/request/${comment.issueId}/comment/${comment.id}` },
  };
}

export function feedbackDto(feedback: FeedbackRecord): Record<string, unknown> {
  return {
    type: 'csat',
    rating: feedback.rating,
    ...(feedback.comment ? { comment: { body: feedback.comment } } : {}),
  };
}

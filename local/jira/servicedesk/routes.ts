import type { Router } from '../../http/router';
import { json, type Handler, type SiteResponse } from '../../http/types';
import { Access } from '../access';
import { textToAdf } from '../adf';
import { DEFAULT_PRIORITY, PRIORITIES } from '../catalog';
import { commentedEvent, createdEvent } from '../events';
import { isObject, type JiraRequest, type JiraServices } from '../http';
import type { ProductEvent } from '../../events';
import { eventSource } from '../routes/issue-helpers';
import type { CommentRecord, IssueRecord } from '../store';
import { workflowOfProject } from '../workflows';
import { canSeeRequest, isAgent, isCustomer } from './access';
import { isInternalNote, SD_PUBLIC_COMMENT } from './internal-note';
import {
  commentDto,
  customerRequestDto,
  feedbackDto,
  organizationDto,
  page,
  requestTypeDto,
  serviceDeskDto,
  userDto,
} from './render';
import type { RequestRecord, ServiceDeskRecord, ServiceDeskStore } from './store';

/**
 * `/rest/servicedeskapi/...` as Jira Service Management Cloud answers it (the endpoints in
 * served-endpoints.ts): service desks and their request types, customer organizations and their members,
 * customer requests raised through the portal API (a Jira issue, with the same product events), public and
 * internal comments on them, and the customer's satisfaction feedback. Errors come in the service desk's own
 * shape, `{ errorMessage, i18nErrorMessage }`, not the platform's.
 */
const API = '/rest/servicedeskapi';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

class ServiceDeskError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}

const fail = (status: number, message: string, key = 'sd.error') =>
  new ServiceDeskError(status, message, key);

function errorBody(error: ServiceDeskError): SiteResponse {
  return json(error.status, {
    errorMessage: error.message,
    i18nErrorMessage: { i18nKey: error.key, parameters: [] },
  });
}

interface SdRequest extends JiraRequest {
  readonly sd: ServiceDeskStore;
}

function sdHandler(svc: JiraServices, sd: ServiceDeskStore, fn: (r: SdRequest) => SiteResponse): Handler {
  return (req) => {
    const access = Access.of(svc.store, req.principal, (appId) => svc.appNames.get(appId));
    if (!access) return errorBody(fail(401, 'You are not logged in.', 'sd.login.required'));
    const outbox: ProductEvent[] = [];
    try {
      const response = fn({ req, access, svc, sd, base: svc.baseUrl(), emit: (e) => outbox.push(e) });
      for (const event of outbox) svc.events.emit(event);
      return response;
    } catch (error) {
      if (error instanceof ServiceDeskError) return errorBody(error);
      throw error;
    }
  };
}

export function serviceDeskRoutes(router: Router, svc: JiraServices, sd: ServiceDeskStore): void {
  const h = (fn: (r: SdRequest) => SiteResponse) => sdHandler(svc, sd, fn);
  router.get(`${API}/servicedesk`, h(listServiceDesks));
  router.get(`${API}/servicedesk/:serviceDeskId`, h(getServiceDesk));
  router.get(`${API}/servicedesk/:serviceDeskId/requesttype`, h(listRequestTypes));
  router.get(`${API}/organization`, h(listOrganizations));
  router.get(`${API}/organization/:organizationId`, h(getOrganization));
  router.get(`${API}/organization/:organizationId/user`, h(listMembers));
  router.get(`${API}/request`, h(listRequests));
  router.post(`${API}/request`, h(createRequest));
  router.get(`${API}/request/:issueIdOrKey`, h(getRequest));
  router.get(`${API}/request/:issueIdOrKey/comment`, h(listComments));
  router.post(`${API}/request/:issueIdOrKey/comment`, h(addComment));
  router.get(`${API}/request/:requestIdOrKey/feedback`, h(getFeedback));
  router.post(`${API}/request/:requestIdOrKey/feedback`, h(postFeedback));
}

// ---- paging ----

function paging(r: SdRequest): { start: number; limit: number } {
  const number = (name: string, fallback: number) => {
    const raw = r.req.query.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d+$/.test(raw))
      throw fail(400, `The '${name}' parameter must be a whole number.`, 'sd.invalid.paging');
    return Number(raw);
  };
  return {
    start: number('start', 0),
    limit: Math.min(MAX_LIMIT, Math.max(1, number('limit', DEFAULT_LIMIT))),
  };
}

// ---- service desks ----

/** Every desk the caller may use: as an agent, or as one of its customers. */
function visibleDesks(r: SdRequest): ServiceDeskRecord[] {
  return r.sd.listServiceDesks().filter((d) => isAgent(r.access, d) || isCustomer(r.access, d, r.sd));
}

/** A desk by its id or, as Jira allows, by its project's key or id (`projectKey:ABC`, `projectId:10012`). */
function deskNamed(r: SdRequest, raw: string | undefined): ServiceDeskRecord {
  const text = raw ?? '';
  const byProject = (idOrKey: string) => {
    const project = r.svc.store.getProject(idOrKey);
    return project ? r.sd.serviceDeskOfProject(project.id) : undefined;
  };
  const desk = text.startsWith('projectKey:')
    ? byProject(text.slice('projectKey:'.length))
    : text.startsWith('projectId:')
      ? byProject(text.slice('projectId:'.length))
      : text.startsWith('serviceDeskId:')
        ? r.sd.getServiceDesk(text.slice('serviceDeskId:'.length))
        : /^\d+$/.test(text)
          ? r.sd.getServiceDesk(text)
          : byProject(text);
  if (!desk || !(isAgent(r.access, desk) || isCustomer(r.access, desk, r.sd))) {
    throw fail(
      404,
      `The service desk '${text}' does not exist, or you do not have access to it.`,
      'sd.servicedesk.not.found',
    );
  }
  return desk;
}

function deskJson(r: SdRequest, desk: ServiceDeskRecord): Record<string, unknown> {
  const project = r.svc.store.getProject(desk.projectId);
  if (!project) throw fail(500, 'The service desk has lost its project.');
  return serviceDeskDto(r.base, desk, project);
}

function listServiceDesks(r: SdRequest): SiteResponse {
  const { start, limit } = paging(r);
  const all = visibleDesks(r).map((d) => deskJson(r, d));
  return json(200, page(r.base, `${API}/servicedesk`, all, start, limit));
}

function getServiceDesk(r: SdRequest): SiteResponse {
  return json(200, deskJson(r, deskNamed(r, r.req.params.serviceDeskId)));
}

function listRequestTypes(r: SdRequest): SiteResponse {
  const desk = deskNamed(r, r.req.params.serviceDeskId);
  const { start, limit } = paging(r);
  const search = (r.req.query.get('searchQuery') ?? '').trim().toLowerCase();
  const types = r.sd
    .requestTypes(desk.id)
    .filter((t) => !search || `${t.name} ${t.description}`.toLowerCase().includes(search))
    .map((t) => requestTypeDto(r.base, t, desk.id));
  return json(200, page(r.base, `${API}/servicedesk/${desk.id}/requesttype`, types, start, limit));
}

// ---- organizations ----

function listOrganizations(r: SdRequest): SiteResponse {
  const { start, limit } = paging(r);
  const accountId = r.req.query.get('accountId');
  const agentSomewhere = r.sd.listServiceDesks().some((d) => isAgent(r.access, d));
  if (accountId !== null && !agentSomewhere) {
    throw fail(
      403,
      'Only agents can list the organizations of another user.',
      'sd.organization.accountid.agent.only',
    );
  }
  if (accountId !== null && accountId !== '' && !r.svc.store.getUser(accountId)) {
    throw fail(404, `The user '${accountId}' does not exist.`, 'sd.user.not.found');
  }
  const orgs =
    accountId !== null
      ? r.sd.organizationsOf(accountId)
      : agentSomewhere
        ? r.sd.listOrganizations()
        : // A customer sees only the organizations they belong to.
          r.sd.organizationsOf(r.access.accountId);
  const query = accountId ? `?accountId=${encodeURIComponent(accountId)}` : '';
  return json(
    200,
    page(
      r.base,
      `${API}/organization${query}`,
      orgs.map((o) => organizationDto(r.base, o)),
      start,
      limit,
    ),
  );
}

function visibleOrganization(r: SdRequest, id: string | undefined) {
  const org = id && /^\d+$/.test(id) ? r.sd.getOrganization(id) : undefined;
  const agentSomewhere = r.sd.listServiceDesks().some((d) => isAgent(r.access, d));
  if (!org || (!agentSomewhere && !r.sd.members(org.id).includes(r.access.accountId))) {
    throw fail(404, `The organization '${id ?? ''}' does not exist.`, 'sd.organization.not.found');
  }
  return { org, agentSomewhere };
}

function getOrganization(r: SdRequest): SiteResponse {
  return json(200, organizationDto(r.base, visibleOrganization(r, r.req.params.organizationId).org));
}

function listMembers(r: SdRequest): SiteResponse {
  const { org, agentSomewhere } = visibleOrganization(r, r.req.params.organizationId);
  if (!agentSomewhere) throw fail(403, 'Only agents and administrators can list an organization’s members.');
  const { start, limit } = paging(r);
  const users = r.sd
    .members(org.id)
    .map((id) => r.svc.store.getUser(id))
    .filter((u) => u !== undefined)
    .map((u) => userDto(r.base, u, r.access));
  return json(200, page(r.base, `${API}/organization/${org.id}/user`, users, start, limit));
}

// ---- requests ----

interface FoundRequest {
  readonly request: RequestRecord;
  readonly issue: IssueRecord;
  readonly desk: ServiceDeskRecord;
}

function requestNamed(r: SdRequest, idOrKey: string | undefined): FoundRequest {
  const issue = idOrKey ? r.svc.store.getIssue(idOrKey) : undefined;
  const request = issue ? r.sd.getRequest(issue.id) : undefined;
  const desk = request ? r.sd.getServiceDesk(request.serviceDeskId) : undefined;
  if (!issue || !request || !desk || !canSeeRequest(r.access, desk, request, issue, r.sd)) {
    throw fail(
      404,
      'The request does not exist, or you do not have permission to see it.',
      'sd.request.not.found',
    );
  }
  return { request, issue, desk };
}

const OWNERSHIP = [
  'OWNED_REQUESTS',
  'PARTICIPATED_REQUESTS',
  'ORGANIZATION',
  'ALL_ORGANIZATIONS',
  'APPROVER',
  'ALL_REQUESTS',
];

/** What the caller may see, filtered as `requestOwnership` and `requestStatus` ask, latest activity first. */
function listRequests(r: SdRequest): SiteResponse {
  const q = r.req.query;
  const { start, limit } = paging(r);
  const ownership = q
    .getAll('requestOwnership')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const unknown = ownership.find((o) => !OWNERSHIP.includes(o));
  if (unknown)
    throw fail(400, `'${unknown}' is not a request ownership filter.`, 'sd.request.ownership.invalid');
  const wanted = ownership.length
    ? ownership
    : ['OWNED_REQUESTS', 'PARTICIPATED_REQUESTS', 'ALL_ORGANIZATIONS'];
  const status = q.get('requestStatus') ?? 'ALL_REQUESTS';
  const deskFilter = q.get('serviceDeskId');
  const organizationId = q.get('organizationId');
  const me = r.access.accountId;
  const mine = new Set(r.sd.organizationsOf(me).map((o) => o.id));
  const found: FoundRequest[] = [];
  for (const request of r.sd.listRequests()) {
    const issue = r.svc.store.getIssue(request.issueId);
    const desk = r.sd.getServiceDesk(request.serviceDeskId);
    if (!issue || !desk || !canSeeRequest(r.access, desk, request, issue, r.sd)) continue;
    if (deskFilter && request.serviceDeskId !== deskFilter) continue;
    const shared = r.sd.requestOrganizationIds(issue.id);
    const matches =
      wanted.includes('ALL_REQUESTS') ||
      (wanted.includes('OWNED_REQUESTS') && issue.reporter === me) ||
      (wanted.includes('PARTICIPATED_REQUESTS') && r.sd.participants(issue.id).includes(me)) ||
      (wanted.includes('ALL_ORGANIZATIONS') && shared.some((id) => mine.has(id))) ||
      (wanted.includes('ORGANIZATION') &&
        organizationId !== null &&
        mine.has(organizationId) &&
        shared.includes(organizationId));
    if (!matches) continue;
    const closed = issue.resolutionId !== null;
    if ((status === 'OPEN_REQUESTS' && closed) || (status === 'CLOSED_REQUESTS' && !closed)) continue;
    found.push({ request, issue, desk });
  }
  found.sort(
    (a, b) => b.issue.updated.localeCompare(a.issue.updated) || b.issue.id.localeCompare(a.issue.id),
  );
  const values = found.map((f) => customerRequestDto(r.base, r.svc.store, f.request, f.issue, r.access));
  return json(200, page(r.base, `${API}/request`, values, start, limit));
}

function getRequest(r: SdRequest): SiteResponse {
  const { request, issue } = requestNamed(r, r.req.params.issueIdOrKey);
  return json(200, customerRequestDto(r.base, r.svc.store, request, issue, r.access));
}

const REQUEST_KEYS = [
  'serviceDeskId',
  'requestTypeId',
  'requestFieldValues',
  'raiseOnBehalfOf',
  'requestParticipants',
  'channel',
  'form',
  'isAdfRequest',
];
const FIELD_KEYS = ['summary', 'description', 'priority'];

/**
 * A customer (or an agent for one) raises a request: a Jira issue of the request type's issue type in the
 * desk's project, reported by the customer, shared with the customer's organizations that the desk serves,
 * and announced with the same `avi:jira:created:issue` event as any new issue.
 */
function createRequest(r: SdRequest): SiteResponse {
  const { store, clock } = r.svc;
  const body = r.req.body;
  if (!isObject(body)) throw fail(400, 'The request body must be a JSON object.', 'sd.request.invalid');
  const unknown = Object.keys(body).find((k) => !REQUEST_KEYS.includes(k));
  if (unknown) throw fail(400, `Unrecognized field "${unknown}".`, 'sd.request.invalid');
  const desk = deskNamed(r, typeof body.serviceDeskId === 'string' ? body.serviceDeskId : undefined);
  const type = typeof body.requestTypeId === 'string' ? r.sd.getRequestType(body.requestTypeId) : undefined;
  if (!type || type.serviceDeskId !== desk.id) {
    throw fail(
      400,
      'The request type does not exist in this service desk.',
      'sd.request.requesttype.invalid',
    );
  }
  const agent = isAgent(r.access, desk);
  if (!agent && !isCustomer(r.access, desk, r.sd))
    throw fail(403, 'You cannot raise requests on this service desk.');
  const values = isObject(body.requestFieldValues) ? body.requestFieldValues : {};
  const unknownField = Object.keys(values).find((k) => !FIELD_KEYS.includes(k));
  if (unknownField)
    throw fail(400, `The field '${unknownField}' is not on this request type.`, 'sd.request.field.invalid');
  const summary = typeof values.summary === 'string' ? values.summary.trim() : '';
  if (!summary) throw fail(400, 'Summary is required.', 'sd.request.summary.required');
  const description =
    typeof values.description === 'string' && values.description.trim() ? values.description : null;
  const priorityName = isObject(values.priority) ? values.priority.name : undefined;
  const priority = PRIORITIES.find((p) => p.name === priorityName) ?? DEFAULT_PRIORITY;
  if (body.raiseOnBehalfOf !== undefined && !agent) {
    throw fail(
      400,
      'Only agents can raise requests on behalf of a customer.',
      'sd.request.onbehalf.forbidden',
    );
  }
  const reporterId = typeof body.raiseOnBehalfOf === 'string' ? body.raiseOnBehalfOf : r.access.accountId;
  if (!store.getUser(reporterId))
    throw fail(400, `The customer '${reporterId}' does not exist.`, 'sd.user.not.found');
  const participants = Array.isArray(body.requestParticipants)
    ? body.requestParticipants.filter((p): p is string => typeof p === 'string')
    : [];
  const project = store.getProject(desk.projectId);
  if (!project) throw fail(500, 'The service desk has lost its project.');

  const now = clock.iso();
  const served = new Set(r.sd.deskOrganizationIds(desk.id));
  const issue = store.transaction(() => {
    const id = store.nextId('issue');
    const number = store.takeIssueNumber(project.id);
    const created: IssueRecord = {
      id,
      key: `${project.key}-${number}`,
      projectId: project.id,
      number,
      issueTypeId: type.issueTypeId,
      summary,
      description: description ? textToAdf(description) : null,
      statusId: workflowOfProject(store, project.id).initialStatusId,
      priorityId: priority.id,
      resolutionId: null,
      assignee: null,
      reporter: reporterId,
      creator: r.access.accountId,
      labels: [],
      componentIds: [],
      created: now,
      updated: now,
      resolutionDate: null,
      statusCategoryChanged: now,
    };
    store.insertIssue(created);
    r.sd.insertRequest({ issueId: id, serviceDeskId: desk.id, requestTypeId: type.id });
    for (const org of r.sd.organizationsOf(reporterId))
      if (served.has(org.id)) r.sd.shareWithOrganization(id, org.id);
    for (const accountId of participants) if (store.getUser(accountId)) r.sd.addParticipant(id, accountId);
    return created;
  });
  r.emit(createdEvent(eventSource(r), issue));
  const request = r.sd.getRequest(issue.id) as RequestRecord;
  return json(201, customerRequestDto(r.base, store, request, issue, r.access));
}

// ---- comments ----

function boolQuery(r: SdRequest, name: string): boolean {
  const raw = r.req.query.get(name);
  if (raw === null || raw === '') return true;
  if (raw !== 'true' && raw !== 'false') throw fail(400, `The '${name}' parameter must be true or false.`);
  return raw === 'true';
}

function listComments(r: SdRequest): SiteResponse {
  const { issue, desk } = requestNamed(r, r.req.params.issueIdOrKey);
  const { start, limit } = paging(r);
  const agent = isAgent(r.access, desk);
  const wantPublic = boolQuery(r, 'public');
  const wantInternal = boolQuery(r, 'internal') && agent;
  const comments = r.svc.store
    .listComments(issue.id)
    .map((c) => ({ comment: c, isPublic: !isInternalNote(r.svc.store, c.id) }))
    .filter(
      ({ comment, isPublic }) =>
        (isPublic ? wantPublic : wantInternal) && (agent || comment.visibility === null),
    )
    .map(({ comment, isPublic }) => commentDto(r.base, r.svc.store, comment, isPublic, r.access));
  return json(200, page(r.base, `${API}/request/${issue.id}/comment`, comments, start, limit));
}

/** Agents comment publicly or internally; customers only publicly. Stored as Jira stores it: a property marks internal notes. */
function addComment(r: SdRequest): SiteResponse {
  const { issue, desk } = requestNamed(r, r.req.params.issueIdOrKey);
  const body = r.req.body;
  if (!isObject(body)) throw fail(400, 'The comment must be a JSON object.', 'sd.comment.invalid');
  if (typeof body.public !== 'boolean')
    throw fail(400, "The 'public' field is required.", 'sd.comment.public.required');
  const text = typeof body.body === 'string' ? body.body.trim() : '';
  if (!text) throw fail(400, 'The comment body can not be empty.', 'sd.comment.body.required');
  const agent = isAgent(r.access, desk);
  if (!body.public && !agent)
    throw fail(403, 'Customers can only add public comments.', 'sd.comment.internal.forbidden');
  const { store, clock } = r.svc;
  const now = clock.iso();
  const comment = store.transaction(() => {
    const record: CommentRecord = {
      id: store.nextId('comment'),
      issueId: issue.id,
      author: r.access.accountId,
      updateAuthor: r.access.accountId,
      body: textToAdf(text),
      created: now,
      updated: now,
      visibility: null,
    };
    store.insertComment(record);
    store.setCommentProperty(record.id, SD_PUBLIC_COMMENT, { internal: !body.public });
    store.touchIssue(issue.id, now);
    return record;
  });
  r.emit(commentedEvent(eventSource(r), { ...issue, updated: now }, comment));
  return json(201, commentDto(r.base, store, comment, body.public, r.access));
}

// ---- feedback ----

/** The feedback endpoints are experimental: Jira answers 412 unless the caller opts in. */
function requireExperimentalOptIn(r: SdRequest): void {
  if ((r.req.headers['x-experimentalapi'] ?? '').toLowerCase() !== 'opt-in') {
    throw fail(
      412,
      "This is an experimental API; send the header 'X-ExperimentalApi: opt-in'.",
      'sd.experimental.api',
    );
  }
}

function getFeedback(r: SdRequest): SiteResponse {
  requireExperimentalOptIn(r);
  const { issue } = requestNamed(r, r.req.params.requestIdOrKey);
  const feedback = r.sd.getFeedback(issue.id);
  if (!feedback) throw fail(404, 'This request has no feedback yet.', 'sd.feedback.not.found');
  return json(200, feedbackDto(feedback));
}

/** The reporter rates a resolved request from 1 to 5, once (rating again replaces it). */
function postFeedback(r: SdRequest): SiteResponse {
  requireExperimentalOptIn(r);
  const { issue } = requestNamed(r, r.req.params.requestIdOrKey);
  if (issue.reporter !== r.access.accountId && !r.access.isAppItself) {
    throw fail(
      403,
      'Only the customer who raised the request can give feedback on it.',
      'sd.feedback.reporter.only',
    );
  }
  if (issue.resolutionId === null) {
    throw fail(
      400,
      'The request is not resolved yet, so it cannot be rated.',
      'sd.feedback.request.unresolved',
    );
  }
  const body = r.req.body;
  if (!isObject(body)) throw fail(400, 'The feedback must be a JSON object.', 'sd.feedback.invalid');
  if (body.type !== undefined && body.type !== 'csat')
    throw fail(400, "The feedback type must be 'csat'.", 'sd.feedback.type.invalid');
  const rating = body.rating;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw fail(400, 'The rating must be a whole number from 1 to 5.', 'sd.feedback.rating.invalid');
  }
  const comment =
    isObject(body.comment) && typeof body.comment.body === 'string' ? body.comment.body.trim() : '';
  const feedback = { issueId: issue.id, rating, comment: comment || null, created: r.svc.clock.iso() };
  r.sd.setFeedback(feedback);
  return json(201, feedbackDto(feedback));
}

import type { Router } from '../../http/router';
import { json, type SiteResponse } from '../../http/types';
import { roleNamed } from '../access';
import { adfText, isAdfDoc, type AdfDoc } from '../adf';
import { commentedEvent } from '../events';
import {
  badRequest,
  fieldErrors,
  forbidden,
  intParam,
  isObject,
  JiraHttpError,
  jiraHandler,
  listParam,
  notFound,
  objectBody,
  type JiraRequest,
  type JiraServices,
} from '../http';
import { commentJson } from '../render';
import type { CommentRecord, CommentVisibility, IssueRecord } from '../store';
import { browsableIssue, eventSource, propertyList } from './issue-helpers';

/** Comments: list with paging and order, add (ADF body, visibility, properties), get, edit, delete. */
export function commentRoutes(router: Router, svc: JiraServices): void {
  const base = '/rest/api/3/issue/:issueIdOrKey/comment';
  router.get(base, jiraHandler(svc, listComments));
  router.post(base, jiraHandler(svc, postComment));
  router.get(`${base}/:id`, jiraHandler(svc, getComment));
  router.put(`${base}/:id`, jiraHandler(svc, editComment));
  router.delete(`${base}/:id`, jiraHandler(svc, deleteComment));
}

export interface CommentInput {
  readonly body: AdfDoc;
  readonly visibility: CommentVisibility | null;
  readonly properties: ReadonlyArray<{ key: string; value: unknown }>;
}

const MAX_BODY_CHARS = 32_767;

/** Checks a comment request body; throws Jira's 400 (or 413 when the body is too large). */
export function parseCommentInput(jr: JiraRequest, issue: IssueRecord, raw: unknown): CommentInput {
  if (!isObject(raw)) throw fieldErrors({ comment: 'Comment body can not be empty!' });
  const body = raw.body;
  if (body === undefined || body === null) throw fieldErrors({ comment: 'Comment body can not be empty!' });
  if (!isAdfDoc(body))
    throw fieldErrors({
      comment: 'Comment body must be an Atlassian Document (see the Atlassian Document Format).',
    });
  if (body.content.length === 0 || (adfText(body).trim().length === 0 && !hasNonTextContent(body))) {
    throw fieldErrors({ comment: 'Comment body can not be empty!' });
  }
  if (JSON.stringify(body).length > MAX_BODY_CHARS) {
    throw new JiraHttpError(413, ['The comment is too long. The maximum length is 32767 characters.']);
  }
  return {
    body,
    visibility: parseVisibility(jr, issue, raw.visibility),
    properties: propertyList(raw.properties),
  };
}

function hasNonTextContent(doc: AdfDoc): boolean {
  const walk = (nodes: readonly { type: string; content?: readonly unknown[] }[]): boolean =>
    nodes.some(
      (n) =>
        ['mention', 'emoji', 'inlineCard', 'mediaSingle', 'media', 'rule'].includes(n.type) ||
        walk((n.content ?? []) as { type: string }[]),
    );
  return walk(doc.content);
}

function parseVisibility(jr: JiraRequest, issue: IssueRecord, raw: unknown): CommentVisibility | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw))
    throw fieldErrors({ commentLevel: 'The visibility must be {"type": "role" | "group", "value": …}.' });
  const value =
    typeof raw.value === 'string'
      ? raw.value
      : typeof raw.identifier === 'string'
        ? raw.identifier
        : undefined;
  if (!value)
    throw fieldErrors({ commentLevel: 'The visibility needs a value: a project role or a group name.' });
  if (raw.type === 'role') {
    const role = roleNamed(value);
    if (!role) throw fieldErrors({ commentLevel: `Role with name '${value}' does not exist.` });
    if (!jr.access.inRole(issue.projectId, role)) {
      throw fieldErrors({ commentLevel: `You are currently not a member of the project role: ${value}.` });
    }
    return { type: 'role', value };
  }
  if (raw.type === 'group') {
    const group = jr.svc.store.getGroup({ name: value }) ?? jr.svc.store.getGroup({ groupId: value });
    if (!group) throw fieldErrors({ commentLevel: `Group: '${value}' does not exist.` });
    if (!jr.access.inGroup(group.name)) {
      throw fieldErrors({ commentLevel: `You are currently not a member of the group: ${group.name}.` });
    }
    return { type: 'group', value: group.name };
  }
  throw fieldErrors({ commentLevel: "The visibility type must be 'role' or 'group'." });
}

/** Stores a new comment (inside the caller's transaction) and bumps the issue's updated time. */
export function addComment(
  jr: JiraRequest,
  issue: IssueRecord,
  input: CommentInput,
  now: string,
): CommentRecord {
  const { store } = jr.svc;
  const comment: CommentRecord = {
    id: store.nextId('comment'),
    issueId: issue.id,
    author: jr.access.accountId,
    updateAuthor: jr.access.accountId,
    body: input.body,
    created: now,
    updated: now,
    visibility: input.visibility,
  };
  store.insertComment(comment);
  for (const p of input.properties) store.setCommentProperty(comment.id, p.key, p.value);
  store.touchIssue(issue.id, now);
  return comment;
}

function expandOptions(jr: JiraRequest): { renderedBody: boolean; properties: boolean } {
  const expand = listParam(jr.req.query, 'expand');
  return { renderedBody: expand.includes('renderedBody'), properties: expand.includes('properties') };
}

function listComments(jr: JiraRequest): SiteResponse {
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const q = jr.req.query;
  const startAt = intParam(q, 'startAt', 0);
  const maxResults = Math.min(intParam(q, 'maxResults', 100, 0), 5000);
  const orderBy = q.get('orderBy') ?? 'created';
  if (!['created', '+created', '-created'].includes(orderBy)) {
    throw badRequest(`The orderBy value '${orderBy}' is not valid; use created, +created or -created.`);
  }
  const visible = jr.svc.store.listComments(issue.id).filter((c) => jr.access.canSeeComment(c, issue));
  if (orderBy === '-created') visible.reverse();
  const options = expandOptions(jr);
  return json(200, {
    startAt,
    maxResults,
    total: visible.length,
    comments: visible
      .slice(startAt, startAt + maxResults)
      .map((c) => commentJson(jr.base, jr.svc.store, c, jr.access, options)),
  });
}

function postComment(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  if (!jr.access.hasOnIssue(issue, 'ADD_COMMENTS'))
    throw forbidden('You do not have the permission to comment on this issue.');
  const input = parseCommentInput(jr, issue, objectBody(jr.req));
  const now = clock.iso();
  const comment = store.transaction(() => addComment(jr, issue, input, now));
  jr.emit(commentedEvent(eventSource(jr), { ...issue, updated: now }, comment));
  return json(
    201,
    commentJson(jr.base, store, comment, jr.access, {
      ...expandOptions(jr),
      properties: input.properties.length > 0,
    }),
  );
}

/** The comment named in the path, on that issue and visible to the caller, or Jira's 404. */
function visibleComment(jr: JiraRequest, issue: IssueRecord): CommentRecord {
  const id = jr.req.params.id ?? '';
  const comment = jr.svc.store.getComment(id);
  if (!comment || comment.issueId !== issue.id || !jr.access.canSeeComment(comment, issue)) {
    throw notFound(`Can not find a comment for the id: ${id}.`);
  }
  return comment;
}

function getComment(jr: JiraRequest): SiteResponse {
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  return json(
    200,
    commentJson(jr.base, jr.svc.store, visibleComment(jr, issue), jr.access, expandOptions(jr)),
  );
}

function editComment(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const comment = visibleComment(jr, issue);
  if (!jr.access.canEditComment(comment, issue))
    throw forbidden('You do not have the permission to edit this comment.');
  const raw = objectBody(jr.req);
  const input = parseCommentInput(jr, issue, {
    ...raw,
    visibility: 'visibility' in raw ? raw.visibility : (comment.visibility ?? undefined),
  });
  const now = clock.iso();
  const edited: CommentRecord = {
    ...comment,
    body: input.body,
    visibility: input.visibility,
    updateAuthor: jr.access.accountId,
    updated: now,
  };
  store.transaction(() => {
    store.saveComment(edited);
    for (const p of input.properties) store.setCommentProperty(comment.id, p.key, p.value);
    store.touchIssue(issue.id, now);
  });
  jr.emit(commentedEvent(eventSource(jr), { ...issue, updated: now }, edited));
  return json(200, commentJson(jr.base, store, edited, jr.access, expandOptions(jr)));
}

function deleteComment(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const comment = visibleComment(jr, issue);
  if (!jr.access.canDeleteComment(comment, issue))
    throw forbidden('You do not have the permission to delete this comment.');
  const now = clock.iso();
  store.transaction(() => {
    store.deleteComment(comment.id);
    store.touchIssue(issue.id, now);
  });
  return json(204);
}

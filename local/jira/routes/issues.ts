import type { Router } from '../../http/router';
import { json, type SiteResponse } from '../../http/types';
import {
  DEFAULT_PRIORITY,
  DEFAULT_RESOLUTION,
  findByIdOrName,
  RESOLUTIONS,
  resolutionById,
  type StatusDef,
} from '../catalog';
import { accountIdOf, applyEdits, assignableProblem, CANNOT_SET, jira, userChange } from '../edit';
import { editScreenOf, mayOverrideScreens, OVERRIDE_REFUSED } from '../edit-screen';
import { assignedEvent, commentedEvent, createdEvent, updatedEvent } from '../events';
import { allFields, selectFields } from '../fields';
import {
  boolParam,
  fieldErrors,
  forbidden,
  INVALID_PAYLOAD,
  isObject,
  jiraHandler,
  listParam,
  badRequest,
  objectBody,
  type JiraRequest,
  type JiraServices,
} from '../http';
import { issueBean, statusOf, transitionsFor } from '../issue-view';
import type { ChangeItem, IssueRecord } from '../store';
import { addComment, parseCommentInput } from './comments';
import { browsableIssue, eventSource, projectOf, propertyList } from './issue-helpers';
import { targetOf, transitionsFrom, workflowOfProject } from '../workflows';

/** Issue create, get, edit, assign and transition. */
export function issueRoutes(router: Router, svc: JiraServices): void {
  router.post('/rest/api/3/issue', jiraHandler(svc, createIssue));
  router.get('/rest/api/3/issue/:issueIdOrKey', jiraHandler(svc, getIssue));
  router.put('/rest/api/3/issue/:issueIdOrKey', jiraHandler(svc, editIssue));
  router.put('/rest/api/3/issue/:issueIdOrKey/assignee', jiraHandler(svc, assignIssue));
  router.get('/rest/api/3/issue/:issueIdOrKey/transitions', jiraHandler(svc, getTransitions));
  router.post('/rest/api/3/issue/:issueIdOrKey/transitions', jiraHandler(svc, doTransition));
}

function createIssue(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const body = objectBody(jr.req);
  const fields = body.fields ?? {};
  if (!isObject(fields)) throw fieldErrors({ fields: "'fields' must be an object of field ids to values." });
  const update = isObject(body.update) ? body.update : {};
  const required: Record<string, string> = {};
  const projectRef = fields.project;
  const project = isObject(projectRef)
    ? typeof projectRef.id === 'string' || typeof projectRef.id === 'number'
      ? store.getProject(String(projectRef.id))
      : typeof projectRef.key === 'string'
        ? store.getProject(projectRef.key)
        : undefined
    : undefined;
  if (!project || !jr.access.canBrowseProject(project.id))
    required.project = 'Specify a valid project ID or key';
  if (fields.issuetype === undefined && update.issuetype === undefined)
    required.issuetype = 'Specify an issue type';
  if (fields.summary === undefined && update.summary === undefined)
    required.summary = 'You must specify a summary of the issue.';
  if (Object.keys(required).length > 0 || !project) throw fieldErrors(required);
  if (!jr.access.has(project.id, 'CREATE_ISSUES'))
    throw forbidden('You do not have permission to create issues in this project.');
  const properties = propertyList(body.properties);

  const now = clock.iso();
  const blank: IssueRecord = {
    id: '',
    key: '',
    projectId: project.id,
    number: 0,
    issueTypeId: '',
    summary: '',
    description: null,
    statusId: workflowOfProject(store, project.id).initialStatusId,
    priorityId: DEFAULT_PRIORITY.id,
    resolutionId: null,
    assignee: null,
    reporter: jr.access.accountId,
    creator: jr.access.accountId,
    labels: [],
    componentIds: [],
    created: now,
    updated: now,
    resolutionDate: null,
    statusCategoryChanged: now,
  };
  const edit = applyEdits(
    { store, access: jr.access, fields: allFields(store), project, mode: 'create' },
    blank,
    { fields, update: body.update },
  );
  const issue = store.transaction(() => {
    const id = store.nextId('issue');
    const number = store.takeIssueNumber(project.id);
    const created: IssueRecord = { ...edit.issue, id, number, key: `${project.key}-${number}` };
    store.insertIssue(created);
    for (const write of edit.appWrites) store.setAppFieldValue(write.field.id, id, write.to);
    for (const p of properties) store.setIssueProperty(id, p.key, p.value);
    return created;
  });
  jr.emit(createdEvent(eventSource(jr), issue));
  return json(201, { id: issue.id, key: issue.key, self: `${jr.base}/rest/api/3/issue/${issue.id}` });
}

function getIssue(jr: JiraRequest): SiteResponse {
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  return json(200, renderIssue(jr, issue, listParam(jr.req.query, 'fields'), '*all'));
}

function renderIssue(
  jr: JiraRequest,
  issue: IssueRecord,
  tokens: string[],
  fallback: '*all' | '*navigable',
): unknown {
  const fields = allFields(jr.svc.store);
  const selection = selectFields(fields, tokens, fallback);
  return issueBean(jr.base, jr.svc.store, fields, issue, jr.access, {
    fieldIds: selection.ids,
    expand: new Set(listParam(jr.req.query, 'expand')),
    properties: listParam(jr.req.query, 'properties'),
  });
}

function editIssue(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const current = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const project = projectOf(store, current);
  const q = jr.req.query;
  const notifyUsers = boolParam(q, 'notifyUsers', true);
  const overrideScreens = boolParam(q, 'overrideScreenSecurity', false);
  // Every status here is editable (no `jira.issue.editable=false`), so this flag has nothing to skip.
  const overrideEditable = boolParam(q, 'overrideEditableFlag', false);
  const returnIssue = boolParam(q, 'returnIssue', false);
  if (!jr.access.has(project.id, 'EDIT_ISSUES'))
    throw forbidden('You do not have permission to edit issues in this project.');
  if (!notifyUsers && !jr.access.canSuppressNotifications(project.id)) {
    throw forbidden(
      'To discard the user notification either admin or project admin permissions are required.',
    );
  }
  if ((overrideScreens || overrideEditable) && !mayOverrideScreens(jr.req.principal, jr.access))
    throw forbidden(OVERRIDE_REFUSED);
  const body = objectBody(jr.req);
  const properties = propertyList(body.properties);
  const screen = overrideScreens ? undefined : editScreenOf(store, project);
  const edit = applyEdits(
    { store, access: jr.access, fields: allFields(store), project, mode: 'edit', screen },
    current,
    { fields: body.fields, update: body.update },
  );
  const now = clock.iso();
  const changed = edit.items.length > 0;
  const next: IssueRecord = changed ? { ...edit.issue, updated: now } : current;
  const changelog = store.transaction(() => {
    if (changed) store.saveIssue(next);
    for (const write of edit.appWrites) store.setAppFieldValue(write.field.id, current.id, write.to);
    for (const p of properties) store.setIssueProperty(current.id, p.key, p.value);
    return changed ? store.addChangelog(current.id, jr.access.accountId, now, edit.items) : undefined;
  });
  if (changelog) emitUpdate(jr, next, changelog.items, changelog);
  if (!returnIssue) return json(204);
  return json(200, renderIssue(jr, next, [], '*all'));
}

/** The updated event, plus the assigned event when the assignee changed (Jira sends both). */
function emitUpdate(
  jr: JiraRequest,
  issue: IssueRecord,
  items: readonly ChangeItem[],
  changelog: {
    id: string;
    issueId: string;
    author: string | null;
    created: string;
    items: readonly ChangeItem[];
  },
  statusChange?: { from: string; to: string },
): void {
  const src = eventSource(jr);
  jr.emit(updatedEvent(src, issue, changelog, statusChange));
  if (items.some((i) => i.fieldId === 'assignee')) jr.emit(assignedEvent(src, issue, changelog));
}

function assignIssue(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const current = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const project = projectOf(store, current);
  if (!jr.access.has(project.id, 'ASSIGN_ISSUES'))
    throw forbidden('You do not have permission to assign issues.');
  const body = objectBody(jr.req);
  if (!('accountId' in body))
    throw fieldErrors({ accountId: 'Send {"accountId": "…"}, or {"accountId": null} to unassign.' });
  const accountId = accountIdOf(body);
  if (accountId === undefined)
    throw fieldErrors({ accountId: 'The accountId must be a string, or null to unassign.' });
  const target = accountId === '-1' ? null : accountId;
  if (target !== null) {
    const problem = assignableProblem(store, project, target);
    if (problem) throw fieldErrors({ assignee: problem });
  }
  if (target === current.assignee) return json(204);
  const now = clock.iso();
  const next: IssueRecord = { ...current, assignee: target, updated: now };
  const items = [userChange(store, 'assignee', current.assignee, target)];
  const changelog = store.transaction(() => {
    store.saveIssue(next);
    return store.addChangelog(current.id, jr.access.accountId, now, items);
  });
  emitUpdate(jr, next, items, changelog);
  return json(204);
}

function getTransitions(jr: JiraRequest): SiteResponse {
  const issue = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const wanted = jr.req.query.get('transitionId');
  const withFields = listParam(jr.req.query, 'expand').includes('transitions.fields');
  const transitions = jr.access.hasOnIssue(issue, 'TRANSITION_ISSUES')
    ? transitionsFor(jr.base, jr.svc.store, issue, withFields).filter((t) => !wanted || t.id === wanted)
    : [];
  return json(200, { expand: 'transitions', transitions });
}

function doTransition(jr: JiraRequest): SiteResponse {
  const { store, clock } = jr.svc;
  const current = browsableIssue(jr, jr.req.params.issueIdOrKey);
  const project = projectOf(store, current);
  const body = objectBody(jr.req);
  const ref = body.transition;
  const transitionId =
    isObject(ref) && (typeof ref.id === 'string' || typeof ref.id === 'number') ? String(ref.id) : undefined;
  if (!transitionId) throw badRequest("Missing 'transition' identifier");
  // Jira answers 400 here, as for a transition the issue does not offer (the operation's documented errors).
  if (!jr.access.has(project.id, 'TRANSITION_ISSUES'))
    throw badRequest('You do not have permission to transition this issue.');
  const transition = transitionsFrom(workflowOfProject(store, project.id), current.statusId).find(
    (t) => t.id === transitionId,
  );
  if (!transition) throw badRequest(`Transition id '${transitionId}' is not valid for this issue.`);
  const target = targetOf(transition);

  const fields = body.fields ?? {};
  const update = body.update ?? {};
  if (!isObject(fields) || !isObject(update)) throw badRequest(INVALID_PAYLOAD);
  const errors: Record<string, string> = {};
  let resolutionId: string | null = current.resolutionId;
  for (const [field, value] of Object.entries(fields)) {
    // Only a field on the transition's screen can be set (Jira refuses the others).
    if (field === 'resolution' && transition.resolutionScreen) {
      const found = isObject(value) ? findByIdOrName(RESOLUTIONS, value) : undefined;
      if (found) resolutionId = found.id;
      else errors.resolution = 'The resolution selected is invalid.';
    } else errors[field] = CANNOT_SET(field);
  }
  let commentInput: ReturnType<typeof parseCommentInput> | undefined;
  for (const [field, ops] of Object.entries(update)) {
    const add =
      field === 'comment' && Array.isArray(ops) && ops.length === 1 && isObject(ops[0])
        ? ops[0].add
        : undefined;
    if (add === undefined) {
      errors[field] = field === 'comment' ? 'Send the comment as [{"add": {"body": …}}].' : CANNOT_SET(field);
      continue;
    }
    try {
      commentInput = parseCommentInput(jr, current, add);
    } catch (error) {
      Object.assign(
        errors,
        (error as { errors?: Record<string, string> }).errors ?? { comment: String(error) },
      );
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  if (commentInput && !jr.access.hasOnIssue(current, 'ADD_COMMENTS')) {
    throw forbidden('You do not have the permission to comment on this issue.');
  }

  const now = clock.iso();
  const from = statusOf(current);
  // The screen's preset, or the workflow's post function: Done; leaving a done status clears it.
  if (target.category === 'done') resolutionId ??= DEFAULT_RESOLUTION.id;
  else resolutionId = null;
  const next: IssueRecord = {
    ...current,
    statusId: target.id,
    resolutionId,
    resolutionDate:
      target.category === 'done' ? (from.category === 'done' ? current.resolutionDate : now) : null,
    statusCategoryChanged: target.category !== from.category ? now : current.statusCategoryChanged,
    updated: now,
  };
  const items = transitionItems(current, next, from, target);
  const { changelog, comment } = store.transaction(() => {
    store.saveIssue(next);
    const log = store.addChangelog(current.id, jr.access.accountId, now, items);
    const added = commentInput ? addComment(jr, next, commentInput, now) : undefined;
    return { changelog: log, comment: added };
  });
  emitUpdate(jr, next, items, changelog, { from: from.id, to: target.id });
  if (comment) jr.emit(commentedEvent(eventSource(jr), next, comment));
  return json(204);
}

function transitionItems(
  current: IssueRecord,
  next: IssueRecord,
  from: StatusDef,
  to: StatusDef,
): ChangeItem[] {
  const items: ChangeItem[] = [jira('status', 'status', from.id, from.name, to.id, to.name)];
  if (current.resolutionId !== next.resolutionId) {
    const name = (id: string | null) => (id ? (resolutionById(id)?.name ?? null) : null);
    items.push(
      jira(
        'resolution',
        'resolution',
        current.resolutionId,
        name(current.resolutionId),
        next.resolutionId,
        name(next.resolutionId),
      ),
    );
  }
  return items;
}

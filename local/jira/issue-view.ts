import type { Access } from './access';
import { adfHtml } from './adf';
import { renderAppFieldValue } from './app-field-values';
import {
  DEFAULT_RESOLUTION,
  issueTypeById,
  priorityById,
  RESOLUTIONS,
  resolutionById,
  STATUSES,
  statusById,
  type IssueTypeDef,
  type StatusDef,
} from './catalog';
import type { FieldDef } from './fields';
import {
  commentJson,
  componentJson,
  issueTypeJson,
  linkedIssueJson,
  linkTypeById,
  linkTypeJson,
  priorityJson,
  projectRefJson,
  resolutionJson,
  statusCategoryJson,
  statusJson,
  userDetailsJson,
  userRef,
} from './render';
import type { IssueRecord, JiraStore } from './store';
import { jiraTime } from './time';
import { targetOf, transitionsFrom, workflowOfProject, type TransitionDef } from './workflows';

/** How an `IssueBean` is asked for: which fields, which expansions, which properties. */
export interface IssueViewOptions {
  readonly fieldIds: readonly string[];
  readonly expand: ReadonlySet<string>;
  /** Property keys to include (`*all` for every one); empty for none. */
  readonly properties: readonly string[];
  /** In search, names and schema go at the top level instead of in each issue. */
  readonly topLevelNamesAndSchema?: boolean;
}

export const ISSUE_EXPAND =
  'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export function statusOf(issue: IssueRecord): StatusDef {
  return statusById(issue.statusId) ?? (STATUSES[0] as StatusDef);
}

export function issueTypeOf(issue: IssueRecord): IssueTypeDef {
  return issueTypeById(issue.issueTypeId) as IssueTypeDef;
}

/** `IssueBean` for an issue the viewer may browse. */
export function issueBean(
  base: string,
  store: JiraStore,
  fields: readonly FieldDef[],
  issue: IssueRecord,
  viewer: Access,
  options: IssueViewOptions,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const id of options.fieldIds) values[id] = fieldValue(base, store, fields, issue, viewer, id);
  const bean: Record<string, unknown> = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (options.expand.has('renderedFields'))
    bean.renderedFields = renderedFields(store, issue, viewer, options.fieldIds);
  if (options.properties.length > 0) bean.properties = issueProperties(store, issue, options.properties);
  if (!options.topLevelNamesAndSchema) {
    if (options.expand.has('names')) bean.names = namesOf(fields, options.fieldIds);
    if (options.expand.has('schema')) bean.schema = schemaOf(fields, options.fieldIds);
  }
  if (options.expand.has('transitions'))
    bean.transitions = viewer.hasOnIssue(issue, 'TRANSITION_ISSUES')
      ? transitionsFor(base, store, issue)
      : [];
  if (options.expand.has('changelog')) bean.changelog = changelogPage(base, store, issue, viewer);
  bean.fields = values;
  return bean;
}

export function namesOf(fields: readonly FieldDef[], ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, fields.find((f) => f.id === id)?.name ?? id]));
}

export function schemaOf(fields: readonly FieldDef[], ids: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const id of ids) {
    const schema = fields.find((f) => f.id === id)?.schema;
    if (schema) result[id] = schema;
  }
  return result;
}

function issueProperties(
  store: JiraStore,
  issue: IssueRecord,
  keys: readonly string[],
): Record<string, unknown> {
  const wanted = keys.includes('*all') ? store.issuePropertyKeys(issue.id) : keys;
  const result: Record<string, unknown> = {};
  for (const key of wanted) {
    const found = store.getIssueProperty(issue.id, key);
    if (found.found) result[key] = found.value;
  }
  return result;
}

/** The transitions the issue's workflow offers from its status; with `withFields`, their screens' fields. */
export function transitionsFor(
  base: string,
  store: JiraStore,
  issue: IssueRecord,
  withFields = false,
): Array<Record<string, unknown>> {
  return transitionsFrom(workflowOfProject(store, issue.projectId), issue.statusId).map((t) => ({
    id: t.id,
    name: t.name,
    to: statusJson(base, targetOf(t)),
    hasScreen: t.resolutionScreen === true,
    isGlobal: t.from === undefined,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
    ...(withFields ? { fields: transitionFields(base, t) } : {}),
  }));
}

/** A transition screen's fields as `FieldMetadata`: the Resolution field, preset to the site's default. */
function transitionFields(base: string, transition: TransitionDef): Record<string, unknown> {
  if (!transition.resolutionScreen) return {};
  return {
    resolution: {
      required: true,
      schema: { type: 'resolution', system: 'resolution' },
      name: 'Resolution',
      key: 'resolution',
      operations: ['set'],
      allowedValues: RESOLUTIONS.map((r) => resolutionJson(base, r)),
      hasDefaultValue: true,
      defaultValue: resolutionJson(base, DEFAULT_RESOLUTION),
    },
  };
}

function changelogPage(
  base: string,
  store: JiraStore,
  issue: IssueRecord,
  viewer: Access,
): Record<string, unknown> {
  const histories = store.changelogs(issue.id).map((h) => {
    const author = h.author ? store.getUser(h.author) : undefined;
    return {
      id: h.id,
      ...(author ? { author: userDetailsJson(base, author, viewer) } : {}),
      created: jiraTime(h.created),
      // ChangeDetails declares its values as strings, so absent values are left out rather than null.
      items: h.items.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null))),
    };
  });
  return { startAt: 0, maxResults: histories.length, total: histories.length, histories };
}

function renderedFields(
  store: JiraStore,
  issue: IssueRecord,
  viewer: Access,
  fieldIds: readonly string[],
): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  for (const id of fieldIds) {
    if (id === 'description') rendered.description = issue.description ? adfHtml(issue.description) : null;
    else if (id === 'comment') {
      const comments = store
        .listComments(issue.id)
        .filter((c) => viewer.canSeeComment(c, issue))
        .map((c) => ({ id: c.id, body: adfHtml(c.body) }));
      rendered.comment = { comments, maxResults: comments.length, total: comments.length, startAt: 0 };
    } else rendered[id] = null;
  }
  return rendered;
}

function fieldValue(
  base: string,
  store: JiraStore,
  fields: readonly FieldDef[],
  issue: IssueRecord,
  viewer: Access,
  id: string,
): unknown {
  const status = statusOf(issue);
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description;
    case 'issuetype':
      return issueTypeJson(base, issueTypeOf(issue));
    case 'project': {
      const project = store.getProject(issue.projectId);
      return project ? projectRefJson(base, project) : null;
    }
    case 'status':
      return statusJson(base, status);
    case 'statusCategory':
      return statusCategoryJson(base, status);
    case 'priority': {
      const priority = issue.priorityId ? priorityById(issue.priorityId) : undefined;
      return priority ? priorityJson(base, priority) : null;
    }
    case 'assignee':
      return userRef(base, store, issue.assignee, viewer);
    case 'reporter':
      return userRef(base, store, issue.reporter, viewer);
    case 'creator':
      return userRef(base, store, issue.creator, viewer);
    case 'created':
      return jiraTime(issue.created);
    case 'updated':
      return jiraTime(issue.updated);
    case 'resolutiondate':
      return jiraTime(issue.resolutionDate);
    case 'statuscategorychangedate':
      return jiraTime(issue.statusCategoryChanged);
    case 'resolution': {
      const resolution = issue.resolutionId ? resolutionById(issue.resolutionId) : undefined;
      return resolution ? resolutionJson(base, resolution) : null;
    }
    case 'labels':
      return [...issue.labels];
    case 'components': {
      const project = store.getProject(issue.projectId);
      if (!project) return [];
      return issue.componentIds
        .map((cid) => store.getComponent(cid))
        .filter((c) => c !== undefined)
        .map((c) => componentJson(base, store, c, project, viewer, false));
    }
    case 'comment': {
      const comments = store
        .listComments(issue.id)
        .filter((c) => viewer.canSeeComment(c, issue))
        .map((c) => commentJson(base, store, c, viewer));
      return {
        comments,
        self: `${base}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    case 'issuelinks':
      return issueLinks(base, store, issue, viewer);
    default: {
      const field = fields.find((f) => f.id === id)?.appField;
      if (!field) return null;
      return renderAppFieldValue(base, store, field, store.getAppFieldValue(field.id, issue.id), viewer);
    }
  }
}

/** Links to issues the viewer can see, each from this issue's side. */
function issueLinks(base: string, store: JiraStore, issue: IssueRecord, viewer: Access): unknown[] {
  const result: unknown[] = [];
  for (const link of store.linksOf(issue.id)) {
    const type = linkTypeById(link.typeId);
    // As in Jira's API, the request's `inwardIssue` is the source ("A blocks B" has A inward, B outward): the
    // source lists the other issue as `outwardIssue`, the destination lists the source as `inwardIssue`.
    const otherId = link.outwardIssueId === issue.id ? link.inwardIssueId : link.outwardIssueId;
    const other = store.getIssue(otherId);
    if (!type || !other || !viewer.canBrowseIssue(other)) continue;
    const nested = linkedIssueJson(
      base,
      other,
      statusOf(other),
      other.priorityId ? priorityById(other.priorityId) : undefined,
      issueTypeOf(other),
    );
    result.push({
      id: link.id,
      self: `${base}/rest/api/3/issueLink/${link.id}`,
      type: linkTypeJson(base, type),
      ...(link.outwardIssueId === issue.id ? { inwardIssue: nested } : { outwardIssue: nested }),
    });
  }
  return result;
}

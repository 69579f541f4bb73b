import { Access } from './access';
import { adfText, isAdfDoc, type AdfDoc } from './adf';
import { appFieldChange, parseAppFieldValue, sameValue } from './app-field-values';
import { findByIdOrName, ISSUE_TYPES, issueTypeById, PRIORITIES, priorityById } from './catalog';
import type { EditScreen } from './edit-screen';
import type { FieldDef } from './fields';
import { fieldErrors, isObject } from './http';
import type { AppFieldRecord, ChangeItem, IssueRecord, JiraStore, ProjectRecord } from './store';

/**
 * Applies the `fields` and `update` parts of a create or edit request to an issue, the way Jira's edit
 * screen does: every field is checked, all problems are reported together (`errors: { field: message }`),
 * and nothing is written here; the caller stores the result in one transaction.
 */
export interface EditContext {
  readonly store: JiraStore;
  readonly access: Access;
  readonly fields: readonly FieldDef[];
  readonly project: ProjectRecord;
  readonly mode: 'create' | 'edit';
  /** The edit screen every field must be on; absent for create, the default screen, or an override. */
  readonly screen?: EditScreen;
}

export interface AppFieldWrite {
  readonly field: AppFieldRecord;
  readonly from: unknown;
  readonly to: unknown;
}

export interface EditResult {
  readonly issue: IssueRecord;
  readonly appWrites: readonly AppFieldWrite[];
  /** Changelog items (empty when nothing changed). */
  readonly items: readonly ChangeItem[];
}

type Operation = 'set' | 'add' | 'remove' | 'edit' | 'copy';
const OPERATIONS: readonly Operation[] = ['set', 'add', 'remove', 'edit', 'copy'];

export const CANNOT_SET = (field: string) =>
  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** Fields the create handler reads itself. */
const CREATE_ONLY = new Set(['project']);

export function applyEdits(
  ctx: EditContext,
  current: IssueRecord,
  body: { fields?: unknown; update?: unknown },
): EditResult {
  const errors: Record<string, string> = {};
  const fieldsPart = body.fields === undefined ? {} : body.fields;
  const updatePart = body.update === undefined ? {} : body.update;
  if (!isObject(fieldsPart))
    throw fieldErrors({ fields: "'fields' must be an object of field ids to values." });
  if (!isObject(updatePart))
    throw fieldErrors({ update: "'update' must be an object of field ids to lists of operations." });

  const draft = new Draft(ctx, current);
  for (const [field, value] of Object.entries(fieldsPart)) {
    if (ctx.mode === 'create' && CREATE_ONLY.has(field)) continue;
    if (!onScreen(ctx, field)) {
      errors[field] = CANNOT_SET(field);
      continue;
    }
    if (field in updatePart) {
      errors[field] = `Field '${field}' cannot be set in both 'fields' and 'update'; use one of them.`;
      continue;
    }
    const problem = draft.apply(field, 'set', value);
    if (problem) errors[field] = problem;
  }
  for (const [field, ops] of Object.entries(updatePart)) {
    if (field in errors) continue;
    if (!onScreen(ctx, field)) {
      errors[field] = CANNOT_SET(field);
      continue;
    }
    if (!Array.isArray(ops) || ops.length === 0) {
      errors[field] = `The update of '${field}' must be a list of operations such as [{"set": …}].`;
      continue;
    }
    for (const op of ops) {
      const keys = isObject(op) ? Object.keys(op) : [];
      const name = keys[0] as Operation | undefined;
      if (keys.length !== 1 || !name || !OPERATIONS.includes(name)) {
        errors[field] =
          `Each operation on '${field}' must be one object with one of: ${OPERATIONS.join(', ')}.`;
        break;
      }
      const problem = draft.apply(field, name, (op as Record<string, unknown>)[name]);
      if (problem) {
        errors[field] = problem;
        break;
      }
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  return draft.result(current);
}

/** Whether a field named by id (or app field key) is on the edit screen; any field when there is none. */
function onScreen(ctx: EditContext, field: string): boolean {
  if (!ctx.screen) return true;
  const def = ctx.fields.find((f) => f.id === field || (f.appField && f.key === field));
  return def !== undefined && ctx.screen.has(def);
}

class Draft {
  private issue: { -readonly [K in keyof IssueRecord]: IssueRecord[K] };
  private readonly appValues = new Map<string, { field: AppFieldRecord; value: unknown }>();

  constructor(
    private readonly ctx: EditContext,
    current: IssueRecord,
  ) {
    this.issue = { ...current, labels: [...current.labels], componentIds: [...current.componentIds] };
  }

  /** Applies one operation; returns a message when it is not allowed or the value is wrong. */
  apply(field: string, op: Operation, value: unknown): string | undefined {
    switch (field) {
      case 'summary':
        return this.only(op, ['set'], field) ?? this.setSummary(value);
      case 'description':
        return this.only(op, ['set'], field) ?? this.setDescription(value);
      case 'labels':
        return this.only(op, ['set', 'add', 'remove'], field) ?? this.changeLabels(op, value);
      case 'components':
        return this.only(op, ['set', 'add', 'remove'], field) ?? this.changeComponents(op, value);
      case 'priority':
        return this.only(op, ['set'], field) ?? this.setPriority(value);
      case 'issuetype':
        return this.only(op, ['set'], field) ?? this.setIssueType(value);
      case 'assignee':
        return this.only(op, ['set'], field) ?? this.setAssignee(value);
      case 'reporter':
        return this.only(op, ['set'], field) ?? this.setReporter(value);
      default: {
        const def = this.ctx.fields.find((f) => f.id === field || (f.appField && f.key === field));
        if (!def?.appField || def.appField.readOnly) return CANNOT_SET(field);
        return this.only(op, ['set'], field) ?? this.setAppField(def.appField, field, value);
      }
    }
  }

  result(current: IssueRecord): EditResult {
    const next: IssueRecord = this.issue;
    const items: ChangeItem[] = [];
    if (this.ctx.mode === 'edit') {
      if (next.summary !== current.summary)
        items.push(jira('summary', 'summary', null, current.summary, null, next.summary));
      if (JSON.stringify(next.description) !== JSON.stringify(current.description)) {
        items.push(
          jira(
            'description',
            'description',
            null,
            adfText(current.description) || null,
            null,
            adfText(next.description) || null,
          ),
        );
      }
      if (next.issueTypeId !== current.issueTypeId) {
        items.push(
          jira(
            'issuetype',
            'issuetype',
            current.issueTypeId,
            issueTypeById(current.issueTypeId)?.name ?? null,
            next.issueTypeId,
            issueTypeById(next.issueTypeId)?.name ?? null,
          ),
        );
      }
      if (next.priorityId !== current.priorityId) {
        const name = (id: string | null) => (id ? (priorityById(id)?.name ?? null) : null);
        items.push(
          jira(
            'priority',
            'priority',
            current.priorityId,
            name(current.priorityId),
            next.priorityId,
            name(next.priorityId),
          ),
        );
      }
      if (next.labels.join(' ') !== current.labels.join(' ')) {
        items.push(
          jira(
            'labels',
            'labels',
            null,
            current.labels.join(' ') || null,
            null,
            next.labels.join(' ') || null,
          ),
        );
      }
      const componentName = (id: string) => this.ctx.store.getComponent(id)?.name ?? id;
      for (const id of current.componentIds.filter((c) => !next.componentIds.includes(c))) {
        items.push(jira('Component', 'components', id, componentName(id), null, null));
      }
      for (const id of next.componentIds.filter((c) => !current.componentIds.includes(c))) {
        items.push(jira('Component', 'components', null, null, id, componentName(id)));
      }
      for (const person of ['reporter', 'assignee'] as const) {
        if (next[person] !== current[person])
          items.push(userChange(this.ctx.store, person, current[person], next[person]));
      }
    }
    const appWrites: AppFieldWrite[] = [];
    for (const { field, value } of this.appValues.values()) {
      const from = this.ctx.mode === 'edit' ? this.ctx.store.getAppFieldValue(field.id, current.id) : null;
      if (sameValue(from, value)) continue;
      appWrites.push({ field, from, to: value });
      if (this.ctx.mode === 'edit') items.push(appFieldChange(this.ctx.store, field, from, value));
    }
    return { issue: next, appWrites, items };
  }

  private only(op: Operation, allowed: readonly Operation[], field: string): string | undefined {
    return allowed.includes(op) ? undefined : `Field '${field}' does not support the '${op}' operation.`;
  }

  private setSummary(value: unknown): string | undefined {
    if (typeof value !== 'string' || value.trim().length === 0)
      return 'You must specify a summary of the issue.';
    if (value.length > 255) return 'Summary must be less than 255 characters.';
    if (/[\r\n]/.test(value)) return 'The summary is invalid because it contains newline characters.';
    this.issue.summary = value;
    return undefined;
  }

  private setDescription(value: unknown): string | undefined {
    if (value === null) {
      this.issue.description = null;
      return undefined;
    }
    if (!isAdfDoc(value))
      return 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
    this.issue.description = value as AdfDoc;
    return undefined;
  }

  private changeLabels(op: Operation, value: unknown): string | undefined {
    const values = op === 'set' ? value : [value];
    if (!Array.isArray(values)) return 'The labels must be a list of strings, e.g. ["urgent"].';
    for (const label of values) {
      if (typeof label !== 'string' || label.length === 0) return 'A label must be a non-empty string.';
      if (/\s/.test(label)) return `The label '${label}' contains spaces which is invalid.`;
      if (label.length > 255) return `The label '${label.slice(0, 20)}…' is longer than 255 characters.`;
    }
    const labels = values as string[];
    if (op === 'set') this.issue.labels = unique(labels);
    else if (op === 'add') this.issue.labels = unique([...this.issue.labels, ...labels]);
    else this.issue.labels = this.issue.labels.filter((l) => !labels.includes(l));
    return undefined;
  }

  private changeComponents(op: Operation, value: unknown): string | undefined {
    const refs = op === 'set' ? value : [value];
    if (!Array.isArray(refs)) return 'The components must be a list of {"id"} or {"name"} objects.';
    const ids: string[] = [];
    const components = this.ctx.store.listComponents(this.ctx.project.id);
    for (const ref of refs) {
      if (!isObject(ref)) return 'Each component must be an object with an id or a name.';
      const found = findByIdOrName(components, ref);
      if (!found) {
        return ref.id !== undefined
          ? `Component with id '${String(ref.id)}' does not exist.`
          : `Component name '${String(ref.name)}' is not valid`;
      }
      ids.push(found.id);
    }
    if (op === 'set') this.issue.componentIds = unique(ids);
    else if (op === 'add') this.issue.componentIds = unique([...this.issue.componentIds, ...ids]);
    else this.issue.componentIds = this.issue.componentIds.filter((c) => !ids.includes(c));
    return undefined;
  }

  private setPriority(value: unknown): string | undefined {
    if (value === null) return 'Priority cannot be empty.';
    if (!isObject(value)) return 'Specify the Priority (id or name) in the string format.';
    const priority = findByIdOrName(PRIORITIES, value);
    if (!priority) return 'The priority selected is invalid.';
    this.issue.priorityId = priority.id;
    return undefined;
  }

  private setIssueType(value: unknown): string | undefined {
    if (!isObject(value)) return 'Specify an issue type.';
    const type = findByIdOrName(ISSUE_TYPES, value);
    if (!type) return 'Specify a valid issue type.';
    this.issue.issueTypeId = type.id;
    return undefined;
  }

  private setAssignee(value: unknown): string | undefined {
    if (!this.ctx.access.has(this.ctx.project.id, 'ASSIGN_ISSUES')) return CANNOT_SET('assignee');
    const accountId = accountIdOf(value);
    if (accountId === undefined) return 'Specify the assignee as {"accountId": "…"} or null.';
    if (accountId === null || accountId === '-1') {
      this.issue.assignee = null;
      return undefined;
    }
    const problem = assignableProblem(this.ctx.store, this.ctx.project, accountId);
    if (problem) return problem;
    this.issue.assignee = accountId;
    return undefined;
  }

  private setReporter(value: unknown): string | undefined {
    if (!this.ctx.access.has(this.ctx.project.id, 'MODIFY_REPORTER')) return CANNOT_SET('reporter');
    const accountId = accountIdOf(value);
    if (!accountId) return 'Specify the reporter as {"accountId": "…"}.';
    const user = this.ctx.store.getUser(accountId);
    if (!user || !user.active) return `The reporter specified is not a user.`;
    this.issue.reporter = accountId;
    return undefined;
  }

  private setAppField(field: AppFieldRecord, errorKey: string, value: unknown): string | undefined {
    try {
      this.appValues.set(field.id, {
        field,
        value: parseAppFieldValue(this.ctx.store, field, value, errorKey),
      });
      return undefined;
    } catch (error) {
      return Object.values((error as { errors?: Record<string, string> }).errors ?? {})[0] ?? String(error);
    }
  }
}

/** Why a person cannot be assigned issues in a project, or undefined when they can. */
export function assignableProblem(
  store: JiraStore,
  project: ProjectRecord,
  accountId: string,
): string | undefined {
  const user = store.getUser(accountId);
  if (!user || !user.active || user.accountType !== 'atlassian') return `User '${accountId}' does not exist.`;
  if (!Access.forUser(store, user).has(project.id, 'ASSIGNABLE_USER'))
    return `User '${accountId}' cannot be assigned issues.`;
  return undefined;
}

/** `{ accountId }` → the id, `null` or `{ accountId: null }` → null, anything else → undefined. */
export function accountIdOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (!isObject(value)) return undefined;
  if (value.accountId === null) return null;
  return typeof value.accountId === 'string' && value.accountId.length > 0 ? value.accountId : undefined;
}

export function userChange(
  store: JiraStore,
  field: 'assignee' | 'reporter',
  from: string | null,
  to: string | null,
): ChangeItem {
  const name = (id: string | null) => (id ? (store.getUser(id)?.displayName ?? null) : null);
  return jira(field, field, from, name(from), to, name(to));
}

export function jira(
  field: string,
  fieldId: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toString: string | null,
): ChangeItem {
  return { field, fieldtype: 'jira', fieldId, from, fromString, to, toString };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

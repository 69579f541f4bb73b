import type { JqlCustomField } from '../jql/types';
import type { AppFieldRecord, JiraStore } from './store';

/**
 * The fields of this Jira: the system fields it implements and the Forge app fields registered from the
 * installed app's manifest (`jira:customField`), as `GET /field` lists them (`FieldDetails`).
 */
export interface FieldDef {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly custom: boolean;
  readonly orderable: boolean;
  readonly navigable: boolean;
  readonly searchable: boolean;
  readonly clauseNames: readonly string[];
  readonly schema?: Readonly<Record<string, unknown>>;
  readonly appField?: AppFieldRecord;
}

function system(
  id: string,
  name: string,
  schema: Record<string, unknown> | undefined,
  flags: { orderable: boolean; navigable: boolean; searchable: boolean },
  clauseNames: readonly string[],
): FieldDef {
  return {
    id,
    key: id,
    name,
    custom: false,
    ...flags,
    clauseNames,
    ...(schema ? { schema: { ...schema, system: id } } : {}),
  };
}

const EDITABLE = { orderable: true, navigable: true, searchable: true };
const READ_ONLY = { orderable: false, navigable: true, searchable: true };

export const SYSTEM_FIELDS: readonly FieldDef[] = [
  system('issuekey', 'Key', undefined, { orderable: false, navigable: true, searchable: false }, [
    'id',
    'issue',
    'issuekey',
    'key',
  ]),
  system('summary', 'Summary', { type: 'string' }, EDITABLE, ['summary']),
  system('description', 'Description', { type: 'string' }, EDITABLE, ['description']),
  system('issuetype', 'Issue Type', { type: 'issuetype' }, EDITABLE, ['issuetype', 'type']),
  system('project', 'Project', { type: 'project' }, READ_ONLY, ['project']),
  system('status', 'Status', { type: 'status' }, READ_ONLY, ['status']),
  system('statusCategory', 'Status Category', { type: 'statusCategory' }, READ_ONLY, ['statusCategory']),
  system('priority', 'Priority', { type: 'priority' }, EDITABLE, ['priority']),
  system('assignee', 'Assignee', { type: 'user' }, EDITABLE, ['assignee']),
  system('reporter', 'Reporter', { type: 'user' }, EDITABLE, ['reporter']),
  system('creator', 'Creator', { type: 'user' }, READ_ONLY, ['creator']),
  system('created', 'Created', { type: 'datetime' }, READ_ONLY, ['created', 'createdDate']),
  system('updated', 'Updated', { type: 'datetime' }, READ_ONLY, ['updated', 'updatedDate']),
  system('resolution', 'Resolution', { type: 'resolution' }, EDITABLE, ['resolution']),
  system('resolutiondate', 'Resolved', { type: 'datetime' }, READ_ONLY, ['resolutiondate', 'resolved']),
  system('statuscategorychangedate', 'Status Category Changed', { type: 'datetime' }, READ_ONLY, [
    'statusCategoryChangedDate',
  ]),
  system('labels', 'Labels', { type: 'array', items: 'string' }, EDITABLE, ['labels']),
  system('components', 'Components', { type: 'array', items: 'component' }, EDITABLE, ['component']),
  system(
    'comment',
    'Comment',
    { type: 'comments-page' },
    { orderable: true, navigable: false, searchable: true },
    ['comment'],
  ),
  system(
    'issuelinks',
    'Linked Issues',
    { type: 'array', items: 'issuelinks' },
    { orderable: true, navigable: true, searchable: true },
    ['issueLink'],
  ),
];

/** The Forge field type in Jira's form: `ari:cloud:ecosystem::extension/{appId}/{envId}/static/{moduleKey}`. */
export function forgeFieldType(field: Pick<AppFieldRecord, 'appId' | 'environmentId' | 'moduleKey'>): string {
  return `ari:cloud:ecosystem::extension/${field.appId}/${field.environmentId}/static/${field.moduleKey}`;
}

export function appFieldDef(field: AppFieldRecord): FieldDef {
  const schemaType = field.type === 'object' ? 'any' : field.type;
  return {
    id: field.id,
    key: field.fieldKey,
    name: field.name,
    custom: true,
    orderable: !field.readOnly,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${field.number}]`, field.name],
    schema: { type: schemaType, custom: forgeFieldType(field), customId: field.number },
    appField: field,
  };
}

export function allFields(store: JiraStore): FieldDef[] {
  return [...SYSTEM_FIELDS, ...store.listAppFields().map(appFieldDef)];
}

/** `FieldDetails` as `GET /field` answers. */
export function fieldDetailsJson(field: FieldDef): Record<string, unknown> {
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    custom: field.custom,
    orderable: field.orderable,
    navigable: field.navigable,
    searchable: field.searchable,
    clauseNames: field.clauseNames,
    ...(field.schema ? { schema: field.schema } : {}),
  };
}

/** The custom fields JQL can name. */
export function jqlCustomFields(store: JiraStore): JqlCustomField[] {
  // Forge field types and JQL's custom field types use the same names.
  return store.listAppFields().map((f) => ({ id: f.id, name: f.name, type: f.type }));
}

/**
 * Which fields a `fields` parameter selects: `*all`, `*navigable`, field ids (or app field keys), and
 * `-field` to leave one out. With only exclusions, they apply to `fallback`.
 */
export interface FieldSelection {
  /** The field ids selected, in catalog order. */
  readonly ids: readonly string[];
  /** True when nothing but `id` was asked for: search answers `{ id }` only. */
  readonly idOnly: boolean;
}

export function selectFields(
  fields: readonly FieldDef[],
  tokens: readonly string[],
  fallback: '*all' | '*navigable' | 'id',
): FieldSelection {
  const effective = tokens.length > 0 ? tokens : [fallback];
  const includes = effective.filter((t) => !t.startsWith('-'));
  const excludes = new Set(effective.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  const base = includes.length > 0 ? includes : [fallback === 'id' ? '*navigable' : fallback];
  const chosen = new Set<string>();
  for (const token of base) {
    const matching =
      token === '*all'
        ? fields
        : token === '*navigable'
          ? fields.filter((f) => f.navigable)
          : fields.filter((f) => f.id === token || f.key === token);
    for (const f of matching) chosen.add(f.id);
  }
  for (const token of excludes) {
    const field = fields.find((f) => f.id === token || f.key === token);
    if (field) chosen.delete(field.id);
  }
  chosen.delete('issuekey');
  const idOnly = chosen.size === 0 && base.every((t) => t === 'id');
  return { ids: fields.filter((f) => chosen.has(f.id)).map((f) => f.id), idOnly };
}

/**
 * The fixed configuration of the local Jira: statuses (their workflows are in workflows.ts), priorities,
 * issue types, resolutions, issue link types, project roles and the permission keys. Ids follow Jira Cloud's defaults
 * where Jira has well-known ones, so scripts written for a real site read naturally here.
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface StatusCategoryDef {
  readonly id: number;
  readonly key: StatusCategoryKey;
  readonly name: 'To Do' | 'In Progress' | 'Done';
  readonly colorName: string;
}

export const STATUS_CATEGORIES: Readonly<Record<StatusCategoryKey, StatusCategoryDef>> = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

export interface StatusDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: StatusCategoryKey;
}

/** The simplified workflow's statuses, then the classic workflow's (ids as Jira Cloud gives them). */
export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', description: 'Work that has not been started.', category: 'new' },
  { id: '3', name: 'In Progress', description: 'Work that is being done.', category: 'indeterminate' },
  { id: '10001', name: 'Done', description: 'Work that is finished.', category: 'done' },
  { id: '1', name: 'Open', description: 'The issue is open and ready for work.', category: 'new' },
  {
    id: '4',
    name: 'Reopened',
    description: 'The issue was once resolved, but the resolution was deemed incorrect.',
    category: 'new',
  },
  {
    id: '5',
    name: 'Resolved',
    description: 'A resolution has been taken, and it is awaiting verification.',
    category: 'done',
  },
  { id: '6', name: 'Closed', description: 'The issue is considered finished.', category: 'done' },
];

/** Where a new issue starts on the simplified workflow (a project's own workflow says it: workflows.ts). */
export const INITIAL_STATUS = STATUSES[0] as StatusDef;

export function statusNamed(name: string): StatusDef | undefined {
  return STATUSES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export interface PriorityDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly statusColor: string;
}

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437' },
  {
    id: '2',
    name: 'High',
    description: 'Serious problem that could block progress.',
    statusColor: '#f15c75',
  },
  { id: '3', name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232' },
  { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070' },
  {
    id: '5',
    name: 'Lowest',
    description: 'Trivial problem with little or no impact on progress.',
    statusColor: '#999999',
  },
];

export const DEFAULT_PRIORITY = PRIORITIES[2] as PriorityDef;

export interface IssueTypeDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly avatarId: number;
}

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  { id: '10001', name: 'Task', description: 'A small, distinct piece of work.', avatarId: 10318 },
  { id: '10002', name: 'Bug', description: 'A problem or error.', avatarId: 10303 },
  {
    id: '10003',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    avatarId: 10315,
  },
];

export interface ResolutionDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export const RESOLUTIONS: readonly ResolutionDef[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\u2019t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'This issue could not be reproduced.' },
];

export const DEFAULT_RESOLUTION = RESOLUTIONS[0] as ResolutionDef;

export interface LinkTypeDef {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
}

export const LINK_TYPES: readonly LinkTypeDef[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

/** The three project roles of this site. */
export type ProjectRoleName = 'administrators' | 'members' | 'clients';

export const PROJECT_ROLES: ReadonlyArray<{
  readonly name: ProjectRoleName;
  readonly id: number;
  readonly label: string;
}> = [
  { name: 'administrators', id: 10002, label: 'Administrators' },
  { name: 'members', id: 10001, label: 'Members' },
  { name: 'clients', id: 10003, label: 'Clients' },
];

/** Members of this group hold the global Administer Jira permission. */
export const JIRA_ADMINS_GROUP = 'jira-admins';

export interface PermissionDef {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly type: 'GLOBAL' | 'PROJECT';
  readonly description: string;
}

export const PERMISSIONS: readonly PermissionDef[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Create and administer projects, issue types, fields, workflows and schemes.',
  },
  {
    id: '44',
    key: 'SYSTEM_ADMIN',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Full system administration.',
  },
  {
    id: '27',
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description: 'View and select users or groups from the user picker.',
  },
  {
    id: '22',
    key: 'CREATE_SHARED_OBJECTS',
    name: 'Share dashboards and filters',
    type: 'GLOBAL',
    description: 'Share dashboards and filters with other users.',
  },
  {
    id: '33',
    key: 'BULK_CHANGE',
    name: 'Make bulk changes',
    type: 'GLOBAL',
    description: 'Modify collections of issues at once.',
  },
  {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  {
    id: '11',
    key: 'CREATE_ISSUES',
    name: 'Create Issues',
    type: 'PROJECT',
    description: 'Ability to create issues.',
  },
  {
    id: '12',
    key: 'EDIT_ISSUES',
    name: 'Edit Issues',
    type: 'PROJECT',
    description: 'Ability to edit issues.',
  },
  {
    id: '13',
    key: 'ASSIGN_ISSUES',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
  },
  {
    id: '17',
    key: 'ASSIGNABLE_USER',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.',
  },
  {
    id: '14',
    key: 'RESOLVE_ISSUES',
    name: 'Resolve Issues',
    type: 'PROJECT',
    description: 'Ability to resolve and reopen issues.',
  },
  {
    id: '18',
    key: 'CLOSE_ISSUES',
    name: 'Close Issues',
    type: 'PROJECT',
    description: 'Ability to close issues.',
  },
  {
    id: '46',
    key: 'TRANSITION_ISSUES',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
  {
    id: '16',
    key: 'DELETE_ISSUES',
    name: 'Delete Issues',
    type: 'PROJECT',
    description: 'Ability to delete issues.',
  },
  {
    id: '21',
    key: 'LINK_ISSUES',
    name: 'Link Issues',
    type: 'PROJECT',
    description: 'Ability to link issues together.',
  },
  {
    id: '25',
    key: 'MOVE_ISSUES',
    name: 'Move Issues',
    type: 'PROJECT',
    description: 'Ability to move issues between projects.',
  },
  {
    id: '28',
    key: 'SCHEDULE_ISSUES',
    name: 'Schedule Issues',
    type: 'PROJECT',
    description: 'Ability to view or edit an issue\u2019s due date.',
  },
  {
    id: '30',
    key: 'MODIFY_REPORTER',
    name: 'Modify Reporter',
    type: 'PROJECT',
    description: 'Ability to modify the reporter when creating or editing an issue.',
  },
  {
    id: '26',
    key: 'SET_ISSUE_SECURITY',
    name: 'Set Issue Security',
    type: 'PROJECT',
    description: 'Ability to set the level of security on an issue.',
  },
  {
    id: '15',
    key: 'ADD_COMMENTS',
    name: 'Add Comments',
    type: 'PROJECT',
    description: 'Ability to comment on issues.',
  },
  {
    id: '34',
    key: 'EDIT_ALL_COMMENTS',
    name: 'Edit All Comments',
    type: 'PROJECT',
    description: 'Ability to edit all comments made on issues.',
  },
  {
    id: '35',
    key: 'EDIT_OWN_COMMENTS',
    name: 'Edit Own Comments',
    type: 'PROJECT',
    description: 'Ability to edit own comments made on issues.',
  },
  {
    id: '36',
    key: 'DELETE_ALL_COMMENTS',
    name: 'Delete All Comments',
    type: 'PROJECT',
    description: 'Ability to delete all comments made on issues.',
  },
  {
    id: '37',
    key: 'DELETE_OWN_COMMENTS',
    name: 'Delete Own Comments',
    type: 'PROJECT',
    description: 'Ability to delete own comments made on issues.',
  },
  {
    id: '45',
    key: 'VIEW_READONLY_WORKFLOW',
    name: 'View Read-Only Workflow',
    type: 'PROJECT',
    description: 'Users with this permission may view a read-only version of a workflow.',
  },
];

export const PERMISSION_BY_KEY: ReadonlyMap<string, PermissionDef> = new Map(
  PERMISSIONS.map((p) => [p.key, p]),
);

const PROJECT_PERMISSION_KEYS = PERMISSIONS.filter((p) => p.type === 'PROJECT').map((p) => p.key);

/** What each project role grants. Clients additionally see only the issues they reported (see access.ts). */
export const ROLE_PERMISSIONS: Readonly<Record<ProjectRoleName, ReadonlySet<string>>> = {
  administrators: new Set(PROJECT_PERMISSION_KEYS),
  members: new Set([
    'BROWSE_PROJECTS',
    'CREATE_ISSUES',
    'EDIT_ISSUES',
    'ASSIGN_ISSUES',
    'ASSIGNABLE_USER',
    'TRANSITION_ISSUES',
    'ADD_COMMENTS',
    'EDIT_OWN_COMMENTS',
    'DELETE_OWN_COMMENTS',
    'LINK_ISSUES',
    'RESOLVE_ISSUES',
    'VIEW_READONLY_WORKFLOW',
  ]),
  clients: new Set(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'ADD_COMMENTS', 'EDIT_OWN_COMMENTS']),
};

export const ALL_PROJECT_PERMISSIONS: ReadonlySet<string> = new Set(PROJECT_PERMISSION_KEYS);

export function statusById(id: string): StatusDef | undefined {
  return STATUSES.find((s) => s.id === id);
}

export function priorityById(id: string): PriorityDef | undefined {
  return PRIORITIES.find((p) => p.id === id);
}

export function issueTypeById(id: string): IssueTypeDef | undefined {
  return ISSUE_TYPES.find((t) => t.id === id);
}

export function resolutionById(id: string): ResolutionDef | undefined {
  return RESOLUTIONS.find((r) => r.id === id);
}

/** Finds by id, or by name ignoring case, the way Jira accepts `{ "id": … }` or `{ "name": … }`. */
export function findByIdOrName<T extends { id: string; name: string }>(
  list: readonly T[],
  ref: { id?: unknown; name?: unknown },
): T | undefined {
  if (typeof ref.id === 'string' || typeof ref.id === 'number')
    return list.find((x) => x.id === String(ref.id));
  if (typeof ref.name === 'string')
    return list.find((x) => x.name.toLowerCase() === (ref.name as string).toLowerCase());
  return undefined;
}

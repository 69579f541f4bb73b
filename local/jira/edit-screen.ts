import type { Principal } from '../http/types';
import type { Access } from './access';
import type { FieldDef } from './fields';
import type { JiraStore, ProjectRecord } from './store';

/**
 * Edit screens, as Jira Cloud applies them to `PUT /rest/api/3/issue/{issueIdOrKey}` (OpenAPI `editIssue`
 * and `getEditIssueMeta`): every field named in `fields` or `update` must be on the edit screen of the
 * issue's project, or the edit is refused with "Field '…' cannot be set. It is not on the appropriate
 * screen, or unknown." and changes nothing. Issue properties, `PUT …/assignee` and `PUT …/properties/{key}`
 * are not screen fields and never meet a screen.
 *
 * `overrideScreenSecurity=true` skips the screen. It and `overrideEditableFlag` are "available to Connect
 * and Forge app users with Administer Jira global permission and Forge apps acting on behalf of users with
 * Administer Jira global permission"; anyone else gets 403.
 *
 * A project without a screen of its own uses the default screen: every field the site lets people edit,
 * so it refuses nothing that was not refused before.
 */
export interface EditScreen {
  has(field: FieldDef): boolean;
}

/** The project's own edit screen, or undefined for the default screen (no field is off it). */
export function editScreenOf(store: JiraStore, project: ProjectRecord): EditScreen | undefined {
  const listed = store.editScreenFields(project.id);
  if (!listed) return undefined;
  const names = new Set(listed);
  return { has: (field) => names.has(field.id) || names.has(field.key) };
}

/** Jira's 403 for an override the caller may not use (OpenAPI example of the same rule). */
export const OVERRIDE_REFUSED =
  'Connect and Forge app users with Administer Jira global permission can override screen security.';

/**
 * Whether the caller may override screen security or the editable flag: the app as itself when its app
 * user holds Administer Jira (here it always does, see Access), or the app acting for a person who holds
 * it. A person calling on their own is not among those the documentation names, administrators included.
 */
export function mayOverrideScreens(principal: Principal, access: Access): boolean {
  return (principal.kind === 'app' || principal.kind === 'app-user') && access.hasGlobal('ADMINISTER');
}

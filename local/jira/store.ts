import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import type { AdfDoc } from './adf';
import type { ProjectRoleName } from './catalog';
import { createJiraTables, SEEDED_TABLES } from './schema';

/** Typed data access to the local Jira's tables, for the REST handlers, the seed, the control API and the shell. */

export interface UserRecord {
  readonly accountId: string;
  readonly accountType: 'atlassian' | 'app';
  readonly displayName: string;
  readonly email: string | null;
  /** The person's profile shows the email address to others (Jira Cloud hides most). */
  readonly emailVisible: boolean;
  readonly timeZone: string;
  readonly locale: string;
  readonly active: boolean;
  /** For the app user of a Forge app: the app's id. */
  readonly appId: string | null;
}

export interface GroupRecord {
  readonly groupId: string;
  readonly name: string;
}

export interface ProjectRecord {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly leadAccountId: string | null;
  readonly projectTypeKey: 'software' | 'service_desk' | 'business';
}

export interface ComponentRecord {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly leadAccountId: string | null;
}

export interface IssueRecord {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly number: number;
  readonly issueTypeId: string;
  readonly summary: string;
  readonly description: AdfDoc | null;
  readonly statusId: string;
  readonly priorityId: string | null;
  readonly resolutionId: string | null;
  readonly assignee: string | null;
  readonly reporter: string | null;
  readonly creator: string | null;
  readonly labels: readonly string[];
  readonly componentIds: readonly string[];
  readonly created: string;
  readonly updated: string;
  readonly resolutionDate: string | null;
  readonly statusCategoryChanged: string;
}

export interface CommentVisibility {
  readonly type: 'group' | 'role';
  readonly value: string;
}

export interface CommentRecord {
  readonly id: string;
  readonly issueId: string;
  readonly author: string;
  readonly updateAuthor: string;
  readonly body: AdfDoc;
  readonly created: string;
  readonly updated: string;
  readonly visibility: CommentVisibility | null;
}

export interface LinkRecord {
  readonly id: string;
  readonly typeId: string;
  readonly inwardIssueId: string;
  readonly outwardIssueId: string;
}

/** One changed field, as in Jira's changelog and in `avi:jira:updated:issue` payloads. */
export interface ChangeItem {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

export interface ChangelogRecord {
  readonly id: string;
  readonly issueId: string;
  readonly author: string | null;
  readonly created: string;
  readonly items: readonly ChangeItem[];
}

export type AppFieldType = 'user' | 'string' | 'number' | 'date' | 'datetime' | 'group' | 'object';

export interface AppFieldRecord {
  /** `customfield_10010` */
  readonly id: string;
  readonly number: number;
  readonly appId: string;
  readonly moduleKey: string;
  readonly name: string;
  readonly description: string;
  readonly type: AppFieldType;
  readonly readOnly: boolean;
  /** `<appId>__<ENV>__<moduleKey>` */
  readonly fieldKey: string;
  readonly environmentId: string;
}

export interface RoleActor {
  readonly role: ProjectRoleName;
  readonly actorType: 'user' | 'group';
  readonly actor: string;
}

type Row = Record<string, unknown>;

const FIRST_ID = 10000;
const FIRST_CUSTOM_FIELD = 10010;

export class JiraStore {
  constructor(private readonly db: Db) {
    createJiraTables(db);
  }

  /** Runs `fn` in one SQLite transaction; anything thrown rolls every write back. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** True when no project exists yet (a fresh database). */
  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM jira_project LIMIT 1').get() === undefined;
  }

  /** Empties everything the demo seed loads; app field definitions and app users stay. */
  wipe(): void {
    this.transaction(() => {
      for (const table of SEEDED_TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
      this.db.prepare("DELETE FROM jira_user WHERE account_type <> 'app'").run();
    });
  }

  nextId(sequence: string): string {
    const row = this.db.prepare('SELECT next FROM jira_sequence WHERE name = ?').get(sequence) as
      Row | undefined;
    const next = row ? Number(row.next) : FIRST_ID;
    this.db
      .prepare('INSERT OR REPLACE INTO jira_sequence (name, next) VALUES (?, ?)')
      .run(sequence, next + 1);
    return String(next);
  }

  /** Makes sure the sequence hands out ids above `used` (after rows were inserted with fixed ids). */
  bumpSequence(sequence: string, used: number): void {
    const row = this.db.prepare('SELECT next FROM jira_sequence WHERE name = ?').get(sequence) as
      Row | undefined;
    const next = Math.max(row ? Number(row.next) : FIRST_ID, used + 1);
    this.db.prepare('INSERT OR REPLACE INTO jira_sequence (name, next) VALUES (?, ?)').run(sequence, next);
  }

  // ---- users and groups ----

  getUser(accountId: string): UserRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jira_user WHERE account_id = ?').get(accountId) as
      Row | undefined;
    return row && toUser(row);
  }

  getUserByEmail(email: string): UserRecord | undefined {
    const row = this.db.prepare('SELECT * FROM jira_user WHERE lower(email) = lower(?)').get(email) as
      Row | undefined;
    return row && toUser(row);
  }

  listUsers(options: { includeApps?: boolean } = {}): UserRecord[] {
    const sql = options.includeApps
      ? 'SELECT * FROM jira_user ORDER BY display_name'
      : "SELECT * FROM jira_user WHERE account_type = 'atlassian' ORDER BY display_name";
    return (this.db.prepare(sql).all() as Row[]).map(toUser);
  }

  insertUser(user: UserRecord): void {
    this.db
      .prepare(
        `INSERT INTO jira_user (account_id, account_type, display_name, email, email_visible, time_zone, locale, active, app_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.accountId,
        user.accountType,
        user.displayName,
        user.email,
        user.emailVisible ? 1 : 0,
        user.timeZone,
        user.locale,
        user.active ? 1 : 0,
        user.appId,
      );
  }

  /** The app user Jira creates for an installed Forge app (accountType `app`); created on first use. */
  ensureAppUser(appId: string, displayName?: string): UserRecord {
    const existing = this.db.prepare('SELECT * FROM jira_user WHERE app_id = ?').get(appId) as
      Row | undefined;
    if (existing) {
      if (displayName && existing.display_name !== displayName) {
        this.db.prepare('UPDATE jira_user SET display_name = ? WHERE app_id = ?').run(displayName, appId);
        return { ...toUser(existing), displayName };
      }
      return toUser(existing);
    }
    const user: UserRecord = {
      accountId: createHash('sha1').update(`app:${appId}`).digest('hex').slice(0, 24),
      accountType: 'app',
      displayName: displayName ?? 'Forge app',
      email: null,
      emailVisible: false,
      timeZone: 'UTC',
      locale: 'en_US',
      active: true,
      appId,
    };
    this.insertUser(user);
    return user;
  }

  listGroups(): GroupRecord[] {
    return (this.db.prepare('SELECT * FROM jira_group ORDER BY name').all() as Row[]).map(toGroup);
  }

  getGroup(nameOrId: { name?: string; groupId?: string }): GroupRecord | undefined {
    const row = (
      nameOrId.groupId !== undefined
        ? this.db.prepare('SELECT * FROM jira_group WHERE group_id = ?').get(nameOrId.groupId)
        : this.db.prepare('SELECT * FROM jira_group WHERE lower(name) = lower(?)').get(nameOrId.name ?? '')
    ) as Row | undefined;
    return row && toGroup(row);
  }

  insertGroup(group: GroupRecord): void {
    this.db.prepare('INSERT INTO jira_group (group_id, name) VALUES (?, ?)').run(group.groupId, group.name);
  }

  addGroupMember(groupName: string, accountId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jira_group_member (group_name, account_id) VALUES (?, ?)')
      .run(groupName, accountId);
  }

  groupMembers(groupName: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT m.account_id FROM jira_group_member m JOIN jira_user u ON u.account_id = m.account_id
           WHERE lower(m.group_name) = lower(?) ORDER BY u.display_name`,
        )
        .all(groupName) as Row[]
    ).map((r) => String(r.account_id));
  }

  groupsOf(accountId: string): GroupRecord[] {
    return (
      this.db
        .prepare(
          `SELECT g.* FROM jira_group g JOIN jira_group_member m ON m.group_name = g.name
           WHERE m.account_id = ? ORDER BY g.name`,
        )
        .all(accountId) as Row[]
    ).map(toGroup);
  }

  // ---- projects, roles, components ----

  listProjects(): ProjectRecord[] {
    return (this.db.prepare('SELECT * FROM jira_project ORDER BY key').all() as Row[]).map(toProject);
  }

  /** By numeric id or by key (keys match regardless of case, as in Jira). */
  getProject(idOrKey: string): ProjectRecord | undefined {
    const row = (
      /^\d+$/.test(idOrKey)
        ? this.db.prepare('SELECT * FROM jira_project WHERE id = ?').get(Number(idOrKey))
        : this.db.prepare('SELECT * FROM jira_project WHERE key = ?').get(idOrKey.toUpperCase())
    ) as Row | undefined;
    return row && toProject(row);
  }

  insertProject(project: ProjectRecord): void {
    this.db
      .prepare(
        'INSERT INTO jira_project (id, key, name, description, lead_account_id, project_type_key) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        Number(project.id),
        project.key,
        project.name,
        project.description,
        project.leadAccountId,
        project.projectTypeKey,
      );
    this.bumpSequence('project', Number(project.id));
  }

  /** Hands out the next issue number of a project (SUP-1, SUP-2, …). */
  takeIssueNumber(projectId: string): number {
    const row = this.db
      .prepare('SELECT next_issue_number FROM jira_project WHERE id = ?')
      .get(Number(projectId)) as Row;
    const number = Number(row.next_issue_number);
    this.db
      .prepare('UPDATE jira_project SET next_issue_number = ? WHERE id = ?')
      .run(number + 1, Number(projectId));
    return number;
  }

  private bumpIssueNumber(projectId: string, used: number): void {
    this.db
      .prepare('UPDATE jira_project SET next_issue_number = max(next_issue_number, ?) WHERE id = ?')
      .run(used + 1, Number(projectId));
  }

  addRoleActor(projectId: string, actor: RoleActor): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO jira_project_role_actor (project_id, role, actor_type, actor) VALUES (?, ?, ?, ?)',
      )
      .run(Number(projectId), actor.role, actor.actorType, actor.actor);
  }

  roleActors(projectId: string): RoleActor[] {
    return (
      this.db
        .prepare(
          'SELECT role, actor_type, actor FROM jira_project_role_actor WHERE project_id = ? ORDER BY role, actor',
        )
        .all(Number(projectId)) as Row[]
    ).map((r) => ({
      role: r.role as ProjectRoleName,
      actorType: r.actor_type as 'user' | 'group',
      actor: String(r.actor),
    }));
  }

  /** The roles a person holds in each project, directly or through a group: projectId → roles. */
  rolesByProject(accountId: string): Map<string, Set<ProjectRoleName>> {
    const rows = this.db
      .prepare(
        `SELECT project_id, role FROM jira_project_role_actor WHERE actor_type = 'user' AND actor = ?
         UNION
         SELECT a.project_id, a.role FROM jira_project_role_actor a
           JOIN jira_group_member m ON lower(m.group_name) = lower(a.actor)
           WHERE a.actor_type = 'group' AND m.account_id = ?`,
      )
      .all(accountId, accountId) as Row[];
    const roles = new Map<string, Set<ProjectRoleName>>();
    for (const row of rows) {
      const projectId = String(row.project_id);
      const set = roles.get(projectId) ?? new Set<ProjectRoleName>();
      set.add(row.role as ProjectRoleName);
      roles.set(projectId, set);
    }
    return roles;
  }

  listComponents(projectId: string): ComponentRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM jira_component WHERE project_id = ? ORDER BY name')
        .all(Number(projectId)) as Row[]
    ).map(toComponent);
  }

  getComponent(id: string): ComponentRecord | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const row = this.db.prepare('SELECT * FROM jira_component WHERE id = ?').get(Number(id)) as
      Row | undefined;
    return row && toComponent(row);
  }

  insertComponent(component: ComponentRecord): void {
    this.db
      .prepare(
        'INSERT INTO jira_component (id, project_id, name, description, lead_account_id) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        Number(component.id),
        Number(component.projectId),
        component.name,
        component.description,
        component.leadAccountId,
      );
    this.bumpSequence('component', Number(component.id));
  }

  // ---- issues ----

  /** By numeric id or by key (`SUP-12`, any case). */
  getIssue(idOrKey: string): IssueRecord | undefined {
    const row = (
      /^\d+$/.test(idOrKey)
        ? this.db.prepare('SELECT * FROM jira_issue WHERE id = ?').get(Number(idOrKey))
        : this.db.prepare('SELECT * FROM jira_issue WHERE key = ?').get(idOrKey.toUpperCase())
    ) as Row | undefined;
    return row && toIssue(row);
  }

  listIssues(): IssueRecord[] {
    return (this.db.prepare('SELECT * FROM jira_issue ORDER BY id').all() as Row[]).map(toIssue);
  }

  insertIssue(issue: IssueRecord): void {
    this.db
      .prepare(
        `INSERT INTO jira_issue (id, project_id, number, key, issue_type_id, summary, description, status_id, priority_id,
           resolution_id, assignee, reporter, creator, labels, component_ids, created, updated, resolution_date,
           status_category_changed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        Number(issue.id),
        Number(issue.projectId),
        issue.number,
        issue.key,
        issue.issueTypeId,
        issue.summary,
        issue.description === null ? null : JSON.stringify(issue.description),
        issue.statusId,
        issue.priorityId,
        issue.resolutionId,
        issue.assignee,
        issue.reporter,
        issue.creator,
        JSON.stringify(issue.labels),
        JSON.stringify(issue.componentIds),
        issue.created,
        issue.updated,
        issue.resolutionDate,
        issue.statusCategoryChanged,
      );
    this.bumpSequence('issue', Number(issue.id));
    this.bumpIssueNumber(issue.projectId, issue.number);
  }

  /** Writes the whole record back (the caller computed the new state). */
  saveIssue(issue: IssueRecord): void {
    this.db
      .prepare(
        `UPDATE jira_issue SET issue_type_id = ?, summary = ?, description = ?, status_id = ?, priority_id = ?,
           resolution_id = ?, assignee = ?, reporter = ?, labels = ?, component_ids = ?, updated = ?,
           resolution_date = ?, status_category_changed = ?
         WHERE id = ?`,
      )
      .run(
        issue.issueTypeId,
        issue.summary,
        issue.description === null ? null : JSON.stringify(issue.description),
        issue.statusId,
        issue.priorityId,
        issue.resolutionId,
        issue.assignee,
        issue.reporter,
        JSON.stringify(issue.labels),
        JSON.stringify(issue.componentIds),
        issue.updated,
        issue.resolutionDate,
        issue.statusCategoryChanged,
        Number(issue.id),
      );
  }

  touchIssue(issueId: string, updated: string): void {
    this.db.prepare('UPDATE jira_issue SET updated = ? WHERE id = ?').run(updated, Number(issueId));
  }

  // ---- comments ----

  listComments(issueId: string): CommentRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM jira_comment WHERE issue_id = ? ORDER BY created, id')
        .all(Number(issueId)) as Row[]
    ).map(toComment);
  }

  allComments(): CommentRecord[] {
    return (this.db.prepare('SELECT * FROM jira_comment ORDER BY issue_id, created, id').all() as Row[]).map(
      toComment,
    );
  }

  getComment(id: string): CommentRecord | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const row = this.db.prepare('SELECT * FROM jira_comment WHERE id = ?').get(Number(id)) as Row | undefined;
    return row && toComment(row);
  }

  insertComment(comment: CommentRecord): void {
    this.db
      .prepare(
        `INSERT INTO jira_comment (id, issue_id, author, update_author, body, created, updated, visibility)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        Number(comment.id),
        Number(comment.issueId),
        comment.author,
        comment.updateAuthor,
        JSON.stringify(comment.body),
        comment.created,
        comment.updated,
        comment.visibility === null ? null : JSON.stringify(comment.visibility),
      );
    this.bumpSequence('comment', Number(comment.id));
  }

  saveComment(comment: CommentRecord): void {
    this.db
      .prepare(
        'UPDATE jira_comment SET update_author = ?, body = ?, updated = ?, visibility = ? WHERE id = ?',
      )
      .run(
        comment.updateAuthor,
        JSON.stringify(comment.body),
        comment.updated,
        comment.visibility === null ? null : JSON.stringify(comment.visibility),
        Number(comment.id),
      );
  }

  deleteComment(id: string): void {
    this.db.prepare('DELETE FROM jira_comment WHERE id = ?').run(Number(id));
    this.db.prepare('DELETE FROM jira_comment_property WHERE comment_id = ?').run(Number(id));
  }

  commentProperties(commentId: string): Array<{ key: string; value: unknown }> {
    return (
      this.db
        .prepare('SELECT key, value FROM jira_comment_property WHERE comment_id = ? ORDER BY key')
        .all(Number(commentId)) as Row[]
    ).map((r) => ({ key: String(r.key), value: JSON.parse(String(r.value)) as unknown }));
  }

  setCommentProperty(commentId: string, key: string, value: unknown): void {
    this.db
      .prepare('INSERT OR REPLACE INTO jira_comment_property (comment_id, key, value) VALUES (?, ?, ?)')
      .run(Number(commentId), key, JSON.stringify(value));
  }

  // ---- edit screens ----

  /**
   * The fields on a project's edit screen (ids, or app field keys), or undefined when the project uses the
   * site's default screen, which has every field people can edit.
   */
  editScreenFields(projectId: string): readonly string[] | undefined {
    const row = this.db
      .prepare('SELECT field_ids FROM jira_project_edit_screen WHERE project_id = ?')
      .get(Number(projectId)) as Row | undefined;
    return row ? (JSON.parse(String(row.field_ids)) as string[]) : undefined;
  }

  /** Gives a project an edit screen of its own; undefined puts it back on the default screen. */
  setEditScreenFields(projectId: string, fieldIds: readonly string[] | undefined): void {
    if (fieldIds === undefined) {
      this.db.prepare('DELETE FROM jira_project_edit_screen WHERE project_id = ?').run(Number(projectId));
      return;
    }
    this.db
      .prepare('INSERT OR REPLACE INTO jira_project_edit_screen (project_id, field_ids) VALUES (?, ?)')
      .run(Number(projectId), JSON.stringify([...new Set(fieldIds)]));
  }

  // ---- issue properties ----

  issuePropertyKeys(issueId: string): string[] {
    return (
      this.db
        .prepare('SELECT key FROM jira_issue_property WHERE issue_id = ? ORDER BY key')
        .all(Number(issueId)) as Row[]
    ).map((r) => String(r.key));
  }

  getIssueProperty(issueId: string, key: string): { found: true; value: unknown } | { found: false } {
    const row = this.db
      .prepare('SELECT value FROM jira_issue_property WHERE issue_id = ? AND key = ?')
      .get(Number(issueId), key) as Row | undefined;
    return row ? { found: true, value: JSON.parse(String(row.value)) as unknown } : { found: false };
  }

  /** Stores a property; tells whether it was new (Jira answers 201) or replaced (200). */
  setIssueProperty(issueId: string, key: string, value: unknown): 'created' | 'updated' {
    const existed = this.getIssueProperty(issueId, key).found;
    this.db
      .prepare('INSERT OR REPLACE INTO jira_issue_property (issue_id, key, value) VALUES (?, ?, ?)')
      .run(Number(issueId), key, JSON.stringify(value));
    return existed ? 'updated' : 'created';
  }

  deleteIssueProperty(issueId: string, key: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM jira_issue_property WHERE issue_id = ? AND key = ?')
        .run(Number(issueId), key).changes > 0
    );
  }

  /** Every issue's properties, for building JQL views in one query: issueId → key → value. */
  allIssueProperties(): Map<string, Record<string, unknown>> {
    const result = new Map<string, Record<string, unknown>>();
    for (const row of this.db
      .prepare('SELECT issue_id, key, value FROM jira_issue_property')
      .all() as Row[]) {
      const issueId = String(row.issue_id);
      const props = result.get(issueId) ?? {};
      props[String(row.key)] = JSON.parse(String(row.value)) as unknown;
      result.set(issueId, props);
    }
    return result;
  }

  // ---- links and changelog ----

  insertLink(link: LinkRecord): void {
    this.db
      .prepare(
        'INSERT INTO jira_issue_link (id, type_id, inward_issue_id, outward_issue_id) VALUES (?, ?, ?, ?)',
      )
      .run(Number(link.id), link.typeId, Number(link.inwardIssueId), Number(link.outwardIssueId));
    this.bumpSequence('link', Number(link.id));
  }

  findLink(typeId: string, inwardIssueId: string, outwardIssueId: string): LinkRecord | undefined {
    const row = this.db
      .prepare(
        'SELECT * FROM jira_issue_link WHERE type_id = ? AND inward_issue_id = ? AND outward_issue_id = ?',
      )
      .get(typeId, Number(inwardIssueId), Number(outwardIssueId)) as Row | undefined;
    return row && toLink(row);
  }

  linksOf(issueId: string): LinkRecord[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM jira_issue_link WHERE inward_issue_id = ? OR outward_issue_id = ? ORDER BY id',
        )
        .all(Number(issueId), Number(issueId)) as Row[]
    ).map(toLink);
  }

  addChangelog(
    issueId: string,
    author: string | null,
    created: string,
    items: readonly ChangeItem[],
  ): ChangelogRecord {
    const id = this.nextId('changelog');
    this.db
      .prepare('INSERT INTO jira_changelog (id, issue_id, author, created, items) VALUES (?, ?, ?, ?, ?)')
      .run(Number(id), Number(issueId), author, created, JSON.stringify(items));
    return { id, issueId, author, created, items };
  }

  changelogs(issueId: string): ChangelogRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM jira_changelog WHERE issue_id = ? ORDER BY created, id')
        .all(Number(issueId)) as Row[]
    ).map((r) => ({
      id: String(r.id),
      issueId: String(r.issue_id),
      author: r.author === null ? null : String(r.author),
      created: String(r.created),
      items: JSON.parse(String(r.items)) as ChangeItem[],
    }));
  }

  // ---- app (Forge) custom fields ----

  /** Registers a Forge custom field, keeping its id if the same app module registered it before. */
  registerAppField(field: Omit<AppFieldRecord, 'id' | 'number'>): AppFieldRecord {
    const existing = this.db
      .prepare('SELECT * FROM jira_app_field WHERE app_id = ? AND module_key = ?')
      .get(field.appId, field.moduleKey) as Row | undefined;
    if (existing) {
      this.db
        .prepare(
          `UPDATE jira_app_field SET name = ?, description = ?, type = ?, read_only = ?, field_key = ?, environment_id = ?
           WHERE id = ?`,
        )
        .run(
          field.name,
          field.description,
          field.type,
          field.readOnly ? 1 : 0,
          field.fieldKey,
          field.environmentId,
          existing.id,
        );
      return { ...field, id: String(existing.id), number: Number(existing.number) };
    }
    const max = this.db.prepare('SELECT max(number) AS n FROM jira_app_field').get() as Row;
    const number = max.n === null ? FIRST_CUSTOM_FIELD : Number(max.n) + 1;
    const id = `customfield_${number}`;
    this.db
      .prepare(
        `INSERT INTO jira_app_field (id, number, app_id, module_key, name, description, type, read_only, field_key, environment_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        number,
        field.appId,
        field.moduleKey,
        field.name,
        field.description,
        field.type,
        field.readOnly ? 1 : 0,
        field.fieldKey,
        field.environmentId,
      );
    return { ...field, id, number };
  }

  listAppFields(): AppFieldRecord[] {
    return (this.db.prepare('SELECT * FROM jira_app_field ORDER BY number').all() as Row[]).map(toAppField);
  }

  /** By id (`customfield_10010`), by `cf[10010]`-style number, or by field key. */
  getAppField(idOrKey: string): AppFieldRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM jira_app_field WHERE id = ? OR field_key = ?')
      .get(idOrKey, idOrKey) as Row | undefined;
    return row && toAppField(row);
  }

  getAppFieldValue(fieldId: string, issueId: string): unknown {
    const row = this.db
      .prepare('SELECT value FROM jira_app_field_value WHERE field_id = ? AND issue_id = ?')
      .get(fieldId, Number(issueId)) as Row | undefined;
    return row ? (JSON.parse(String(row.value)) as unknown) : null;
  }

  /** Stores a value; null clears it. */
  setAppFieldValue(fieldId: string, issueId: string, value: unknown): void {
    if (value === null || value === undefined) {
      this.db
        .prepare('DELETE FROM jira_app_field_value WHERE field_id = ? AND issue_id = ?')
        .run(fieldId, Number(issueId));
    } else {
      this.db
        .prepare('INSERT OR REPLACE INTO jira_app_field_value (field_id, issue_id, value) VALUES (?, ?, ?)')
        .run(fieldId, Number(issueId), JSON.stringify(value));
    }
  }

  /** Every issue's app field values: issueId → fieldId → stored value. */
  allAppFieldValues(): Map<string, Record<string, unknown>> {
    const result = new Map<string, Record<string, unknown>>();
    for (const row of this.db
      .prepare('SELECT field_id, issue_id, value FROM jira_app_field_value')
      .all() as Row[]) {
      const issueId = String(row.issue_id);
      const values = result.get(issueId) ?? {};
      values[String(row.field_id)] = JSON.parse(String(row.value)) as unknown;
      result.set(issueId, values);
    }
    return result;
  }
}

function toUser(r: Row): UserRecord {
  return {
    accountId: String(r.account_id),
    accountType: r.account_type === 'app' ? 'app' : 'atlassian',
    displayName: String(r.display_name),
    email: r.email === null ? null : String(r.email),
    emailVisible: r.email_visible === 1,
    timeZone: String(r.time_zone),
    locale: String(r.locale),
    active: r.active === 1,
    appId: r.app_id === null ? null : String(r.app_id),
  };
}

function toGroup(r: Row): GroupRecord {
  return { groupId: String(r.group_id), name: String(r.name) };
}

function toProject(r: Row): ProjectRecord {
  return {
    id: String(r.id),
    key: String(r.key),
    name: String(r.name),
    description: String(r.description),
    leadAccountId: r.lead_account_id === null ? null : String(r.lead_account_id),
    projectTypeKey: r.project_type_key as ProjectRecord['projectTypeKey'],
  };
}

function toComponent(r: Row): ComponentRecord {
  return {
    id: String(r.id),
    projectId: String(r.project_id),
    name: String(r.name),
    description: String(r.description),
    leadAccountId: r.lead_account_id === null ? null : String(r.lead_account_id),
  };
}

function toIssue(r: Row): IssueRecord {
  return {
    id: String(r.id),
    key: String(r.key),
    projectId: String(r.project_id),
    number: Number(r.number),
    issueTypeId: String(r.issue_type_id),
    summary: String(r.summary),
    description: r.description === null ? null : (JSON.parse(String(r.description)) as AdfDoc),
    statusId: String(r.status_id),
    priorityId: r.priority_id === null ? null : String(r.priority_id),
    resolutionId: r.resolution_id === null ? null : String(r.resolution_id),
    assignee: r.assignee === null ? null : String(r.assignee),
    reporter: r.reporter === null ? null : String(r.reporter),
    creator: r.creator === null ? null : String(r.creator),
    labels: JSON.parse(String(r.labels)) as string[],
    componentIds: JSON.parse(String(r.component_ids)) as string[],
    created: String(r.created),
    updated: String(r.updated),
    resolutionDate: r.resolution_date === null ? null : String(r.resolution_date),
    statusCategoryChanged: String(r.status_category_changed),
  };
}

function toComment(r: Row): CommentRecord {
  return {
    id: String(r.id),
    issueId: String(r.issue_id),
    author: String(r.author),
    updateAuthor: String(r.update_author),
    body: JSON.parse(String(r.body)) as AdfDoc,
    created: String(r.created),
    updated: String(r.updated),
    visibility: r.visibility === null ? null : (JSON.parse(String(r.visibility)) as CommentVisibility),
  };
}

function toLink(r: Row): LinkRecord {
  return {
    id: String(r.id),
    typeId: String(r.type_id),
    inwardIssueId: String(r.inward_issue_id),
    outwardIssueId: String(r.outward_issue_id),
  };
}

function toAppField(r: Row): AppFieldRecord {
  return {
    id: String(r.id),
    number: Number(r.number),
    appId: String(r.app_id),
    moduleKey: String(r.module_key),
    name: String(r.name),
    description: String(r.description),
    type: r.type as AppFieldType,
    readOnly: r.read_only === 1,
    fieldKey: String(r.field_key),
    environmentId: String(r.environment_id),
  };
}

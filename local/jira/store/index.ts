import type { Db } from '../../db/database';
import type { ProjectRoleName } from '../catalog';
import { createJiraTables, SEEDED_TABLES } from '../schema';
import { AppFieldTable, type AppFieldRecord } from './app-fields';
import { ChangelogTable, type ChangeItem, type ChangelogRecord } from './changelog';
import { CommentTable, type CommentRecord } from './comments';
import { ComponentTable, type ComponentRecord } from './components';
import { EditScreenTable } from './edit-screens';
import { GroupTable, type GroupRecord } from './groups';
import { IssuePropertyTable } from './issue-properties';
import { IssueTable, type IssueRecord } from './issues';
import { LinkTable, type LinkRecord } from './links';
import { ProjectTable, type ProjectRecord, type RoleActor } from './projects';
import { Sequences } from './sequences';
import { UserTable, type UserRecord } from './users';
import { ProjectWorkflowTable } from './workflows';

/**
 * Typed data access to the local Jira's tables, for the REST handlers, the seed, the control API and the
 * shell: one object with every operation, each handed to the module of its table (users.ts, issues.ts, …),
 * where its SQL and its row mapping live.
 */
export type { AppFieldRecord, AppFieldType } from './app-fields';
export type { ChangeItem, ChangelogRecord } from './changelog';
export type { CommentRecord, CommentVisibility } from './comments';
export type { ComponentRecord } from './components';
export type { GroupRecord } from './groups';
export type { IssueRecord } from './issues';
export type { LinkRecord } from './links';
export type { ProjectRecord, RoleActor } from './projects';
export type { UserRecord } from './users';

export class JiraStore {
  private readonly sequences: Sequences;
  private readonly users: UserTable;
  private readonly groups: GroupTable;
  private readonly projects: ProjectTable;
  private readonly components: ComponentTable;
  private readonly issues: IssueTable;
  private readonly comments: CommentTable;
  private readonly editScreens: EditScreenTable;
  private readonly workflows: ProjectWorkflowTable;
  private readonly issueProperties: IssuePropertyTable;
  private readonly links: LinkTable;
  private readonly changelog: ChangelogTable;
  private readonly appFields: AppFieldTable;

  constructor(private readonly db: Db) {
    createJiraTables(db);
    this.sequences = new Sequences(db);
    this.users = new UserTable(db);
    this.groups = new GroupTable(db);
    this.projects = new ProjectTable(db, this.sequences);
    this.components = new ComponentTable(db, this.sequences);
    this.issues = new IssueTable(db, this.sequences, this.projects);
    this.comments = new CommentTable(db, this.sequences);
    this.editScreens = new EditScreenTable(db);
    this.workflows = new ProjectWorkflowTable(db);
    this.issueProperties = new IssuePropertyTable(db);
    this.links = new LinkTable(db, this.sequences);
    this.changelog = new ChangelogTable(db, this.sequences);
    this.appFields = new AppFieldTable(db);
  }

  /** Runs `fn` in one SQLite transaction; anything thrown rolls every write back. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** True when no project exists yet (a fresh database). */
  isEmpty(): boolean {
    return !this.projects.any();
  }

  /** Empties everything the demo seed loads; app field definitions and app users stay. */
  wipe(): void {
    this.transaction(() => {
      for (const table of SEEDED_TABLES) this.db.prepare(`DELETE FROM ${table}`).run();
      this.users.deletePeople();
    });
  }

  nextId(sequence: string): string {
    return this.sequences.next(sequence);
  }

  /** Makes sure the sequence hands out ids above `used` (after rows were inserted with fixed ids). */
  bumpSequence(sequence: string, used: number): void {
    this.sequences.bump(sequence, used);
  }

  // ---- users and groups ----

  getUser(accountId: string): UserRecord | undefined {
    return this.users.get(accountId);
  }

  getUserByEmail(email: string): UserRecord | undefined {
    return this.users.getByEmail(email);
  }

  listUsers(options: { includeApps?: boolean } = {}): UserRecord[] {
    return this.users.list(options);
  }

  insertUser(user: UserRecord): void {
    this.users.insert(user);
  }

  /** The app user Jira creates for an installed Forge app (accountType `app`); created on first use. */
  ensureAppUser(appId: string, displayName?: string): UserRecord {
    return this.users.ensureAppUser(appId, displayName);
  }

  listGroups(): GroupRecord[] {
    return this.groups.list();
  }

  getGroup(nameOrId: { name?: string; groupId?: string }): GroupRecord | undefined {
    return this.groups.get(nameOrId);
  }

  insertGroup(group: GroupRecord): void {
    this.groups.insert(group);
  }

  addGroupMember(groupName: string, accountId: string): void {
    this.groups.addMember(groupName, accountId);
  }

  groupMembers(groupName: string): string[] {
    return this.groups.members(groupName);
  }

  groupsOf(accountId: string): GroupRecord[] {
    return this.groups.groupsOf(accountId);
  }

  // ---- projects, roles, components ----

  listProjects(): ProjectRecord[] {
    return this.projects.list();
  }

  /** By numeric id or by key (keys match regardless of case, as in Jira). */
  getProject(idOrKey: string): ProjectRecord | undefined {
    return this.projects.get(idOrKey);
  }

  insertProject(project: ProjectRecord): void {
    this.projects.insert(project);
  }

  /** Hands out the next issue number of a project (SUP-1, SUP-2, …). */
  takeIssueNumber(projectId: string): number {
    return this.projects.takeIssueNumber(projectId);
  }

  addRoleActor(projectId: string, actor: RoleActor): void {
    this.projects.addRoleActor(projectId, actor);
  }

  roleActors(projectId: string): RoleActor[] {
    return this.projects.roleActors(projectId);
  }

  /** The roles a person holds in each project, directly or through a group: projectId → roles. */
  rolesByProject(accountId: string): Map<string, Set<ProjectRoleName>> {
    return this.projects.rolesByProject(accountId);
  }

  listComponents(projectId: string): ComponentRecord[] {
    return this.components.list(projectId);
  }

  getComponent(id: string): ComponentRecord | undefined {
    return this.components.get(id);
  }

  insertComponent(component: ComponentRecord): void {
    this.components.insert(component);
  }

  // ---- issues ----

  /** By numeric id or by key (`SUP-12`, any case). */
  getIssue(idOrKey: string): IssueRecord | undefined {
    return this.issues.get(idOrKey);
  }

  listIssues(): IssueRecord[] {
    return this.issues.list();
  }

  insertIssue(issue: IssueRecord): void {
    this.issues.insert(issue);
  }

  /** Writes the whole record back (the caller computed the new state). */
  saveIssue(issue: IssueRecord): void {
    this.issues.save(issue);
  }

  touchIssue(issueId: string, updated: string): void {
    this.issues.touch(issueId, updated);
  }

  // ---- comments ----

  listComments(issueId: string): CommentRecord[] {
    return this.comments.list(issueId);
  }

  allComments(): CommentRecord[] {
    return this.comments.all();
  }

  getComment(id: string): CommentRecord | undefined {
    return this.comments.get(id);
  }

  insertComment(comment: CommentRecord): void {
    this.comments.insert(comment);
  }

  saveComment(comment: CommentRecord): void {
    this.comments.save(comment);
  }

  deleteComment(id: string): void {
    this.comments.delete(id);
  }

  commentProperties(commentId: string): Array<{ key: string; value: unknown }> {
    return this.comments.properties(commentId);
  }

  setCommentProperty(commentId: string, key: string, value: unknown): void {
    this.comments.setProperty(commentId, key, value);
  }

  // ---- edit screens ----

  /**
   * The fields on a project's edit screen (ids, or app field keys), or undefined when the project uses the
   * site's default screen, which has every field people can edit.
   */
  editScreenFields(projectId: string): readonly string[] | undefined {
    return this.editScreens.fields(projectId);
  }

  /** Gives a project an edit screen of its own; undefined puts it back on the default screen. */
  setEditScreenFields(projectId: string, fieldIds: readonly string[] | undefined): void {
    this.editScreens.setFields(projectId, fieldIds);
  }

  // ---- workflows ----

  /** The key of the workflow the project uses (workflows.ts), or undefined for the site's default. */
  projectWorkflow(projectId: string): string | undefined {
    return this.workflows.workflow(projectId);
  }

  /** Gives a project a workflow of its own; undefined puts it back on the default. */
  setProjectWorkflow(projectId: string, workflow: string | undefined): void {
    this.workflows.setWorkflow(projectId, workflow);
  }

  // ---- issue properties ----

  issuePropertyKeys(issueId: string): string[] {
    return this.issueProperties.keys(issueId);
  }

  getIssueProperty(issueId: string, key: string): { found: true; value: unknown } | { found: false } {
    return this.issueProperties.get(issueId, key);
  }

  /** Stores a property; tells whether it was new (Jira answers 201) or replaced (200). */
  setIssueProperty(issueId: string, key: string, value: unknown): 'created' | 'updated' {
    return this.issueProperties.set(issueId, key, value);
  }

  deleteIssueProperty(issueId: string, key: string): boolean {
    return this.issueProperties.delete(issueId, key);
  }

  /** Every issue's properties, for building JQL views in one query: issueId → key → value. */
  allIssueProperties(): Map<string, Record<string, unknown>> {
    return this.issueProperties.all();
  }

  // ---- links and changelog ----

  insertLink(link: LinkRecord): void {
    this.links.insert(link);
  }

  findLink(typeId: string, inwardIssueId: string, outwardIssueId: string): LinkRecord | undefined {
    return this.links.find(typeId, inwardIssueId, outwardIssueId);
  }

  getLink(id: string): LinkRecord | undefined {
    return this.links.get(id);
  }

  deleteLink(id: string): void {
    this.links.delete(id);
  }

  linksOf(issueId: string): LinkRecord[] {
    return this.links.of(issueId);
  }

  addChangelog(
    issueId: string,
    author: string | null,
    created: string,
    items: readonly ChangeItem[],
  ): ChangelogRecord {
    return this.changelog.add(issueId, author, created, items);
  }

  changelogs(issueId: string): ChangelogRecord[] {
    return this.changelog.of(issueId);
  }

  // ---- app (Forge) custom fields ----

  /** Registers a Forge custom field, keeping its id if the same app module registered it before. */
  registerAppField(field: Omit<AppFieldRecord, 'id' | 'number'>): AppFieldRecord {
    return this.appFields.register(field);
  }

  listAppFields(): AppFieldRecord[] {
    return this.appFields.list();
  }

  /** By id (`customfield_10010`), by `cf[10010]`-style number, or by field key. */
  getAppField(idOrKey: string): AppFieldRecord | undefined {
    return this.appFields.get(idOrKey);
  }

  getAppFieldValue(fieldId: string, issueId: string): unknown {
    return this.appFields.value(fieldId, issueId);
  }

  /** Stores a value; null clears it. */
  setAppFieldValue(fieldId: string, issueId: string, value: unknown): void {
    this.appFields.setValue(fieldId, issueId, value);
  }

  /** Every issue's app field values: issueId → fieldId → stored value. */
  allAppFieldValues(): Map<string, Record<string, unknown>> {
    return this.appFields.allValues();
  }
}

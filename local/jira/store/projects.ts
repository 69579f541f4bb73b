import type { Db } from '../../db/database';
import type { ProjectRoleName } from '../catalog';
import { allRows, id, oneRow, optionalText, RecordTable, text, word, type Columns, type Row } from './rows';
import type { Sequences } from './sequences';

/**
 * Projects (`jira_project`), the issue numbers each hands out, and who holds which project role
 * (`jira_project_role_actor`), directly or through a group: the roles are what permissions are checked by.
 */
export interface ProjectRecord {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly leadAccountId: string | null;
  readonly projectTypeKey: 'software' | 'service_desk' | 'business';
}

export interface RoleActor {
  readonly role: ProjectRoleName;
  readonly actorType: 'user' | 'group';
  readonly actor: string;
}

// next_issue_number is no field of the record: a new project starts at 1, the column's default.
const PROJECT_COLUMNS: Columns<ProjectRecord> = {
  id: id('id'),
  key: text('key'),
  name: text('name'),
  description: text('description'),
  leadAccountId: optionalText('lead_account_id'),
  projectTypeKey: word('project_type_key'),
};

export class ProjectTable {
  private readonly rows: RecordTable<ProjectRecord>;

  constructor(
    private readonly db: Db,
    private readonly sequences: Sequences,
  ) {
    this.rows = new RecordTable(db, 'jira_project', PROJECT_COLUMNS);
  }

  /** True when there is at least one project. */
  any(): boolean {
    return this.db.prepare('SELECT 1 FROM jira_project LIMIT 1').get() !== undefined;
  }

  list(): ProjectRecord[] {
    return this.rows.list('SELECT * FROM jira_project ORDER BY key');
  }

  get(idOrKey: string): ProjectRecord | undefined {
    return /^\d+$/.test(idOrKey)
      ? this.rows.find('SELECT * FROM jira_project WHERE id = ?', Number(idOrKey))
      : this.rows.find('SELECT * FROM jira_project WHERE key = ?', idOrKey.toUpperCase());
  }

  insert(project: ProjectRecord): void {
    this.rows.insert(project);
    this.sequences.bump('project', Number(project.id));
  }

  takeIssueNumber(projectId: string): number {
    // Every issue belongs to a project that exists, so the row is there.
    const row = oneRow(
      this.db,
      'SELECT next_issue_number FROM jira_project WHERE id = ?',
      Number(projectId),
    ) as Row;
    const number = Number(row.next_issue_number);
    this.db
      .prepare('UPDATE jira_project SET next_issue_number = ? WHERE id = ?')
      .run(number + 1, Number(projectId));
    return number;
  }

  /** Makes sure the project hands out numbers above `used` (after an issue was inserted with its number). */
  bumpIssueNumber(projectId: string, used: number): void {
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
    return allRows(
      this.db,
      'SELECT role, actor_type, actor FROM jira_project_role_actor WHERE project_id = ? ORDER BY role, actor',
      Number(projectId),
    ).map((r) => ({
      role: r.role as ProjectRoleName,
      actorType: r.actor_type as 'user' | 'group',
      actor: String(r.actor),
    }));
  }

  rolesByProject(accountId: string): Map<string, Set<ProjectRoleName>> {
    const rows = allRows(
      this.db,
      `SELECT project_id, role FROM jira_project_role_actor WHERE actor_type = 'user' AND actor = ?
       UNION
       SELECT a.project_id, a.role FROM jira_project_role_actor a
         JOIN jira_group_member m ON lower(m.group_name) = lower(a.actor)
         WHERE a.actor_type = 'group' AND m.account_id = ?`,
      accountId,
      accountId,
    );
    const roles = new Map<string, Set<ProjectRoleName>>();
    for (const row of rows) {
      const projectId = String(row.project_id);
      const set = roles.get(projectId) ?? new Set<ProjectRoleName>();
      set.add(row.role as ProjectRoleName);
      roles.set(projectId, set);
    }
    return roles;
  }
}

import type { Db } from '../../db/database';
import { oneRow } from './rows';

/** Per-project edit screens (`jira_project_edit_screen`): the fields an issue edit may set in that project. */
export class EditScreenTable {
  constructor(private readonly db: Db) {}

  fields(projectId: string): readonly string[] | undefined {
    const row = oneRow(
      this.db,
      'SELECT field_ids FROM jira_project_edit_screen WHERE project_id = ?',
      Number(projectId),
    );
    return row ? (JSON.parse(String(row.field_ids)) as string[]) : undefined;
  }

  setFields(projectId: string, fieldIds: readonly string[] | undefined): void {
    if (fieldIds === undefined) {
      this.db.prepare('DELETE FROM jira_project_edit_screen WHERE project_id = ?').run(Number(projectId));
      return;
    }
    this.db
      .prepare('INSERT OR REPLACE INTO jira_project_edit_screen (project_id, field_ids) VALUES (?, ?)')
      .run(Number(projectId), JSON.stringify([...new Set(fieldIds)]));
  }
}

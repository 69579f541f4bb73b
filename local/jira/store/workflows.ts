import type { Db } from '../../db/database';
import { oneRow } from './rows';

/** Which workflow each project uses (`jira_project_workflow`); a project without a row uses the default. */
export class ProjectWorkflowTable {
  constructor(private readonly db: Db) {}

  workflow(projectId: string): string | undefined {
    const row = oneRow(
      this.db,
      'SELECT workflow FROM jira_project_workflow WHERE project_id = ?',
      Number(projectId),
    );
    return row ? String(row.workflow) : undefined;
  }

  setWorkflow(projectId: string, workflow: string | undefined): void {
    if (workflow === undefined) {
      this.db.prepare('DELETE FROM jira_project_workflow WHERE project_id = ?').run(Number(projectId));
      return;
    }
    this.db
      .prepare('INSERT OR REPLACE INTO jira_project_workflow (project_id, workflow) VALUES (?, ?)')
      .run(Number(projectId), workflow);
  }
}

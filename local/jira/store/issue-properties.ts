import type { Db } from '../../db/database';
import { allRows, oneRow, valuesByIssue } from './rows';

/**
 * Issue entity properties (`jira_issue_property`), values kept as JSON text: where the app's searchable
 * `spoc` copy lives, and what JQL's `issue.property[…]` reads.
 */
export class IssuePropertyTable {
  constructor(private readonly db: Db) {}

  keys(issueId: string): string[] {
    return allRows(
      this.db,
      'SELECT key FROM jira_issue_property WHERE issue_id = ? ORDER BY key',
      Number(issueId),
    ).map((r) => String(r.key));
  }

  get(issueId: string, key: string): { found: true; value: unknown } | { found: false } {
    const row = oneRow(
      this.db,
      'SELECT value FROM jira_issue_property WHERE issue_id = ? AND key = ?',
      Number(issueId),
      key,
    );
    return row ? { found: true, value: JSON.parse(String(row.value)) as unknown } : { found: false };
  }

  set(issueId: string, key: string, value: unknown): 'created' | 'updated' {
    const existed = this.get(issueId, key).found;
    this.db
      .prepare('INSERT OR REPLACE INTO jira_issue_property (issue_id, key, value) VALUES (?, ?, ?)')
      .run(Number(issueId), key, JSON.stringify(value));
    return existed ? 'updated' : 'created';
  }

  delete(issueId: string, key: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM jira_issue_property WHERE issue_id = ? AND key = ?')
        .run(Number(issueId), key).changes > 0
    );
  }

  all(): Map<string, Record<string, unknown>> {
    return valuesByIssue(allRows(this.db, 'SELECT issue_id, key, value FROM jira_issue_property'), 'key');
  }
}

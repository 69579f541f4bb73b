import type { Db } from '../../db/database';
import { id, RecordTable, text, type Columns } from './rows';
import type { Sequences } from './sequences';

/** Issue links (`jira_issue_link`): a link type from an inward issue to an outward one, e.g. duplicates. */
export interface LinkRecord {
  readonly id: string;
  readonly typeId: string;
  readonly inwardIssueId: string;
  readonly outwardIssueId: string;
}

const LINK_COLUMNS: Columns<LinkRecord> = {
  id: id('id'),
  typeId: text('type_id'),
  inwardIssueId: id('inward_issue_id'),
  outwardIssueId: id('outward_issue_id'),
};

export class LinkTable {
  private readonly rows: RecordTable<LinkRecord>;

  constructor(
    private readonly db: Db,
    private readonly sequences: Sequences,
  ) {
    this.rows = new RecordTable(db, 'jira_issue_link', LINK_COLUMNS);
  }

  insert(link: LinkRecord): void {
    this.rows.insert(link);
    this.sequences.bump('link', Number(link.id));
  }

  find(typeId: string, inwardIssueId: string, outwardIssueId: string): LinkRecord | undefined {
    return this.rows.find(
      'SELECT * FROM jira_issue_link WHERE type_id = ? AND inward_issue_id = ? AND outward_issue_id = ?',
      typeId,
      Number(inwardIssueId),
      Number(outwardIssueId),
    );
  }

  get(id: string): LinkRecord | undefined {
    return /^\d+$/.test(id)
      ? this.rows.find('SELECT * FROM jira_issue_link WHERE id = ?', Number(id))
      : undefined;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM jira_issue_link WHERE id = ?').run(Number(id));
  }

  of(issueId: string): LinkRecord[] {
    return this.rows.list(
      'SELECT * FROM jira_issue_link WHERE inward_issue_id = ? OR outward_issue_id = ? ORDER BY id',
      Number(issueId),
      Number(issueId),
    );
  }
}

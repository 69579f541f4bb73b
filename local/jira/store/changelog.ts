import type { Db } from '../../db/database';
import { id, json, optionalText, RecordTable, text, type Columns } from './rows';
import type { Sequences } from './sequences';

/** Each issue's changelog (`jira_changelog`): who changed which fields when, as Jira's changelog shows it. */

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

const CHANGELOG_COLUMNS: Columns<ChangelogRecord> = {
  id: id('id'),
  issueId: id('issue_id'),
  author: optionalText('author'),
  created: text('created'),
  items: json<readonly ChangeItem[]>('items'),
};

export class ChangelogTable {
  private readonly rows: RecordTable<ChangelogRecord>;

  constructor(
    db: Db,
    private readonly sequences: Sequences,
  ) {
    this.rows = new RecordTable(db, 'jira_changelog', CHANGELOG_COLUMNS);
  }

  add(
    issueId: string,
    author: string | null,
    created: string,
    items: readonly ChangeItem[],
  ): ChangelogRecord {
    const record: ChangelogRecord = { id: this.sequences.next('changelog'), issueId, author, created, items };
    this.rows.insert(record);
    return record;
  }

  of(issueId: string): ChangelogRecord[] {
    return this.rows.list(
      'SELECT * FROM jira_changelog WHERE issue_id = ? ORDER BY created, id',
      Number(issueId),
    );
  }
}

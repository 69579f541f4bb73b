import type { Db } from '../../db/database';
import { allRows, RecordTable, text, type Columns } from './rows';

/**
 * Groups (`jira_group`) and who belongs to them (`jira_group_member`). Members are kept by group name, as
 * Jira's older APIs name groups; names match regardless of case.
 */
export interface GroupRecord {
  readonly groupId: string;
  readonly name: string;
}

const GROUP_COLUMNS: Columns<GroupRecord> = { groupId: text('group_id'), name: text('name') };

export class GroupTable {
  private readonly rows: RecordTable<GroupRecord>;

  constructor(private readonly db: Db) {
    this.rows = new RecordTable(db, 'jira_group', GROUP_COLUMNS);
  }

  list(): GroupRecord[] {
    return this.rows.list('SELECT * FROM jira_group ORDER BY name');
  }

  get(nameOrId: { name?: string; groupId?: string }): GroupRecord | undefined {
    return nameOrId.groupId !== undefined
      ? this.rows.find('SELECT * FROM jira_group WHERE group_id = ?', nameOrId.groupId)
      : this.rows.find('SELECT * FROM jira_group WHERE lower(name) = lower(?)', nameOrId.name ?? '');
  }

  insert(group: GroupRecord): void {
    this.rows.insert(group);
  }

  addMember(groupName: string, accountId: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO jira_group_member (group_name, account_id) VALUES (?, ?)')
      .run(groupName, accountId);
  }

  members(groupName: string): string[] {
    return allRows(
      this.db,
      `SELECT m.account_id FROM jira_group_member m JOIN jira_user u ON u.account_id = m.account_id
       WHERE lower(m.group_name) = lower(?) ORDER BY u.display_name`,
      groupName,
    ).map((r) => String(r.account_id));
  }

  groupsOf(accountId: string): GroupRecord[] {
    return this.rows.list(
      `SELECT g.* FROM jira_group g JOIN jira_group_member m ON m.group_name = g.name
       WHERE m.account_id = ? ORDER BY g.name`,
      accountId,
    );
  }
}

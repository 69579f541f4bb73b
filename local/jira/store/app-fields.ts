import type { Db } from '../../db/database';
import {
  allRows,
  flag,
  integer,
  oneRow,
  RecordTable,
  text,
  valuesByIssue,
  word,
  type Columns,
  type Row,
} from './rows';

/**
 * Forge custom fields (`jira_app_field`), registered from the installed app's manifest and kept across a
 * re-seed, and their values on issues (`jira_app_field_value`), stored as JSON.
 */
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

const FIRST_CUSTOM_FIELD = 10010;

const APP_FIELD_COLUMNS: Columns<AppFieldRecord> = {
  id: text('id'),
  number: integer('number'),
  appId: text('app_id'),
  moduleKey: text('module_key'),
  name: text('name'),
  description: text('description'),
  type: word('type'),
  readOnly: flag('read_only'),
  fieldKey: text('field_key'),
  environmentId: text('environment_id'),
};

/** What a new manifest may change of a field it registered before: everything but its id, number and owner. */
const REREGISTERED_FIELDS: readonly (keyof AppFieldRecord)[] = [
  'name',
  'description',
  'type',
  'readOnly',
  'fieldKey',
  'environmentId',
];

export class AppFieldTable {
  private readonly rows: RecordTable<AppFieldRecord>;

  constructor(private readonly db: Db) {
    this.rows = new RecordTable(db, 'jira_app_field', APP_FIELD_COLUMNS);
  }

  register(field: Omit<AppFieldRecord, 'id' | 'number'>): AppFieldRecord {
    const existing = this.rows.find(
      'SELECT * FROM jira_app_field WHERE app_id = ? AND module_key = ?',
      field.appId,
      field.moduleKey,
    );
    if (existing) {
      const record: AppFieldRecord = { ...field, id: existing.id, number: existing.number };
      this.rows.update(record, REREGISTERED_FIELDS, 'id');
      return record;
    }
    const max = oneRow(this.db, 'SELECT max(number) AS n FROM jira_app_field') as Row;
    const number = max.n === null ? FIRST_CUSTOM_FIELD : Number(max.n) + 1;
    const record: AppFieldRecord = { ...field, id: `customfield_${number}`, number };
    this.rows.insert(record);
    return record;
  }

  list(): AppFieldRecord[] {
    return this.rows.list('SELECT * FROM jira_app_field ORDER BY number');
  }

  get(idOrKey: string): AppFieldRecord | undefined {
    return this.rows.find('SELECT * FROM jira_app_field WHERE id = ? OR field_key = ?', idOrKey, idOrKey);
  }

  value(fieldId: string, issueId: string): unknown {
    const row = oneRow(
      this.db,
      'SELECT value FROM jira_app_field_value WHERE field_id = ? AND issue_id = ?',
      fieldId,
      Number(issueId),
    );
    return row ? (JSON.parse(String(row.value)) as unknown) : null;
  }

  setValue(fieldId: string, issueId: string, value: unknown): void {
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

  allValues(): Map<string, Record<string, unknown>> {
    return valuesByIssue(
      allRows(this.db, 'SELECT field_id, issue_id, value FROM jira_app_field_value'),
      'field_id',
    );
  }
}

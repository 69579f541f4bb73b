import type { Db } from '../../db/database';

/**
 * The one row-mapping helper of the local Jira's tables: a table module lists its columns once, each with
 * the record field it fills and how the value is stored, and reads, inserts and updates all follow that
 * list, so a column can never be spelled one way in the SELECT mapping and another in the INSERT.
 */
export type Row = Record<string, unknown>;

export interface Column<V> {
  readonly name: string;
  /** What SQLite hands back, as the record holds it. */
  readonly read: (stored: unknown) => V;
  /** The record's value, as SQLite stores it. */
  readonly write: (value: V) => unknown;
}

export const column = <V>(
  name: string,
  read: (stored: unknown) => V,
  write: (value: V) => unknown = (value) => value,
): Column<V> => ({ name, read, write });

/** TEXT NOT NULL. */
export const text = (name: string): Column<string> => column(name, (stored) => String(stored));

/** TEXT or NULL. */
export const optionalText = (name: string): Column<string | null> =>
  column(name, (stored) => (stored === null ? null : String(stored)));

/** TEXT holding one of a type's few words; only the site writes it, so it is taken as it is. */
export const word = <W extends string>(name: string): Column<W> => column(name, (stored) => stored as W);

/** An INTEGER id, which Jira's REST API shows as a numeric string. */
export const id = (name: string): Column<string> =>
  column(
    name,
    (stored) => String(stored),
    (value) => Number(value),
  );

/** INTEGER. */
export const integer = (name: string): Column<number> => column(name, (stored) => Number(stored));

/** INTEGER 0 or 1. */
export const flag = (name: string): Column<boolean> =>
  column(
    name,
    (stored) => stored === 1,
    (value) => (value ? 1 : 0),
  );

/** JSON text. */
export const json = <V>(name: string): Column<V> =>
  column(
    name,
    (stored) => JSON.parse(String(stored)) as V,
    (value) => JSON.stringify(value),
  );

/** JSON text, or NULL for null. */
export const optionalJson = <V>(name: string): Column<V | null> =>
  column(
    name,
    (stored) => (stored === null ? null : (JSON.parse(String(stored)) as V)),
    (value) => (value === null ? null : JSON.stringify(value)),
  );

export type Columns<R> = { readonly [F in keyof R]-?: Column<R[F]> };

export const oneRow = (db: Db, sql: string, ...params: unknown[]): Row | undefined =>
  db.prepare(sql).get(...params) as Row | undefined;

export const allRows = (db: Db, sql: string, ...params: unknown[]): Row[] =>
  db.prepare(sql).all(...params) as Row[];

/** A table whose rows are records of one type, mapped field by field through its column list. */
export class RecordTable<R> {
  private readonly fields: readonly (keyof R)[];

  constructor(
    private readonly db: Db,
    readonly name: string,
    private readonly columns: Columns<R>,
  ) {
    this.fields = Object.keys(columns) as (keyof R)[];
  }

  /** The record in a row read with `SELECT *`. */
  read(row: Row): R {
    const record: Partial<Record<keyof R, unknown>> = {};
    for (const field of this.fields) {
      const column = this.columns[field];
      record[field] = column.read(row[column.name]);
    }
    return record as R;
  }

  /** The first record the query finds, if any. */
  find(sql: string, ...params: unknown[]): R | undefined {
    const row = oneRow(this.db, sql, ...params);
    return row && this.read(row);
  }

  list(sql: string, ...params: unknown[]): R[] {
    return allRows(this.db, sql, ...params).map((row) => this.read(row));
  }

  /** Stores a new row with every column of the list. */
  insert(record: R): void {
    const names = this.fields.map((field) => this.columns[field].name);
    this.db
      .prepare(`INSERT INTO ${this.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...this.values(this.fields, record));
  }

  /** Writes `fields` of the row whose `key` column holds the record's key. */
  update<F extends keyof R, K extends keyof R>(record: Pick<R, F | K>, fields: readonly F[], key: K): void {
    const set = fields.map((field) => `${this.columns[field].name} = ?`).join(', ');
    this.db
      .prepare(`UPDATE ${this.name} SET ${set} WHERE ${this.columns[key].name} = ?`)
      .run(...this.values(fields, record), this.columns[key].write(record[key]));
  }

  private values<F extends keyof R>(fields: readonly F[], record: Pick<R, F>): unknown[] {
    return fields.map((field) => this.columns[field].write(record[field]));
  }
}

/** Rows of `issue_id`, a key column and a JSON `value`, as issueId → key → value (for JQL views). */
export function valuesByIssue(rows: readonly Row[], keyColumn: string): Map<string, Record<string, unknown>> {
  const result = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const issueId = String(row.issue_id);
    const values = result.get(issueId) ?? {};
    values[String(row[keyColumn])] = JSON.parse(String(row.value)) as unknown;
    result.set(issueId, values);
  }
  return result;
}

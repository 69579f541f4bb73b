import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Opens the site's SQLite database: a file for `npm start` (kept across restarts), `:memory:` for tests.
 * Each part of the site creates its own tables with `CREATE TABLE IF NOT EXISTS` when it starts.
 */
export function openDatabase(file: string = ':memory:'): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

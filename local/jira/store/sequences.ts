import type { Db } from '../../db/database';
import { oneRow } from './rows';

/**
 * Id sequences (`jira_sequence`), one per kind of thing: ids count from 10000, as on Jira Cloud, and rows the
 * seed inserts with fixed ids move their sequence past them.
 */
const FIRST_ID = 10000;

export class Sequences {
  constructor(private readonly db: Db) {}

  next(sequence: string): string {
    const row = oneRow(this.db, 'SELECT next FROM jira_sequence WHERE name = ?', sequence);
    const next = row ? Number(row.next) : FIRST_ID;
    this.db
      .prepare('INSERT OR REPLACE INTO jira_sequence (name, next) VALUES (?, ?)')
      .run(sequence, next + 1);
    return String(next);
  }

  /** Makes sure the sequence hands out ids above `used`. */
  bump(sequence: string, used: number): void {
    const row = oneRow(this.db, 'SELECT next FROM jira_sequence WHERE name = ?', sequence);
    const next = Math.max(row ? Number(row.next) : FIRST_ID, used + 1);
    this.db.prepare('INSERT OR REPLACE INTO jira_sequence (name, next) VALUES (?, ?)').run(sequence, next);
  }
}

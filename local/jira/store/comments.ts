import type { Db } from '../../db/database';
import type { AdfDoc } from '../adf';
import { allRows, id, json, optionalJson, RecordTable, text, type Columns } from './rows';
import type { Sequences } from './sequences';

/**
 * Comments (`jira_comment`) with their visibility, and comment properties (`jira_comment_property`), which
 * go when their comment goes.
 */
export interface CommentVisibility {
  readonly type: 'group' | 'role';
  readonly value: string;
}

export interface CommentRecord {
  readonly id: string;
  readonly issueId: string;
  readonly author: string;
  readonly updateAuthor: string;
  readonly body: AdfDoc;
  readonly created: string;
  readonly updated: string;
  readonly visibility: CommentVisibility | null;
}

const COMMENT_COLUMNS: Columns<CommentRecord> = {
  id: id('id'),
  issueId: id('issue_id'),
  author: text('author'),
  updateAuthor: text('update_author'),
  body: json<AdfDoc>('body'),
  created: text('created'),
  updated: text('updated'),
  visibility: optionalJson<CommentVisibility>('visibility'),
};

/** What an edit changes: the text, who edited it and when, and who may see it. */
const EDITABLE_FIELDS: readonly (keyof CommentRecord)[] = ['updateAuthor', 'body', 'updated', 'visibility'];

export class CommentTable {
  private readonly rows: RecordTable<CommentRecord>;

  constructor(
    private readonly db: Db,
    private readonly sequences: Sequences,
  ) {
    this.rows = new RecordTable(db, 'jira_comment', COMMENT_COLUMNS);
  }

  list(issueId: string): CommentRecord[] {
    return this.rows.list(
      'SELECT * FROM jira_comment WHERE issue_id = ? ORDER BY created, id',
      Number(issueId),
    );
  }

  all(): CommentRecord[] {
    return this.rows.list('SELECT * FROM jira_comment ORDER BY issue_id, created, id');
  }

  get(commentId: string): CommentRecord | undefined {
    if (!/^\d+$/.test(commentId)) return undefined;
    return this.rows.find('SELECT * FROM jira_comment WHERE id = ?', Number(commentId));
  }

  insert(comment: CommentRecord): void {
    this.rows.insert(comment);
    this.sequences.bump('comment', Number(comment.id));
  }

  save(comment: CommentRecord): void {
    this.rows.update(comment, EDITABLE_FIELDS, 'id');
  }

  delete(commentId: string): void {
    this.db.prepare('DELETE FROM jira_comment WHERE id = ?').run(Number(commentId));
    this.db.prepare('DELETE FROM jira_comment_property WHERE comment_id = ?').run(Number(commentId));
  }

  properties(commentId: string): Array<{ key: string; value: unknown }> {
    return allRows(
      this.db,
      'SELECT key, value FROM jira_comment_property WHERE comment_id = ? ORDER BY key',
      Number(commentId),
    ).map((r) => ({ key: String(r.key), value: JSON.parse(String(r.value)) as unknown }));
  }

  setProperty(commentId: string, key: string, value: unknown): void {
    this.db
      .prepare('INSERT OR REPLACE INTO jira_comment_property (comment_id, key, value) VALUES (?, ?, ?)')
      .run(Number(commentId), key, JSON.stringify(value));
  }
}

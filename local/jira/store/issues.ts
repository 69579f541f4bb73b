import type { Db } from '../../db/database';
import type { AdfDoc } from '../adf';
import { id, integer, json, optionalJson, optionalText, RecordTable, text, type Columns } from './rows';
import type { ProjectTable } from './projects';
import type { Sequences } from './sequences';

/**
 * Issues (`jira_issue`): the fields the site keeps as columns; rich text, labels and component ids are JSON.
 * Comments, properties, links, the changelog and app field values live in tables of their own.
 */
export interface IssueRecord {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly number: number;
  readonly issueTypeId: string;
  readonly summary: string;
  readonly description: AdfDoc | null;
  readonly statusId: string;
  readonly priorityId: string | null;
  readonly resolutionId: string | null;
  readonly assignee: string | null;
  readonly reporter: string | null;
  readonly creator: string | null;
  readonly labels: readonly string[];
  readonly componentIds: readonly string[];
  readonly created: string;
  readonly updated: string;
  readonly resolutionDate: string | null;
  readonly statusCategoryChanged: string;
}

const ISSUE_COLUMNS: Columns<IssueRecord> = {
  id: id('id'),
  key: text('key'),
  projectId: id('project_id'),
  number: integer('number'),
  issueTypeId: text('issue_type_id'),
  summary: text('summary'),
  description: optionalJson<AdfDoc>('description'),
  statusId: text('status_id'),
  priorityId: optionalText('priority_id'),
  resolutionId: optionalText('resolution_id'),
  assignee: optionalText('assignee'),
  reporter: optionalText('reporter'),
  creator: optionalText('creator'),
  labels: json<readonly string[]>('labels'),
  componentIds: json<readonly string[]>('component_ids'),
  created: text('created'),
  updated: text('updated'),
  resolutionDate: optionalText('resolution_date'),
  statusCategoryChanged: text('status_category_changed'),
};

/** What an edit may change: never the id, project, number, key, creator or creation time. */
const EDITABLE_FIELDS: readonly (keyof IssueRecord)[] = [
  'issueTypeId',
  'summary',
  'description',
  'statusId',
  'priorityId',
  'resolutionId',
  'assignee',
  'reporter',
  'labels',
  'componentIds',
  'updated',
  'resolutionDate',
  'statusCategoryChanged',
];

export class IssueTable {
  private readonly rows: RecordTable<IssueRecord>;

  constructor(
    private readonly db: Db,
    private readonly sequences: Sequences,
    private readonly projects: ProjectTable,
  ) {
    this.rows = new RecordTable(db, 'jira_issue', ISSUE_COLUMNS);
  }

  get(idOrKey: string): IssueRecord | undefined {
    return /^\d+$/.test(idOrKey)
      ? this.rows.find('SELECT * FROM jira_issue WHERE id = ?', Number(idOrKey))
      : this.rows.find('SELECT * FROM jira_issue WHERE key = ?', idOrKey.toUpperCase());
  }

  list(): IssueRecord[] {
    return this.rows.list('SELECT * FROM jira_issue ORDER BY id');
  }

  insert(issue: IssueRecord): void {
    this.rows.insert(issue);
    this.sequences.bump('issue', Number(issue.id));
    this.projects.bumpIssueNumber(issue.projectId, issue.number);
  }

  save(issue: IssueRecord): void {
    this.rows.update(issue, EDITABLE_FIELDS, 'id');
  }

  touch(issueId: string, updated: string): void {
    this.db.prepare('UPDATE jira_issue SET updated = ? WHERE id = ?').run(updated, Number(issueId));
  }
}

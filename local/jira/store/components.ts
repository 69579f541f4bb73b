import type { Db } from '../../db/database';
import { id, optionalText, RecordTable, text, type Columns } from './rows';
import type { Sequences } from './sequences';

/** Project components (`jira_component`), each with an optional lead, whom vetted work may go to. */
export interface ComponentRecord {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly leadAccountId: string | null;
}

const COMPONENT_COLUMNS: Columns<ComponentRecord> = {
  id: id('id'),
  projectId: id('project_id'),
  name: text('name'),
  description: text('description'),
  leadAccountId: optionalText('lead_account_id'),
};

export class ComponentTable {
  private readonly rows: RecordTable<ComponentRecord>;

  constructor(
    db: Db,
    private readonly sequences: Sequences,
  ) {
    this.rows = new RecordTable(db, 'jira_component', COMPONENT_COLUMNS);
  }

  list(projectId: string): ComponentRecord[] {
    return this.rows.list(
      'SELECT * FROM jira_component WHERE project_id = ? ORDER BY name',
      Number(projectId),
    );
  }

  get(componentId: string): ComponentRecord | undefined {
    if (!/^\d+$/.test(componentId)) return undefined;
    return this.rows.find('SELECT * FROM jira_component WHERE id = ?', Number(componentId));
  }

  insert(component: ComponentRecord): void {
    this.rows.insert(component);
    this.sequences.bump('component', Number(component.id));
  }
}

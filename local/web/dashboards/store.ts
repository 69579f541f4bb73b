import type { Db } from '../../db/database';

/**
 * Dashboards of the local Jira, their gadgets and the gadgets' item properties (where a Forge gadget's
 * configuration from `view.submit` is kept). Ids count from 10000, as on Jira; 10000 is the system
 * "Default dashboard".
 */
export interface DashboardRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Null for the system dashboard. */
  readonly owner: string | null;
}

export interface GadgetRecord {
  readonly id: string;
  readonly dashboardId: string;
  readonly moduleKey: string;
  readonly title: string;
  readonly color: string;
  readonly column: number;
  readonly row: number;
}

/** The item property a Forge gadget's configuration lives in. */
export const GADGET_CONFIG_PROPERTY = 'config';

export const SYSTEM_DASHBOARD_ID = '10000';

type Row = Record<string, unknown>;

export class DashboardStore {
  constructor(private readonly db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS web_dashboard (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        owner TEXT
      );
      CREATE TABLE IF NOT EXISTS web_dashboard_gadget (
        id INTEGER PRIMARY KEY,
        dashboard_id INTEGER NOT NULL REFERENCES web_dashboard (id) ON DELETE CASCADE,
        module_key TEXT NOT NULL,
        title TEXT NOT NULL,
        color TEXT NOT NULL DEFAULT 'blue',
        col INTEGER NOT NULL DEFAULT 0,
        row INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS web_dashboard_item_property (
        dashboard_id INTEGER NOT NULL REFERENCES web_dashboard (id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (dashboard_id, item_id, key)
      );
    `);
  }

  /** The system dashboard with the given gadgets, the first time the site starts. */
  ensureSystemDashboard(gadgets: ReadonlyArray<{ moduleKey: string; title: string }>): void {
    if (this.get(SYSTEM_DASHBOARD_ID)) return;
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO web_dashboard (id, name, description, owner) VALUES (?, ?, ?, NULL)')
        .run(Number(SYSTEM_DASHBOARD_ID), 'Default dashboard', 'The dashboard everyone sees first.');
      gadgets.forEach((g, i) =>
        this.addGadget(SYSTEM_DASHBOARD_ID, g.moduleKey, g.title, 'blue', i % 2, Math.floor(i / 2)),
      );
    })();
  }

  /** Every dashboard, gadget and configuration gone; the system dashboard seeded again with `gadgets`. */
  reset(gadgets: ReadonlyArray<{ moduleKey: string; title: string }>): void {
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM web_dashboard_item_property; DELETE FROM web_dashboard_gadget; DELETE FROM web_dashboard;',
      );
      this.ensureSystemDashboard(gadgets);
    })();
  }

  list(): DashboardRecord[] {
    return (this.db.prepare('SELECT * FROM web_dashboard ORDER BY id').all() as Row[]).map(dashboardOf);
  }

  get(id: string): DashboardRecord | undefined {
    if (!/^\d+$/.test(id)) return undefined;
    const row = this.db.prepare('SELECT * FROM web_dashboard WHERE id = ?').get(Number(id)) as
      Row | undefined;
    return row && dashboardOf(row);
  }

  create(name: string, description: string, owner: string): DashboardRecord {
    const next = (this.db.prepare('SELECT max(id) AS max FROM web_dashboard').get() as { max: number | null })
      .max;
    const id = Math.max(Number(next ?? 0) + 1, Number(SYSTEM_DASHBOARD_ID) + 1);
    this.db
      .prepare('INSERT INTO web_dashboard (id, name, description, owner) VALUES (?, ?, ?, ?)')
      .run(id, name, description, owner);
    return this.get(String(id)) as DashboardRecord;
  }

  gadgets(dashboardId: string): GadgetRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM web_dashboard_gadget WHERE dashboard_id = ? ORDER BY col, row, id')
        .all(Number(dashboardId)) as Row[]
    ).map(gadgetOf);
  }

  gadget(dashboardId: string, gadgetId: string): GadgetRecord | undefined {
    if (!/^\d+$/.test(gadgetId)) return undefined;
    const row = this.db
      .prepare('SELECT * FROM web_dashboard_gadget WHERE dashboard_id = ? AND id = ?')
      .get(Number(dashboardId), Number(gadgetId)) as Row | undefined;
    return row && gadgetOf(row);
  }

  addGadget(
    dashboardId: string,
    moduleKey: string,
    title: string,
    color: string,
    column?: number,
    row?: number,
  ): GadgetRecord {
    const col = column ?? 0;
    const nextRow =
      row ??
      Number(
        (
          this.db
            .prepare('SELECT max(row) AS max FROM web_dashboard_gadget WHERE dashboard_id = ? AND col = ?')
            .get(Number(dashboardId), col) as { max: number | null }
        ).max ?? -1,
      ) + 1;
    const next = (
      this.db.prepare('SELECT max(id) AS max FROM web_dashboard_gadget').get() as { max: number | null }
    ).max;
    const id = Math.max(Number(next ?? 0) + 1, 10000);
    this.db
      .prepare(
        'INSERT INTO web_dashboard_gadget (id, dashboard_id, module_key, title, color, col, row) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, Number(dashboardId), moduleKey, title, color, col, nextRow);
    return this.gadget(dashboardId, String(id)) as GadgetRecord;
  }

  updateGadget(gadget: GadgetRecord): void {
    this.db
      .prepare('UPDATE web_dashboard_gadget SET title = ?, color = ?, col = ?, row = ? WHERE id = ?')
      .run(gadget.title, gadget.color, gadget.column, gadget.row, Number(gadget.id));
  }

  removeGadget(dashboardId: string, gadgetId: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM web_dashboard_gadget WHERE dashboard_id = ? AND id = ?')
        .run(Number(dashboardId), Number(gadgetId));
      this.db
        .prepare('DELETE FROM web_dashboard_item_property WHERE dashboard_id = ? AND item_id = ?')
        .run(Number(dashboardId), gadgetId);
    })();
  }

  propertyKeys(dashboardId: string, itemId: string): string[] {
    return (
      this.db
        .prepare(
          'SELECT key FROM web_dashboard_item_property WHERE dashboard_id = ? AND item_id = ? ORDER BY key',
        )
        .all(Number(dashboardId), itemId) as Row[]
    ).map((r) => String(r.key));
  }

  getProperty(
    dashboardId: string,
    itemId: string,
    key: string,
  ): { found: true; value: unknown } | { found: false } {
    const row = this.db
      .prepare(
        'SELECT value FROM web_dashboard_item_property WHERE dashboard_id = ? AND item_id = ? AND key = ?',
      )
      .get(Number(dashboardId), itemId, key) as Row | undefined;
    return row ? { found: true, value: JSON.parse(String(row.value)) as unknown } : { found: false };
  }

  setProperty(dashboardId: string, itemId: string, key: string, value: unknown): 'created' | 'updated' {
    const existed = this.getProperty(dashboardId, itemId, key).found;
    this.db
      .prepare(
        `INSERT INTO web_dashboard_item_property (dashboard_id, item_id, key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (dashboard_id, item_id, key) DO UPDATE SET value = excluded.value`,
      )
      .run(Number(dashboardId), itemId, key, JSON.stringify(value));
    return existed ? 'updated' : 'created';
  }

  deleteProperty(dashboardId: string, itemId: string, key: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM web_dashboard_item_property WHERE dashboard_id = ? AND item_id = ? AND key = ?')
        .run(Number(dashboardId), itemId, key).changes > 0
    );
  }
}

function dashboardOf(row: Row): DashboardRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    description: String(row.description ?? ''),
    owner: row.owner === null || row.owner === undefined ? null : String(row.owner),
  };
}

function gadgetOf(row: Row): GadgetRecord {
  return {
    id: String(row.id),
    dashboardId: String(row.dashboard_id),
    moduleKey: String(row.module_key),
    title: String(row.title),
    color: String(row.color),
    column: Number(row.col),
    row: Number(row.row),
  };
}

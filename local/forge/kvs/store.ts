import type { Statement } from 'better-sqlite3';
import type { SiteClock } from '../../clock';
import type { Db } from '../../db/database';
import type { StoreKind } from './limits';

/**
 * The app's Forge hosted storage in SQLite: plain key-value pairs, secrets and custom entities, each in
 * its own namespace of one table. Keys sort by code point (SQLite's BINARY collation over UTF-8), which
 * is the order `kvs.query()` returns them in. Times come from the site clock; expired entries (TTL) are
 * invisible and removed when next touched.
 *
 * Custom entity indexes are kept in a side table, as the platform keeps them: a query reads the rows of one
 * partition, never every row of the entity, so its cost grows with what it returns and not with the store.
 */
export interface KvsEntry {
  readonly store: StoreKind;
  /** '' outside the Custom Entity Store. */
  readonly entityName: string;
  readonly key: string;
  readonly value: unknown;
  /** Epoch milliseconds on the site clock. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Epoch milliseconds, when a TTL was set. */
  readonly expireAt?: number;
}

/** A declared index of a custom entity: the attributes that name a partition, and the range attribute. */
export interface EntityIndexDefinition {
  readonly entityName: string;
  readonly indexName: string;
  readonly partition: readonly string[];
  readonly range: string;
}

interface Row {
  store: StoreKind;
  entity_name: string;
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

export class KvsStore {
  /**
   * Real milliseconds added to every request the app makes, as a network round trip to the platform's
   * storage would (0, the default: none). Benchmarks set it to see what overlapping requests buys.
   */
  roundTripMs = 0;
  /** Prepared once: preparing a statement costs more than running it. */
  private readonly statements = new Map<string, Statement>();
  private indexes = new Map<string, readonly EntityIndexDefinition[]>();

  constructor(
    private readonly db: Db,
    readonly appId: string,
    private readonly clock: SiteClock,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS kvs_entries (
        app_id TEXT NOT NULL,
        store TEXT NOT NULL,
        entity_name TEXT NOT NULL DEFAULT '',
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        expire_at INTEGER,
        PRIMARY KEY (app_id, store, entity_name, key)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS kvs_entity_index (
        app_id TEXT NOT NULL,
        entity_name TEXT NOT NULL,
        index_name TEXT NOT NULL,
        partition TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (app_id, entity_name, index_name, partition, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS kvs_entity_index_by_key ON kvs_entity_index (app_id, entity_name, key);
    `);
  }

  /**
   * The custom entities' indexes (from the manifest). Rebuilds the index table from the stored rows, so a
   * database written before an index was declared (or changed) answers queries completely.
   */
  defineIndexes(definitions: readonly EntityIndexDefinition[]): void {
    const byEntity = new Map<string, EntityIndexDefinition[]>();
    for (const d of definitions) byEntity.set(d.entityName, [...(byEntity.get(d.entityName) ?? []), d]);
    this.indexes = byEntity;
    this.atomically(() => {
      this.statement('DELETE FROM kvs_entity_index WHERE app_id = ?').run(this.appId);
      const rows = this.statement(`SELECT * FROM kvs_entries WHERE app_id = ? AND store = 'entity'`).all(
        this.appId,
      ) as Row[];
      for (const row of rows) this.indexRow(row.entity_name, row.key, JSON.parse(row.value));
    });
  }

  read(store: StoreKind, entityName: string, key: string): KvsEntry | undefined {
    const row = this.statement(
      `SELECT * FROM kvs_entries WHERE app_id = ? AND store = ? AND entity_name = ? AND key = ?
         AND (expire_at IS NULL OR expire_at > ?)`,
    ).get(this.appId, store, entityName, key, this.clock.nowMs()) as Row | undefined;
    return row && toEntry(row);
  }

  /** Writes a value (already checked and serialised); returns the entry before and after. */
  write(
    store: StoreKind,
    entityName: string,
    key: string,
    serialisedValue: string,
    ttlMs?: number,
  ): { previous?: KvsEntry; latest: KvsEntry } {
    const now = this.clock.nowMs();
    const previous = this.read(store, entityName, key);
    const expireAt = ttlMs === undefined ? null : now + ttlMs;
    const value: unknown = JSON.parse(serialisedValue);
    this.atomically(() => {
      this.statement(
        `INSERT INTO kvs_entries (app_id, store, entity_name, key, value, created_at, updated_at, expire_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (app_id, store, entity_name, key) DO UPDATE SET
           value = excluded.value, created_at = excluded.created_at, updated_at = excluded.updated_at,
           expire_at = excluded.expire_at`,
      ).run(this.appId, store, entityName, key, serialisedValue, previous?.createdAt ?? now, now, expireAt);
      if (store === 'entity') this.indexRow(entityName, key, value);
    });
    const latest: KvsEntry = {
      store,
      entityName,
      key,
      value,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(expireAt === null ? {} : { expireAt }),
    };
    return { previous, latest };
  }

  /** Removes an entry; true when there was one. */
  remove(store: StoreKind, entityName: string, key: string): boolean {
    const existed = this.read(store, entityName, key) !== undefined;
    this.atomically(() => {
      this.statement(
        'DELETE FROM kvs_entries WHERE app_id = ? AND store = ? AND entity_name = ? AND key = ?',
      ).run(this.appId, store, entityName, key);
      if (store === 'entity') this.unindexRow(entityName, key);
    });
    return existed;
  }

  /**
   * Live entries of one partition of a declared entity index, in key order (the caller sorts by range);
   * undefined when the index is not declared.
   */
  scanPartition(
    entityName: string,
    indexName: string,
    partition: readonly unknown[],
  ): KvsEntry[] | undefined {
    if (!this.indexes.get(entityName)?.some((i) => i.indexName === indexName)) return undefined;
    const rows = this.statement(
      `SELECT e.* FROM kvs_entity_index i
         JOIN kvs_entries e
           ON e.app_id = i.app_id AND e.store = 'entity' AND e.entity_name = i.entity_name AND e.key = i.key
       WHERE i.app_id = ? AND i.entity_name = ? AND i.index_name = ? AND i.partition = ?
         AND (e.expire_at IS NULL OR e.expire_at > ?)
       ORDER BY e.key`,
    ).all(this.appId, entityName, indexName, JSON.stringify(partition), this.clock.nowMs()) as Row[];
    return rows.map(toEntry);
  }

  /** Live entries of one namespace in key order, after `after` and starting with `prefix`. */
  scan(
    store: StoreKind,
    entityName: string,
    options: { prefix?: string; after?: string; limit?: number } = {},
  ): KvsEntry[] {
    const rows = this.statement(
      `SELECT * FROM kvs_entries WHERE app_id = ? AND store = ? AND entity_name = ?
         AND (expire_at IS NULL OR expire_at > ?)
         AND (? IS NULL OR key > ?)
         AND (? IS NULL OR substr(key, 1, length(?)) = ?)
       ORDER BY key
       LIMIT ?`,
    ).all(
      this.appId,
      store,
      entityName,
      this.clock.nowMs(),
      options.after ?? null,
      options.after ?? null,
      options.prefix ?? null,
      options.prefix ?? null,
      options.prefix ?? null,
      options.limit ?? -1,
    ) as Row[];
    return rows.map(toEntry);
  }

  /** Runs `fn` atomically: every write inside commits together or not at all. */
  atomically<T>(fn: () => T): T {
    // Inside a transaction already (a KVS transaction or batch): part of it, no savepoint needed.
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  // --- inspection and reset (control API, tests) ---

  /** Every live entry of this app, secrets and entities included, in store/entity/key order. */
  entries(): KvsEntry[] {
    this.purgeExpired();
    const rows = this.statement(
      'SELECT * FROM kvs_entries WHERE app_id = ? ORDER BY store, entity_name, key',
    ).all(this.appId) as Row[];
    return rows.map(toEntry);
  }

  /** A plain KVS value, as `kvs.get` would see it. */
  get(key: string): unknown {
    return this.read('kvs', '', key)?.value;
  }

  /** Writes a plain KVS value directly (seeding, tests); no limits are checked. */
  set(key: string, value: unknown): void {
    this.write('kvs', '', key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.remove('kvs', '', key);
  }

  /** Forgets everything this app stored. */
  clear(): void {
    this.atomically(() => {
      this.statement('DELETE FROM kvs_entries WHERE app_id = ?').run(this.appId);
      this.statement('DELETE FROM kvs_entity_index WHERE app_id = ?').run(this.appId);
    });
  }

  private purgeExpired(): void {
    this.atomically(() => {
      this.statement(
        'DELETE FROM kvs_entries WHERE app_id = ? AND expire_at IS NOT NULL AND expire_at <= ?',
      ).run(this.appId, this.clock.nowMs());
      this.statement(
        `DELETE FROM kvs_entity_index WHERE app_id = ? AND NOT EXISTS (
           SELECT 1 FROM kvs_entries e WHERE e.app_id = kvs_entity_index.app_id AND e.store = 'entity'
             AND e.entity_name = kvs_entity_index.entity_name AND e.key = kvs_entity_index.key)`,
      ).run(this.appId);
    });
  }

  /** Files an entity row under each declared index whose partition and range attributes it has. */
  private indexRow(entityName: string, key: string, value: unknown): void {
    this.unindexRow(entityName, key);
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const insert = this.statement(
      `INSERT OR IGNORE INTO kvs_entity_index (app_id, entity_name, index_name, partition, key)
       VALUES (?, ?, ?, ?, ?)`,
    );
    for (const index of this.indexes.get(entityName) ?? []) {
      if (record[index.range] === undefined) continue;
      const partition = index.partition.map((attribute) => record[attribute]);
      if (partition.some((v) => v === undefined)) continue;
      insert.run(this.appId, entityName, index.indexName, JSON.stringify(partition), key);
    }
  }

  private unindexRow(entityName: string, key: string): void {
    this.statement('DELETE FROM kvs_entity_index WHERE app_id = ? AND entity_name = ? AND key = ?').run(
      this.appId,
      entityName,
      key,
    );
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function toEntry(row: Row): KvsEntry {
  return {
    store: row.store,
    entityName: row.entity_name,
    key: row.key,
    value: JSON.parse(row.value),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.expire_at === null ? {} : { expireAt: row.expire_at }),
  };
}

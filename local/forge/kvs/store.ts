import type { SiteClock } from '../../clock';
import type { Db } from '../../db/database';
import type { StoreKind } from './limits';

/**
 * The app's Forge hosted storage in SQLite: plain key-value pairs, secrets and custom entities, each in
 * its own namespace of one table. Keys sort by code point (SQLite's BINARY collation over UTF-8), which
 * is the order `kvs.query()` returns them in. Times come from the site clock; expired entries (TTL) are
 * invisible and removed when next touched.
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
    `);
  }

  read(store: StoreKind, entityName: string, key: string): KvsEntry | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM kvs_entries WHERE app_id = ? AND store = ? AND entity_name = ? AND key = ?
           AND (expire_at IS NULL OR expire_at > ?)`,
      )
      .get(this.appId, store, entityName, key, this.clock.nowMs()) as Row | undefined;
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
    this.db
      .prepare(
        `INSERT INTO kvs_entries (app_id, store, entity_name, key, value, created_at, updated_at, expire_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (app_id, store, entity_name, key) DO UPDATE SET
           value = excluded.value, created_at = excluded.created_at, updated_at = excluded.updated_at,
           expire_at = excluded.expire_at`,
      )
      .run(this.appId, store, entityName, key, serialisedValue, previous?.createdAt ?? now, now, expireAt);
    const latest: KvsEntry = {
      store,
      entityName,
      key,
      value: JSON.parse(serialisedValue),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(expireAt === null ? {} : { expireAt }),
    };
    return { previous, latest };
  }

  /** Removes an entry; true when there was one. */
  remove(store: StoreKind, entityName: string, key: string): boolean {
    const existed = this.read(store, entityName, key) !== undefined;
    this.db
      .prepare('DELETE FROM kvs_entries WHERE app_id = ? AND store = ? AND entity_name = ? AND key = ?')
      .run(this.appId, store, entityName, key);
    return existed;
  }

  /** Live entries of one namespace in key order, after `after` and starting with `prefix`. */
  scan(
    store: StoreKind,
    entityName: string,
    options: { prefix?: string; after?: string; limit?: number } = {},
  ): KvsEntry[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM kvs_entries WHERE app_id = ? AND store = ? AND entity_name = ?
           AND (expire_at IS NULL OR expire_at > ?)
           AND (? IS NULL OR key > ?)
           AND (? IS NULL OR substr(key, 1, length(?)) = ?)
         ORDER BY key
         LIMIT ?`,
      )
      .all(
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
    return this.db.transaction(fn)();
  }

  // --- inspection and reset (control API, tests) ---

  /** Every live entry of this app, secrets and entities included, in store/entity/key order. */
  entries(): KvsEntry[] {
    this.purgeExpired();
    const rows = this.db
      .prepare('SELECT * FROM kvs_entries WHERE app_id = ? ORDER BY store, entity_name, key')
      .all(this.appId) as Row[];
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
    this.db.prepare('DELETE FROM kvs_entries WHERE app_id = ?').run(this.appId);
  }

  private purgeExpired(): void {
    this.db
      .prepare('DELETE FROM kvs_entries WHERE app_id = ? AND expire_at IS NOT NULL AND expire_at <= ?')
      .run(this.appId, this.clock.nowMs());
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

import { getAppContext } from '@forge/api';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import {
  CONFIGURATION_SCHEMA_VERSION,
  DEFAULT_POLICY,
  describeProblems,
  validateClientRoster,
  validateMatchRules,
  validatePolicy,
  validateSpocProfile,
  type ClientMatchRule,
  type ClientRoster,
  type Configuration,
  type SpocPolicy,
  type SpocProfile,
  type Validated,
} from '../domain';
import { ConfigurationConflictError } from '../usecases/errors';
import type { ConfigurationHead, ConfigurationRepository, ConfigurationUpdate } from '../usecases/ports';
import {
  DamagedConfigurationError,
  EMPTY_HEAD,
  planSave,
  readHeadRow,
  savePrefix,
  type HeadDocument,
  type ShardRef,
} from './configuration-layout';
import { BATCH_LIMIT, BatchReader, isConflict } from './kvs-helpers';
import { sharedShards, type ShardCache } from './shard-cache';

/**
 * The configuration in KVS (layout and limits: configuration-layout.ts). One instance per invocation: it
 * reads the head once and each shard at most once, so an invocation sees a single version. Shards asked
 * for side by side (say `rules()` and `policy()` in one `Promise.all`) are read in one `batchGet`, and
 * shards a warm function instance already read for an earlier invocation are not read again
 * (shard-cache.ts): routing then reads only the head from the configuration.
 */
const HEAD_ENTITY = 'config-head';
const HEAD_KEY = 'current';

interface HeadRow {
  readonly version: number;
  readonly head: HeadDocument;
}

export class KvsConfigurationRepository implements ConfigurationRepository {
  private headRow: Promise<HeadRow> | undefined;
  private readonly shardCache = new Map<string, Promise<unknown>>();
  private readonly reads: BatchReader;
  private readonly shared: ShardCache;

  /**
   * `reads`: the invocation's batch reader, so the head is read in one request with the other repositories'
   * first reads; `shards`: shards kept between invocations (tests pass a fresh cache for a cold start).
   */
  constructor(options: { readonly reads?: BatchReader; readonly shards?: ShardCache } = {}) {
    this.reads = options.reads ?? new BatchReader();
    this.shared = options.shards ?? sharedShards;
  }

  async head(): Promise<ConfigurationHead> {
    const { version, head } = await this.loadHead();
    return {
      version,
      updatedAt: head.updatedAt,
      updatedBy: head.updatedBy,
      clients: head.clients,
      settings: head.settings,
      names: head.names,
      profileAccountIds: Object.keys(head.shards.profiles),
      escalationManagerAccountIds: [...new Set(Object.values(head.managers ?? {}).flat())],
    };
  }

  async rules(): Promise<readonly ClientMatchRule[]> {
    const { version, head } = await this.loadHead();
    const groups = await this.shards(head.shards.rules, (value, key) =>
      Array.isArray(value) ? (value as ClientMatchRule[]) : damaged(`${key} holds no rules.`, version),
    );
    // The packed groups are one ordered list: checked as a whole, against the clients of the same head.
    const checked = validateMatchRules(
      groups.flat(),
      head.clients.map((c) => c.id),
    );
    return checked.ok ? checked.value : damaged(`its rules: ${describeProblems(checked.problems)}`, version);
  }

  async policy(): Promise<SpocPolicy> {
    const { version, head } = await this.loadHead();
    if (!head.shards.policy) return DEFAULT_POLICY;
    const [policy] = await this.shards([head.shards.policy], (value) =>
      checkedShard(validatePolicy(value), 'its policy', version),
    );
    return policy ?? DEFAULT_POLICY;
  }

  async roster(clientId: string): Promise<ClientRoster | null> {
    const { version, head } = await this.loadHead();
    const ref = Object.hasOwn(head.shards.rosters, clientId) ? head.shards.rosters[clientId] : undefined;
    if (!ref) return null;
    const [roster] = await this.shards([ref], (value) => rosterShard(value, clientId, version));
    return roster ?? null;
  }

  async profiles(accountIds: readonly string[]): Promise<readonly SpocProfile[]> {
    const { version, head } = await this.loadHead();
    const ids = [...new Set(accountIds)].filter((id) => Object.hasOwn(head.shards.profiles, id));
    return Promise.all(
      ids.map(async (id) => {
        const [profile] = await this.shards([head.shards.profiles[id] as ShardRef], (value) =>
          profileShard(value, id, version),
        );
        return profile as SpocProfile;
      }),
    );
  }

  async all(): Promise<Configuration> {
    const { version, head } = await this.loadHead();
    const [rules, policy, rosters, profiles] = await Promise.all([
      this.rules(),
      this.policy(),
      Promise.all(Object.keys(head.shards.rosters).map((id) => this.roster(id))).then((found) =>
        found.filter((r): r is ClientRoster => r !== null),
      ),
      this.profiles(Object.keys(head.shards.profiles)),
    ]);
    if (profiles.length !== Object.keys(head.shards.profiles).length) {
      damaged('a SPOC profile is missing.', version);
    }
    const order = new Map(head.clients.map((c, i) => [c.id, i]));
    return {
      schemaVersion: CONFIGURATION_SCHEMA_VERSION,
      clients: head.clients,
      rules,
      rosters: [...rosters].sort((a, b) => (order.get(a.clientId) ?? 0) - (order.get(b.clientId) ?? 0)),
      profiles: [...profiles].sort((a, b) => a.displayName.localeCompare(b.displayName)),
      policy,
      settings: head.settings,
    };
  }

  async save(update: ConfigurationUpdate, expectedVersion: number, by: string, at: Date): Promise<number> {
    const current = await this.loadHead().catch((error: unknown) => {
      // An import replaces everything, so it may replace a damaged head whose version can still be read.
      if (update.replaceWith && error instanceof DamagedConfigurationError && error.version !== null) {
        return { version: error.version, head: EMPTY_HEAD };
      }
      throw error;
    });
    if (current.version !== expectedVersion) {
      throw new ConfigurationConflictError(expectedVersion, current.version);
    }
    const version = expectedVersion + 1;
    const { head, writes, deletable } = planSave(current.head, update, {
      version,
      prefix: savePrefix(version),
      by,
      at,
    });

    try {
      for (let i = 0; i < writes.length; i += BATCH_LIMIT) {
        const result = await kvs.batchSet(writes.slice(i, i + BATCH_LIMIT));
        if (result.failedKeys.length > 0) {
          const failed = result.failedKeys[0];
          throw new Error(
            `Storing the configuration failed at ${failed?.key}: ${failed?.error.message} Nothing was changed.`,
          );
        }
      }
    } catch (error) {
      // The head still names the old shards, so readers never saw these: remove them, as far as storage lets.
      await deleteKeys(writes.map((w) => w.key)).catch(() => undefined);
      throw error;
    }
    try {
      await this.replaceHead({ version, head }, expectedVersion);
    } catch (error) {
      if (!isConflict(error)) throw error;
      await deleteKeys(writes.map((w) => w.key));
      this.headRow = undefined;
      const stored = await this.loadHead();
      throw new ConfigurationConflictError(expectedVersion, stored.version);
    }
    await deleteKeys(deletable);
    this.headRow = Promise.resolve({ version, head });
    for (const w of writes) this.shardCache.set(w.key, Promise.resolve(w.value));
    return version;
  }

  private async replaceHead(row: HeadRow, expectedVersion: number): Promise<void> {
    if (expectedVersion === 0) {
      await kvs.entity<HeadRow>(HEAD_ENTITY).set(HEAD_KEY, row, { keyPolicy: 'FAIL_IF_EXISTS' });
      return;
    }
    await kvs
      .transact()
      .set<HeadRow>(HEAD_KEY, row, {
        entityName: HEAD_ENTITY,
        conditions: new Filter<HeadRow>().and('version', FilterConditions.equalTo(expectedVersion)),
      })
      .execute();
  }

  /**
   * On a warm function instance, the configuration this installation's last invocation read here, served
   * from memory (shards it lacks are read from KVS); undefined when there is none. Most likely still
   * current: compare its version with `head()` before acting on what was decided with it.
   */
  lastSeen(): KvsConfigurationRepository | undefined {
    const installation = installationOf();
    const row = installation ? (this.shared.lastHead(installation) as HeadRow | undefined) : undefined;
    if (!row) return undefined;
    const guess = new KvsConfigurationRepository({ reads: this.reads, shards: this.shared });
    guess.headRow = Promise.resolve(row);
    return guess;
  }

  private loadHead(): Promise<HeadRow> {
    this.headRow ??= this.reads
      .get<HeadRow>({ key: HEAD_KEY, entityName: HEAD_ENTITY })
      .then((row) => (row === undefined ? { version: 0, head: EMPTY_HEAD } : readHeadRow(row)))
      .then((row) => {
        const installation = installationOf();
        if (installation) this.shared.rememberHead(installation, row);
        return row;
      });
    return this.headRow;
  }

  /**
   * Reads shards, each key once per instance; shards asked for together are read together. Each value read
   * from storage is checked (`check` answers it as this app reads it, or throws) before anyone sees it or
   * it is kept for later invocations.
   */
  private shards<T>(refs: readonly ShardRef[], check: (value: unknown, key: string) => T): Promise<T[]> {
    return Promise.all(refs.map((ref) => this.shard(ref, check)));
  }

  private shard<T>(ref: ShardRef, check: (value: unknown, key: string) => T): Promise<T> {
    let loading = this.shardCache.get(ref.key);
    if (!loading) {
      const known = this.shared.get(ref);
      loading = known
        ? Promise.resolve(known.value)
        : this.reads.read({ key: ref.key }).then(({ found, value }) => {
            if (!found) throw new Error(`Configuration shard ${ref.key} is missing; reload and try again.`);
            const checked = check(value, ref.key);
            this.shared.set(ref, checked);
            return checked;
          });
      this.shardCache.set(ref.key, loading);
    }
    return loading as Promise<T>;
  }
}

function damaged(what: string, version: number): never {
  throw new DamagedConfigurationError(what, version);
}

function checkedShard<T>(checked: Validated<T>, what: string, version: number): T {
  return checked.ok ? checked.value : damaged(`${what}: ${describeProblems(checked.problems)}`, version);
}

function rosterShard(value: unknown, clientId: string, version: number): ClientRoster {
  const roster = checkedShard(validateClientRoster(value), `the roster of ${clientId}`, version);
  return roster.clientId === clientId
    ? roster
    : damaged(`the roster of ${clientId} is another client's.`, version);
}

function profileShard(value: unknown, accountId: string, version: number): SpocProfile {
  const profile = checkedShard(validateSpocProfile(value), 'a SPOC profile', version);
  return profile.accountId === accountId
    ? profile
    : damaged(`the profile of ${accountId} is someone else's.`, version);
}

/** The installation the invocation runs for (storage is per installation); undefined outside one. */
function installationOf(): string | undefined {
  try {
    return getAppContext().installationAri.toString();
  } catch {
    return undefined;
  }
}

async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += BATCH_LIMIT) {
    await kvs.batchDelete(keys.slice(i, i + BATCH_LIMIT).map((key) => ({ key })));
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_SETTINGS, type AppSettings, type Client, type ClientMatchRule } from '../domain';
import { StorageLimitError } from '../usecases/errors';
import type { ConfigurationUpdate } from '../usecases/ports';

/**
 * How the configuration lies in KVS. A KVS value holds at most 240 KiB and a query page at most 20 keys, so
 * 500 clients and 200 SPOCs cannot be one value, and must not need listing. Instead:
 *
 * - one small **head** (entity `config-head`, key `current`) holds the version, the client list, the
 *   settings, display names, and a reference `{ key, hash }` to every shard;
 * - **shards** are plain KVS values: one per client roster, one per SPOC profile, the policy, and the
 *   ordered rules packed into as few values as fit (each under SHARD_BUDGET_BYTES);
 * - a shard's key names the save that wrote it (`cfg:<version>-<nonce>:roster:acme`) and is never
 *   rewritten, so a reader who read head N always finds head N's shards, and a save writes only the shards
 *   whose content (hash) changed; shards no longer referenced are deleted one save later.
 *
 * Optimistic concurrency: the head is replaced in a KVS transaction on condition that its version is still
 * the one the change was based on. Reading a version costs one head read plus one batch read per 25 shards
 * actually needed (routing needs the rules, the policy, one roster and a few profiles).
 */
export const MAX_KVS_VALUE_BYTES = 240 * 1024;
/** Rules are packed into values of at most this size, leaving room under the KVS limit. */
export const SHARD_BUDGET_BYTES = 200 * 1024;

export interface ShardRef {
  readonly key: string;
  readonly hash: string;
}

export interface HeadDocument {
  readonly schemaVersion: 1;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  readonly clients: readonly Client[];
  readonly settings: AppSettings;
  readonly names: Readonly<Record<string, string>>;
  /** Each client's escalation managers (all roster versions), so the gadgets know managers from the head alone. */
  readonly managers?: Readonly<Record<string, readonly string[]>>;
  readonly shards: {
    readonly rules: readonly ShardRef[];
    readonly policy: ShardRef | null;
    readonly rosters: Readonly<Record<string, ShardRef>>;
    readonly profiles: Readonly<Record<string, ShardRef>>;
  };
  /** Shard keys no longer referenced, with the version that dropped them; deleted one save later. */
  readonly retired: ReadonlyArray<{ readonly key: string; readonly since: number }>;
}

export const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

export const contentHash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** A prefix unique to one save attempt: two racing saves never write the same shard key. */
export const savePrefix = (version: number): string => `cfg:${version}-${randomBytes(4).toString('hex')}`;

/** Packs the ordered rules into consecutive groups, each small enough for one KVS value. */
export function packRules(rules: readonly ClientMatchRule[]): ClientMatchRule[][] {
  const groups: ClientMatchRule[][] = [];
  let current: ClientMatchRule[] = [];
  let size = 2;
  for (const [i, rule] of rules.entries()) {
    const ruleBytes = bytesOf(rule) + 1;
    if (ruleBytes > SHARD_BUDGET_BYTES) {
      throw new StorageLimitError(
        `Client rule ${i + 1} is too large to store (${Math.ceil(ruleBytes / 1024)} KiB).`,
      );
    }
    if (size + ruleBytes > SHARD_BUDGET_BYTES && current.length > 0) {
      groups.push(current);
      current = [];
      size = 2;
    }
    current.push(rule);
    size += ruleBytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Refuses a value that would not fit in KVS, naming the part of the configuration. */
export function checkFits(value: unknown, what: string): void {
  const size = bytesOf(value);
  if (size > MAX_KVS_VALUE_BYTES) {
    throw new StorageLimitError(
      `${what} takes ${Math.ceil(size / 1024)} KiB, more than the ${MAX_KVS_VALUE_BYTES / 1024} KiB one stored value can hold.` +
        ' Remove old roster versions, absences or rule values and save again.',
    );
  }
}

/**
 * The stored configuration, or a part of it, is not what this version of the app writes: damaged, or of a
 * schema it does not read. Nothing is half read; `version` is the stored version when it can still be read,
 * so an import (which replaces everything) can be saved on top of it.
 */
export class DamagedConfigurationError extends Error {
  constructor(
    what: string,
    readonly version: number | null = null,
  ) {
    super(
      `The stored SPOC configuration is damaged: ${what} Import a configuration you exported earlier to replace it` +
        `${version === null ? '' : ` (on top of version ${version})`}.`,
    );
    this.name = 'DamagedConfigurationError';
  }
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
/** Forge KVS refuses longer keys; a stored reference to one is damage, not something to ask storage for. */
const MAX_KVS_KEY_LENGTH = 500;
/** A shard key as this app writes it (`cfg:<version>-<nonce>:…`). */
const isShardKey = (value: unknown): value is string =>
  isText(value) && value.startsWith('cfg:') && value.length <= MAX_KVS_KEY_LENGTH;
const isRef = (value: unknown): value is ShardRef =>
  isObject(value) && isShardKey(value.key) && isText(value.hash);
const isMapOf = (value: unknown, each: (v: unknown) => boolean): boolean =>
  isObject(value) && Object.values(value).every(each);

/**
 * Reads the stored head row back: its version and a head of the shape this app writes (schema 1), or
 * DamagedConfigurationError saying what is wrong. Shards are checked when they are read.
 */
export function readHeadRow(row: unknown): { readonly version: number; readonly head: HeadDocument } {
  if (!isObject(row)) throw new DamagedConfigurationError('its head is not an object.');
  const { version, head } = row;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DamagedConfigurationError('its head has no version number.');
  }
  if (!isObject(head)) throw new DamagedConfigurationError('its head holds no configuration.', version);
  if (head.schemaVersion !== 1) {
    const shown = typeof head.schemaVersion === 'number' ? String(head.schemaVersion) : 'unknown';
    throw new DamagedConfigurationError(`its schema version ${shown} is not one this app reads.`, version);
  }
  const shards = head.shards;
  const problems = [
    !(head.updatedAt === null || isText(head.updatedAt)) && 'updatedAt',
    !(head.updatedBy === null || isText(head.updatedBy)) && 'updatedBy',
    !(
      Array.isArray(head.clients) &&
      head.clients.every((c: unknown) => isObject(c) && isText(c.id) && isText(c.name))
    ) && 'clients',
    !(
      isObject(head.settings) &&
      Array.isArray(head.settings.deliveryTeamAccountIds) &&
      head.settings.deliveryTeamAccountIds.every(isText) &&
      (head.settings.internalCommentRole === null || isText(head.settings.internalCommentRole))
    ) && 'settings',
    !isMapOf(head.names, isText) && 'names',
    !(head.managers === undefined || isMapOf(head.managers, (m) => Array.isArray(m) && m.every(isText))) &&
      'managers',
    !(
      isObject(shards) &&
      Array.isArray(shards.rules) &&
      shards.rules.every(isRef) &&
      (shards.policy === null || isRef(shards.policy)) &&
      isMapOf(shards.rosters, isRef) &&
      isMapOf(shards.profiles, isRef)
    ) && 'shards',
    !(
      Array.isArray(head.retired) &&
      head.retired.every((r: unknown) => isObject(r) && isShardKey(r.key) && typeof r.since === 'number')
    ) && 'retired',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length) {
    throw new DamagedConfigurationError(`its head has unreadable ${problems.join(', ')}.`, version);
  }
  return { version, head: head as unknown as HeadDocument };
}

export const EMPTY_HEAD: HeadDocument = {
  schemaVersion: 1,
  updatedAt: null,
  updatedBy: null,
  clients: [],
  settings: DEFAULT_SETTINGS,
  names: {},
  shards: { rules: [], policy: null, rosters: {}, profiles: {} },
  retired: [],
};

export interface SavePlan {
  readonly head: HeadDocument;
  /** New shards to write before the head is replaced. */
  readonly writes: ReadonlyArray<{ readonly key: string; readonly value: unknown }>;
  /** Old shards no head references any more, to delete once the new head is in place. */
  readonly deletable: readonly string[];
}

/**
 * What saving a change means in KVS terms: the new head, the shards whose content changed (others keep
 * their key), and what can be deleted. Refuses, naming the part, anything that would not fit.
 */
export function planSave(
  old: HeadDocument,
  update: ConfigurationUpdate,
  save: { readonly version: number; readonly prefix: string; readonly by: string; readonly at: Date },
): SavePlan {
  const writes: Array<{ key: string; value: unknown }> = [];
  const shard = (
    existing: ShardRef | null | undefined,
    name: string,
    value: unknown,
    what: string,
  ): ShardRef => {
    const hash = contentHash(value);
    if (existing && existing.hash === hash) return existing;
    checkFits(value, what);
    const key = `${save.prefix}:${name}`;
    writes.push({ key, value });
    return { key, hash };
  };
  const replace = update.replaceWith;

  let rules = old.shards.rules;
  const newRules = replace?.rules ?? update.rules;
  if (newRules) {
    rules = packRules(newRules).map((group, i) =>
      shard(old.shards.rules[i], `rules:${i}`, group, `Client rules part ${i + 1}`),
    );
  }
  const newPolicy = replace?.policy ?? update.policy;
  const policy = newPolicy ? shard(old.shards.policy, 'policy', newPolicy, 'The policy') : old.shards.policy;

  const rosters: Record<string, ShardRef> = replace ? {} : { ...old.shards.rosters };
  const managers: Record<string, readonly string[]> = replace ? {} : { ...(old.managers ?? {}) };
  for (const roster of replace?.rosters ?? update.rosters ?? []) {
    managers[roster.clientId] = [...new Set(roster.versions.map((v) => v.escalationManagerAccountId))];
    rosters[roster.clientId] = shard(
      old.shards.rosters[roster.clientId],
      `roster:${roster.clientId}`,
      roster,
      `The roster of ${roster.clientName}`,
    );
  }
  const profiles: Record<string, ShardRef> = replace ? {} : { ...old.shards.profiles };
  for (const profile of replace?.profiles ?? update.profiles ?? []) {
    profiles[profile.accountId] = shard(
      old.shards.profiles[profile.accountId],
      `profile:${profile.accountId}`,
      profile,
      `The profile of ${profile.displayName}`,
    );
  }

  const referenced = new Set(
    [...rules, ...(policy ? [policy] : []), ...Object.values(rosters), ...Object.values(profiles)].map(
      (r) => r.key,
    ),
  );
  const previous = [
    ...old.shards.rules,
    ...(old.shards.policy ? [old.shards.policy] : []),
    ...Object.values(old.shards.rosters),
    ...Object.values(old.shards.profiles),
  ].map((r) => r.key);
  const head: HeadDocument = {
    schemaVersion: 1,
    updatedAt: save.at.toISOString(),
    updatedBy: save.by,
    clients: replace?.clients ?? update.clients ?? old.clients,
    settings: replace?.settings ?? update.settings ?? old.settings,
    names: replace ? { ...(update.names ?? {}) } : { ...old.names, ...(update.names ?? {}) },
    managers,
    shards: { rules, policy, rosters, profiles },
    // Dropped now; still known to readers of the current head, so deleted by the next save.
    retired: previous.filter((key) => !referenced.has(key)).map((key) => ({ key, since: save.version })),
  };
  checkFits(head, 'The configuration head (clients, names and shard list)');
  // Shards the current head already no longer references: only readers of older heads knew them.
  return { head, writes, deletable: old.retired.map((r) => r.key) };
}

/**
 * Configuration kept between invocations of one warm function instance.
 *
 * - Shards: a shard is never rewritten under its key (a save writes changed parts under new keys) and the
 *   head names each shard with the hash of its content, so a value found here under `key + hash` is exactly
 *   the value KVS holds for that head: a warm invocation reads the head and skips the shards it knows.
 * - Each installation's last head: the configuration most likely still current, for deciding early while
 *   the stored head is read (whoever uses it checks the version before acting).
 *
 * Bounded (least recently used first out); values are frozen, because every invocation shares them.
 */
const MAX_CHARS = 4 * 1024 * 1024;
const MAX_HEADS = 50;

export class ShardCache {
  private readonly values = new Map<string, { readonly value: unknown; readonly size: number }>();
  private readonly heads = new Map<string, unknown>();
  private size = 0;

  constructor(private readonly maxChars: number = MAX_CHARS) {}

  get(ref: { readonly key: string; readonly hash: string }): { readonly value: unknown } | undefined {
    const id = idOf(ref);
    const hit = this.values.get(id);
    if (!hit) return undefined;
    // Most recently used last.
    this.values.delete(id);
    this.values.set(id, hit);
    return { value: hit.value };
  }

  set(ref: { readonly key: string; readonly hash: string }, value: unknown): void {
    const id = idOf(ref);
    const size = JSON.stringify(value)?.length ?? 0;
    if (size > this.maxChars) return;
    const old = this.values.get(id);
    if (old) {
      this.values.delete(id);
      this.size -= old.size;
    }
    this.values.set(id, { value: deepFreeze(value), size });
    this.size += size;
    for (const [oldest, entry] of this.values) {
      if (this.size <= this.maxChars) break;
      this.values.delete(oldest);
      this.size -= entry.size;
    }
  }

  /** The head the installation last read in this instance, if any. */
  lastHead(installation: string): unknown {
    return this.heads.get(installation);
  }

  rememberHead(installation: string, head: unknown): void {
    this.heads.delete(installation);
    this.heads.set(installation, deepFreeze(head));
    for (const oldest of this.heads.keys()) {
      if (this.heads.size <= MAX_HEADS) break;
      this.heads.delete(oldest);
    }
  }

  clear(): void {
    this.values.clear();
    this.heads.clear();
    this.size = 0;
  }
}

const idOf = (ref: { readonly key: string; readonly hash: string }): string => `${ref.key}#${ref.hash}`;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The instance-wide cache (module state lives as long as the function instance). */
export const sharedShards = new ShardCache();

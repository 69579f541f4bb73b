import type { ConfigurationDocument } from './api';

/**
 * What an import would change, part by part, against the configuration the page read: which clients,
 * rules, rosters and SPOC profiles are added, removed or changed, and whether the policy and settings
 * change. Shown before importing, so an administrator sees what they replace; the server still checks the
 * document as a whole when it is imported.
 */
export interface PartChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export interface ImportChanges {
  readonly clients: PartChanges;
  readonly rules: PartChanges;
  readonly rosters: PartChanges;
  readonly profiles: PartChanges;
  readonly policy: boolean;
  readonly settings: boolean;
  readonly nothing: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changesOf<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  nameOf: (item: T) => string,
): PartChanges {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const next = new Map(after.map((item) => [keyOf(item), item]));
  return {
    added: after.filter((item) => !old.has(keyOf(item))).map(nameOf),
    removed: before.filter((item) => !next.has(keyOf(item))).map(nameOf),
    changed: after.filter((item) => old.has(keyOf(item)) && !same(old.get(keyOf(item)), item)).map(nameOf),
  };
}

const list = (value: unknown): readonly Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
const text = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback);

/** The changes a parsed document (of any shape: the server judges it) would make to `current`. */
export function importChanges(
  current: ConfigurationDocument,
  incoming: Record<string, unknown>,
): ImportChanges {
  const clientNames = new Map<string, string>([
    ...current.clients.map((c) => [c.id, c.name] as const),
    ...list(incoming.clients).map((c) => [text(c.id, '?'), text(c.name, text(c.id, '?'))] as const),
  ]);
  const clientName = (id: unknown) => clientNames.get(text(id, '?')) ?? text(id, '?');
  const asRecords = <T>(items: readonly T[]) => items as unknown as readonly Record<string, unknown>[];
  const clients = changesOf(
    asRecords(current.clients),
    list(incoming.clients),
    (c) => text(c.id, '?'),
    (c) => text(c.name, text(c.id, '?')),
  );
  const rules = changesOf(
    asRecords(current.rules),
    list(incoming.rules),
    (r) => text(r.id, '?'),
    (r) =>
      `${clientName(r.clientId)}: ${text(r.kind, '?')} ${Array.isArray(r.values) ? r.values.join(', ') : ''}`.trim(),
  );
  const rosters = changesOf(
    asRecords(current.rosters),
    list(incoming.rosters),
    (r) => text(r.clientId, '?'),
    (r) => clientName(r.clientId),
  );
  const profiles = changesOf(
    asRecords(current.profiles),
    list(incoming.profiles),
    (p) => text(p.accountId, '?'),
    (p) => text(p.displayName, text(p.accountId, '?')),
  );
  const policy = !same(current.policy, incoming.policy);
  const settings = incoming.settings !== undefined && !same(current.settings, incoming.settings);
  const parts = [clients, rules, rosters, profiles];
  const nothing =
    !policy && !settings && parts.every((p) => !p.added.length && !p.removed.length && !p.changed.length);
  return { clients, rules, rosters, profiles, policy, settings, nothing };
}

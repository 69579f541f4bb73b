import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../local/db/database';

/**
 * What the security tests share: everything the site stores (Jira, Jira Service Management and the app's
 * Forge storage), to show that a refused call changed nothing, and the function keys each resolver module
 * defines, to show that no resolver function goes without a row in the authorization matrix.
 */

const KEPT_RIGHTS = 'rights:';

/**
 * Every row of every Jira, service desk and KVS table, in a stable order. Left out: the answers Jira gave
 * about the caller's own rights, which views keep for a few minutes (src/usecases/support/kept-rights.ts):
 * they change nothing anyone sees, and writes never use them.
 */
export function storedState(db: Db): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string }>;
  const stored = tables.filter(({ name }) => /^(jira|jsm|kvs)_/.test(name));
  if (!stored.some(({ name }) => name === 'kvs_entries')) throw new Error('The site keeps no KVS table');
  return Object.fromEntries(
    stored.map(({ name }) => [
      name,
      (db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>)
        .filter((row) => !(name === 'kvs_entries' && String(row.key).startsWith(KEPT_RIGHTS)))
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

interface ManifestModule {
  readonly key: string;
  readonly resolver?: { readonly function?: string };
}

interface Manifest {
  readonly modules: Record<string, readonly ManifestModule[]> & {
    readonly function: ReadonlyArray<{ readonly key: string; readonly handler: string }>;
  };
}

/**
 * The function keys of each manifest module's resolver, read from the resolver modules themselves
 * (src/resolvers/*.ts): `getDefinitions()` hides its keys, so the real `Resolver` class is watched while
 * the modules load, in a module registry of their own, and each definitions handler is mapped to the keys
 * its resolver had. The manifest says which module's resolver function runs which handler.
 */
export async function resolverFunctionsByModule(manifest: unknown): Promise<Record<string, string[]>> {
  const { modules } = manifest as Manifest;
  const handlers = new Map(modules.function.map((f) => [f.key, f.handler]));
  const dir = path.join(__dirname, '../../../src/resolvers');
  const byExport = new Map<string, string[]>();
  await jest.isolateModulesAsync(async () => {
    const { default: Resolver } = await import('@forge/resolver');
    const keysOf = new Map<unknown, string[]>();
    const original = Resolver.prototype.getDefinitions;
    Resolver.prototype.getDefinitions = function (this: InstanceType<typeof Resolver>) {
      const definitions = original.call(this);
      keysOf.set(definitions, Object.keys((this as unknown as { functions: object }).functions));
      return definitions;
    };
    try {
      for (const file of fs.readdirSync(dir).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))) {
        const exported = (await import(path.join(dir, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exported)) {
          const keys = keysOf.get(value);
          if (keys) byExport.set(name, keys);
        }
      }
    } finally {
      Resolver.prototype.getDefinitions = original;
    }
  });
  const result: Record<string, string[]> = {};
  const named = new Set<string>();
  for (const list of Object.values(modules)) {
    for (const module of list as readonly ManifestModule[]) {
      const fn = module.resolver?.function;
      if (!fn) continue;
      const handler = handlers.get(fn);
      const exportName = handler?.replace(/^index\./, '');
      const keys = exportName ? byExport.get(exportName) : undefined;
      if (!keys) throw new Error(`Module ${module.key}: no resolver in src/resolvers defines ${handler}`);
      result[module.key] = keys;
      named.add(exportName as string);
    }
  }
  const unnamed = [...byExport.keys()].filter((name) => !named.has(name));
  if (unnamed.length) throw new Error(`Resolvers no manifest module runs: ${unnamed.join(', ')}`);
  return result;
}

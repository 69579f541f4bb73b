import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWithForgeCli } from './forge-cli-bundle';

/**
 * Bundles the app's handler files as `forge deploy` does: one CommonJS file per handler source file, for
 * Node, with every dependency inside, `@forge/*` packages included, so the app runs on exactly the package
 * code it pins. Two bundlers make the same shape:
 *
 * - `esbuild` (the default): fast, for `npm start` and most tests;
 * - `forge-cli`: the Forge CLI's own bundler (`@forge/bundler`: webpack with ts-loader reading the app's
 *   tsconfig.json), what `forge deploy` uploads, so the tests prove the deployed bundle works too.
 *
 * Each host gets its own output folder (`<appDir>/.local-data/build/<id>/`).
 */
export type AppBundler = 'esbuild' | 'forge-cli';

export const APP_BUNDLERS: readonly AppBundler[] = ['esbuild', 'forge-cli'];

/** An `APP_BUNDLER` setting: empty means the default; anything unknown is refused by name. */
export function parseAppBundler(value: string | undefined): AppBundler | undefined {
  if (value === undefined || value === '') return undefined;
  if ((APP_BUNDLERS as readonly string[]).includes(value)) return value as AppBundler;
  throw new Error(`APP_BUNDLER must be one of ${APP_BUNDLERS.join(', ')}, not "${value}".`);
}

export interface BundledApp {
  readonly dir: string;
  /** Output file of each handler source file (relative to `src/`, without extension). */
  readonly files: ReadonlyMap<string, string>;
  remove(): void;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];
let buildCounter = 0;

/** Last build per app and handler set, reused while none of its input files changed (tests start many hosts). */
export interface CachedBuild {
  /** Every input file with its modification time: the build is reused while none changed. */
  readonly inputs: ReadonlyArray<readonly [string, number]>;
  /** Output files relative to the build folder (`index.cjs`, `index.cjs.map`, …). */
  readonly outputs: ReadonlyArray<readonly [string, Uint8Array]>;
}
const cache = new Map<string, CachedBuild>();

export async function bundleHandlers(
  appDir: string,
  handlerFiles: readonly string[],
  bundler: AppBundler = 'esbuild',
): Promise<BundledApp> {
  const buildRoot = path.join(appDir, '.local-data', 'build');
  removeStaleBuilds(buildRoot);
  const cacheKey = `${bundler}\u0000${appDir}\u0000${[...handlerFiles].sort().join('\u0000')}`;
  let built = cache.get(cacheKey);
  if (!built || !unchanged(built)) {
    built =
      bundler === 'forge-cli'
        ? await bundleWithForgeCli(appDir, handlerFiles)
        : await runEsbuild(appDir, buildRoot, handlerFiles);
    cache.set(cacheKey, built);
  }
  // Every host gets its own copy at the same depth, so relative source map paths stay right.
  const dir = path.join(buildRoot, `${process.pid}-${++buildCounter}-${Date.now().toString(36)}`);
  for (const [relative, contents] of built.outputs) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), contents);
  }
  const files = new Map(handlerFiles.map((file) => [file, path.join(dir, `${file}.cjs`)]));
  return { dir, files, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function runEsbuild(
  appDir: string,
  buildRoot: string,
  handlerFiles: readonly string[],
): Promise<CachedBuild> {
  const entryPoints: Record<string, string> = {};
  for (const file of handlerFiles) entryPoints[file] = resolveSource(appDir, file);
  const outdir = path.join(buildRoot, 'out');
  const result = await build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    keepNames: true,
    sourcemap: 'linked',
    absWorkingDir: appDir,
    logLevel: 'silent',
    write: false,
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => {
    const file = path.resolve(appDir, input);
    return [file, fs.statSync(file).mtimeMs] as const;
  });
  const outputs = result.outputFiles.map(
    (output) => [path.relative(outdir, output.path), output.contents] as const,
  );
  return { inputs, outputs };
}

function unchanged(build: CachedBuild): boolean {
  return build.inputs.every(([file, mtimeMs]) => {
    try {
      return fs.statSync(file).mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

function resolveSource(appDir: string, file: string): string {
  const base = path.join(appDir, 'src', file);
  for (const candidate of [
    ...SOURCE_EXTENSIONS.map((ext) => base + ext),
    ...SOURCE_EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    `No source file for handler file src/${file} (tried ${SOURCE_EXTENSIONS.join(', ')}) in ${appDir}.`,
  );
}

/** Removes build folders left by processes that are gone (a crash skips close()). */
function removeStaleBuilds(buildRoot: string): void {
  if (!fs.existsSync(buildRoot)) return;
  for (const name of fs.readdirSync(buildRoot)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(buildRoot, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { CachedBuild } from './bundle';

/**
 * Bundles the app's handlers with the Forge CLI's own bundler (`@forge/bundler`, the version `@forge/cli`
 * depends on, pinned in package.json), offline. What the CLI adds around it needs the network or a login,
 * so it is stubbed here: the runtime wrapper (`__forge__.cjs`, downloaded from Atlassian's CDN at deploy
 * time) and the feature-flag service. The bundle itself is exactly what `forge deploy` would upload.
 *
 * A build takes seconds, and every test worker starts sites, so builds are kept on disk
 * (`<appDir>/.local-data/forge-cli-bundle/<hash of the inputs>/`) and shared between processes. Webpack
 * runs in a child process of its own: inside a Jest worker it would meet the test's faked timers and realm.
 */
const CACHE_FOLDER = 'forge-cli-bundle';

/** What the CLI would download from Atlassian's CDN: only its presence matters for the bundler. */
const STUB_RUNTIME_WRAPPER = {
  script:
    '// The Forge runtime wrapper is downloaded by `forge deploy`; the local site loads handlers itself.\n',
  source: 'local stub',
  version: 'local-stub',
};

export async function bundleWithForgeCli(
  appDir: string,
  handlerFiles: readonly string[],
): Promise<CachedBuild> {
  const inputs = inputFiles(appDir);
  const hash = hashOf(appDir, inputs, handlerFiles);
  const cacheDir = path.join(appDir, '.local-data', CACHE_FOLDER, hash);
  if (!fs.existsSync(path.join(cacheDir, 'complete')))
    await buildInChildProcess(appDir, handlerFiles, cacheDir);
  const outputs = listFiles(cacheDir)
    .filter((file) => file !== 'complete')
    .map((file) => [file, fs.readFileSync(path.join(cacheDir, file))] as const);
  return { inputs: inputs.map((file) => [file, fs.statSync(file).mtimeMs] as const), outputs };
}

function buildInChildProcess(
  appDir: string,
  handlerFiles: readonly string[],
  cacheDir: string,
): Promise<void> {
  const tsx = require.resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, __filename, appDir, cacheDir, ...handlerFiles], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && fs.existsSync(path.join(cacheDir, 'complete'))) resolve();
      else reject(new Error(`The Forge CLI's bundler failed on ${appDir}:\n${stderr.trim()}`));
    });
  });
}

async function buildInto(appDir: string, handlerFiles: readonly string[], cacheDir: string): Promise<void> {
  // Loaded only when asked for: webpack and ts-loader are heavy, and most sites use esbuild.
  const { getNodeBundler } = await import('@forge/bundler');
  const manifest = YAML.parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')) as unknown;
  const warnings: string[] = [];
  const quiet = () => undefined;
  const logger = new Proxy(
    { warn: (message: unknown) => warnings.push(String(message)) },
    { get: (target, name) => (name === 'warn' ? target.warn : quiet) },
  );
  const wrapperProvider = {
    getNodeRuntimeWrapper: async () => STUB_RUNTIME_WRAPPER,
    getNodeRuntimeLoader: async () => undefined,
  };
  const bundler = getNodeBundler(
    logger as unknown as Parameters<typeof getNodeBundler>[0],
    wrapperProvider as unknown as Parameters<typeof getNodeBundler>[1],
    { readConfig: async () => manifest } as unknown as Parameters<typeof getNodeBundler>[2],
    {} as Parameters<typeof getNodeBundler>[3],
  );
  const result = await bundler.bundle({
    appDirectory: appDir,
    entryPoints: handlerFiles.map((file) => ({ name: file, path: path.join(appDir, 'src', file) })),
  });
  try {
    const staging = `${cacheDir}.${process.pid}-${Date.now().toString(36)}`;
    for (const file of listFiles(result.outputDir)) {
      fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      fs.copyFileSync(path.join(result.outputDir, file), path.join(staging, file));
    }
    if (warnings.length > 0) fs.writeFileSync(path.join(staging, 'warnings.txt'), warnings.join('\n\n'));
    fs.writeFileSync(path.join(staging, 'complete'), '');
    try {
      fs.renameSync(staging, cacheDir);
    } catch (error) {
      // Another process finished the same build first: keep theirs.
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(path.join(cacheDir, 'complete'))) throw error;
    }
    removeOldBuilds(path.dirname(cacheDir), cacheDir);
  } finally {
    fs.rmSync(result.outputDir, { recursive: true, force: true });
  }
}

/** Builds of earlier sources, left a day ago or more (a younger one may belong to a run still going). */
function removeOldBuilds(cacheRoot: string, keep: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of fs.readdirSync(cacheRoot)) {
    const dir = path.join(cacheRoot, name);
    if (dir !== keep && fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the bundle depends on: the app's sources, its manifest, TypeScript settings and installed packages. */
function inputFiles(appDir: string): string[] {
  const src = path.join(appDir, 'src');
  const sources = listFiles(src)
    .filter((file) => !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(src, file));
  const settings = ['manifest.yml', 'tsconfig.json', 'package.json', 'package-lock.json']
    .map((file) => path.join(appDir, file))
    .filter((file) => fs.existsSync(file));
  return [...sources, ...settings];
}

function hashOf(appDir: string, inputs: readonly string[], handlerFiles: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update([...handlerFiles].sort().join('\n'));
  for (const file of inputs) {
    hash.update(`\n${path.relative(appDir, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 20);
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

// The child process: `tsx forge-cli-bundle.ts <appDir> <cacheDir> <handler file>…`.
if (require.main === module) {
  const [appDir, cacheDir, ...handlerFiles] = process.argv.slice(2);
  buildInto(appDir as string, handlerFiles, cacheDir as string).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}

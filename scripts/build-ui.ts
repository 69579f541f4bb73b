/**
 * Builds the app's Custom UI: for every manifest resource whose path is `static/<name>/build`, bundles
 * `static/<name>/src/index.tsx` with esbuild (production: minified, ESM with code splitting) and writes an
 * `index.html` that loads the bundle through relative paths only, as Forge's Content-Security-Policy asks.
 *
 *   npx tsx scripts/build-ui.ts                 build every bundle once
 *   npx tsx scripts/build-ui.ts --watch         rebuild a bundle whenever its sources change
 *   npx tsx scripts/build-ui.ts spoc-panel      build only the named bundles
 *
 * Each bundle is measured against its **floor**: the same build of a bare entry that imports only React,
 * `@forge/bridge` and the `@atlaskit` exports the bundle's sources import. A bundle may add at most
 * `MARGIN_BUDGET_BYTES` of gzipped initial JavaScript and CSS above its floor; the issue panel, which opens
 * with every issue, at most `INITIAL_BUDGET_BYTES[name]` in all.
 */
import esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import YAML from 'yaml';

export interface BuildUiOptions {
  /** Keep esbuild watching and rebuild a bundle when its sources change (for `npm start`). */
  readonly watch?: boolean;
  /** Bundle names (`static/<name>`) to build; all Custom UI resources when absent. */
  readonly only?: readonly string[];
  /** The app's root folder (where manifest.yml is); the repository root by default. */
  readonly appDir?: string;
  /** Where size lines and errors go; console.log by default. */
  readonly log?: (line: string) => void;
  /** No size lines (errors still throw). */
  readonly quiet?: boolean;
}

export interface BundleReport {
  readonly name: string;
  readonly outDir: string;
  /** gzip-9 size of what a browser loads first: the entry, its static imports and its CSS. */
  readonly initialGzipBytes: number;
  /** gzip-9 size of every .js and .css file, lazily loaded chunks (themes, locales) included. */
  readonly totalGzipBytes: number;
  /** gzip-9 initial size of the bare entry importing only what the bundle imports from its platform packages. */
  readonly floorGzipBytes: number;
  /** initialGzipBytes - floorGzipBytes. */
  readonly marginBytes: number;
  /** Why the bundle is over budget, or empty. */
  readonly overBudget: readonly string[];
}

/** Gzipped bytes a bundle may add above its floor on first load. */
export const MARGIN_BUDGET_BYTES = 30 * 1024;
/** Gzipped initial bytes in all, for the bundles that have such a limit. */
export const INITIAL_BUDGET_BYTES: Readonly<Record<string, number>> = { 'spoc-panel': 150 * 1024 };

export interface UiBuild {
  readonly bundles: readonly BundleReport[];
  /** Stops watching (a no-op for a one-off build). */
  stop(): Promise<void>;
}

/** A Custom UI resource the build knows how to make: `static/<name>/build` with `static/<name>/src/index.tsx`. */
export interface CustomUiBundle {
  readonly resourceKey: string;
  readonly name: string;
  readonly entry: string;
  readonly outDir: string;
}

export function customUiBundles(appDir: string): CustomUiBundle[] {
  const manifest = YAML.parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')) as {
    resources?: Array<{ key?: unknown; path?: unknown }>;
  };
  const bundles: CustomUiBundle[] = [];
  for (const resource of manifest.resources ?? []) {
    if (typeof resource.key !== 'string' || typeof resource.path !== 'string') continue;
    const match = /^static\/([A-Za-z0-9_-]+)\/build\/?$/.exec(resource.path);
    if (!match) continue;
    const name = match[1] as string;
    bundles.push({
      resourceKey: resource.key,
      name,
      entry: path.join(appDir, 'static', name, 'src', 'index.tsx'),
      outDir: path.join(appDir, 'static', name, 'build'),
    });
  }
  return bundles;
}

export async function buildUi(options: BuildUiOptions = {}): Promise<UiBuild> {
  const appDir = options.appDir ?? path.resolve(__dirname, '..');
  const log = options.quiet ? () => undefined : (options.log ?? ((line: string) => console.log(line)));
  let bundles = customUiBundles(appDir);
  if (options.only && options.only.length > 0) {
    const unknown = options.only.filter((name) => !bundles.some((b) => b.name === name));
    if (unknown.length > 0)
      throw new Error(`No Custom UI resource named ${unknown.join(', ')} in manifest.yml.`);
    bundles = bundles.filter((b) => options.only?.includes(b.name));
  }
  const missing = bundles.filter((b) => !fs.existsSync(b.entry));
  if (missing.length > 0) {
    throw new Error(
      `Custom UI entry missing: ${missing.map((b) => path.relative(appDir, b.entry)).join(', ')}`,
    );
  }

  const reports = new Map<string, BundleReport>();
  const contexts: esbuild.BuildContext[] = [];
  for (const bundle of bundles) {
    let firstBuild!: () => void;
    const built = new Promise<void>((resolve) => (firstBuild = resolve));
    const report = (r: BundleReport | undefined) => {
      if (r) reports.set(r.name, r);
      firstBuild();
    };
    const context = await esbuild.context(buildOptions(bundle, appDir, log, options.watch === true, report));
    contexts.push(context);
    if (options.watch) {
      // watch() starts the first build without waiting for it; its end is reported through onEnd.
      await context.watch();
      await built;
    } else {
      await context.rebuild();
    }
  }
  if (!options.watch) await Promise.all(contexts.map((c) => c.dispose()));
  return {
    bundles: [...reports.values()],
    stop: async () => {
      if (options.watch) await Promise.all(contexts.map((c) => c.dispose()));
    },
  };
}

function buildOptions(
  bundle: CustomUiBundle,
  appDir: string,
  log: (line: string) => void,
  watching: boolean,
  report: (r: BundleReport | undefined) => void,
): esbuild.BuildOptions {
  return {
    absWorkingDir: appDir,
    entryPoints: { index: bundle.entry },
    outdir: bundle.outDir,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    sourcemap: false,
    target: ['chrome110', 'firefox110', 'safari16'],
    platform: 'browser',
    jsx: 'automatic',
    chunkNames: 'chunk-[hash]',
    assetNames: 'asset-[hash]',
    loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    metafile: true,
    plugins: [writeHtmlAndReport(bundle, appDir, log, watching, report)],
  };
}

/**
 * After each (re)build: write index.html, delete chunks the new build no longer has (files are replaced in
 * place, so a site serving the folder never sees it empty), and print the gzip sizes.
 */
function writeHtmlAndReport(
  bundle: CustomUiBundle,
  appDir: string,
  log: (line: string) => void,
  watching: boolean,
  report: (r: BundleReport | undefined) => void,
): esbuild.Plugin {
  let builds = 0;
  return {
    name: 'forge-custom-ui-html',
    setup(build) {
      build.onEnd(async (result) => {
        builds++;
        if (result.errors.length > 0 || !result.metafile) {
          // A one-off build rejects with esbuild's own message; a watcher keeps going and says why.
          if (watching) {
            const text = esbuild
              .formatMessagesSync(result.errors, { kind: 'error', color: false })
              .join('\n');
            log(`✗ ${bundle.name}: build failed\n${text}`);
          }
          report(undefined);
          return;
        }
        const written = new Set(
          Object.keys(result.metafile.outputs).map((file) => path.resolve(appDir, file)),
        );
        for (const file of fs.readdirSync(bundle.outDir)) {
          const full = path.join(bundle.outDir, file);
          if (file !== 'index.html' && !written.has(full)) fs.rmSync(full, { recursive: true, force: true });
        }
        const hasCss = fs.existsSync(path.join(bundle.outDir, 'index.css'));
        fs.writeFileSync(path.join(bundle.outDir, 'index.html'), indexHtml(bundle.name, hasCss));
        const initialGzipBytes = gzipSize(
          bundle.outDir,
          initialFiles(result.metafile, bundle.outDir, appDir),
        );
        const floorGzipBytes = await floorSize(bundle, appDir);
        const sizes: BundleReport = {
          name: bundle.name,
          outDir: bundle.outDir,
          initialGzipBytes,
          totalGzipBytes: gzipSize(bundle.outDir),
          floorGzipBytes,
          marginBytes: initialGzipBytes - floorGzipBytes,
          overBudget: budgetProblems(bundle.name, initialGzipBytes, floorGzipBytes),
        };
        report(sizes);
        log(
          `${sizes.overBudget.length > 0 ? '✗' : builds > 1 ? '↻' : '✓'} ${bundle.name}: ` +
            `${formatKb(sizes.initialGzipBytes)} gzipped on first load ` +
            `(${formatKb(sizes.totalGzipBytes)} with lazy chunks); floor ${formatKb(floorGzipBytes)}, ` +
            `${formatKb(sizes.marginBytes)} above it (budget ${formatKb(MARGIN_BUDGET_BYTES)})` +
            sizes.overBudget.map((problem) => `\n    over budget: ${problem}`).join(''),
        );
      });
    },
  };
}

export function budgetProblems(name: string, initial: number, floor: number): string[] {
  const problems: string[] = [];
  const limit = INITIAL_BUDGET_BYTES[name];
  if (limit !== undefined && initial > limit)
    problems.push(`${formatKb(initial)} on first load, more than ${formatKb(limit)}`);
  if (initial - floor > MARGIN_BUDGET_BYTES)
    problems.push(`${formatKb(initial - floor)} above its floor, more than ${formatKb(MARGIN_BUDGET_BYTES)}`);
  return problems;
}

/** Packages that make up a bundle's floor: the ones every Custom UI needs or that Atlassian supplies. */
const FLOOR_PACKAGE = /^(react|react-dom|@forge\/bridge|@atlaskit\/[^/]+)(\/.*)?$/;

/**
 * What a bundle's sources import from its floor packages: specifier → imported names (`*` for a whole
 * module, `default` for a default import). Type-only imports are left out, as the build leaves them out.
 * The sources are the bundle's own folder plus the shared files (static/shared) it reaches by relative import.
 */
export function floorImports(srcDir: string): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  const add = (spec: string, name: string) => {
    if (!FLOOR_PACKAGE.test(spec)) return;
    const names = imports.get(spec) ?? new Set<string>();
    names.add(name);
    imports.set(spec, names);
  };
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return files(full);
      return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });
  const seen = new Set<string>();
  const queue = files(srcDir);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolveRelative(path.dirname(file), match[1] as string);
      if (target && !target.includes(`${path.sep}src${path.sep}contract${path.sep}`)) queue.push(target);
    }
    for (const match of source.matchAll(/import\s+(?!type\s)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
      const clause = match[1] as string;
      const spec = match[2] as string;
      const namespace = /\*\s+as\s+\w+/.test(clause);
      if (namespace) add(spec, '*');
      const defaultName = /^\s*([A-Za-z_$][\w$]*)\s*(,|$)/.exec(clause);
      if (defaultName) add(spec, 'default');
      const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
      for (const part of named.split(',')) {
        const item = part.trim();
        if (item === '' || item.startsWith('type ')) continue;
        add(spec, (item.split(/\s+as\s+/)[0] as string).trim());
      }
    }
    for (const match of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) add(match[1] as string, '*');
  }
  // Every bundle renders with React DOM; JSX compiles to the automatic runtime.
  add('react-dom/client', 'createRoot');
  add('react/jsx-runtime', 'jsx');
  return imports;
}

/** The bare entry of a bundle's floor: imports exactly what the bundle imports and keeps all of it. */
export function floorEntry(imports: Map<string, Set<string>>): string {
  const lines: string[] = [];
  const kept: string[] = [];
  [...imports].forEach(([spec, names], i) => {
    for (const name of names) {
      const local = `m${i}_${kept.length}`;
      kept.push(local);
      if (name === '*') lines.push(`import * as ${local} from ${JSON.stringify(spec)};`);
      else if (name === 'default') lines.push(`import ${local} from ${JSON.stringify(spec)};`);
      else lines.push(`import { ${name} as ${local} } from ${JSON.stringify(spec)};`);
    }
  });
  lines.push(`(globalThis as unknown as { floor: unknown[] }).floor = [${kept.join(', ')}];`);
  return lines.join('\n') + '\n';
}

/** The .ts/.tsx file a relative import names, if it is one. */
function resolveRelative(fromDir: string, spec: string): string | undefined {
  const base = path.resolve(fromDir, spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (/\.(ts|tsx)$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      return candidate;
  }
  return undefined;
}

/** gzip-9 initial size of the bundle's floor, built with the bundle's own esbuild options. */
export async function floorSize(bundle: CustomUiBundle, appDir: string): Promise<number> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `spoc-floor-${bundle.name}-`));
  try {
    const entry = path.join(workDir, 'index.tsx');
    fs.writeFileSync(entry, floorEntry(floorImports(path.dirname(bundle.entry))));
    const outDir = path.join(workDir, 'build');
    const floor: CustomUiBundle = { ...bundle, name: `${bundle.name} floor`, entry, outDir };
    const options = buildOptions(
      floor,
      appDir,
      () => undefined,
      false,
      () => undefined,
    );
    const result = await esbuild.build({
      ...options,
      plugins: [],
      // The bundle's own packages, or this repository's when the app folder has none (tests).
      nodePaths: [path.join(appDir, 'node_modules'), path.resolve(__dirname, '..', 'node_modules')],
    });
    return gzipSize(outDir, initialFiles(result.metafile as esbuild.Metafile, outDir, appDir));
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Relative paths only: Forge serves each resource from its own origin and path, under a strict CSP. */
export function indexHtml(title: string, withCss: boolean): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    withCss ? '<link rel="stylesheet" href="./index.css">' : '',
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '<script type="module" src="./index.js"></script>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The entry's output, every chunk it imports statically (transitively) and its CSS, as file names. */
function initialFiles(metafile: esbuild.Metafile, outDir: string, appDir: string): string[] {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find(
    (file) => path.basename(file) === 'index.js' && outputs[file]?.entryPoint,
  );
  if (!entry) return [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const output = outputs[file];
    if (output?.cssBundle) seen.add(output.cssBundle);
    for (const imported of output?.imports ?? [])
      if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  return [...seen].map((file) => path.relative(outDir, path.resolve(appDir, file)));
}

/** gzip-9 size of the named files of a build folder, or of all its .js and .css files. */
export function gzipSize(outDir: string, files?: readonly string[]): number {
  if (!fs.existsSync(outDir)) return 0;
  let total = 0;
  for (const file of files ?? fs.readdirSync(outDir)) {
    if (!/\.(js|css)$/.test(file)) continue;
    total += zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;
  }
  return total;
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const watch = args.includes('--watch');
  const only = args.filter((a) => !a.startsWith('--'));
  buildUi({ watch, only }).then(
    () => {
      if (watch) console.log('Watching static/*/src for changes (Ctrl-C stops).');
    },
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}

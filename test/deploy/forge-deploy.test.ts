import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';
import { siteDateClass } from '../../local/forge/app-clock';
import { bundleHandlers } from '../../local/forge/bundle';
import { handlerFilesOf, loadManifest, parseHandler } from '../../local/forge/manifest';
import { loadBundledModule } from '../../local/forge/load-bundle';

/**
 * The tree deploys with `forge deploy` as it stands: the Forge CLI's own bundler bundles every handler the
 * manifest names, every Custom UI resource exists after `npm run build` (the test run's global setup), and
 * the TypeScript settings and lockfile are what the CLI and `npm ci` on any platform need. The routing and
 * resolver tests also run on this bundle (the forge-cli-bundle project in jest.config.js).
 */
const root = path.resolve(__dirname, '..', '..');
const manifest = loadManifest(root);

describe("the Forge CLI's bundler", () => {
  it('bundles every handler file, and each file exports the functions the manifest names', async () => {
    const bundle = await bundleHandlers(root, handlerFilesOf(manifest), 'forge-cli');
    try {
      const date = siteDateClass(() => undefined);
      for (const fn of manifest.modules.function ?? []) {
        const { file, exportName } = parseHandler(fn.handler);
        const output = bundle.files.get(file) as string;
        // webpack's output, not esbuild's: the CLI's bundler really made it.
        expect(fs.readFileSync(output, 'utf8')).toContain('__webpack_require__');
        expect(typeof loadBundledModule(output, date)[exportName]).toBe('function');
      }
    } finally {
      bundle.remove();
    }
  });
});

describe('npm run build', () => {
  const resources = (YAML.parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8')).resources ??
    []) as Array<{ key: string; path: string }>;

  it.each(resources.map((r) => [r.key, r.path]))(
    'builds resource %s into %s, with every file its index.html loads',
    (_key, resourcePath) => {
      const dir = path.join(root, resourcePath);
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
      expect(loaded.length).toBeGreaterThan(0);
      for (const file of loaded) {
        expect(file).toMatch(/^\.\//); // relative: Forge serves each resource from its own path
        expect(fs.existsSync(path.join(dir, file))).toBe(true);
      }
    },
  );
});

describe('tsconfig.json', () => {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const options = (config.config as { compilerOptions: Record<string, unknown> }).compilerOptions;

  it('lets ts-loader emit (the CLI bundler stops on "TypeScript emitted no output" otherwise)', () => {
    expect(config.error).toBeUndefined();
    expect(options.noEmit).not.toBe(true);
    expect(options.emitDeclarationOnly).not.toBe(true);
  });

  it('sends what a bare tsc emits outside the sources', () => {
    const outDir = path.resolve(root, String(options.outDir));
    for (const sources of ['src', 'local', 'static', 'test', 'scripts', 'bench'])
      expect(path.relative(path.join(root, sources), outDir).startsWith('..')).toBe(true);
  });

  it('is checked with --noEmit', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.typecheck).toMatch(/\btsc --noEmit\b/);
  });
});

describe('package-lock.json', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { optionalDependencies?: Record<string, string> }>;
  };

  it("lists every platform's optional packages, so npm ci works on Linux, macOS and Windows alike", () => {
    const listed = new Set(
      Object.keys(lock.packages).map((key) => key.slice(key.lastIndexOf('node_modules/') + 13)),
    );
    const missing = Object.entries(lock.packages).flatMap(([key, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((dependency) => !listed.has(dependency))
        .map((dependency) => `${dependency} (optional for ${key || 'the app'})`),
    );
    expect(missing).toEqual([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  budgetProblems,
  buildUi,
  customUiBundles,
  floorEntry,
  floorImports,
  INITIAL_BUDGET_BYTES,
  MARGIN_BUDGET_BYTES,
} from './build-ui';

describe('build-ui', () => {
  let appDir: string;
  const lines: string[] = [];

  beforeAll(() => {
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-build-ui-'));
    fs.writeFileSync(
      path.join(appDir, 'manifest.yml'),
      [
        'resources:',
        '  - key: first-ui',
        '    path: static/first/build',
        '  - key: second-ui',
        '    path: static/second/build',
        '  - key: ui-kit',
        '    path: src/frontend/index.tsx',
        '',
      ].join('\n'),
    );
    for (const name of ['first', 'second']) {
      const src = path.join(appDir, 'static', name, 'src');
      fs.mkdirSync(src, { recursive: true });
      fs.writeFileSync(path.join(src, 'style.css'), 'body { margin: 0 }');
      fs.writeFileSync(path.join(src, 'lazy.ts'), 'export const later = () => "later";');
      fs.writeFileSync(
        path.join(src, 'index.tsx'),
        `import './style.css';\nvoid import('./lazy').then((m) => document.body.append(m.later()));\n`,
      );
    }
  });

  afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

  it('finds the Custom UI resources of the manifest (static/<name>/build), not UI Kit files', () => {
    expect(customUiBundles(appDir).map((b) => [b.resourceKey, b.name])).toEqual([
      ['first-ui', 'first'],
      ['second-ui', 'second'],
    ]);
  });

  it('builds a minified, split ESM bundle with an index.html of relative paths, and prints its gzip size', async () => {
    const result = await buildUi({ appDir, only: ['first'], log: (line) => lines.push(line) });
    const outDir = path.join(appDir, 'static', 'first', 'build');
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<script type="module" src="./index.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="./index.css">');
    expect(html).not.toMatch(/(src|href)="\//);
    const files = fs.readdirSync(outDir);
    expect(files.filter((f) => f.startsWith('chunk-') || f.startsWith('lazy-')).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(appDir, 'static', 'second', 'build'))).toBe(false);
    const [report] = result.bundles;
    expect(report?.name).toBe('first');
    expect(report?.initialGzipBytes).toBeGreaterThan(0);
    expect(report?.totalGzipBytes).toBeGreaterThan(report?.initialGzipBytes ?? 0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^✓ first: \d+\.\d KB gzipped on first load .*; floor \d+\.\d KB, -?\d+\.\d KB above it/,
      ),
    ]);
    // A bundle importing nothing but its own code has React DOM as its floor.
    expect(report?.floorGzipBytes).toBeGreaterThan(30 * 1024);
    expect(report?.marginBytes).toBe((report?.initialGzipBytes ?? 0) - (report?.floorGzipBytes ?? 0));
  });

  it('rebuilds a bundle in watch mode when its source changes (npm start)', async () => {
    const build = await buildUi({ appDir, only: ['first'], watch: true, quiet: true });
    try {
      const entry = path.join(appDir, 'static', 'first', 'src', 'lazy.ts');
      fs.writeFileSync(entry, 'export const later = () => "edited while watching";');
      const outDir = path.join(appDir, 'static', 'first', 'build');
      const rebuilt = async (): Promise<boolean> =>
        fs
          .readdirSync(outDir)
          .filter((f) => f.endsWith('.js'))
          .some((f) => fs.readFileSync(path.join(outDir, f), 'utf8').includes('edited while watching'));
      // Bounded wait for esbuild's watcher: it is event-driven, so poll a little.
      for (let i = 0; i < 100 && !(await rebuilt()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await rebuilt()).toBe(true);
    } finally {
      await build.stop();
    }
  });

  it('says which bundle is unknown or has no entry', async () => {
    await expect(buildUi({ appDir, only: ['third'], quiet: true })).rejects.toThrow(
      'No Custom UI resource named third',
    );
    fs.rmSync(path.join(appDir, 'static', 'second', 'src', 'index.tsx'));
    await expect(buildUi({ appDir, only: ['second'], quiet: true })).rejects.toThrow(
      'Custom UI entry missing: static/second/src/index.tsx',
    );
  });
});

describe('the floor of a bundle', () => {
  it('imports exactly the platform exports the sources import, leaving out types and own files', () => {
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-floor-src-'));
    try {
      fs.mkdirSync(path.join(src, 'parts'));
      fs.writeFileSync(
        path.join(src, 'index.tsx'),
        [
          "import Button from '@atlaskit/button/new';",
          "import { token, type CSSToken } from '@atlaskit/tokens';",
          "import type { Props } from '@atlaskit/select';",
          "import { invoke as call, view } from '@forge/bridge';",
          "import { useState } from 'react';",
          "import luxon from 'luxon';",
          "import { App } from './App';",
          "const Lazy = () => import('@atlaskit/textarea');",
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(src, 'parts', 'x.ts'),
        "import Lozenge, { type X } from '@atlaskit/lozenge';",
      );
      const imports = floorImports(src);
      const asObject = Object.fromEntries([...imports].map(([spec, names]) => [spec, [...names].sort()]));
      expect(asObject).toEqual({
        '@atlaskit/button/new': ['default'],
        '@atlaskit/tokens': ['token'],
        '@forge/bridge': ['invoke', 'view'],
        react: ['useState'],
        '@atlaskit/textarea': ['*'],
        '@atlaskit/lozenge': ['default'],
        'react-dom/client': ['createRoot'],
        'react/jsx-runtime': ['jsx'],
      });
      const entry = floorEntry(imports);
      expect(entry).toContain('import { invoke as m2_2 } from "@forge/bridge";');
      expect(entry).toContain('import * as m4_5 from "@atlaskit/textarea";');
      expect(entry).not.toContain('luxon');
    } finally {
      fs.rmSync(src, { recursive: true, force: true });
    }
  });

  it('names what is over budget', () => {
    const kb = 1024;
    expect(budgetProblems('spoc-panel', 140 * kb, 120 * kb)).toEqual([]);
    expect(budgetProblems('spoc-panel', 151 * kb, 140 * kb)).toEqual([
      '151.0 KB on first load, more than 150.0 KB',
    ]);
    expect(budgetProblems('spoc-project-page', 200 * kb, 160 * kb)).toEqual([
      '40.0 KB above its floor, more than 30.0 KB',
    ]);
  });
});

describe("the app's Custom UI bundles", () => {
  it('stay within their budgets: the issue panel at most 150 KB, each at most 30 KB above its floor', async () => {
    const appDir = path.resolve(__dirname, '..');
    const { bundles } = await buildUi({ appDir, quiet: true });
    expect(bundles.map((b) => b.name).sort()).toEqual(
      customUiBundles(appDir)
        .map((b) => b.name)
        .sort(),
    );
    for (const bundle of bundles) {
      expect({ name: bundle.name, overBudget: bundle.overBudget }).toEqual({
        name: bundle.name,
        overBudget: [],
      });
      expect(bundle.marginBytes).toBeLessThanOrEqual(MARGIN_BUDGET_BYTES);
    }
    const panel = bundles.find((b) => b.name === 'spoc-panel');
    expect(panel?.initialGzipBytes).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES['spoc-panel'] as number);
  }, 180_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildUi, customUiBundles } from './build-ui';

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
    expect(lines).toEqual([expect.stringMatching(/^✓ first: \d+\.\d KB gzipped on first load/)]);
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

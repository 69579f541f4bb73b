import fs from 'node:fs';
import path from 'node:path';

/**
 * The site hosts an app, not this app: what is SPOC for Jira's lives in local/spoc-demo/, and only the entry
 * point that starts the SPOC demo names it. Everything else under local/ takes the app from a site profile.
 */
const LOCAL = __dirname;
const SPOC_DEMO = path.join(LOCAL, 'spoc-demo');
/** Allowed to import the SPOC demo: `npm start`, and the two old paths tests outside local/ still import. */
const ALLOWED = ['cli/start.ts', 'seed/demo.ts', 'seed/app-demo.ts'].map((file) => path.join(LOCAL, file));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === SPOC_DEMO ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports, re-exports or requires, resolved when the path is relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers.map((s) => (s.startsWith('.') ? path.resolve(path.dirname(file), s) : s));
}

describe('the generic site', () => {
  it('never imports the SPOC demo outside the entry point that starts it', () => {
    const files = sourceFiles(LOCAL);
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) => !ALLOWED.includes(file))
      .filter((file) =>
        importsOf(file).some((target) => (target + path.sep).startsWith(SPOC_DEMO + path.sep)),
      )
      .map((file) => path.relative(LOCAL, file));
    expect(offenders).toEqual([]);
  });

  it('sees an import of the SPOC demo where there is one', () => {
    expect(importsOf(path.join(LOCAL, 'cli', 'start.ts'))).toContain(SPOC_DEMO);
  });
});

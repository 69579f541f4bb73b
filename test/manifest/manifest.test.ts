import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { lintOffline, validateManifestFull, validateManifestTriggerScopes } from '../../scripts/forge-checks';

/**
 * The manifest is checked offline as `forge deploy` would check it, and each check is shown able to fail on
 * a copy of the app with one deliberate mistake.
 */
const root = path.resolve(__dirname, '..', '..');

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

function copyApp(mutate: (manifest: Record<string, any>, dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-manifest-'));
  copies.push(dir);
  fs.cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  fs.cpSync(path.join(root, 'static'), path.join(dir, 'static'), { recursive: true });
  fs.cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const manifest = YAML.parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8'));
  mutate(manifest, dir);
  fs.writeFileSync(path.join(dir, 'manifest.yml'), YAML.stringify(manifest));
  return dir;
}

describe('manifest.yml', () => {
  it('passes full validation', async () => {
    const result = await validateManifestFull(root);
    expect(result.errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('has the scopes every subscribed product event needs', async () => {
    const result = await validateManifestTriggerScopes(root);
    expect(result.errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('passes the client-side Forge linters', async () => {
    const result = await lintOffline(root);
    expect(result.errors).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('names the Node runtime Forge wants and pins every @forge package exactly', () => {
    const manifest = YAML.parse(fs.readFileSync(path.join(root, 'manifest.yml'), 'utf8'));
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const forgeDeps = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name]) =>
      name.startsWith('@forge/'),
    );
    expect(forgeDeps.length).toBeGreaterThanOrEqual(5);
    for (const [name, version] of forgeDeps) expect(`${name}@${version}`).toMatch(/@\d+\.\d+\.\d+$/);
  });

  describe('catches mistakes', () => {
    it('a handler that does not exist', async () => {
      const dir = copyApp((m) => {
        m.modules.function[0].handler = 'nothere.onIssueEvent';
      });
      const result = await validateManifestFull(dir);
      expect(result.success).toBe(false);
      expect(result.errors.join('\n')).toMatch(/nothere/);
    });

    it('a resource folder that was never built', async () => {
      const dir = copyApp((m) => {
        m.resources[0].path = 'static/missing/build';
      });
      const result = await validateManifestFull(dir);
      expect(result.success).toBe(false);
      expect(result.errors.join('\n')).toMatch(/static\/missing\/build/);
    });

    it('a product trigger without the scope it needs', async () => {
      const dir = copyApp((m) => {
        const scopes = m.permissions.scopes;
        // Scopes are a list, or a map when some allow impersonation.
        if (Array.isArray(scopes))
          m.permissions.scopes = scopes.filter((s: string) => s !== 'read:jira-work');
        else delete scopes['read:jira-work'];
      });
      expect((await validateManifestFull(dir)).success).toBe(true); // full validation alone misses it
      const result = await validateManifestTriggerScopes(dir);
      expect(result.success).toBe(false);
      expect(result.errors.join('\n')).toMatch(/read:jira-work/);
    });

    it('a timeout on a product-trigger function', async () => {
      const dir = copyApp((m) => {
        m.modules.function[0].timeoutSeconds = 60;
      });
      const result = await lintOffline(dir);
      expect(result.success).toBe(false);
      expect(result.errors.join('\n')).toMatch(/timeout/i);
    });
  });
});

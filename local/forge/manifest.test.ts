import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appIdOf, findModule, functionUses, loadManifest, ManifestError, parseHandler } from './manifest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function appWith(manifest: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-manifest-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'manifest.yml'), manifest);
  return dir;
}

describe('manifest loading', () => {
  it('reads the real app manifest: app id, functions and the modules that use them', () => {
    const manifest = loadManifest(path.resolve(__dirname, '../..'));
    expect(appIdOf(manifest)).toMatch(/^[0-9a-f-]{36}$/);
    expect(functionUses(manifest).get('on-issue-event')).toEqual([
      { moduleType: 'trigger', moduleKey: 'spoc-issue-events' },
    ]);
    expect(findModule(manifest, 'spoc-panel')?.moduleType).toBe('jira:issuePanel');
  });

  it('splits handlers into source file and export', () => {
    expect(parseHandler('index.onIssueEvent')).toEqual({ file: 'index', exportName: 'onIssueEvent' });
    expect(parseHandler('triggers/sweep.run')).toEqual({ file: 'triggers/sweep', exportName: 'run' });
  });

  it('names every structural problem it finds', () => {
    const dir = appWith(`
app:
  id: not-an-ari
modules:
  trigger:
    - key: t
      function: missing
      events: []
  scheduledTrigger:
    - key: s
      function: f
      interval: minute
  function:
    - key: f
      handler: nodot
`);
    expect(() => loadManifest(dir)).toThrow(ManifestError);
    try {
      loadManifest(dir);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('app.id must look like');
      expect(message).toContain('function f needs a handler');
      expect(message).toContain('trigger t names function missing');
      expect(message).toContain('trigger t needs a list of events');
      expect(message).toContain('scheduledTrigger s interval must be one of');
    }
  });

  it('reports a missing or unparsable file', () => {
    expect(() => loadManifest(appWith('app: [unclosed'))).toThrow('cannot be read or parsed');
    expect(() => loadManifest(path.join(os.tmpdir(), 'no-such-forge-app'))).toThrow(
      'cannot be read or parsed',
    );
  });
});

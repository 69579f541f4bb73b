import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bridgeScriptTag, injectBridge, resourceDirs, serveResource } from './resources';

const BRIDGE_SCRIPT_TAG = bridgeScriptTag();

describe('Custom UI resources', () => {
  let appDir: string;
  let dirs: ReturnType<typeof resourceDirs>;

  beforeAll(() => {
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-resources-'));
    const build = path.join(appDir, 'static', 'panel', 'build');
    fs.mkdirSync(build, { recursive: true });
    fs.writeFileSync(
      path.join(build, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><script src="./index.js"></script></head><body></body></html>',
    );
    fs.writeFileSync(path.join(build, 'index.js'), 'console.log(1)');
    fs.writeFileSync(path.join(appDir, 'secret.txt'), 'not yours');
    dirs = resourceDirs(appDir, [
      { key: 'panel', path: 'static/panel/build' },
      { key: 'unbuilt', path: 'static/unbuilt/build' },
    ]);
  });

  afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

  it('puts the bridge script first in <head>, before any app script', () => {
    const response = serveResource(dirs, 'panel', ['index.html']);
    expect(response.status).toBe(200);
    const body = String(response.body);
    expect(body).toContain(`<head>${BRIDGE_SCRIPT_TAG}<meta charset="utf-8">`);
    expect(body.indexOf(BRIDGE_SCRIPT_TAG)).toBeLessThan(body.indexOf('./index.js'));
  });

  it('injects a <head> when the document has none', () => {
    expect(injectBridge('<html><body>x</body></html>')).toBe(
      `<html><head>${BRIDGE_SCRIPT_TAG}</head><body>x</body></html>`,
    );
  });

  it('serves the resource root as its index.html and other files as bytes with their type', () => {
    expect(String(serveResource(dirs, 'panel', []).body)).toContain(BRIDGE_SCRIPT_TAG);
    const script = serveResource(dirs, 'panel', ['index.js']);
    expect(script.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(script.body as Uint8Array).toString()).toBe('console.log(1)');
  });

  it('serves every file with the policy it is given, built from the served index.html', () => {
    const seen: Array<string | undefined> = [];
    const policy = (html: string | undefined) => {
      seen.push(html);
      return "script-src 'self'";
    };
    const page = serveResource(dirs, 'panel', ['index.html'], { policy });
    expect(page.headers?.['content-security-policy']).toBe("script-src 'self'");
    expect(serveResource(dirs, 'panel', ['index.js'], { policy }).headers?.['content-security-policy']).toBe(
      "script-src 'self'",
    );
    // The policy sees the app's own document, before the bridge (a file, not inline code) is injected.
    expect(seen[0]).toContain('<script src="./index.js">');
    expect(seen[0]).not.toContain(BRIDGE_SCRIPT_TAG);
    expect(seen[1]).toBeUndefined();
    expect(BRIDGE_SCRIPT_TAG).toMatch(/^<script src="[^"]+"><\/script>$/);
  });

  it("tells the frame's bridge the origin of the page that frames it, and nothing that is not an origin", () => {
    const body = String(serveResource(dirs, 'panel', [], { hostOrigin: 'http://127.0.0.1:8080' }).body);
    expect(body).toContain(
      '<head><script src="/local/web/frame-bridge.js" data-host-origin="http://127.0.0.1:8080"></script>',
    );
    expect(bridgeScriptTag('http://x" onload="alert(1)')).toBe(BRIDGE_SCRIPT_TAG);
    expect(bridgeScriptTag('javascript:alert(1)')).toBe(BRIDGE_SCRIPT_TAG);
  });

  it('never leaves the resource folder', () => {
    expect(serveResource(dirs, 'panel', ['..', '..', '..', 'secret.txt']).status).toBe(404);
    expect(serveResource(dirs, 'panel', ['../../../secret.txt']).status).toBe(404);
    expect(serveResource(dirs, 'toString', ['index.html']).status).toBe(404);
  });

  it('says how to build a resource that is not built', () => {
    const response = serveResource(dirs, 'unbuilt', ['index.html']);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).toContain('scripts/build-ui.ts');
  });
});

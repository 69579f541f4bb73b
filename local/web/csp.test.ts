import { createHash } from 'node:crypto';
import { customUiCsp, inlineScriptHashes } from './csp';

describe("Custom UI's Content-Security-Policy", () => {
  const directives = (policy: string) =>
    Object.fromEntries(
      policy.split('; ').map((d) => {
        const [name = '', ...values] = d.split(' ');
        return [name, values];
      }),
    );

  it("is Forge's default: own scripts and styles only, framed only by Jira, no inline code", () => {
    const policy = directives(customUiCsp({ siteOrigin: 'http://localhost:8080', html: '<html></html>' }));
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    // The resource has its own origin; Jira's page, on another, frames it.
    expect(policy['frame-ancestors']).toEqual(["'self'", 'http://localhost:8080']);
    expect(policy['form-action']).toEqual(["'self'"]);
    // Jira's origin stands in for Atlassian's avatar and media hosts.
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', 'http://localhost:8080']);
    expect(policy.sandbox).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin']));
    expect(policy.sandbox).not.toContain('allow-top-navigation');
    // The frame reaches its own origin, not Jira's REST API: that goes through the bridge.
    expect(policy['connect-src']).toEqual(["'self'"]);
  });

  it('names no Jira origin it was not given, nor one that would add a directive', () => {
    for (const siteOrigin of [undefined, 'http://a; script-src *', 'javascript:alert(1)']) {
      const policy = directives(customUiCsp({ siteOrigin }));
      expect(policy['frame-ancestors']).toEqual(["'self'"]);
      expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
      expect(policy['script-src']).toEqual(["'self'"]);
    }
  });

  it("allows the app's own inline scripts by hash, as Forge does, and nothing else inline", () => {
    const html =
      '<head><script>window.a = 1;</script><script src="./index.js"></script><script type="module">b()</script></head>';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([sha('window.a = 1;'), sha('b()')]);
    const policy = directives(customUiCsp({ siteOrigin: 'http://localhost:1', html }));
    expect(policy['script-src']).toEqual(["'self'", sha('window.a = 1;'), sha('b()')]);
  });

  it('widens only by what the manifest declares in permissions.content and permissions.external', () => {
    const policy = directives(
      customUiCsp({
        siteOrigin: 'http://localhost:1',
        html: '<script>x()</script>',
        permissions: {
          content: {
            scripts: ['unsafe-inline', 'unsafe-eval', 'blob:', 'https://nope'],
            styles: ['unsafe-inline'],
          },
          external: {
            images: ['https://images.example', { address: '*.cdn.example' }, 'bad; script-src *'],
            fetch: { client: ['https://api.example'] },
            fonts: ['https://fonts.example'],
          },
        },
      }),
    );
    // With 'unsafe-inline' declared, Forge adds no hashes (they would switch 'unsafe-inline' off).
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'", 'blob:']);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['img-src']).toEqual([
      "'self'",
      'data:',
      'blob:',
      'http://localhost:1',
      'https://images.example',
      '*.cdn.example',
    ]);
    expect(policy['connect-src']).toEqual(["'self'", 'https://api.example']);
    expect(policy['font-src']).toEqual(["'self'", 'https://fonts.example']);
  });
});

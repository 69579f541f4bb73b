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

  it("is Forge's default: own scripts and styles only, framed only by the site, no inline code", () => {
    const policy = directives(
      customUiCsp({ origin: 'http://localhost:8080', resourceKey: 'spoc-panel', html: '<html></html>' }),
    );
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'self'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.sandbox).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin']));
    expect(policy.sandbox).not.toContain('allow-top-navigation');
    // The frame reaches its own files, not Jira's REST API: that goes through the bridge.
    expect(policy['connect-src']).toEqual(['http://localhost:8080/local/resources/spoc-panel/']);
    expect(customUiCsp({ origin: undefined, resourceKey: 'x' })).toContain("connect-src 'none'");
    expect(customUiCsp({ origin: 'http://a; script-src *', resourceKey: 'x' })).toContain(
      "connect-src 'none'",
    );
  });

  it("allows the app's own inline scripts by hash, as Forge does, and nothing else inline", () => {
    const html =
      '<head><script>window.a = 1;</script><script src="./index.js"></script><script type="module">b()</script></head>';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([sha('window.a = 1;'), sha('b()')]);
    const policy = directives(customUiCsp({ origin: 'http://localhost:1', resourceKey: 'p', html }));
    expect(policy['script-src']).toEqual(["'self'", sha('window.a = 1;'), sha('b()')]);
  });

  it('widens only by what the manifest declares in permissions.content and permissions.external', () => {
    const policy = directives(
      customUiCsp({
        origin: 'http://localhost:1',
        resourceKey: 'p',
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
      'https://images.example',
      '*.cdn.example',
    ]);
    expect(policy['connect-src']).toEqual(['http://localhost:1/local/resources/p/', 'https://api.example']);
    expect(policy['font-src']).toEqual(["'self'", 'https://fonts.example']);
  });
});

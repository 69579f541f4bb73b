import { hostnameOf, originOn } from './origins';

describe("the site's two origins as the browser reaches them", () => {
  it('keep the host name the browser used and change only the port', () => {
    expect(originOn('localhost:8080', 8081)).toBe('http://localhost:8081');
    expect(originOn('127.0.0.1:8080', 8081)).toBe('http://127.0.0.1:8081');
    expect(originOn('[::1]:8080', 8081)).toBe('http://[::1]:8081');
    expect(hostnameOf('LOCALHOST')).toBe('localhost');
  });

  it('fall back to localhost for a Host header that is not a bare host name', () => {
    for (const host of [undefined, '', 'evil.example/x', 'a@b:1', 'x y', 'a:1; script-src *'])
      expect(hostnameOf(host)).toBe('localhost');
  });
});

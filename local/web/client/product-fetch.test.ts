import { productRequest } from './product-fetch';

describe("the host's requestJira", () => {
  const origin = 'http://localhost:8080';
  const jira = (restPath: unknown, fetchRequestInit?: unknown) =>
    productRequest({ product: 'jira', restPath, fetchRequestInit }, origin);

  it("drops the frame's credentials, so the request goes as the signed-in person only", () => {
    const request = jira('/rest/api/3/myself', {
      method: 'get',
      headers: [
        ['Authorization', `Basic ${Buffer.from('sam.patel@vendor.example:x').toString('base64')}`],
        ['COOKIE', 'tenant.session.token=someone-elses'],
        ['Proxy-Authorization', 'Basic eA=='],
        ['Accept', 'application/json'],
        ['X-Atlassian-Token', 'no-check'],
      ],
      credentials: 'include',
    });
    expect(request.url).toBe('/rest/api/3/myself');
    expect(request.init.method).toBe('GET');
    expect(request.init.credentials).toBe('same-origin');
    expect([...(request.init.headers as Headers).entries()]).toEqual([
      ['accept', 'application/json'],
      ['x-atlassian-token', 'no-check'],
    ]);
  });

  it('keeps the method, the body and the query', () => {
    const request = jira('/rest/api/3/search/jql?jql=project%3DSUP', {
      method: 'POST',
      headers: [['Content-Type', 'application/json']],
      body: '{"a":1}',
    });
    expect(request.url).toBe('/rest/api/3/search/jql?jql=project%3DSUP');
    expect(request.init).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(jira('/rest/api/3/myself', { body: 'ignored' }).init.body).toBeUndefined();
  });

  it("never leaves Jira's REST API, however the path is spelled", () => {
    for (const path of [
      '/rest/../local/api/reset',
      '/rest/%2e%2e/local/api/reset',
      '/rest/api/3/../../../local/bridge/invoke',
      '//evil.example/rest/api/3/myself',
      '/local/api/reset',
      'https://evil.example/rest/api/3/myself',
    ]) {
      expect(() => jira(path)).toThrow(/REST API only/);
    }
  });

  it('refuses what the site does not serve, with a clear error', () => {
    expect(() => productRequest({ product: 'confluence', restPath: '/wiki/rest/api/space' }, origin)).toThrow(
      'This local site is Jira only; requestconfluence is not available.',
    );
    expect(() =>
      productRequest(
        { product: 'jira', restPath: '/rest/api/3/attachment', isMultipartFormData: true },
        origin,
      ),
    ).toThrow(/Multipart/);
    expect(() => jira('/rest/api/3/myself', { headers: [['x', 1]] })).toThrow(/name\/value strings/);
  });
});

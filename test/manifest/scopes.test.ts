import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAppScopes } from '../../scripts/forge-checks';
import {
  bestTemplate,
  jiraEndpointsUsed,
  manifestScopes,
  requiredScopes,
} from '../../scripts/required-scopes';

/**
 * The manifest asks for exactly the scopes the app's code and events need, found from the code itself
 * (every Jira path in src/ and static/, matched to Atlassian's OpenAPI scopes), not from a hand-kept list.
 */
const root = path.resolve(__dirname, '..', '..');

describe('the manifest’s scopes', () => {
  it('are all the code needs, and nothing more', async () => {
    const result = await checkAppScopes(root);
    expect(result.errors).toEqual([]);
    expect(result.report.needs.length).toBeGreaterThan(20);
  });

  it.each(manifestScopes(root))('fail without %s, naming what needs it', async (scope) => {
    const result = await checkAppScopes(
      root,
      manifestScopes(root).filter((s) => s !== scope),
    );
    expect(result.success).toBe(false);
    const problem = result.errors.find((e) => e.startsWith(`manifest.yml lacks scope ${scope}, needed by `));
    expect(problem).toBeDefined();
    // Named by endpoint and file, by product event, or by platform package.
    expect(problem).toMatch(
      /(GET|POST|PUT|DELETE) \/rest\/api\/3\/\S+ \(\S+:\d+\)|the avi:jira:\S+ event|@forge\/\w+/,
    );
  });

  it('fail with one nothing needs', async () => {
    const result = await checkAppScopes(root, [...manifestScopes(root), 'manage:jira-configuration']);
    expect(result.errors).toEqual([
      'manifest.yml asks for scope manage:jira-configuration, which nothing in the app needs',
    ]);
  });

  it('include the app-field scope Atlassian will make mandatory', async () => {
    const result = await checkAppScopes(root);
    expect(result.report.needs).toContainEqual({
      scope: 'write:app-data:jira',
      neededBy: expect.stringMatching(/^PUT \/rest\/api\/3\/app\/field\/\{fieldIdOrKey\}\/value \(src\//),
    });
  });
});

describe('finding endpoints in the code', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spoc-scopes-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.mkdirSync(path.join(dir, 'static', 'page', 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'src', 'service.ts'),
      [
        'client.request("app", route`/rest/api/3/issue/${id}?fields=labels`, { method: "PUT", body });',
        'client.request("user", route`/rest/api/3/user/bulk?${params}`);',
        'const kept = "/rest/api/3/issue/picker";',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'src', 'service.test.ts'),
      'request(route`/rest/api/3/field`, { method: "POST" });\n',
    );
    fs.writeFileSync(
      path.join(dir, 'static', 'page', 'src', 'api.tsx'),
      "requestJira('/rest/api/3/search/jql', { method: 'POST', body: '{}' });\n",
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the method from the call, GET when it gives none, and every method when it cannot tell', () => {
    expect(jiraEndpointsUsed(dir)).toEqual([
      { method: 'PUT', path: '/rest/api/3/issue/{}', where: 'src/service.ts:1' },
      { method: 'GET', path: '/rest/api/3/user/bulk', where: 'src/service.ts:2' },
      { method: '*', path: '/rest/api/3/issue/picker', where: 'src/service.ts:3' },
      { method: 'POST', path: '/rest/api/3/search/jql', where: 'static/page/src/api.tsx:1' },
    ]);
  });

  it('prefers a literal path segment to a parameter', () => {
    const templates = ['/rest/api/3/project/{projectIdOrKey}', '/rest/api/3/project/search'];
    expect(bestTemplate(templates, '/rest/api/3/project/search')).toBe('/rest/api/3/project/search');
    expect(bestTemplate(templates, '/rest/api/3/project/{}')).toBe('/rest/api/3/project/{projectIdOrKey}');
    expect(bestTemplate(templates, '/rest/api/3/project/{}/components')).toBeUndefined();
  });

  it('reads classic scopes, or the granular ones where an operation has no classic scope', () => {
    expect(
      requiredScopes([
        { scheme: 'OAuth2', state: 'Current', scopes: ['read:jira-user'] },
        { scheme: 'OAuth2', state: 'Beta', scopes: ['read:user:jira'] },
      ]),
    ).toEqual(['read:jira-user']);
    expect(
      requiredScopes([
        { scheme: 'OAuth2', state: 'Current', scopes: [] },
        { scheme: 'OAuth2', state: 'Beta', scopes: ['write:app-data:jira'] },
      ]),
    ).toEqual(['write:app-data:jira']);
  });
});

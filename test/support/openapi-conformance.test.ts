import { Router } from '../../local/http/router';
import { SiteClock } from '../../local/clock';
import { createGateway } from '../../local/gateway/gateway';
import { createConformanceObserver } from './conformance-observer';
import { createConformanceChecker, type ConformanceInput } from './openapi-conformance';

const checker = createConformanceChecker();
const messages = (input: ConformanceInput) => checker.check(input).map((v) => v.message);

const user = {
  accountId: '5b10a2844c20165700ede21g',
  accountType: 'atlassian',
  active: true,
  displayName: 'Mia',
};
const issue = {
  id: '10001',
  key: 'SUP-1',
  self: 'http://localhost:8080/rest/api/3/issue/10001',
  fields: { summary: 'Printer on fire', assignee: user },
};

describe('template matching', () => {
  test('finds the documented template, preferring literal segments', () => {
    expect(checker.templateFor('GET', '/rest/api/3/issue/SUP-1')).toBe('/rest/api/3/issue/{issueIdOrKey}');
    expect(checker.templateFor('GET', '/rest/api/3/project/search')).toBe('/rest/api/3/project/search');
    expect(checker.templateFor('GET', '/rest/api/3/project/SUP')).toBe(
      '/rest/api/3/project/{projectIdOrKey}',
    );
    expect(checker.templateFor('PUT', '/rest/api/3/issue/SUP-1/properties/spoc')).toBe(
      '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    );
  });

  test('knows nothing of undocumented methods and paths, and checks nothing there', () => {
    expect(checker.templateFor('DELETE', '/rest/api/3/issue/SUP-1')).toBeUndefined();
    expect(checker.templateFor('GET', '/rest/api/3/nothing')).toBeUndefined();
    expect(checker.check({ method: 'GET', path: '/rest/api/3/nothing', status: 200, body: 'x' })).toEqual([]);
  });
});

describe('bodies that conform', () => {
  test.each<[string, ConformanceInput]>([
    ['an issue', { method: 'GET', path: '/rest/api/3/issue/SUP-1?fields=summary', status: 200, body: issue }],
    [
      'a JQL search page',
      {
        method: 'POST',
        path: '/rest/api/3/search/jql',
        status: 200,
        body: { issues: [issue], isLast: true },
      },
    ],
    ['a list of users', { method: 'GET', path: '/rest/api/3/user/search', status: 200, body: [user, user] }],
    [
      'a nullable group id',
      {
        method: 'GET',
        path: '/rest/api/3/user/groups',
        status: 200,
        body: [{ name: 'spocs', groupId: null }],
      },
    ],
    [
      "a comment with Jira's +0000 timestamps",
      {
        method: 'GET',
        path: '/rest/api/3/issue/SUP-1/comment/10',
        status: 200,
        body: {
          id: '10',
          author: user,
          body: { type: 'doc', version: 1, content: [] },
          created: '2021-01-17T12:34:00.000+0000',
        },
      },
    ],
    [
      'a bulk permission answer',
      {
        method: 'POST',
        path: '/rest/api/3/permissions/check',
        status: 200,
        body: {
          globalPermissions: [],
          projectPermissions: [{ permission: 'EDIT_ISSUES', issues: [10001], projects: [] }],
        },
      },
    ],
    [
      "an error in Jira's ErrorCollection shape",
      {
        method: 'POST',
        path: '/rest/api/3/issue',
        status: 400,
        body: { errorMessages: [], errors: { summary: 'Required.' } },
      },
    ],
    [
      'a 204 without a body',
      { method: 'PUT', path: '/rest/api/3/issue/SUP-1/assignee', status: 204, body: undefined },
    ],
    [
      'an error the document declares without content',
      {
        method: 'GET',
        path: '/rest/api/3/issue/NOPE-1',
        status: 404,
        body: { errorMessages: ['Gone'], errors: {} },
      },
    ],
    [
      'a JSON string body',
      {
        method: 'POST',
        path: '/rest/api/3/search/approximate-count',
        status: 200,
        body: '{"count":3}',
        contentType: 'application/json',
      },
    ],
  ])('%s', (_name, input) => {
    expect(checker.check(input)).toEqual([]);
  });
});

describe('bodies that must fail', () => {
  test('a missing required property', () => {
    expect(
      messages({
        method: 'POST',
        path: '/rest/api/3/permissions/check',
        status: 200,
        body: { globalPermissions: [] },
      }),
    ).toEqual(["body must have required property 'projectPermissions'"]);
  });

  test('a wrong type, inside an array', () => {
    expect(
      messages({
        method: 'GET',
        path: '/rest/api/3/user/search',
        status: 200,
        body: [user, { accountId: 7 }],
      }),
    ).toEqual(['/1/accountId must be string']);
  });

  test('a property the document does not have', () => {
    const violations = checker.check({
      method: 'GET',
      path: '/rest/api/3/myself',
      status: 200,
      body: { ...user, colour: 'red' },
    });
    expect(violations).toEqual([
      {
        method: 'GET',
        path: '/rest/api/3/myself',
        template: '/rest/api/3/myself',
        status: 200,
        message: "body must NOT have additional properties 'colour'",
      },
    ]);
  });

  test('an enum value, an integer format and a timestamp that are wrong', () => {
    expect(
      messages({
        method: 'GET',
        path: '/rest/api/3/user',
        status: 200,
        body: { ...user, accountType: 'robot' },
      }),
    ).toEqual([
      '/accountType must be equal to one of the allowed values (["atlassian","app","customer","unknown"])',
    ]);
    expect(
      messages({
        method: 'GET',
        path: '/rest/api/3/user/bulk',
        status: 200,
        body: { values: [user], total: 1.5 },
      }),
    ).toEqual(['/total must be integer', '/total must match format "int64"']);
    expect(
      messages({
        method: 'GET',
        path: '/rest/api/3/issue/SUP-1/comment/10',
        status: 200,
        body: { id: '10', created: 'yesterday' },
      }),
    ).toEqual(['/created must match format "date-time"']);
  });

  test("an error body not in Jira's ErrorCollection shape, where the document declares it", () => {
    expect(
      messages({ method: 'POST', path: '/rest/api/3/issue', status: 400, body: { message: 'bad' } }),
    ).toEqual(["body must NOT have additional properties 'message'"]);
  });

  test('a success status, content type or body the document does not declare', () => {
    expect(messages({ method: 'GET', path: '/rest/api/3/issue/SUP-1', status: 201, body: issue })).toEqual([
      'status 201 is not documented (documented: 200, 401, 404)',
    ]);
    expect(
      messages({
        method: 'GET',
        path: '/rest/api/3/issue/SUP-1',
        status: 200,
        body: '<html/>',
        contentType: 'text/html',
      }),
    ).toEqual(['content type text/html is not documented (application/json)']);
    expect(
      messages({
        method: 'DELETE',
        path: '/rest/api/3/issue/SUP-1/comment/1',
        status: 204,
        body: { id: '1' },
      }),
    ).toEqual(['the document declares no body for this status']);
    expect(
      messages({ method: 'GET', path: '/rest/api/3/issue/SUP-1', status: 200, body: undefined }),
    ).toEqual(['no body, but the document declares IssueBean']);
  });
});

describe('conformance observer on the gateway', () => {
  test('collects the violations of answers and reports them in one error', async () => {
    const router = new Router()
      .get('/rest/api/3/myself', () => ({ status: 200, body: { accountId: 42 } }))
      .get('/rest/api/3/issue/:issueIdOrKey', () => ({ status: 200, body: issue }));
    const conformance = createConformanceObserver(checker);
    const gateway = createGateway({ router, clock: new SiteClock('frozen'), observer: conformance.observe });
    const app = { kind: 'app', appId: 'spoc' } as const;

    await gateway.fetch(app, { method: 'GET', url: '/rest/api/3/issue/SUP-1' });
    expect(() => conformance.expectNoViolations()).not.toThrow();

    await gateway.fetch(app, { method: 'GET', url: '/rest/api/3/myself' });
    gateway.faults.set({ status: 503, count: 1 });
    await gateway.fetch(app, { method: 'GET', url: '/rest/api/3/myself' }); // injected: skipped
    expect(conformance.checkedCount()).toBe(2);
    expect(() => conformance.expectNoViolations()).toThrow(
      "1 difference(s) from Jira's OpenAPI documents (test/fixtures/jira-openapi-extract.json, servicedesk-openapi-extract.json):\n" +
        '  GET /rest/api/3/myself (/rest/api/3/myself) → 200: /accountId must be string',
    );
    conformance.reset();
    expect(() => conformance.expectNoViolations()).not.toThrow();
  });
});

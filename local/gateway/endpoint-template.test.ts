import { matchTemplate, servedTemplate } from './endpoint-template';

describe('endpoint templates', () => {
  const templates = [
    '/rest/api/3/user/{accountId}',
    '/rest/api/3/user/search',
    '/rest/api/3/issue/{issueIdOrKey}',
    '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    '/rest/api/3/issue/createmeta',
  ];

  test('fills parameters, decoded', () => {
    expect(matchTemplate(templates, '/rest/api/3/issue/SUP-1/comment/10%2F1')).toEqual({
      template: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
      params: { issueIdOrKey: 'SUP-1', id: '10/1' },
    });
  });

  test('prefers literal segments over parameters, whatever the order', () => {
    expect(matchTemplate(templates, '/rest/api/3/user/search')?.template).toBe('/rest/api/3/user/search');
    expect(matchTemplate(templates, '/rest/api/3/issue/createmeta')?.template).toBe(
      '/rest/api/3/issue/createmeta',
    );
    expect(matchTemplate(templates, '/rest/api/3/user/abc')?.template).toBe('/rest/api/3/user/{accountId}');
  });

  test('ignores the query string and needs every segment to match', () => {
    expect(matchTemplate(templates, '/rest/api/3/issue/SUP-1?fields=summary')?.params).toEqual({
      issueIdOrKey: 'SUP-1',
    });
    expect(matchTemplate(templates, '/rest/api/3/issue/SUP-1/comment')).toBeUndefined();
    expect(matchTemplate(templates, '/rest/api/3/issue/%E0%A4%A')).toBeUndefined();
  });

  test('finds served endpoints, preferring the request method', () => {
    expect(servedTemplate('post', '/rest/api/3/search/jql')?.template).toBe('/rest/api/3/search/jql');
    expect(servedTemplate('PUT', '/rest/api/3/issue/SUP-1/properties/spoc')).toEqual({
      template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      params: { issueIdOrKey: 'SUP-1', propertyKey: 'spoc' },
    });
    expect(servedTemplate('GET', '/rest/api/3/nothing')).toBeUndefined();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { SERVED_ENDPOINTS } from '../local/jira/served-endpoints';
import {
  buildExtract,
  EXTRACT_FILE,
  readSource,
  SOURCE_FILE,
  SOURCE_URL,
  type JiraOpenApiExtract,
  type OpenApiDocument,
} from './extract-openapi';

const committed = JSON.parse(readFileSync(EXTRACT_FILE, 'utf8')) as JiraOpenApiExtract;
const sourcePresent = existsSync(SOURCE_FILE);

describe('the committed OpenAPI extract', () => {
  (sourcePresent ? test : test.skip)(
    sourcePresent
      ? 'is up to date with ../shared/reference/jira-platform-openapi.json and served-endpoints.ts'
      : 'is up to date (SKIPPED: ../shared/reference/jira-platform-openapi.json is not on this machine)',
    () => {
      // If this fails, run `npx tsx scripts/extract-openapi.ts` and commit the fixture.
      expect(buildExtract(readSource())).toEqual(committed);
    },
  );

  test('records its source and licence', () => {
    expect(committed.header).toMatchObject({
      source: { title: 'The Jira Cloud platform REST API', url: SOURCE_URL },
      licence: { name: 'Apache-2.0', url: expect.stringContaining('apache.org/licenses/LICENSE-2.0') },
    });
    expect(committed.header.source.version).toBe(committed.info.version);
  });

  test('holds exactly the served operations', () => {
    const operations = Object.entries(committed.paths).flatMap(([template, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(operations.sort()).toEqual(SERVED_ENDPOINTS.map(([m, t]) => `${m} ${t}`).sort());
  });

  test('every $ref resolves inside the extract', () => {
    const refs = new Set<string>();
    JSON.stringify(committed, (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string') refs.add(value);
      return value;
    });
    const unresolved = [...refs].filter(
      (ref) => !(ref.replace('#/components/schemas/', '') in committed.components.schemas),
    );
    expect(refs.size).toBeGreaterThan(10);
    expect(unresolved).toEqual([]);
  });
});

describe('buildExtract', () => {
  const source: OpenApiDocument = {
    openapi: '3.0.1',
    info: { title: 'T', version: 'v1', license: { url: 'https://www.apache.org/licenses/LICENSE-2.0' } },
    paths: {
      '/a/{id}': {
        summary: 'path summary',
        get: {
          summary: 'Get A',
          description: 'Long prose',
          operationId: 'getA',
          tags: ['A'],
          'x-atlassian-connect-scope': 'READ',
          parameters: [{ name: 'id', in: 'path', description: 'The id', schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'Returned if …',
              content: { 'application/json': { example: '{}', schema: { $ref: '#/components/schemas/A' } } },
            },
          },
        },
        delete: { operationId: 'deleteA', responses: { '204': { description: 'Gone' } } },
      },
      '/b': { get: { operationId: 'getB', responses: { '200': { description: 'B' } } } },
    },
    components: {
      schemas: {
        A: {
          type: 'object',
          description: 'An A',
          xml: { name: 'a' },
          properties: {
            description: { type: 'string', description: 'A property named description stays' },
            b: { $ref: '#/components/schemas/B' },
            level: { type: 'string', enum: ['x'], default: 'x', example: 'x' },
          },
        },
        B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
        Unused: { type: 'string' },
      },
    },
  };

  test('keeps the listed operations and the closure of their schemas, without prose', () => {
    const extract = buildExtract(source, [['GET', '/a/{id}']]);
    expect(extract.paths).toEqual({
      '/a/{id}': {
        get: {
          operationId: 'getA',
          parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }],
          responses: {
            '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } },
          },
        },
      },
    });
    expect(extract.components.schemas).toEqual({
      A: {
        type: 'object',
        properties: {
          description: { type: 'string' },
          b: { $ref: '#/components/schemas/B' },
          level: { type: 'string', enum: ['x'], default: 'x' },
        },
      },
      B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
    });
  });

  test('fails clearly when a served endpoint is not in the document', () => {
    expect(() => buildExtract(source, [['PUT', '/b']])).toThrow(
      'The OpenAPI document has no operation for: PUT /b',
    );
  });

  test('fails clearly when the document is absent', () => {
    expect(() => readSource('/nowhere/jira-platform-openapi.json')).toThrow(
      'The Jira OpenAPI document is not at /nowhere/jira-platform-openapi.json',
    );
  });
});

import { readFileSync } from 'node:fs';
import { SERVICE_DESK_ENDPOINTS } from '../local/jira/servicedesk/served-endpoints';
import type { OpenApiDocument } from './extract-openapi';
import {
  buildServiceDeskExtract,
  SERVICE_DESK_EXTRACT_FILE,
  SERVICE_DESK_SOURCE,
} from './extract-servicedesk-openapi';

interface Extract {
  readonly header: {
    readonly source: Record<string, string>;
    readonly licence: { readonly name: string; readonly url: string };
  };
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, unknown> };
}

const committed = JSON.parse(readFileSync(SERVICE_DESK_EXTRACT_FILE, 'utf8')) as Extract;

describe('the committed service desk OpenAPI extract', () => {
  test('records its source, the copy it was taken from, and its licence', () => {
    expect(committed.header.source).toEqual({
      title: 'Service Management Public REST API',
      version: committed.info.version,
      ...SERVICE_DESK_SOURCE,
    });
    expect(committed.header.source.url).toContain(SERVICE_DESK_SOURCE.commit);
    expect(committed.header.licence).toEqual({
      name: 'Apache-2.0',
      url: expect.stringContaining('apache.org/licenses/LICENSE-2.0'),
    });
  });

  test('holds exactly the served service desk operations', () => {
    const operations = Object.entries(committed.paths).flatMap(([template, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(operations.sort()).toEqual(SERVICE_DESK_ENDPOINTS.map(([m, t]) => `${m} ${t}`).sort());
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

describe('buildServiceDeskExtract', () => {
  test('keeps the served operations and writes the source and licence into the header', () => {
    const op = (id: string) => ({ operationId: id, summary: 'prose', responses: { '200': {} } });
    const paths = Object.fromEntries(
      [...new Set(SERVICE_DESK_ENDPOINTS.map(([, t]) => t))].map((template) => [
        template,
        Object.fromEntries(
          SERVICE_DESK_ENDPOINTS.filter(([, t]) => t === template).map(([m]) => [
            m.toLowerCase(),
            op(`${m} ${template}`),
          ]),
        ),
      ]),
    );
    const source: OpenApiDocument = {
      openapi: '3.0.1',
      info: { title: 'Service Management Public REST API', version: 'v9' },
      paths: { ...paths, '/rest/servicedeskapi/knowledgebase/article': { get: op('articles') } },
      components: { schemas: {} },
    };
    const extract = buildServiceDeskExtract(source);
    expect(Object.keys(extract.paths)).not.toContain('/rest/servicedeskapi/knowledgebase/article');
    expect(extract.header.source).toMatchObject({ version: 'v9', commit: SERVICE_DESK_SOURCE.commit });
    expect(extract.header.licence.name).toBe('Apache-2.0');
  });
});

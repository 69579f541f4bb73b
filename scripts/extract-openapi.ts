/**
 * Builds test/fixtures/jira-openapi-extract.json from Atlassian's Jira Cloud platform OpenAPI document:
 * only the operations the local site serves (local/jira/served-endpoints.ts) and the schemas they reference,
 * without prose (descriptions, summaries, examples). The extract is committed, so the conformance tests run
 * where the full document (../shared/reference) is absent. Run: `npx tsx scripts/extract-openapi.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVED_ENDPOINTS } from '../local/jira/served-endpoints';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SOURCE_FILE = path.resolve(REPO_ROOT, '../shared/reference/jira-platform-openapi.json');
export const EXTRACT_FILE = path.resolve(REPO_ROOT, 'test/fixtures/jira-openapi-extract.json');
export const SOURCE_URL = 'https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly license?: { readonly url?: string };
  };
  readonly paths: Readonly<Record<string, Readonly<Record<string, Json>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, Json>> };
}

export interface JiraOpenApiExtract {
  readonly header: {
    readonly source: { readonly title: string; readonly version: string; readonly url: string };
    readonly licence: { readonly name: 'Apache-2.0'; readonly url: string };
    readonly generatedBy: string;
    readonly kept: string;
    readonly removed: readonly string[];
    readonly corrected: readonly string[];
  };
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Record<string, Record<string, JsonObject>>;
  readonly components: { readonly schemas: Record<string, Json> };
}

/** Keys dropped wherever they are keywords (never where they name a schema property). */
const PROSE_KEYS = new Set(['description', 'summary', 'example', 'examples', 'xml', 'externalDocs']);
/** Values that are data, not schemas: copied as they are. */
const DATA_KEYS = new Set(['default', 'enum', 'const']);
// The OAuth scopes stay: the manifest's scopes are checked against them (scripts/forge-checks.ts).
const OPERATION_KEYS = [
  'operationId',
  'deprecated',
  'parameters',
  'requestBody',
  'responses',
  'x-atlassian-oauth2-scopes',
];
const SCHEMA_REF = '#/components/schemas/';

/**
 * Places where the published document contradicts what Jira Cloud sends, corrected in the extract and listed
 * in its header so nobody mistakes them for the source's words.
 */
const ERRATA: ReadonlyArray<{ readonly schema: string; readonly why: string; readonly replacement: Json }> = [
  {
    schema: 'DashboardGadgetPosition',
    why: 'the document names the properties by their descriptions; Jira sends {"row": n, "column": n}',
    replacement: {
      additionalProperties: false,
      properties: { column: { format: 'int32', type: 'integer' }, row: { format: 'int32', type: 'integer' } },
      required: ['column', 'row'],
      type: 'object',
    },
  },
];

export function buildExtract(
  source: OpenApiDocument,
  endpoints: ReadonlyArray<readonly [string, string]> = SERVED_ENDPOINTS,
): JiraOpenApiExtract {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const missing: string[] = [];
  for (const [method, template] of endpoints) {
    const operation = source.paths[template]?.[method.toLowerCase()];
    if (!isObject(operation)) {
      missing.push(`${method} ${template}`);
      continue;
    }
    const kept: JsonObject = {};
    for (const key of OPERATION_KEYS) {
      const value = operation[key];
      if (value !== undefined) kept[key] = stripProse(value, false);
    }
    (paths[template] ??= {})[method.toLowerCase()] = kept;
  }
  if (missing.length > 0) {
    throw new Error(
      `The OpenAPI document has no operation for: ${missing.join(', ')} (see served-endpoints.ts).`,
    );
  }

  const names = referencedSchemas(paths, source.components.schemas);
  const schemas: Record<string, Json> = {};
  for (const name of [...names].sort())
    schemas[name] = stripProse(source.components.schemas[name] as Json, false);
  const corrected: string[] = [];
  for (const erratum of ERRATA) {
    if (!(erratum.schema in schemas)) continue;
    schemas[erratum.schema] = erratum.replacement;
    corrected.push(`${erratum.schema}: ${erratum.why}`);
  }

  return {
    header: {
      source: { title: source.info.title, version: source.info.version, url: SOURCE_URL },
      licence: {
        name: 'Apache-2.0',
        url: source.info.license?.url ?? 'https://www.apache.org/licenses/LICENSE-2.0',
      },
      generatedBy: 'scripts/extract-openapi.ts (npm run extract:openapi)',
      kept: 'The operations in local/jira/served-endpoints.ts and the components.schemas they reference.',
      removed: [
        'description',
        'summary',
        'example',
        'examples',
        'xml',
        'externalDocs',
        'x-* extensions but x-atlassian-oauth2-scopes',
      ],
      corrected,
    },
    openapi: source.openapi,
    info: { title: source.info.title, version: source.info.version },
    paths,
    components: { schemas },
  };
}

/** Drops prose and vendor extensions; keys inside a `properties` map are property names and stay. */
function stripProse(value: Json, inPropertiesMap: boolean): Json {
  if (Array.isArray(value)) return value.map((item) => stripProse(item, false));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!inPropertiesMap && (PROSE_KEYS.has(key) || key.startsWith('x-'))) continue;
    out[key] =
      !inPropertiesMap && DATA_KEYS.has(key)
        ? child
        : stripProse(child, !inPropertiesMap && key === 'properties');
  }
  return out;
}

/** The transitive closure of `#/components/schemas/*` references. */
function referencedSchemas(roots: Json, schemas: Readonly<Record<string, Json>>): Set<string> {
  const found = new Set<string>();
  const queue: Json[] = [roots];
  while (queue.length > 0) {
    const next = queue.pop() as Json;
    for (const ref of refsIn(next)) {
      if (!ref.startsWith(SCHEMA_REF))
        throw new Error(`Unsupported $ref ${ref}: only ${SCHEMA_REF}* is extracted.`);
      const name = ref.slice(SCHEMA_REF.length);
      if (found.has(name)) continue;
      const schema = schemas[name];
      if (schema === undefined) throw new Error(`$ref ${ref} names no schema in the document.`);
      found.add(name);
      queue.push(schema);
    }
  }
  return found;
}

function refsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readSource(file = SOURCE_FILE): OpenApiDocument {
  if (!existsSync(file)) {
    throw new Error(
      `The Jira OpenAPI document is not at ${file}. It is read from ../shared/reference/ next to the repository; ` +
        `without it the committed ${path.relative(REPO_ROOT, EXTRACT_FILE)} stays as it is.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

export function serialise(extract: JiraOpenApiExtract): string {
  return `${JSON.stringify(extract, null, 2)}\n`;
}

function main(): void {
  try {
    const extract = buildExtract(readSource());
    writeFileSync(EXTRACT_FILE, serialise(extract));
    const operations = Object.values(extract.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    const schemas = Object.keys(extract.components.schemas).length;
    console.log(
      `Wrote ${path.relative(REPO_ROOT, EXTRACT_FILE)}: ${operations} operations, ${schemas} schemas.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

if (require.main === module) main();

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchTemplate, stripQuery } from '../../local/gateway/endpoint-template';

/**
 * Checks the local Jira's answers against Atlassian's OpenAPI document (the committed extract of it):
 * finds the operation by path template, the response for the status (or `default`), and validates the
 * body with ajv. Strict about types, required and additional properties as the document states them;
 * lenient only where the document is: responses it declares without content, schemas it leaves open,
 * formats ajv does not know, and the `+0000` offsets of Jira's timestamps, which the document's own
 * examples use for fields it declares `date-time`.
 */
export interface OpenApiExtract {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, unknown>> };
}

export interface ConformanceInput {
  readonly method: string;
  /** Concrete path, e.g. `/rest/api/3/issue/SUP-1` (a query string is ignored). */
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
  /** The response's content type; when absent JSON is assumed for non-string bodies. */
  readonly contentType?: string;
}

export interface Violation {
  readonly method: string;
  readonly path: string;
  readonly template: string;
  readonly status: number;
  readonly message: string;
}

export interface ConformanceChecker {
  check(input: ConformanceInput): Violation[];
  /** The documented template a request maps to, if the extract has one for its method. */
  templateFor(method: string, path: string): string | undefined;
}

export const EXTRACT_PATH = path.resolve(__dirname, '../fixtures/jira-openapi-extract.json');
/** Jira Service Management's document, for `/rest/servicedeskapi` (scripts/extract-servicedesk-openapi.ts). */
export const SERVICE_DESK_EXTRACT_PATH = path.resolve(
  __dirname,
  '../fixtures/servicedesk-openapi-extract.json',
);

export function loadExtract(file = EXTRACT_PATH): OpenApiExtract {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiExtract;
}

const ROOT_ID = 'jira-openapi';
const SCHEMA_REF = '#/components/schemas/';

interface OpenApiResponse {
  readonly content?: Readonly<Record<string, { readonly schema?: unknown }>>;
}

export function createConformanceChecker(extract: OpenApiExtract = loadExtract()): ConformanceChecker {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  ajv.addFormat('date-time', isJiraDateTime);
  ajv.addVocabulary(['xml', 'example', 'externalDocs', 'discriminator']);
  for (const format of formatsIn(extract.components.schemas)) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  ajv.addSchema({ $id: ROOT_ID, definitions: rewriteRefs(extract.components.schemas, '#/definitions/') });

  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: unknown): ValidateFunction => {
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(rewriteRefs(schema, `${ROOT_ID}#/definitions/`) as object);
      validators.set(key, validate);
    }
    return validate;
  };

  function templateFor(method: string, requestPath: string): string | undefined {
    const verb = method.toLowerCase();
    const templates = Object.keys(extract.paths).filter((t) => extract.paths[t]?.[verb] !== undefined);
    return matchTemplate(templates, requestPath)?.template;
  }

  function check(input: ConformanceInput): Violation[] {
    const requestPath = stripQuery(input.path);
    const template = templateFor(input.method, requestPath);
    if (template === undefined) return [];
    const violation = (message: string): Violation => ({
      method: input.method.toUpperCase(),
      path: requestPath,
      template,
      status: input.status,
      message,
    });

    const operation = extract.paths[template]?.[input.method.toLowerCase()] as
      { responses?: Record<string, OpenApiResponse> } | undefined;
    const responses = operation?.responses ?? {};
    const statusKey = [String(input.status), `${Math.floor(input.status / 100)}XX`, 'default'].find(
      (key) => responses[key] !== undefined,
    );
    if (statusKey === undefined) {
      // The document lists only some error statuses; an undocumented success is a real difference.
      if (input.status >= 400) return [];
      return [
        violation(
          `status ${input.status} is not documented (documented: ${Object.keys(responses).join(', ')})`,
        ),
      ];
    }

    const content = responses[statusKey]?.content;
    if (content === undefined || Object.keys(content).length === 0) {
      if (input.status < 300 && !isEmpty(input.body))
        return [violation('the document declares no body for this status')];
      return [];
    }

    const mediaType = pickMediaType(Object.keys(content), input.contentType, input.body);
    if (mediaType === undefined) {
      return [
        violation(`content type ${input.contentType} is not documented (${Object.keys(content).join(', ')})`),
      ];
    }
    const schema = content[mediaType]?.schema;
    if (schema === undefined || isOpenSchema(schema)) return [];
    if (isEmpty(input.body)) return [violation(`no body, but the document declares ${describe(schema)}`)];

    let wire: unknown;
    try {
      wire = typeof input.body === 'string' ? JSON.parse(input.body) : JSON.parse(JSON.stringify(input.body));
    } catch {
      return [violation('the body is not valid JSON')];
    }
    const validate = validatorFor(`${input.method} ${template} ${statusKey} ${mediaType}`, schema);
    if (validate(wire)) return [];
    return (validate.errors ?? []).map((error) => violation(formatError(error)));
  }

  return { check, templateFor };
}

/**
 * One checker for everything the local site serves: each answer is checked against the document of its API
 * (the platform's for `/rest/api/3`, the service desk's for `/rest/servicedeskapi`). The two documents keep
 * their schemas apart, since both name some schemas alike.
 */
export function createSiteConformanceChecker(
  extracts: readonly OpenApiExtract[] = [loadExtract(), loadExtract(SERVICE_DESK_EXTRACT_PATH)],
): ConformanceChecker {
  const checkers = extracts.map((extract) => createConformanceChecker(extract));
  const owner = (method: string, requestPath: string) =>
    checkers.find((c) => c.templateFor(method, stripQuery(requestPath)) !== undefined);
  return {
    templateFor: (method, requestPath) => owner(method, requestPath)?.templateFor(method, requestPath),
    check: (input) => owner(input.method, input.path)?.check(input) ?? [],
  };
}

/** A readable one-line form, e.g. `GET /rest/api/3/issue/SUP-1 → 200: /fields must be object`. */
export function formatViolation(v: Violation): string {
  return `${v.method} ${v.path} (${v.template}) → ${v.status}: ${v.message}`;
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'body' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? ` '${String(params.additionalProperty)}'`
      : error.keyword === 'required'
        ? ''
        : error.keyword === 'enum'
          ? ` (${JSON.stringify(params.allowedValues)})`
          : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

function pickMediaType(
  declared: string[],
  contentType: string | undefined,
  body: unknown,
): string | undefined {
  const wanted = contentType?.split(';')[0]?.trim().toLowerCase();
  if (wanted === undefined || wanted === '') {
    if (typeof body === 'string' && !declared.includes('application/json')) return declared[0];
    return declared.includes('application/json') ? 'application/json' : declared[0];
  }
  return declared.find((d) => d.toLowerCase() === wanted);
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

/** `{}` and `{ readOnly: true }`-like schemas accept anything. */
function isOpenSchema(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return true;
  return Object.keys(schema).every((k) => ['readOnly', 'writeOnly', 'deprecated', 'title'].includes(k));
}

function describe(schema: unknown): string {
  const ref = (schema as { $ref?: unknown }).$ref;
  return typeof ref === 'string' ? ref.slice(SCHEMA_REF.length) : 'a body';
}

function rewriteRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_REF)
        ? prefix + v.slice(SCHEMA_REF.length)
        : rewriteRefs(v, prefix),
    ]),
  );
}

function formatsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => formatsIn(v, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'format' && typeof v === 'string') found.add(v);
      else formatsIn(v, found);
    }
  }
  return found;
}

const RFC3339_DATE_TIME = fullFormats['date-time'] as { validate: (value: string) => boolean };

/** RFC 3339 date-time, also with the colon-less offset Jira writes (`2021-01-17T12:34:00.000+0000`). */
function isJiraDateTime(value: string): boolean {
  return RFC3339_DATE_TIME.validate(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

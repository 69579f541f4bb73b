import { createHash } from 'node:crypto';
import type { Router } from '../../http/router';
import { json, type SiteResponse } from '../../http/types';
import { JqlError, type CompiledJql } from '../../jql/types';
import { allFields, selectFields } from '../fields';
import {
  asIdList,
  badRequest,
  boolParam,
  isObject,
  jiraHandler,
  listParam,
  objectBody,
  onlyKnownKeys,
  type JiraRequest,
  type JiraServices,
} from '../http';
import { issueBean, namesOf, schemaOf } from '../issue-view';
import { jqlContext, jqlIssues } from '../jql-view';

/**
 * `search/jql` (GET and POST) and `search/approximate-count`: bounded JQL only, results limited to issues the
 * caller may browse, `fields` defaulting to `id`, paging with opaque `nextPageToken`s, no `total`.
 */
export function searchRoutes(router: Router, svc: JiraServices): void {
  router.get(
    '/rest/api/3/search/jql',
    jiraHandler(svc, (jr) => {
      const q = jr.req.query;
      boolParam(q, 'fieldsByKeys', false);
      boolParam(q, 'failFast', false);
      return search(jr, {
        jql: q.get('jql') ?? '',
        nextPageToken: q.get('nextPageToken') ?? undefined,
        maxResults: q.get('maxResults') ?? undefined,
        fields: listParam(q, 'fields'),
        expand: listParam(q, 'expand'),
        properties: listParam(q, 'properties'),
        reconcileIssues: asIdList(listParam(q, 'reconcileIssues'), 'reconcileIssues'),
      });
    }),
  );

  router.post(
    '/rest/api/3/search/jql',
    jiraHandler(svc, (jr) => {
      const body = objectBody(jr.req);
      onlyKnownKeys(body, [
        'expand',
        'fields',
        'fieldsByKeys',
        'jql',
        'maxResults',
        'nextPageToken',
        'properties',
        'reconcileIssues',
        'failFast',
      ]);
      if (body.jql !== undefined && typeof body.jql !== 'string') throw badRequest("'jql' must be a string.");
      if (
        body.nextPageToken !== undefined &&
        body.nextPageToken !== null &&
        typeof body.nextPageToken !== 'string'
      ) {
        throw badRequest("'nextPageToken' must be a string.");
      }
      if (body.expand !== undefined && typeof body.expand !== 'string')
        throw badRequest("'expand' must be a comma-separated string.");
      return search(jr, {
        jql: (body.jql as string | undefined) ?? '',
        nextPageToken: (body.nextPageToken as string | null | undefined) ?? undefined,
        maxResults: body.maxResults,
        fields: stringList(body.fields, 'fields'),
        expand:
          typeof body.expand === 'string'
            ? body.expand
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        properties: stringList(body.properties, 'properties'),
        reconcileIssues:
          body.reconcileIssues === undefined ? [] : asIdList(body.reconcileIssues, 'reconcileIssues'),
      });
    }),
  );

  router.post(
    '/rest/api/3/search/approximate-count',
    jiraHandler(svc, (jr) => {
      const body = objectBody(jr.req);
      onlyKnownKeys(body, ['jql']);
      if (typeof body.jql !== 'string') throw badRequest("'jql' must be a string.");
      const compiled = compile(jr, body.jql);
      const count = jqlIssues(jr.svc, jr.access).filter((i) => compiled.matches(i)).length;
      return json(200, { count });
    }),
  );
}

interface SearchInput {
  readonly jql: string;
  readonly nextPageToken: string | undefined;
  readonly maxResults: unknown;
  readonly fields: readonly string[];
  readonly expand: readonly string[];
  readonly properties: readonly string[];
  readonly reconcileIssues: readonly string[];
}

const MAX_RESULTS = 5000;
const MAX_PROPERTIES = 5;
const MAX_RECONCILE = 50;

function search(jr: JiraRequest, input: SearchInput): SiteResponse {
  const maxResults = parseMaxResults(input.maxResults);
  if (input.properties.length > MAX_PROPERTIES) {
    throw badRequest(
      `At most ${MAX_PROPERTIES} issue properties can be requested; ${input.properties.length} were.`,
    );
  }
  if (input.reconcileIssues.length > MAX_RECONCILE) {
    throw badRequest(`At most ${MAX_RECONCILE} issue ids can be reconciled.`);
  }
  const compiled = compile(jr, input.jql);
  const tokenScope = scopeOf(input.jql, jr.access.accountId);
  const startAt = input.nextPageToken === undefined ? 0 : decodeToken(input.nextPageToken, tokenScope);

  // The local store is always consistent, so `reconcileIssues` needs no extra work.
  const matches = jqlIssues(jr.svc, jr.access)
    .filter((i) => compiled.matches(i))
    .sort((a, b) => compiled.compare(a, b));
  const pageIssues = matches.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= matches.length;

  const fields = allFields(jr.svc.store);
  const selection = selectFields(fields, input.fields, 'id');
  const expand = new Set(input.expand);
  const idOnly = selection.idOnly && input.properties.length === 0 && expand.size === 0;
  const issues = pageIssues.map((found) => {
    if (idOnly) return { id: found.id };
    const issue = jr.svc.store.getIssue(found.id);
    if (!issue) return { id: found.id };
    return issueBean(jr.base, jr.svc.store, fields, issue, jr.access, {
      fieldIds: selection.ids,
      expand,
      properties: input.properties,
      topLevelNamesAndSchema: true,
    });
  });
  return json(200, {
    issues,
    ...(isLast ? {} : { nextPageToken: encodeToken(startAt + maxResults, tokenScope) }),
    isLast,
    ...(expand.has('names') ? { names: namesOf(fields, selection.ids) } : {}),
    ...(expand.has('schema') ? { schema: schemaOf(fields, selection.ids) } : {}),
  });
}

const UNBOUNDED =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

function compile(jr: JiraRequest, jql: string): CompiledJql {
  if (jql.trim().length === 0) throw badRequest(UNBOUNDED);
  let compiled: CompiledJql;
  try {
    compiled = jr.svc.jql.compile(jql, jqlContext(jr.svc, jr.access));
  } catch (error) {
    if (error instanceof JqlError) throw badRequest(error.messages.join(' '));
    throw error;
  }
  if (!compiled.bounded) throw badRequest(UNBOUNDED);
  return compiled;
}

function parseMaxResults(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 50;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw badRequest(`'maxResults' must be a non-negative integer, not ${JSON.stringify(raw)}.`);
  }
  return Math.min(value, MAX_RESULTS);
}

function stringList(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw badRequest(`'${name}' must be a list of strings.`);
  return value
    .flatMap((v: string) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Tokens are opaque to callers; they carry the offset and a hash of the query and searcher they belong to. */
function scopeOf(jql: string, accountId: string): string {
  return createHash('sha256').update(`${accountId}\n${jql}`).digest('base64url').slice(0, 16);
}

function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

function decodeToken(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (
      isObject(parsed) &&
      parsed.s === scope &&
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0
    ) {
      return parsed.o;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('The nextPageToken is invalid or does not belong to this query.');
}

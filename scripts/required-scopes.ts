/**
 * Which OAuth scopes the app really needs, found from its code: every Jira REST path the backend (`src/`)
 * and the Custom UI (`static/`) name, matched to its operation in the OpenAPI extract, whose
 * `x-atlassian-oauth2-scopes` say what the operation requires; plus the scopes of the platform packages the
 * backend imports. `@forge/lint`'s own scope checker cannot see calls made through the app's `JiraClient`,
 * so this is the check that catches a scope removed from the manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import YAML from 'yaml';

/** One place in the code that calls a Jira endpoint. */
export interface EndpointUse {
  /** `GET`, `POST`…, or `*` when the code does not say (every method of the path is then assumed). */
  readonly method: string;
  /** The path as written, `${…}` parts as `{}` and the query string dropped. */
  readonly path: string;
  /** `src/jira/user-service.ts:52` */
  readonly where: string;
}

export interface ScopeNeed {
  readonly scope: string;
  /** What needs it, in words: `GET /rest/api/3/user/bulk (src/jira/user-service.ts:52)`. */
  readonly neededBy: string;
}

export interface ScopeReport {
  readonly needs: readonly ScopeNeed[];
  /** Scopes the code needs that the manifest lacks, each with what needs it. */
  readonly missing: readonly string[];
  /** Scopes the manifest declares that nothing found needs. */
  readonly unused: readonly string[];
  /** Endpoints the code names that the extract has no operation for. */
  readonly unknown: readonly string[];
}

/** Platform packages that need a scope of their own (forge-platform.md: `@forge/kvs` needs `storage:app`). */
const PACKAGE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  '@forge/kvs': ['storage:app'],
};

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

interface OpenApiExtract {
  readonly paths: Record<string, Record<string, { 'x-atlassian-oauth2-scopes'?: ScopeEntry[] }>>;
}
interface ScopeEntry {
  readonly scheme?: string;
  readonly state?: string;
  readonly scopes?: readonly string[];
}

export function checkScopes(
  appDir: string,
  extract: OpenApiExtract,
  declared: readonly string[] = manifestScopes(appDir),
  extraNeeds: readonly ScopeNeed[] = [],
): ScopeReport {
  const needs: ScopeNeed[] = [...extraNeeds];
  const unknown: string[] = [];
  for (const use of jiraEndpointsUsed(appDir)) {
    const operations = operationsFor(extract, use);
    if (operations.length === 0) {
      unknown.push(`${use.method} ${use.path} (${use.where})`);
      continue;
    }
    for (const { method, template, scopes } of operations)
      for (const scope of scopes) needs.push({ scope, neededBy: `${method} ${template} (${use.where})` });
  }
  for (const [pkg, where] of platformPackagesUsed(appDir))
    for (const scope of PACKAGE_SCOPES[pkg] ?? []) needs.push({ scope, neededBy: `${pkg} (${where})` });

  const have = new Set(declared);
  const missing = [...new Set(needs.filter((n) => !have.has(n.scope)).map((n) => n.scope))].map(
    (scope) =>
      `${scope}, needed by ${needs
        .filter((n) => n.scope === scope)
        .map((n) => n.neededBy)
        .join('; ')}`,
  );
  const needed = new Set(needs.map((n) => n.scope));
  return { needs, missing, unused: declared.filter((s) => !needed.has(s)), unknown };
}

/**
 * What an operation requires: its classic scopes (`state: Current`). Where it has none, its granular ones:
 * Atlassian marks those optional for now and mandatory later (the app-field value endpoint's
 * `write:app-data:jira`), so the manifest declares them already.
 */
export function requiredScopes(entries: readonly ScopeEntry[] | undefined): string[] {
  const oauth = (entries ?? []).filter((e) => e.scheme === 'OAuth2');
  const current = oauth.filter((e) => e.state === 'Current').flatMap((e) => e.scopes ?? []);
  if (current.length > 0) return [...new Set(current)];
  return [...new Set(oauth.filter((e) => e.state !== 'Current').flatMap((e) => e.scopes ?? []))];
}

function operationsFor(
  extract: OpenApiExtract,
  use: EndpointUse,
): Array<{ method: string; template: string; scopes: string[] }> {
  const template = bestTemplate(Object.keys(extract.paths), use.path);
  if (!template) return [];
  const item = extract.paths[template] ?? {};
  const methods = use.method === '*' ? METHODS : [use.method.toLowerCase()];
  return methods
    .filter((m) => item[m] !== undefined)
    .map((m) => ({
      method: m.toUpperCase(),
      template,
      scopes: requiredScopes(item[m]?.['x-atlassian-oauth2-scopes']),
    }));
}

/** The path template a concrete path matches, literal segments preferred over `{parameters}`. */
export function bestTemplate(templates: readonly string[], written: string): string | undefined {
  const segments = written.split('/');
  let best: { template: string; literals: number } | undefined;
  for (const template of templates) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const fits = parts.every((part, i) => {
      const segment = segments[i] as string;
      if (/^\{[^}]+\}$/.test(part)) return true;
      if (segment === part) return ++literals > 0;
      return false;
    });
    if (fits && (!best || literals > best.literals)) best = { template, literals };
  }
  return best?.template;
}

/** Every Jira REST path named in the app's code, with the HTTP method its call gives. */
export function jiraEndpointsUsed(appDir: string): EndpointUse[] {
  const uses: EndpointUse[] = [];
  for (const file of appSourceFiles(appDir)) {
    const source = parse(file);
    const visit = (node: ts.Node): void => {
      const text = literalText(node);
      if (text !== undefined && text.startsWith('/rest/')) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        uses.push({
          method: methodOf(node),
          path: (text.split('?')[0] as string).replace(/\/+$/, ''),
          where: `${path.relative(appDir, file)}:${line + 1}`,
        });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The platform packages the backend imports, each with the first file that does. */
function platformPackagesUsed(appDir: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of appSourceFiles(appDir).filter((f) => f.startsWith(path.join(appDir, 'src')))) {
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const pkg = statement.moduleSpecifier.text;
      if (PACKAGE_SCOPES[pkg] && !used.has(pkg)) used.set(pkg, path.relative(appDir, file));
    }
  }
  return used;
}

/** A string or template literal's text, `${…}` as `{}`; undefined for anything else. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  return undefined;
}

/**
 * The `method` of the call the path is an argument of (`request('app', route`…`, { method: 'PUT' })`,
 * `requestJira('/rest/…', { method: 'POST' })`); `GET` when the call gives none, as fetch does; `*` when
 * the path is not an argument of a call, so nothing about its method can be told.
 */
function methodOf(literal: ts.Node): string {
  let argument: ts.Node = literal;
  if (ts.isTaggedTemplateExpression(literal.parent)) argument = literal.parent;
  const call = argument.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(argument as ts.Expression)) return '*';
  for (const arg of call.arguments) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    for (const property of arg.properties) {
      if (
        ts.isPropertyAssignment(property) &&
        property.name.getText() === 'method' &&
        ts.isStringLiteralLike(property.initializer)
      )
        return property.initializer.text.toUpperCase();
    }
  }
  return 'GET';
}

/** The backend's and the Custom UI's own source files: no tests, test helpers or build output. */
function appSourceFiles(appDir: string): string[] {
  const walk = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory())
            return ['node_modules', 'build', 'testing'].includes(entry.name) ? [] : walk(full);
          return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
        })
      : [];
  return [...walk(path.join(appDir, 'src')), ...walk(path.join(appDir, 'static'))];
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

export function manifestScopes(appDir: string): string[] {
  const manifest = YAML.parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')) as {
    permissions?: { scopes?: string[] | Record<string, unknown> };
  };
  const scopes = manifest.permissions?.scopes ?? [];
  return Array.isArray(scopes) ? scopes : Object.keys(scopes);
}

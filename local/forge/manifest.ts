import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { JqlPropertyIndex } from '../jql/types';

/**
 * The parts of `manifest.yml` the local Forge host reads, typed enough to find functions, modules,
 * resources and storage entities. Unknown keys are kept (modules stay plain objects), so other parts of
 * the site can read module-specific properties such as `title` or `pages`.
 */
export interface ManifestModule {
  readonly key: string;
  readonly function?: string;
  readonly resolver?: { readonly function?: string; readonly endpoint?: string };
  readonly resource?: string;
  readonly [property: string]: unknown;
}

export interface ManifestFunction extends ManifestModule {
  /** `file.export`, resolved against `src/` (e.g. `index.onIssueEvent` → `src/index.ts` export `onIssueEvent`). */
  readonly handler: string;
  readonly timeoutSeconds?: number;
}

export type TriggerEventSpec =
  string | { readonly eventType: string; readonly filter?: TriggerFilter; readonly payload?: TriggerPayload };

/** `payload.include`: what the platform adds to the event it delivers. */
export interface TriggerPayload {
  readonly include?: {
    /** Issue fields, added to `event.issue.fields`. */
    readonly fields?: readonly string[];
    /** Entity property paths such as `issue.properties['key'].path`, added under `payloadIncludeProperties`. */
    readonly propertyPaths?: readonly string[];
  };
}

export interface TriggerFilter {
  readonly ignoreSelf?: boolean;
  readonly expression?: string;
  readonly onError?: string;
  readonly appIsLicensed?: boolean;
}

export interface TriggerModule extends ManifestModule {
  readonly function: string;
  readonly events: readonly TriggerEventSpec[];
  readonly filter?: TriggerFilter;
  readonly payload?: TriggerPayload;
}

export type ScheduledInterval = 'fiveMinute' | 'hour' | 'day' | 'week';

export interface ScheduledTriggerModule extends ManifestModule {
  readonly function: string;
  readonly interval: ScheduledInterval;
}

export interface CustomFieldModule extends ManifestModule {
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly readOnly?: boolean;
  readonly collection?: string;
}

export interface EntityPropertyModule extends ManifestModule {
  readonly propertyKey: string;
  readonly entityType?: 'issue' | 'project' | 'user';
  readonly values: ReadonlyArray<{ path: string; type: JqlPropertyIndex['type']; searchAlias?: string }>;
}

export interface StorageEntity {
  readonly name: string;
  readonly attributes: Readonly<Record<string, { type: 'string' | 'boolean' | 'float' | 'integer' | 'any' }>>;
  readonly indexes?: ReadonlyArray<
    string | { name: string; range: readonly string[]; partition?: readonly string[] }
  >;
}

export type ManifestScopes =
  readonly string[] | Readonly<Record<string, { readonly allowImpersonation?: boolean } | null>>;

export interface LoadedManifest {
  readonly app: {
    /** As written: `ari:cloud:ecosystem::app/<uuid>`. */
    readonly id: string;
    readonly runtime?: { readonly name?: string };
    readonly storage?: { readonly entities?: readonly StorageEntity[] };
    readonly [property: string]: unknown;
  };
  readonly permissions?: {
    readonly scopes?: ManifestScopes;
    readonly external?: Readonly<Record<string, unknown>>;
    readonly [property: string]: unknown;
  };
  readonly modules: {
    readonly function?: readonly ManifestFunction[];
    readonly trigger?: readonly TriggerModule[];
    readonly scheduledTrigger?: readonly ScheduledTriggerModule[];
    readonly 'jira:customField'?: readonly CustomFieldModule[];
    readonly 'jira:entityProperty'?: readonly EntityPropertyModule[];
    readonly [moduleType: string]: readonly ManifestModule[] | undefined;
  };
  readonly resources?: ReadonlyArray<{ readonly key: string; readonly path: string }>;
}

/** Where a function is used: the module that names it, for the runtime's appContext. */
export interface FunctionUse {
  readonly moduleType: string;
  readonly moduleKey: string;
}

export class ManifestError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ManifestError';
  }
}

const SCHEDULED_INTERVALS: readonly string[] = ['fiveMinute', 'hour', 'day', 'week'];

export function loadManifest(appDir: string): LoadedManifest {
  const file = path.join(appDir, 'manifest.yml');
  let parsed: unknown;
  try {
    parsed = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ManifestError(file, [`cannot be read or parsed: ${(error as Error).message}`]);
  }
  const problems = checkManifest(parsed);
  if (problems.length > 0) throw new ManifestError(file, problems);
  return parsed as LoadedManifest;
}

/** Structural checks the host relies on; full schema validation is `@forge/manifest`'s job. */
function checkManifest(parsed: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(parsed)) return ['is not a YAML mapping'];
  const app = parsed.app;
  if (!isObject(app) || typeof app.id !== 'string' || !/^ari:cloud:ecosystem::app\/[\w-]+$/.test(app.id)) {
    problems.push('app.id must look like ari:cloud:ecosystem::app/<uuid>');
  }
  const modules = parsed.modules;
  if (!isObject(modules)) return [...problems, 'modules is missing'];
  const shapeProblems: string[] = [];
  for (const [type, list] of Object.entries(modules)) {
    if (!Array.isArray(list)) {
      shapeProblems.push(`modules.${type} must be a list`);
      continue;
    }
    for (const [i, module] of list.entries()) {
      if (!isObject(module) || typeof module.key !== 'string')
        shapeProblems.push(`modules.${type}[${i}] needs a key`);
    }
  }
  // The checks below walk the modules, so they need the shape to be right.
  if (shapeProblems.length > 0) return [...problems, ...shapeProblems];
  const functionKeys = new Set<string>();
  for (const fn of (modules.function ?? []) as Array<Record<string, unknown>>) {
    if (typeof fn.handler !== 'string' || !/^[^.]+(\.[^.]+)*\.[A-Za-z_$][\w$]*$/.test(fn.handler)) {
      problems.push(`function ${String(fn.key)} needs a handler like index.myHandler`);
    }
    functionKeys.add(fn.key as string);
  }
  for (const [type, list] of Object.entries(modules)) {
    for (const module of list as Array<Record<string, unknown>>) {
      const named = [module.function, isObject(module.resolver) ? module.resolver.function : undefined];
      for (const fnKey of named) {
        if (typeof fnKey === 'string' && type !== 'function' && !functionKeys.has(fnKey)) {
          problems.push(
            `${type} ${String(module.key)} names function ${fnKey}, which modules.function does not declare`,
          );
        }
      }
    }
  }
  for (const trigger of (modules.trigger ?? []) as Array<Record<string, unknown>>) {
    if (!Array.isArray(trigger.events) || trigger.events.length === 0) {
      problems.push(`trigger ${String(trigger.key)} needs a list of events`);
    }
  }
  for (const scheduled of (modules.scheduledTrigger ?? []) as Array<Record<string, unknown>>) {
    if (!SCHEDULED_INTERVALS.includes(scheduled.interval as string)) {
      problems.push(
        `scheduledTrigger ${String(scheduled.key)} interval must be one of ${SCHEDULED_INTERVALS.join(', ')}`,
      );
    }
  }
  return problems;
}

/** The uuid part of `app.id`. */
export function appIdOf(manifest: LoadedManifest): string {
  return manifest.app.id.slice(manifest.app.id.lastIndexOf('/') + 1);
}

/** The modules that invoke each function (a function may serve several modules). */
export function functionUses(manifest: LoadedManifest): Map<string, FunctionUse[]> {
  const uses = new Map<string, FunctionUse[]>();
  for (const [moduleType, list] of Object.entries(manifest.modules)) {
    if (moduleType === 'function' || !list) continue;
    for (const module of list) {
      for (const fnKey of [module.function, module.resolver?.function]) {
        if (typeof fnKey !== 'string') continue;
        const entry = uses.get(fnKey) ?? [];
        entry.push({ moduleType, moduleKey: module.key });
        uses.set(fnKey, entry);
      }
    }
  }
  return uses;
}

/** Finds a module by key across all module types. */
export function findModule(
  manifest: LoadedManifest,
  moduleKey: string,
): { moduleType: string; module: ManifestModule } | undefined {
  for (const [moduleType, list] of Object.entries(manifest.modules)) {
    if (moduleType === 'function' || !list) continue;
    const module = list.find((m) => m.key === moduleKey);
    if (module) return { moduleType, module };
  }
  return undefined;
}

/** Splits `dir/file.export` into the source file (relative to `src/`, no extension) and the export name. */
export function parseHandler(handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/** The source files (relative to `src/`, no extension) that the manifest's function handlers name. */
export function handlerFilesOf(manifest: LoadedManifest): string[] {
  return [...new Set((manifest.modules.function ?? []).map((f) => parseHandler(f.handler).file))];
}

/** Whether any scope is declared with `allowImpersonation: true` (needed for `asUser(accountId)` offline). */
export function allowsImpersonation(manifest: LoadedManifest): boolean {
  const scopes = manifest.permissions?.scopes;
  if (!scopes || Array.isArray(scopes)) return false;
  return Object.values(scopes as Record<string, { allowImpersonation?: boolean } | null>).some(
    (options) => options?.allowImpersonation === true,
  );
}

/** Scopes as a flat list, for `appContext.permissions`. */
export function scopeList(manifest: LoadedManifest): string[] {
  const scopes = manifest.permissions?.scopes;
  if (!scopes) return [];
  return Array.isArray(scopes) ? [...(scopes as string[])] : Object.keys(scopes);
}

/** A Forge custom field in the shape the local Jira registers it. */
export interface AppFieldDefinition {
  readonly appId: string;
  readonly moduleKey: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly readOnly: boolean;
  /** `<appId>__DEVELOPMENT__<moduleKey>`, the key Jira gives Forge fields in the development environment. */
  readonly fieldKey: string;
  /** Set by the host: the environment the field was deployed from. */
  readonly environmentId?: string;
}

export function appFieldsOf(manifest: LoadedManifest): AppFieldDefinition[] {
  const appId = appIdOf(manifest);
  return (manifest.modules['jira:customField'] ?? []).map((field) => ({
    appId,
    moduleKey: field.key,
    name: field.name,
    description: field.description,
    type: field.type,
    readOnly: field.readOnly === true,
    fieldKey: `${appId}__DEVELOPMENT__${field.key}`,
  }));
}

/** Issue property values that `jira:entityProperty` modules ask Jira to index for JQL. */
export function propertyIndexesOf(manifest: LoadedManifest): JqlPropertyIndex[] {
  const indexes: JqlPropertyIndex[] = [];
  for (const module of manifest.modules['jira:entityProperty'] ?? []) {
    if ((module.entityType ?? 'issue') !== 'issue') continue;
    for (const value of module.values ?? []) {
      indexes.push({
        propertyKey: module.propertyKey,
        path: value.path,
        type: value.type,
        ...(value.searchAlias ? { searchAlias: value.searchAlias } : {}),
      });
    }
  }
  return indexes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

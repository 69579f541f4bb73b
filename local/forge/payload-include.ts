import type { TriggerPayload } from './manifest';

/**
 * `payload.include` on a trigger (or on one of its events): what the platform adds to the event it
 * delivers, read from Jira when the event is emitted.
 *
 * - `fields`: the named issue fields join `event.issue.fields`, as `GET /rest/api/3/issue/{id}?fields=`
 *   renders them (a Jira event carries only summary, issuetype, creator, created, project, reporter,
 *   assignee, updated and status). The events reference does not spell this out; the manifest schema says
 *   "List of fields to include in the event payload", and `issue.fields` is where a Jira event has them.
 * - `propertyPaths`: entity property values (events reference, "Filtering by entity properties", a Forge
 *   preview) go under `event.payloadIncludeProperties`, keyed by the path as written, for the Jira events
 *   that support it. A path names `issue`, `project` or `user` (the one who caused the event), a property
 *   key in brackets and a sub-path (`.a.b`, `['a']['b']` or `['a.b']`). A value that is not a primitive or
 *   a list of primitives is `null`; a property or sub-path that does not exist is left out.
 */
export type PropertyEntity = 'issue' | 'project' | 'user';

export interface EventEnrichment {
  /** The named fields of an issue as the REST API renders them; fields Jira does not know are left out. */
  readonly eventFields?: (issueId: string, fieldIds: readonly string[]) => Record<string, unknown>;
  /** An entity property's value, or undefined when the entity has no such property. */
  readonly entityProperty?: (entity: PropertyEntity, entityId: string, propertyKey: string) => unknown;
}

/** Jira events whose payload can carry entity property values (events reference, "Supported events"). */
const PROPERTY_EVENTS = new Set([
  'avi:jira:created:issue',
  'avi:jira:updated:issue',
  'avi:jira:deleted:issue',
  'avi:jira:commented:issue',
  'avi:jira:deleted:comment',
  'avi:jira:created:worklog',
  'avi:jira:updated:worklog',
  'avi:jira:deleted:worklog',
  'avi:jira:created:issuelink',
  'avi:jira:deleted:issuelink',
  'avi:jira:created:attachment',
  'avi:jira:deleted:attachment',
  'avi:jira:assigned:issue',
]);

export interface Included {
  readonly payload: unknown;
  /** What could not be honoured, for a warning (empty when everything was). */
  readonly problems: readonly string[];
}

/** Adds what `include` asks for to a delivery's own copy of the payload (mutates and returns it). */
export function includeInPayload(
  payload: unknown,
  eventType: string,
  include: TriggerPayload['include'],
  enrichment: EventEnrichment,
): Included {
  const problems: string[] = [];
  if (!include || !isObject(payload)) return { payload, problems };
  const issue = isObject(payload.issue) ? payload.issue : undefined;
  const issueId = typeof issue?.id === 'string' || typeof issue?.id === 'number' ? String(issue.id) : '';

  const fieldIds = include.fields ?? [];
  if (fieldIds.length > 0 && issue && issueId) {
    if (!enrichment.eventFields) {
      problems.push('payload.include.fields is not honoured: the site cannot read issue fields for events');
    } else {
      const values = enrichment.eventFields(issueId, fieldIds);
      const fields = isObject(issue.fields) ? issue.fields : {};
      for (const id of fieldIds) if (id in values) fields[id] = values[id];
      issue.fields = fields;
    }
  }

  const paths = include.propertyPaths ?? [];
  if (paths.length > 0 && PROPERTY_EVENTS.has(eventType)) {
    if (!enrichment.entityProperty) {
      problems.push(
        'payload.include.propertyPaths is not honoured: the site cannot read entity properties for events',
      );
    } else {
      const ids: Record<PropertyEntity, string | undefined> = {
        issue: issueId || undefined,
        project: projectIdOf(issue),
        user: typeof payload.atlassianId === 'string' ? payload.atlassianId : undefined,
      };
      const included: Record<string, unknown> = {};
      for (const path of paths) {
        const parsed = parsePropertyPath(path);
        if (!parsed) {
          problems.push(`payload.include.propertyPaths: "${path}" is not an entity property path`);
          continue;
        }
        const entityId = ids[parsed.entity];
        if (!entityId) continue;
        const resolved = resolve(
          enrichment.entityProperty(parsed.entity, entityId, parsed.key),
          parsed.subPath,
        );
        if (resolved.found) included[path] = resolved.value;
      }
      payload.payloadIncludeProperties = included;
    }
  }
  return { payload, problems };
}

export interface PropertyPath {
  readonly entity: PropertyEntity;
  readonly key: string;
  readonly subPath: readonly string[];
}

/** `issue.properties['key'].a['b.c']` → issue, key, [a, b, c]; undefined when it is not such a path. */
export function parsePropertyPath(path: string): PropertyPath | undefined {
  const head = /^(issue|project|user)\.properties\[(?:'([^']*)'|"([^"]*)")\]/.exec(path);
  if (!head) return undefined;
  const key = head[2] ?? head[3] ?? '';
  if (key === '') return undefined;
  const subPath: string[] = [];
  let rest = path.slice(head[0].length);
  while (rest.length > 0) {
    const step = /^(?:\.([A-Za-z_$][\w$-]*)|\[(?:'([^']*)'|"([^"]*)")\])/.exec(rest);
    if (!step) return undefined;
    const name = step[1] ?? step[2] ?? step[3] ?? '';
    // Bracket notation may hold a dotted sub-path: ['x.y.z'] is .x.y.z.
    subPath.push(...(step[1] !== undefined ? [name] : name.split('.')));
    rest = rest.slice(step[0].length);
  }
  if (subPath.some((s) => s === '')) return undefined;
  return { entity: head[1] as PropertyEntity, key, subPath };
}

function resolve(value: unknown, subPath: readonly string[]): { found: boolean; value?: unknown } {
  let current = value;
  if (current === undefined) return { found: false };
  for (const name of subPath) {
    if (!isObject(current) || !(name in current)) return { found: false };
    current = current[name];
  }
  // Only primitives and lists of primitives are delivered; anything nested resolves to null.
  if (isPrimitive(current)) return { found: true, value: current };
  if (Array.isArray(current) && current.every(isPrimitive)) return { found: true, value: current };
  return { found: true, value: null };
}

function projectIdOf(issue: Record<string, unknown> | undefined): string | undefined {
  const fields = isObject(issue?.fields) ? issue.fields : undefined;
  const project = isObject(fields?.project) ? fields.project : undefined;
  return typeof project?.id === 'string' ? project.id : undefined;
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

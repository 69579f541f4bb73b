import type { SiteClock } from '../clock';
import type { ProductEvent, ProductEventBus } from '../events';
import { jiraError } from '../http/router';
import type { Handler, SiteRequest, SiteResponse } from '../http/types';
import type { JqlEngine, JqlPropertyIndex } from '../jql/types';
import { Access } from './access';
import type { JiraStore } from './store';

/** Everything a handler needs besides the request. */
export interface JiraServices {
  readonly store: JiraStore;
  readonly clock: SiteClock;
  readonly events: ProductEventBus;
  readonly jql: JqlEngine;
  readonly baseUrl: () => string;
  readonly propertyIndexes: JqlPropertyIndex[];
  /** Display names of installed apps, for their app users. */
  readonly appNames: Map<string, string>;
}

/** A handler's view of one request: the caller's permissions, and events to send once the change is committed. */
export interface JiraRequest {
  readonly req: SiteRequest;
  readonly access: Access;
  readonly svc: JiraServices;
  readonly base: string;
  /** Queues a product event; sent only if the handler finishes without error. */
  emit(event: ProductEvent): void;
}

/** Thrown by handlers for any answer in Jira's error shape; the wrapper turns it into the response. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly messages: readonly string[],
    readonly errors: Readonly<Record<string, string>> = {},
  ) {
    super(messages.join(' ') || Object.values(errors).join(' '));
  }
}

export function badRequest(message: string): JiraHttpError {
  return new JiraHttpError(400, [message]);
}

/** A 400 naming the fields that are wrong: `{ errorMessages: [], errors: { field: message } }`. */
export function fieldErrors(errors: Record<string, string>): JiraHttpError {
  return new JiraHttpError(400, [], errors);
}

export function forbidden(message: string): JiraHttpError {
  return new JiraHttpError(403, [message]);
}

export function notFound(message: string): JiraHttpError {
  return new JiraHttpError(404, [message]);
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

/** Wraps a handler: 401 for anonymous callers, Jira-shaped errors, events after success only. */
export function jiraHandler(svc: JiraServices, fn: (jr: JiraRequest) => SiteResponse): Handler {
  return (req) => {
    const access = Access.of(svc.store, req.principal, (appId) => svc.appNames.get(appId));
    if (!access) return jiraError(401, 'Client must be authenticated to access this resource.');
    const outbox: ProductEvent[] = [];
    try {
      const response = fn({ req, access, svc, base: svc.baseUrl(), emit: (e) => outbox.push(e) });
      for (const event of outbox) svc.events.emit(event);
      return response;
    } catch (error) {
      if (error instanceof JiraHttpError)
        return jiraError(error.status, [...error.messages], { ...error.errors });
      throw error;
    }
  };
}

// ---- query parameters ----

/** Every value of a repeatable, comma-separated parameter (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function intParam(query: URLSearchParams, name: string, fallback: number, min = 0): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim()))
    throw badRequest(`The '${name}' parameter must be an integer, not '${raw}'.`);
  const value = Number(raw);
  if (value < min) throw badRequest(`The '${name}' parameter must be at least ${min}.`);
  return value;
}

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest(`The '${name}' parameter must be true or false, not '${raw}'.`);
}

// ---- bodies ----

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body as an object, or a 400. */
export function objectBody(req: SiteRequest): Record<string, unknown> {
  if (!isObject(req.body)) throw badRequest(INVALID_PAYLOAD);
  return req.body;
}

/** Rejects properties a schema with `additionalProperties: false` does not know, as Jira's JSON reader does. */
export function onlyKnownKeys(body: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw badRequest(`Unrecognized field "${unknown[0]}". ${INVALID_PAYLOAD}`);
}

/** Numeric ids sent as numbers or digit strings (Jira's JSON reader accepts both). */
export function asIdList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw fieldErrors({ [field]: `${field} must be a list of ids.` });
  return value.map((v) => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
    if (typeof v === 'string' && /^\d+$/.test(v)) return v;
    throw fieldErrors({ [field]: `'${String(v)}' is not a valid id in ${field}.` });
  });
}

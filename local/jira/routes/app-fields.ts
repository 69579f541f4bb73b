import type { Router } from '../../http/router';
import { json, type SiteResponse } from '../../http/types';
import { appFieldChange, parseAppFieldValue, sameValue } from '../app-field-values';
import { updatedEvent } from '../events';
import {
  asIdList,
  badRequest,
  boolParam,
  forbidden,
  isObject,
  jiraHandler,
  notFound,
  objectBody,
  onlyKnownKeys,
  type JiraRequest,
  type JiraServices,
} from '../http';
import type { AppFieldRecord, ChangeItem, ChangelogRecord, IssueRecord } from '../store';
import { eventSource } from './issue-helpers';

/**
 * Forge app field values (`PUT /app/field/{fieldIdOrKey}/value`, `POST /app/field/value`). Only the app
 * that owns a field may write it, as itself or for a person (`asApp()` or `asUser()`); people cannot.
 *
 * Events: an app field update is an issue update, so Jira sends `avi:jira:updated:issue` for it unless the
 * app passes `generateAppEvents=false` (documented on these endpoints: suppressing events means "issue
 * updated" events are not emitted). `generateChangelog` (default true) decides whether a changelog entry is
 * written and carried in the event; with `generateChangelog=false` the event carries no changelog.
 */
export function appFieldRoutes(router: Router, svc: JiraServices): void {
  router.put(
    '/rest/api/3/app/field/:fieldIdOrKey/value',
    jiraHandler(svc, (jr) => {
      const field = ownedField(jr, jr.req.params.fieldIdOrKey ?? '');
      const body = objectBody(jr.req);
      onlyKnownKeys(body, ['updates']);
      const updates = updateList(body.updates).map((u, i) => {
        onlyKnownKeys(u, ['issueIds', 'value']);
        if (!('value' in u)) throw badRequest(`updates[${i}] needs a value (null clears the field).`);
        return { field, issueIds: asIdList(u.issueIds, `updates[${i}].issueIds`), value: u.value, index: i };
      });
      return writeValues(jr, updates);
    }),
  );

  router.post(
    '/rest/api/3/app/field/value',
    jiraHandler(svc, (jr) => {
      const body = objectBody(jr.req);
      onlyKnownKeys(body, ['updates']);
      const raw = updateList(body.updates);
      const updates = raw.map((u, i) => {
        onlyKnownKeys(u, ['customField', 'issueIds', 'value']);
        if (typeof u.customField !== 'string')
          throw badRequest(`updates[${i}].customField must be a field id or key.`);
        if (!('value' in u)) throw badRequest(`updates[${i}] needs a value (null clears the field).`);
        return {
          field: ownedField(jr, u.customField),
          issueIds: asIdList(u.issueIds, `updates[${i}].issueIds`),
          value: u.value,
          index: i,
        };
      });
      const seen = new Set<string>();
      for (const u of updates) {
        for (const id of u.issueIds) {
          const combo = `${u.field.id}/${id}`;
          if (seen.has(combo))
            throw badRequest(`The field ${u.field.id} is updated more than once for issue ${id}.`);
          seen.add(combo);
        }
      }
      return writeValues(jr, updates);
    }),
  );
}

function updateList(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest("'updates' must be a non-empty list.");
  return value.map((u, i) => {
    if (!isObject(u)) throw badRequest(`updates[${i}] must be an object.`);
    return u;
  });
}

/** The field, if the calling app owns it: 404 for an unknown field, 403 for anyone else. */
function ownedField(jr: JiraRequest, idOrKey: string): AppFieldRecord {
  const field = jr.svc.store.getAppField(idOrKey);
  if (!field) throw notFound(`The custom field ${idOrKey} was not found.`);
  const principal = jr.req.principal;
  const appId = principal.kind === 'app' || principal.kind === 'app-user' ? principal.appId : undefined;
  if (appId !== field.appId)
    throw forbidden('Only the app that provided the custom field can update its values.');
  return field;
}

interface FieldUpdate {
  readonly field: AppFieldRecord;
  readonly issueIds: readonly string[];
  readonly value: unknown;
  readonly index: number;
}

function writeValues(jr: JiraRequest, updates: readonly FieldUpdate[]): SiteResponse {
  const { store, clock } = jr.svc;
  const q = jr.req.query;
  const generateChangelog = boolParam(q, 'generateChangelog', true);
  const generateEvents = boolParam(q, 'generateAppEvents', true);

  // Check everything first, so a bad entry changes nothing.
  const writes: Array<{ issue: IssueRecord; field: AppFieldRecord; to: unknown }> = [];
  for (const u of updates) {
    const value = parseAppFieldValue(store, u.field, u.value, `updates[${u.index}].value`);
    for (const id of u.issueIds) {
      const issue = store.getIssue(id);
      if (!issue || !jr.access.canBrowseIssue(issue))
        throw badRequest(`Issue with id ${id} does not exist or you do not have permission to see it.`);
      writes.push({ issue, field: u.field, to: value });
    }
  }

  const now = clock.iso();
  const changed = store.transaction(() => {
    const byIssue = new Map<string, { issue: IssueRecord; items: ChangeItem[] }>();
    for (const w of writes) {
      const from = store.getAppFieldValue(w.field.id, w.issue.id);
      if (sameValue(from, w.to)) continue;
      store.setAppFieldValue(w.field.id, w.issue.id, w.to);
      const entry = byIssue.get(w.issue.id) ?? { issue: w.issue, items: [] };
      entry.items.push(appFieldChange(store, w.field, from, w.to));
      byIssue.set(w.issue.id, entry);
    }
    const result: Array<{ issue: IssueRecord; changelog?: ChangelogRecord }> = [];
    for (const { issue, items } of byIssue.values()) {
      store.touchIssue(issue.id, now);
      const changelog = generateChangelog
        ? store.addChangelog(issue.id, jr.access.accountId, now, items)
        : undefined;
      result.push({ issue: { ...issue, updated: now }, ...(changelog ? { changelog } : {}) });
    }
    return result;
  });
  if (generateEvents) for (const c of changed) jr.emit(updatedEvent(eventSource(jr), c.issue, c.changelog));
  return json(204);
}

import { isObject, ISSUE_NOT_FOUND, fieldErrors, notFound, type JiraRequest } from '../http';
import type { EventSource } from '../events';
import type { IssueRecord, JiraStore, ProjectRecord } from '../store';

/** The issue named in the path, if the caller may browse it; otherwise Jira's 404. */
export function browsableIssue(jr: JiraRequest, idOrKey: string | undefined): IssueRecord {
  const issue = idOrKey ? jr.svc.store.getIssue(idOrKey) : undefined;
  if (!issue || !jr.access.canBrowseIssue(issue)) throw notFound(ISSUE_NOT_FOUND);
  return issue;
}

export function projectOf(store: JiraStore, issue: IssueRecord): ProjectRecord {
  return store.getProject(issue.projectId) as ProjectRecord;
}

export function eventSource(jr: JiraRequest): EventSource {
  return {
    base: jr.base,
    store: jr.svc.store,
    principal: jr.req.principal,
    actorAccountId: jr.access.accountId,
  };
}

export const MAX_PROPERTY_KEY = 255;
export const MAX_PROPERTY_VALUE = 32_768;

/** Checks an entity property key and value the way Jira does (key ≤ 255 chars, JSON value ≤ 32,768 chars). */
export function checkProperty(key: unknown, value: unknown, where: string): string {
  if (typeof key !== 'string' || key.length === 0)
    throw fieldErrors({ [where]: 'The property key cannot be empty.' });
  if (key.length > MAX_PROPERTY_KEY) {
    throw fieldErrors({
      [where]: `The property key is too long. The maximum allowed length is ${MAX_PROPERTY_KEY} characters.`,
    });
  }
  if (value === undefined) throw fieldErrors({ [where]: 'The property value cannot be empty.' });
  const text = JSON.stringify(value);
  if (text.length > MAX_PROPERTY_VALUE) {
    throw fieldErrors({
      [where]: `The property value is too long. The maximum allowed length is ${MAX_PROPERTY_VALUE} characters.`,
    });
  }
  return key;
}

/** `properties: [{ key, value }]` in an issue or comment body. */
export function propertyList(value: unknown, where = 'properties'): Array<{ key: string; value: unknown }> {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw fieldErrors({ [where]: `'${where}' must be a list of {"key", "value"} objects.` });
  return value.map((entry) => {
    if (!isObject(entry))
      throw fieldErrors({ [where]: `Each entry of '${where}' must be a {"key", "value"} object.` });
    return { key: checkProperty(entry.key, entry.value, where), value: entry.value };
  });
}

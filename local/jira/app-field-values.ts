import type { FieldValue } from '../jql/types';
import type { Access } from './access';
import { fieldErrors } from './http';
import { userDetailsJson } from './render';
import type { AppFieldRecord, ChangeItem, JiraStore } from './store';
import { jiraTime, parseTimestamp } from './time';

/**
 * Values of Forge app fields. What the app sends to `/app/field/value` (reference/forge-platform.md §5):
 * string, number, date `YYYY-MM-DD`, ISO datetime, user `{ accountId }`, group `{ groupId }` or `{ name }`,
 * any JSON object for `object` fields, and `null` to clear. Stored in that form, rendered in issues the way
 * Jira renders the field type (a user field as a user), and flattened for JQL.
 */

const MAX_STRING = 255;
const MAX_OBJECT_JSON = 32_768;

/** Checks a value for a field and returns the form to store (null clears). Throws a 400 naming `errorKey`. */
export function parseAppFieldValue(
  store: JiraStore,
  field: AppFieldRecord,
  value: unknown,
  errorKey: string,
): unknown {
  if (value === null) return null;
  const fail = (message: string) => fieldErrors({ [errorKey]: message });
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') throw fail(`The value of ${field.name} must be a string.`);
      if (value.length > MAX_STRING)
        throw fail(`The value of ${field.name} must be at most ${MAX_STRING} characters.`);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw fail(`The value of ${field.name} must be a number.`);
      return value;
    case 'date':
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
        Number.isNaN(Date.parse(value))
      ) {
        throw fail(`The value of ${field.name} must be a date in the form yyyy-MM-dd.`);
      }
      return value;
    case 'datetime': {
      const parsed = typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (!parsed) throw fail(`The value of ${field.name} must be an ISO 8601 date-time.`);
      return parsed;
    }
    case 'user': {
      const accountId =
        typeof value === 'object' && value !== null
          ? (value as { accountId?: unknown }).accountId
          : undefined;
      if (typeof accountId !== 'string')
        throw fail(`The value of ${field.name} must be an object with an accountId.`);
      const user = store.getUser(accountId);
      if (!user || !user.active) throw fail(`The user with account ID '${accountId}' does not exist.`);
      return { accountId };
    }
    case 'group': {
      const ref =
        typeof value === 'object' && value !== null ? (value as { groupId?: unknown; name?: unknown }) : {};
      const group =
        typeof ref.groupId === 'string'
          ? store.getGroup({ groupId: ref.groupId })
          : typeof ref.name === 'string'
            ? store.getGroup({ name: ref.name })
            : undefined;
      if (!group) throw fail(`The value of ${field.name} must name an existing group by groupId or name.`);
      return { groupId: group.groupId, name: group.name };
    }
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value))
        throw fail(`The value of ${field.name} must be a JSON object.`);
      if (JSON.stringify(value).length > MAX_OBJECT_JSON)
        throw fail(`The value of ${field.name} is too large.`);
      return value;
  }
}

/** The field's value inside an issue's `fields`. */
export function renderAppFieldValue(
  base: string,
  store: JiraStore,
  field: AppFieldRecord,
  stored: unknown,
  viewer: Access,
): unknown {
  if (stored === null || stored === undefined) return null;
  switch (field.type) {
    case 'user': {
      const user = store.getUser((stored as { accountId: string }).accountId);
      return user ? userDetailsJson(base, user, viewer) : null;
    }
    case 'group': {
      const group = stored as { groupId: string; name: string };
      return {
        groupId: group.groupId,
        name: group.name,
        self: `${base}/rest/api/3/group?groupId=${group.groupId}`,
      };
    }
    case 'datetime':
      return jiraTime(stored as string);
    default:
      return stored;
  }
}

/** The value JQL compares: an account id for users, a group name for groups, the value otherwise. */
export function jqlAppFieldValue(field: AppFieldRecord, stored: unknown): FieldValue {
  if (stored === null || stored === undefined) return null;
  switch (field.type) {
    case 'user':
      return (stored as { accountId: string }).accountId;
    case 'group':
      return (stored as { name: string }).name;
    default:
      return stored as FieldValue;
  }
}

/** A changelog item for a changed app field value. */
export function appFieldChange(
  store: JiraStore,
  field: AppFieldRecord,
  from: unknown,
  to: unknown,
): ChangeItem {
  return {
    field: field.name,
    fieldtype: 'custom',
    fieldId: field.id,
    from: rawOf(field, from),
    fromString: textOf(store, field, from),
    to: rawOf(field, to),
    toString: textOf(store, field, to),
  };
}

function rawOf(field: AppFieldRecord, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'user') return (value as { accountId: string }).accountId;
  if (field.type === 'group') return (value as { groupId: string }).groupId;
  return null;
}

function textOf(store: JiraStore, field: AppFieldRecord, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'user')
    return store.getUser((value as { accountId: string }).accountId)?.displayName ?? null;
  if (field.type === 'group') return (value as { name: string }).name;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

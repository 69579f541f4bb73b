/**
 * Jira prints timestamps as `2026-11-23T14:11:04.000+0000`; the database keeps ISO 8601 with `Z`
 * (what `SiteClock.iso()` gives), so sorting stored text sorts by time.
 */
export function jiraTime(iso: string): string;
export function jiraTime(iso: string | null): string | null;
export function jiraTime(iso: string | null): string | null {
  if (iso === null) return null;
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** Parses a timestamp a caller sent (ISO 8601 with `Z`, an offset like `+0000`, or a date) to stored form. */
export function parseTimestamp(text: string): string | undefined {
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

import type { JiraStore } from '../store';

/**
 * Jira Service Management marks an internal note with the comment property `sd.public.comment`
 * (`{"internal": true}`); `/rest/api/3` shows it as `jsdPublic: false`. Comments made without it are public,
 * whatever their role or group visibility.
 */
export const SD_PUBLIC_COMMENT = 'sd.public.comment';

export function isInternalNote(store: JiraStore, commentId: string): boolean {
  const property = store.commentProperties(commentId).find((p) => p.key === SD_PUBLIC_COMMENT);
  const value = property?.value as { internal?: unknown } | undefined;
  return value?.internal === true;
}

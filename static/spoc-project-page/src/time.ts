import { formatDate, formatMoment, viewerOf, type Viewer } from '../../shared/time';
import { messages } from './messages';

/**
 * Every time the project page shows, through static/shared/time.ts: in the signed-in person's locale and
 * zone, which the page learns from the Forge context once, when it loads.
 */
let viewer: Viewer = viewerOf(undefined);

export function setViewer(context: { readonly locale?: unknown; readonly timezone?: unknown }): void {
  viewer = viewerOf(context);
}

/** "8 Dec 2026, 09:00", or a dash for no time. */
export const when = (iso: string | null): string => (iso ? formatMoment(iso, viewer) : messages.noDue);

/** "8 Dec 2026". */
export const dayOf = (iso: string): string => formatDate(iso, viewer);

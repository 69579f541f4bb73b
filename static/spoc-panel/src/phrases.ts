import {
  formatClock,
  formatDate,
  formatDayAndTime,
  formatRelative,
  type Moment,
  type Viewer,
} from '../../shared/time';
import type { CallerRole, SpocAvailability } from '../../../src/contract/issue-panel';

/**
 * The panel's sentences made from the facts the resolver sends: who the caller is for this issue, where a
 * SPOC is and how loaded, and when a response is due, each time in the viewer's locale and zone and worked
 * out against `now`, when the panel is looked at (static/shared/time.ts writes every time).
 */

/** "17:00" today, else "tomorrow 09:00" or "Wed 25 Nov, 05:00": the viewer's day decides. */
export function untilWords(at: Moment, viewer: Viewer, now: Date): string {
  const today = formatDate(at, viewer) === formatDate(now, viewer);
  return today ? formatClock(at, viewer) : formatDayAndTime(at, viewer, now);
}

/** "today 13:30 (in 4 hours)": a due time with how far off it is. */
export const dueWords = (at: Moment, viewer: Viewer, now: Date): string =>
  `${formatDayAndTime(at, viewer, now)} (${formatRelative(at, viewer, now)})`;

/** "09:30 local time (Europe/London)"; the zone is named only when it is not the viewer's. */
export function localTimeWords(zone: string, viewer: Viewer, now: Date): string {
  const time = formatClock(now, viewer, zone);
  return zone === viewer.timeZone ? `${time} local time (your time zone)` : `${time} local time (${zone})`;
}

/** "2 of 8 open client issues". */
export const loadWords = (a: Pick<SpocAvailability, 'openClientIssues' | 'capacity'>): string =>
  a.capacity === null
    ? `${a.openClientIssues} open client issues (no limit set)`
    : `${a.openClientIssues} of ${a.capacity} open client issues`;

/** A whole sentence about a SPOC now: "Priya Shah is working until 17:00 with 2 of 8 open client issues." */
export function availabilitySentence(name: string, a: SpocAvailability, viewer: Viewer, now: Date): string {
  switch (a.status) {
    case 'available':
      return a.until
        ? `${name} is working until ${untilWords(a.until, viewer, now)} with ${loadWords(a)}.`
        : `${name} is working with ${loadWords(a)}.`;
    case 'off-shift':
      return a.until
        ? `${name} is off shift until ${untilWords(a.until, viewer, now)} (${formatRelative(a.until, viewer, now)}), with ${loadWords(a)}.`
        : `${name} is off shift and has no working hours set.`;
    case 'away': {
      const back = a.until ? ` until ${untilWords(a.until, viewer, now)}` : '';
      const cover = a.delegate ? `${a.delegate.displayName} covers for them` : 'nobody covers for them';
      return `${name} is out of office${back}; ${cover}.`;
    }
    case 'at-capacity':
      return `${name} has ${loadWords(a)}: full.`;
  }
}

/** The short form for a list: "away until Wed 25 Nov, 05:00", "working until 17:00", "full". */
export function availabilityNote(a: SpocAvailability, viewer: Viewer, now: Date): string {
  const until = a.until ? untilWords(a.until, viewer, now) : null;
  switch (a.status) {
    case 'available':
      return until ? `working until ${until}` : 'working';
    case 'off-shift':
      return until ? `off shift until ${until}` : 'no working hours set';
    case 'away':
      return until ? `away until ${until}` : 'away';
    case 'at-capacity':
      return 'full';
  }
}

/** "a, b and c". */
function list(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Who the caller is for this issue, once, in words: "You are the SPOC of this issue.", "You are a backup
 * for Acme Logistics.", "You are on the delivery team."; null for someone with no role on it.
 */
export function roleSentence(
  roles: readonly CallerRole[],
  about: { readonly clientName: string | null; readonly spocName: string | null },
): string | null {
  const has = (role: CallerRole) => roles.includes(role);
  const client = about.clientName ?? 'this client';
  const are: string[] = [];
  if (has('spoc')) are.push('the SPOC of this issue');
  // A SPOC who is also on the roster, or their own delegate, is simply its SPOC.
  else if (has('delegate')) are.push(`covering for ${about.spocName ?? 'its SPOC'} while they are away`);
  const backup = has('backup') && !has('spoc');
  if (backup && has('escalation-manager')) are.push(`a backup and the escalation manager for ${client}`);
  else if (backup) are.push(`a backup for ${client}`);
  else if (has('escalation-manager')) are.push(`the escalation manager for ${client}`);
  if (has('delivery')) are.push('on the delivery team');
  if (has('manager')) are.push('a project administrator');
  const were = has('former-spoc') && !has('spoc');
  const handedOver = 'this issue’s SPOC until the app handed it over while you were away';
  if (are.length === 0) return were ? `You were ${handedOver}.` : null;
  return were ? `You are ${list(are)}; you were ${handedOver}.` : `You are ${list(are)}.`;
}

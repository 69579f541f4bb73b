/**
 * Days in a SPOC's own time zone, with the browser's Intl only (the domain's luxon would double the editor's
 * download). An absence runs from the first day's midnight to the midnight after the last day, there.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at the instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant midnight starts `day` (YYYY-MM-DD) in the time zone. */
export function midnightIn(day: string, timeZone: string): string {
  const match = DAY.exec(day);
  if (!match) throw new Error(`${day} is not a date`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const first = wall - offsetAt(wall, timeZone);
  // Once more, for a day on which the zone's offset changes.
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}

/** The day (YYYY-MM-DD) the instant falls on in the time zone. */
export function dayIn(iso: string, timeZone: string): string {
  // The Canadian English format is the ISO one.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

export function addDays(day: string, days: number): string {
  const match = DAY.exec(day);
  if (!match) return day;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days))
    .toISOString()
    .slice(0, 10);
}

/** An absence as the days a person reads: its first and last day away, in their zone. */
export function daysAway(
  away: { from: string; until: string },
  timeZone: string,
): { first: string; last: string } {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  return { first: dayIn(away.from, zone), last: addDays(dayIn(away.until, zone), -1) };
}

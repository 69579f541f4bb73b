import { DateTime } from 'luxon';
import { rosterCandidates, type RosterVersion } from './roster';
import { calendarOf, type SpocProfile } from './spoc-profile';
import { HOUR_MS } from './time';
import { workingIntervalsMs, type WorkingInterval } from './working-hours';

/**
 * Coverage gaps: the hours of a week in which a client's support hours are not covered by any of its SPOCs
 * (primary, backups, pool), each in their own working hours and time zone. Computed for one real week, so
 * daylight saving is what it is that week: when New York has moved its clocks and London not yet, a London
 * SPOC's day ends an hour earlier on New York's clock. Absences are not counted: this is the standing pattern.
 */
export interface CoverageGap {
  /** [startMs, endMs) in UTC milliseconds, within one local day of the client. */
  readonly startMs: number;
  readonly endMs: number;
  /** "Fri 17:00–20:00 New York: nobody". */
  readonly text: string;
}

export interface ClientCoverage {
  readonly clientId: string;
  /** Monday 00:00 of the week in the client's support zone, ISO instant; null without support hours. */
  readonly weekStart: string | null;
  readonly supportHours: number;
  readonly uncoveredHours: number;
  readonly gaps: readonly CoverageGap[];
  /** Roster members whose working hours the app does not know, so they cover nothing here. */
  readonly withoutHours: readonly string[];
  readonly summary: string;
}

/** "America/New_York" → "New York". */
export const zoneCity = (zone: string): string => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');

function subtract(from: readonly WorkingInterval[], cover: readonly WorkingInterval[]): WorkingInterval[] {
  const out: WorkingInterval[] = [];
  for (const interval of from) {
    let cursor = interval.start;
    for (const c of cover) {
      if (c.end <= cursor || c.start >= interval.end) continue;
      if (c.start > cursor) out.push({ start: cursor, end: c.start });
      cursor = Math.max(cursor, c.end);
      if (cursor >= interval.end) break;
    }
    if (cursor < interval.end) out.push({ start: cursor, end: interval.end });
  }
  return out;
}

function merge(intervals: readonly WorkingInterval[]): WorkingInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: WorkingInterval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, i.end) };
    else merged.push(i);
  }
  return merged;
}

/** Splits at the zone's midnights, so each gap reads as one day. */
function perLocalDay(interval: WorkingInterval, zone: string): WorkingInterval[] {
  const out: WorkingInterval[] = [];
  let start = interval.start;
  while (start < interval.end) {
    const midnight = DateTime.fromMillis(start, { zone }).startOf('day').plus({ days: 1 }).toMillis();
    const end = Math.min(midnight, interval.end);
    out.push({ start, end });
    start = end;
  }
  return out;
}

function describeGap(gap: WorkingInterval, zone: string): string {
  const start = DateTime.fromMillis(gap.start, { zone, locale: 'en-GB' });
  const end = DateTime.fromMillis(gap.end, { zone, locale: 'en-GB' });
  const endText =
    end.hour === 0 && end.minute === 0 && !end.hasSame(start, 'day') ? '24:00' : end.toFormat('HH:mm');
  return `${start.toFormat('ccc HH:mm')}–${endText} ${zoneCity(zone)}: nobody`;
}

const hours = (intervals: readonly WorkingInterval[]) =>
  Math.round((intervals.reduce((sum, i) => sum + i.end - i.start, 0) / HOUR_MS) * 100) / 100;

export interface CoverageInput {
  readonly version: RosterVersion;
  /** Profiles of the roster's people (others may be included). */
  readonly profiles: readonly SpocProfile[];
  /** Any instant in the week to look at; the week runs Monday to Monday in the client's zone. */
  readonly weekOfMs: number;
  /** Display names for the summary; account ids otherwise. */
  readonly names?: Readonly<Record<string, string>>;
}

export function coverageGaps(input: CoverageInput): ClientCoverage {
  const { version } = input;
  const support = version.supportHours;
  const clientId = version.clientId;
  const byId = new Map(input.profiles.map((p) => [p.accountId, p]));
  const people = [...new Set(rosterCandidates(version).map((c) => c.accountId))];
  const withoutHours = people.filter((id) => (byId.get(id)?.workingHours.length ?? 0) === 0);
  if (support === null || support.shifts.length === 0) {
    return {
      clientId,
      weekStart: null,
      supportHours: 0,
      uncoveredHours: 0,
      gaps: [],
      withoutHours,
      summary: 'No support hours are agreed with this client, so there is nothing to cover.',
    };
  }
  const zone = support.timeZone;
  const week = DateTime.fromMillis(input.weekOfMs, { zone }).startOf('week');
  const fromMs = week.toMillis();
  const toMs = week.plus({ weeks: 1 }).toMillis();
  const supportIntervals = workingIntervalsMs(support, fromMs, toMs).map((i) => ({
    start: Math.max(i.start, fromMs),
    end: Math.min(i.end, toMs),
  }));
  const cover = merge(
    people.flatMap((id) => {
      const profile = byId.get(id);
      return profile ? workingIntervalsMs(calendarOf(profile), fromMs, toMs) : [];
    }),
  );
  const gaps = subtract(supportIntervals, cover)
    .flatMap((g) => perLocalDay(g, zone))
    .map((g) => ({ startMs: g.start, endMs: g.end, text: describeGap(g, zone) }));
  const uncoveredHours = hours(gaps.map((g) => ({ start: g.startMs, end: g.endMs })));
  const name = (id: string) => input.names?.[id] ?? id;
  const unknown =
    withoutHours.length === 0
      ? ''
      : ` ${withoutHours.map(name).join(', ')} ${withoutHours.length === 1 ? 'has' : 'have'} no working hours set, so count as not working.`;
  return {
    clientId,
    weekStart: new Date(fromMs).toISOString(),
    supportHours: hours(supportIntervals),
    uncoveredHours,
    gaps,
    withoutHours,
    summary:
      (gaps.length === 0
        ? 'Every support hour of the week is covered by someone on the roster in their working hours.'
        : `${uncoveredHours} of ${hours(supportIntervals)} support hours in the week of ${week.toISODate() ?? ''} have nobody on the roster working.`) +
      unknown,
  };
}

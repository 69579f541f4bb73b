/**
 * The one way every screen writes a time: in the signed-in person's locale and time zone (from the Forge
 * context), with the zone named when a time is shown in someone else's zone (a SPOC's working day). The
 * backend sends instants; the words ("in 2 h", "tomorrow 09:00") are worked out here, when the screen is
 * looked at, so they are never stale. Built on the browser's own Intl, so it adds nothing to a bundle.
 */
export interface Viewer {
  /** A BCP 47 locale, e.g. en-GB. */
  readonly locale: string;
  /** An IANA time zone, e.g. Europe/Berlin. */
  readonly timeZone: string;
}

const FALLBACK: Viewer = { locale: 'en-GB', timeZone: 'UTC' };

function validZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validLocale(locale: unknown): locale is string {
  if (typeof locale !== 'string' || locale === '') return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale.replace('_', '-')]).length > 0;
  } catch {
    return false;
  }
}

/** The viewer from `view.getContext()` (`locale` like `en_GB` or `en-GB`, `timezone`); safe defaults otherwise. */
export function viewerOf(
  context: { readonly locale?: unknown; readonly timezone?: unknown } | undefined,
): Viewer {
  const locale = validLocale(context?.locale) ? context.locale.replace('_', '-') : FALLBACK.locale;
  const timeZone = validZone(context?.timezone) ? context.timezone : FALLBACK.timeZone;
  return { locale, timeZone };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** The calendar date of an instant in a zone. */
function localDate(ms: number, zone: string): { year: number; month: number; day: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 };
}

/** Days since 1970 of the instant's date in the zone, for counting days between two moments. */
function dayNumber(ms: number, zone: string): number {
  const { year, month, day } = localDate(ms, zone);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** An instant as the backend sends it (ISO text), a Date, or milliseconds. */
export type Moment = string | Date | number;

const parse = (at: Moment): number =>
  typeof at === 'number' ? at : at instanceof Date ? at.getTime() : Date.parse(at);

/** "09:00" (or "9:00 AM") in the zone, in the viewer's locale. */
export function formatClock(iso: Moment, viewer: Viewer, zone = viewer.timeZone): string {
  return formatter(viewer.locale, { timeZone: zone, timeStyle: 'short' }).format(parse(iso));
}

/** "8 Dec 2026, 09:00": a moment with its date, in the viewer's locale and zone (or `zone`, then named). */
export function formatMoment(iso: Moment, viewer: Viewer, zone = viewer.timeZone): string {
  const text = formatter(viewer.locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(
    parse(iso),
  );
  return zone === viewer.timeZone ? text : `${text} (${zone})`;
}

/** "8 Dec 2026": the day alone. */
export function formatDate(iso: Moment, viewer: Viewer, zone = viewer.timeZone): string {
  return formatter(viewer.locale, { timeZone: zone, dateStyle: 'medium' }).format(parse(iso));
}

/**
 * A moment as someone would say it now: "today 09:00", "tomorrow 09:00", "yesterday 17:30", or "Mon 14 Dec,
 * 09:00" further off; in the viewer's zone, or in `zone`, which is then named: "tomorrow 09:00 (Asia/Tokyo)".
 */
export function formatDayAndTime(iso: Moment, viewer: Viewer, now: Date, zone = viewer.timeZone): string {
  const ms = parse(iso);
  const days = dayNumber(ms, zone) - dayNumber(now.getTime(), zone);
  const clock = formatClock(ms, viewer, zone);
  let text: string;
  if (Math.abs(days) <= 1) {
    const word = new Intl.RelativeTimeFormat(viewer.locale, { numeric: 'auto' }).format(days, 'day');
    text = `${word} ${clock}`;
  } else {
    const day = formatter(viewer.locale, {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(localDate(ms, zone).year !== localDate(now.getTime(), zone).year ? { year: 'numeric' } : {}),
    }).format(ms);
    text = `${day}, ${clock}`;
  }
  return zone === viewer.timeZone ? text : `${text} (${zone})`;
}

/** "in 2 hours", "5 minutes ago": how far a moment is from now, in the viewer's words. */
export function formatRelative(iso: Moment, viewer: Viewer, now: Date): string {
  const seconds = (parse(iso) - now.getTime()) / 1000;
  const words = new Intl.RelativeTimeFormat(viewer.locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return words.format(0, 'minute');
  if (abs < 3600) return words.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return words.format(Math.round(seconds / 3600), 'hour');
  return words.format(Math.round(seconds / 86_400), 'day');
}

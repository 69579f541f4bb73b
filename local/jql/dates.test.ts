import { createJqlEngine } from './index';
import { jqlContext, jqlIssue, searchKeys } from './testing/builders';

// The builders' clock: 2026-03-10 09:30 UTC (Paris 10:30 CET, New York 05:30 EDT, two days after DST began there).
const engine = createJqlEngine();

const issues = [
  jqlIssue({ key: 'SUP-1', created: '2026-03-10T08:00:00Z', updated: '2026-03-10T09:00:00Z' }),
  jqlIssue({ key: 'SUP-2', created: '2026-03-09T23:30:00Z' }),
  jqlIssue({
    key: 'SUP-3',
    created: '2026-03-08T12:00:00Z',
    updated: '2026-03-09T10:00:00Z',
    resolution: 'Done',
    resolutionDate: '2026-03-09T10:00:00Z',
  }),
  jqlIssue({ key: 'SUP-4', created: '2026-02-27T10:00:00Z' }),
  jqlIssue({ key: 'SUP-5', created: '2025-12-31T23:00:00Z' }),
];

const utc = jqlContext({ timeZone: 'UTC' });
const paris = jqlContext({ timeZone: 'Europe/Paris' });
const newYork = jqlContext({ timeZone: 'America/New_York' });
const find = (jql: string, context = utc) => searchKeys(engine, jql, issues, context).sort();

describe('relative dates', () => {
  it('counts periods in weeks, days, hours and minutes from now', () => {
    expect(find('created >= -2d')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('created > -3h')).toEqual(['SUP-1']);
    expect(find('created > "-1w 2d"')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('created > -4w')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']);
    expect(find('created < -15m')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(find('created > -100m')).toEqual(['SUP-1']);
    expect(find('created >= 15m')).toEqual([]);
    expect(find('created <= "+1d"')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
  });
});

describe('absolute dates', () => {
  it('reads yyyy-MM-dd and yyyy/MM/dd, with or without HH:mm, in the searcher’s time zone', () => {
    expect(find('created > "2026-03-08"')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('created < "2026/02/28"')).toEqual(['SUP-4', 'SUP-5']);
    expect(find('created >= "2026-03-10"')).toEqual(['SUP-1']);
    expect(find('created >= "2026-03-10"', paris)).toEqual(['SUP-1', 'SUP-2']);
    expect(find('created = "2026-03-08 12:00"')).toEqual(['SUP-3']);
    expect(find('created = "2026-03-08 13:00"', paris)).toEqual(['SUP-3']);
    expect(find('created in ("2026-03-08 12:00", "2026/02/27 10:00")')).toEqual(['SUP-3', 'SUP-4']);
    expect(find('created != "2026-03-08 12:00"')).toEqual(['SUP-1', 'SUP-2', 'SUP-4', 'SUP-5']);
  });

  it('reads a bare number as epoch milliseconds', () => {
    expect(find(`created = ${Date.parse('2026-03-08T12:00:00Z')}`)).toEqual(['SUP-3']);
  });
});

describe('date functions', () => {
  it('now()', () => {
    expect(find('created < now()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(find('created > now()')).toEqual([]);
  });

  it('startOfDay() and endOfDay() follow the searcher’s day, with offsets', () => {
    expect(find('created >= startOfDay()')).toEqual(['SUP-1']);
    expect(find('created >= startOfDay()', paris)).toEqual(['SUP-1', 'SUP-2']);
    expect(find('created >= startOfDay(-1d)')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('created >= startOfDay("-1")')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('created > startOfDay("+1d")')).toEqual([]);
    expect(find('created >= startOfDay("+3h")')).toEqual(['SUP-1']);
    expect(find('created <= endOfDay(-1d)')).toEqual(['SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(find('created <= endOfDay()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
  });

  it('startOfDay() across a daylight-saving change', () => {
    // New York moved to EDT on 2026-03-08: today starts 04:00 UTC, the 8th started 05:00 UTC.
    expect(find('created >= startOfDay()', newYork)).toEqual(['SUP-1']);
    expect(find('created >= startOfDay(-1d)', newYork)).toEqual(['SUP-1', 'SUP-2']);
    expect(find('created >= startOfDay(-2d)', newYork)).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    const justAfter = [jqlIssue({ key: 'SUP-9', created: '2026-03-08T05:00:00Z' })];
    expect(searchKeys(engine, 'created = startOfDay(-2d)', justAfter, newYork)).toEqual(['SUP-9']);
  });

  it('endOfDay() is the last millisecond of the day', () => {
    const edge = [jqlIssue({ key: 'SUP-9', created: '2026-03-10T23:59:59.999Z' })];
    expect(searchKeys(engine, 'created = endOfDay()', edge, utc)).toEqual(['SUP-9']);
  });

  it('month and year functions', () => {
    expect(find('created >= startOfMonth()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('created <= endOfMonth(-1M)')).toEqual(['SUP-4', 'SUP-5']);
    expect(find('created > endOfMonth("-1M")')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('created >= startOfMonth(-1)')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']);
    expect(find('created < startOfYear()')).toEqual(['SUP-5']);
    expect(find('created <= endOfYear(-1)')).toEqual(['SUP-5']);
    expect(find('created > startOfYear(-1y)')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(find('created < endOfYear()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
  });
});

describe('date fields', () => {
  it('updated and updatedDate, created and createdDate', () => {
    expect(find('updated >= -1h')).toEqual(['SUP-1']);
    expect(find('updatedDate >= startOfDay(-1d)')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(find('createdDate >= startOfDay(-1d)')).toEqual(['SUP-1', 'SUP-2']);
  });

  it('resolved and resolutiondate are empty while unresolved', () => {
    expect(find('resolved >= startOfDay(-1d)')).toEqual(['SUP-3']);
    expect(find('resolutiondate is EMPTY')).toEqual(['SUP-1', 'SUP-2', 'SUP-4', 'SUP-5']);
    expect(find('resolved is not EMPTY')).toEqual(['SUP-3']);
    // Comparisons never match an empty date, nor does their negation.
    expect(find('resolved < now()')).toEqual(['SUP-3']);
    expect(find('NOT resolved < now()')).toEqual([]);
  });
});

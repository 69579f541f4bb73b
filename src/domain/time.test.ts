import { formatDuration, formatMinutes, isIsoInstant, MINUTE_MS, toIso, toMillis } from './time';

describe('instants', () => {
  it('reads ISO instants with Z or an offset, and Dates', () => {
    expect(toMillis('2025-03-30T01:00:00Z')).toBe(Date.UTC(2025, 2, 30, 1));
    expect(toMillis('2025-03-30T02:00:00+01:00')).toBe(Date.UTC(2025, 2, 30, 1));
    expect(toMillis('2025-03-30T06:30+05:30')).toBe(Date.UTC(2025, 2, 30, 1));
    expect(toMillis(new Date(Date.UTC(2025, 0, 1)))).toBe(Date.UTC(2025, 0, 1));
  });

  it('refuses local times without an offset, dates alone and nonsense, naming what was wrong', () => {
    expect(isIsoInstant('2025-03-30T01:00:00')).toBe(false);
    expect(isIsoInstant('2025-03-30')).toBe(false);
    expect(isIsoInstant('2025-13-45T01:00:00Z')).toBe(false);
    expect(() => toMillis('yesterday', 'routing time')).toThrow(
      'The routing time "yesterday" is not an ISO 8601',
    );
    expect(() => toMillis(new Date('nope'))).toThrow('not a valid date');
  });

  it('writes UTC ISO strings', () => {
    expect(toIso(Date.UTC(2025, 10, 28, 9, 5))).toBe('2025-11-28T09:05:00.000Z');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, 'less than a minute'],
    [59_000, 'less than a minute'],
    [45 * MINUTE_MS, '45 min'],
    [60 * MINUTE_MS, '1 h'],
    [190 * MINUTE_MS, '3 h 10 min'],
    [(24 * 60 + 5) * MINUTE_MS, '1 d'],
    [(2 * 24 * 60 + 5 * 60 + 59) * MINUTE_MS, '2 d 5 h'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('formats targets given in minutes', () => {
    expect(formatMinutes(240)).toBe('4 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});

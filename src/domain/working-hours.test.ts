import { EVERY_DAY, officeHours } from './testing/calendar-builders';
import {
  addWorkingMinutes,
  describeWorkingHours,
  isWorkingAt,
  nextWorkingStart,
  validateShifts,
  validateWorkingCalendar,
  workingIntervalsMs,
  workingMinutesBetween,
  type WorkingCalendar,
} from './working-hours';

const iso = (s: string): string => new Date(s).toISOString();
const ms = (s: string): number => Date.parse(s);

/** The UTC start and end of each working stretch in [from, to). */
const stretches = (calendar: WorkingCalendar, from: string, to: string): string[] =>
  workingIntervalsMs(calendar, ms(from), ms(to)).map(
    (i) => `${new Date(i.start).toISOString().slice(0, 16)}/${new Date(i.end).toISOString().slice(11, 16)}`,
  );

describe('a 09:00–17:00 day across daylight-saving changes', () => {
  const london = officeHours('Europe/London', '09:00', '17:00', EVERY_DAY);

  it('Europe/London, last Sunday of March: the day before is GMT, the day itself BST', () => {
    expect(stretches(london, '2025-03-29T00:00:00Z', '2025-03-31T00:00:00Z')).toEqual([
      '2025-03-29T09:00/17:00',
      '2025-03-30T08:00/16:00',
    ]);
    expect(workingMinutesBetween(london, '2025-03-30T00:00:00Z', '2025-03-31T00:00:00Z')).toBe(480);
  });

  it('Europe/London, last Sunday of October: back to GMT', () => {
    expect(stretches(london, '2025-10-25T00:00:00Z', '2025-10-27T00:00:00Z')).toEqual([
      '2025-10-25T08:00/16:00',
      '2025-10-26T09:00/17:00',
    ]);
    expect(workingMinutesBetween(london, '2025-10-26T00:00:00Z', '2025-10-27T00:00:00Z')).toBe(480);
  });

  it('America/New_York: EST before 9 Mar 2025, EDT after; EST again after 2 Nov', () => {
    const ny = officeHours('America/New_York');
    expect(stretches(ny, '2025-03-07T00:00:00Z', '2025-03-11T00:00:00Z')).toEqual([
      '2025-03-07T14:00/22:00',
      '2025-03-10T13:00/21:00',
    ]);
    expect(stretches(ny, '2025-10-31T00:00:00Z', '2025-11-04T00:00:00Z')).toEqual([
      '2025-10-31T13:00/21:00',
      '2025-11-03T14:00/22:00',
    ]);
  });

  it('Asia/Kolkata keeps its half-hour offset', () => {
    const kolkata = officeHours('Asia/Kolkata');
    expect(stretches(kolkata, '2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z')).toEqual([
      '2025-06-02T03:30/11:30',
    ]);
    expect(isWorkingAt(kolkata, '2025-06-02T03:29:00Z')).toBe(false);
    expect(isWorkingAt(kolkata, '2025-06-02T03:30:00Z')).toBe(true);
    expect(isWorkingAt(kolkata, '2025-06-02T11:30:00Z')).toBe(false);
  });

  it('Australia/Sydney, southern hemisphere: summer time ends 6 Apr 2025 and starts 5 Oct 2025', () => {
    const sydney = officeHours('Australia/Sydney');
    expect(stretches(sydney, '2025-04-03T12:00:00Z', '2025-04-07T12:00:00Z')).toEqual([
      '2025-04-03T22:00/06:00', // Fri 4 Apr, AEDT +11
      '2025-04-06T23:00/07:00', // Mon 7 Apr, AEST +10
    ]);
    expect(stretches(sydney, '2025-10-02T12:00:00Z', '2025-10-06T12:00:00Z')).toEqual([
      '2025-10-02T23:00/07:00', // Fri 3 Oct, AEST +10
      '2025-10-05T22:00/06:00', // Mon 6 Oct, AEDT +11
    ]);
  });
});

describe('shifts past midnight', () => {
  const nights: WorkingCalendar = {
    timeZone: 'Europe/London',
    shifts: [{ day: 'fri', start: '22:00', end: '06:00' }],
  };

  it('a Friday night shift runs into Saturday morning', () => {
    expect(isWorkingAt(nights, '2025-06-06T20:59:00Z')).toBe(false); // Fri 21:59 BST
    expect(isWorkingAt(nights, '2025-06-06T21:00:00Z')).toBe(true); // Fri 22:00 BST
    expect(isWorkingAt(nights, '2025-06-07T02:00:00Z')).toBe(true); // Sat 03:00 BST
    expect(isWorkingAt(nights, '2025-06-07T05:00:00Z')).toBe(false); // Sat 06:00 BST: shift over
  });

  it('is found when the question starts after midnight', () => {
    expect(stretches(nights, '2025-06-07T01:00:00Z', '2025-06-08T00:00:00Z')).toEqual([
      '2025-06-06T21:00/05:00',
    ]);
  });

  it('lasts 7 real hours across the spring change and 9 across the autumn one', () => {
    const saturdayNights: WorkingCalendar = {
      timeZone: 'Europe/London',
      shifts: [{ day: 'sat', start: '22:00', end: '06:00' }],
    };
    expect(workingMinutesBetween(saturdayNights, '2025-03-29T00:00:00Z', '2025-03-31T00:00:00Z')).toBe(
      7 * 60,
    );
    expect(workingMinutesBetween(saturdayNights, '2025-10-25T00:00:00Z', '2025-10-27T00:00:00Z')).toBe(
      9 * 60,
    );
  });

  it('a Sunday night shift wraps into Monday of the next week', () => {
    const sunday: WorkingCalendar = {
      timeZone: 'UTC',
      shifts: [{ day: 'sun', start: '20:00', end: '04:00' }],
    };
    expect(isWorkingAt(sunday, '2025-06-09T03:59:00Z')).toBe(true); // Monday 03:59
    expect(nextWorkingStart(sunday, '2025-06-09T04:00:00Z')).toBe(iso('2025-06-15T20:00:00Z'));
  });

  it('a shift wholly inside the skipped spring hour has no working time', () => {
    const gap: WorkingCalendar = {
      timeZone: 'Europe/London',
      shifts: [{ day: 'sun', start: '01:00', end: '02:00' }],
    };
    expect(workingMinutesBetween(gap, '2025-03-29T00:00:00Z', '2025-03-31T00:00:00Z')).toBe(0);
    expect(workingMinutesBetween(gap, '2025-04-05T00:00:00Z', '2025-04-07T00:00:00Z')).toBe(60);
  });

  it('"24:00" ends a shift at midnight of its own day', () => {
    const late: WorkingCalendar = { timeZone: 'UTC', shifts: [{ day: 'mon', start: '18:00', end: '24:00' }] };
    expect(stretches(late, '2025-06-09T00:00:00Z', '2025-06-11T00:00:00Z')).toEqual([
      '2025-06-09T18:00/00:00',
    ]);
  });

  it('merges shifts that touch, so a split day reads as one stretch', () => {
    const split: WorkingCalendar = {
      timeZone: 'UTC',
      shifts: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '12:00', end: '17:00' },
      ],
    };
    expect(stretches(split, '2025-06-09T00:00:00Z', '2025-06-10T00:00:00Z')).toEqual([
      '2025-06-09T09:00/17:00',
    ]);
  });
});

describe('working-time arithmetic', () => {
  const london = officeHours('Europe/London');

  it('adds minutes within a day, landing exactly on the shift end rather than the next morning', () => {
    expect(addWorkingMinutes(london, '2025-06-09T08:00:00Z', 480)).toBe(iso('2025-06-09T16:00:00Z'));
    expect(addWorkingMinutes(london, '2025-06-09T08:00:00Z', 481)).toBe(iso('2025-06-10T08:01:00Z'));
  });

  it('starts counting at the next shift when added off shift, and skips the weekend', () => {
    // Saturday 14 Jun 12:00 BST → Monday 16 Jun 09:00 BST + 4 h.
    expect(addWorkingMinutes(london, '2025-06-14T11:00:00Z', 240)).toBe(iso('2025-06-16T12:00:00Z'));
    // Friday 16:00 BST + 2 h = 1 h Friday + 1 h Monday.
    expect(addWorkingMinutes(london, '2025-06-13T15:00:00Z', 120)).toBe(iso('2025-06-16T09:00:00Z'));
  });

  it('counts across a daylight-saving weekend in New York', () => {
    const ny = officeHours('America/New_York');
    // Fri 7 Mar 16:00 EST + 2 h = Mon 10 Mar 10:00 EDT.
    expect(addWorkingMinutes(ny, '2025-03-07T21:00:00Z', 120)).toBe(iso('2025-03-10T14:00:00Z'));
  });

  it('adds many weeks of minutes', () => {
    // 10 working days of 8 h from Monday 09:00 ends on the second Friday at 17:00.
    expect(addWorkingMinutes(london, '2025-06-09T08:00:00Z', 10 * 480)).toBe(iso('2025-06-20T16:00:00Z'));
  });

  it('adding nothing gives the same instant; no working hours give null; negative minutes are refused', () => {
    expect(addWorkingMinutes(london, '2025-06-14T11:00:00Z', 0)).toBe(iso('2025-06-14T11:00:00Z'));
    expect(addWorkingMinutes({ timeZone: 'UTC', shifts: [] }, '2025-06-14T11:00:00Z', 10)).toBeNull();
    expect(() => addWorkingMinutes(london, '2025-06-14T11:00:00Z', -5)).toThrow('0 or more');
  });

  it('counts working minutes between instants, partial shifts and seconds included', () => {
    expect(workingMinutesBetween(london, '2025-06-13T15:00:00Z', '2025-06-16T09:00:00Z')).toBe(120);
    expect(workingMinutesBetween(london, '2025-06-09T08:00:00Z', '2025-06-09T08:00:30Z')).toBe(0.5);
    expect(workingMinutesBetween(london, '2025-06-16T09:00:00Z', '2025-06-13T15:00:00Z')).toBe(0);
    expect(workingMinutesBetween(london, '2025-06-14T00:00:00Z', '2025-06-15T23:59:00Z')).toBe(0);
  });

  it('is the inverse of adding', () => {
    const from = '2025-03-27T10:17:00Z';
    for (const minutes of [1, 59, 480, 1000, 2400, 5000]) {
      const due = addWorkingMinutes(london, from, minutes) as string;
      expect(workingMinutesBetween(london, from, due)).toBe(minutes);
    }
  });

  it('gives the next start: now when working, the next shift when not, null without hours', () => {
    expect(nextWorkingStart(london, '2025-06-09T10:00:00Z')).toBe(iso('2025-06-09T10:00:00Z'));
    expect(nextWorkingStart(london, '2025-06-09T16:00:00Z')).toBe(iso('2025-06-10T08:00:00Z'));
    expect(nextWorkingStart({ timeZone: 'UTC', shifts: [] }, '2025-06-09T16:00:00Z')).toBeNull();
  });
});

describe('validation and description', () => {
  const messages = (input: unknown): string[] => {
    const result = validateShifts(input, 'workingHours');
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts day shifts, night shifts and 24:00', () => {
    expect(
      messages([
        { day: 'mon', start: '09:00', end: '17:00' },
        { day: 'fri', start: '22:00', end: '06:00' },
        { day: 'sat', start: '18:00', end: '24:00' },
      ]),
    ).toEqual([]);
  });

  it('refuses unknown days, bad times and shifts with no length', () => {
    expect(
      messages([
        { day: 'monday', start: '09:00', end: '17:00' },
        { day: 'tue', start: '9am', end: '25:00' },
        { day: 'wed', start: '09:00', end: '09:00' },
        { day: 'thu', start: '24:00', end: '09:00' },
      ]),
    ).toEqual([
      'workingHours[0].day: Working hours: shift 1 is on "monday", which is not a day of the week (mon, tue, … sun).',
      'workingHours[1].start: Working hours: Tuesday\'s shift starts at "9am", which is not a time such as 09:00.',
      'workingHours[1].end: Working hours: Tuesday\'s shift ends at "25:00", which is not a time such as 17:00.',
      "workingHours[2].end: Working hours: Wednesday's shift starts and ends at 09:00, so it has no length.",
      'workingHours[3].start: Working hours: Thursday\'s shift starts at "24:00", which is not a time such as 09:00.',
    ]);
  });

  it('refuses overlapping shifts, including a Sunday night running into Monday', () => {
    expect(
      messages([
        { day: 'mon', start: '09:00', end: '17:00' },
        { day: 'mon', start: '16:00', end: '18:00' },
        { day: 'sun', start: '22:00', end: '02:00' },
        { day: 'mon', start: '01:00', end: '03:00' },
      ]),
    ).toEqual([
      'workingHours[1]: Working hours: Mon 16:00–18:00 overlaps Mon 09:00–17:00; join them or move one.',
      'workingHours[3]: Working hours: Mon 01:00–03:00 overlaps Sun 22:00–02:00 (next day); join them or move one.',
    ]);
  });

  it('names two shifts on one day by their order, and reports an overlap at the shift as it was sent', () => {
    expect(
      messages([
        { day: 'mon', start: '25:00', end: '17:00' },
        { day: 'tue', start: '09:00', end: '12:00' },
        { day: 'tue', start: '11:00', end: '13:00' },
        { day: 'mon', start: '18:00', end: '19:00' },
      ]),
    ).toEqual([
      'workingHours[0].start: Working hours: Monday\'s first shift starts at "25:00", which is not a time such as 09:00.',
      'workingHours[2]: Working hours: Tue 11:00–13:00 overlaps Tue 09:00–12:00; join them or move one.',
    ]);
  });

  it('checks the time zone of a calendar', () => {
    const result = validateWorkingCalendar({ timeZone: 'Mars/Olympus', shifts: [] }, 'supportHours');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'supportHours.timeZone',
          message: 'Working hours: "Mars/Olympus" is not a time zone; choose one such as Europe/London.',
        },
      ],
    });
    expect(validateWorkingCalendar({ timeZone: 'Asia/Kolkata', shifts: [] }, 'x').ok).toBe(true);
  });

  it('describes hours in order', () => {
    expect(
      describeWorkingHours({
        timeZone: 'Europe/London',
        shifts: [
          { day: 'fri', start: '22:00', end: '06:00' },
          { day: 'mon', start: '09:00', end: '17:00' },
        ],
      }),
    ).toBe('Mon 09:00–17:00, Fri 22:00–06:00 (next day) (Europe/London)');
  });
});

import type { Weekday, WorkingCalendar, WorkingShift } from '../working-hours';

const MON_TO_FRI: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** The same shift on several days; Monday to Friday unless told. */
export const shiftsOn = (
  start: string,
  end: string,
  days: readonly Weekday[] = MON_TO_FRI,
): readonly WorkingShift[] => days.map((day) => ({ day, start, end }));

/** Monday to Friday 09:00–17:00 in the zone, unless told otherwise. */
export const officeHours = (
  timeZone: string,
  start = '09:00',
  end = '17:00',
  days: readonly Weekday[] = MON_TO_FRI,
): WorkingCalendar => ({ timeZone, shifts: shiftsOn(start, end, days) });

export const EVERY_DAY: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

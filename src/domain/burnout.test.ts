import { burnoutSignals, DEFAULT_BURNOUT_THRESHOLDS } from './burnout';
import { FORTNIGHT, FORTNIGHT_NOW_MS, seededIssues } from './testing/metrics-history';
import { aSpocProfile } from './testing/spoc-profile-builders';

const priya = aSpocProfile({ accountId: 'priya', capacity: 1 });
// New York is on summer time from 9 March; London only from 30 March.
const chloe = aSpocProfile({ accountId: 'chloe', timeZone: 'America/New_York', capacity: 5 });

const signals = (profile = priya, thresholds = DEFAULT_BURNOUT_THRESHOLDS) =>
  burnoutSignals({ profile, issues: seededIssues(), period: FORTNIGHT, nowMs: FORTNIGHT_NOW_MS, thresholds });

describe('burnout signals on the seeded fortnight', () => {
  it('counts the London days a SPOC with room for one issue held one or more, and more than one', () => {
    // SUP-5 waits until Tue 25 Mar 09:00, SUP-1 joins it on Mon 24 Mar 09:00–11:00; SUP-2 waits Mon 31 Mar.
    const s = signals();
    expect(s.capacity).toBe(1);
    expect(s.daysAtCapacity).toBe(3);
    expect(s.daysOverCapacity).toBe(1);
  });

  it('counts actions, escalations and new issues per working hour up to now', () => {
    const s = signals();
    expect(s.actions).toBe(3); // asked and accepted SUP-1, accepted SUP-5, all in office hours
    expect(s.actionsOutsideHours).toBe(0);
    expect(s.escalationsReceived).toBe(2); // SUP-2 warned, then moved away from her
    expect(s.issuesReceived).toBe(2); // SUP-1 and SUP-2
    expect(s.workingHours).toBe(64); // eight weekdays of eight hours before Thu 3 Apr
    expect(s.loadPerWorkingHour).toBe(0.03);
  });

  it('says in words which thresholds were crossed', () => {
    const s = signals();
    expect(s.flagged).toBe(true);
    expect(s.reasons).toEqual(['Over their capacity of 1 open client issue on 1 day.']);
  });

  it('reads actions against the SPOC’s own working hours, summer time included', () => {
    // Chloe accepted SUP-2 at 13:30Z (09:30 in New York, on summer time) and again at 10:00Z (06:00).
    const s = signals(chloe, { ...DEFAULT_BURNOUT_THRESHOLDS, minActions: 2 });
    expect(s.actions).toBe(2);
    expect(s.actionsOutsideHours).toBe(1);
    expect(s.escalationsReceived).toBe(1); // SUP-2 moved to her
    expect(s.issuesReceived).toBe(1);
    expect(s.daysAtCapacity).toBe(0);
    expect(s.reasons).toEqual(['1 of 2 triage actions (50%) outside their working hours.']);
    expect(signals(chloe).flagged).toBe(false); // two actions are too few to call a pattern
  });

  it('a SPOC without capacity or working hours has no capacity days and no load per hour', () => {
    const s = signals(aSpocProfile({ accountId: 'tom', capacity: null, workingHours: [] }));
    expect(s.daysAtCapacity).toBe(0);
    expect(s.actionsOutsideHours).toBe(0);
    expect(s.loadPerWorkingHour).toBeNull();
    expect(s.issuesReceived).toBe(2);
  });
});

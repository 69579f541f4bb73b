import { checkEscalation, responseDueAt } from './escalation';
import { DEFAULT_POLICY } from './policy';
import { officeHours } from './testing/calendar-builders';
import { afterActions, aTriageRecord } from './testing/triage-builders';
import { newTriageRecord, recordEscalationStep, type TriageRecord } from './triage-record';

const london = officeHours('Europe/London');

/** Routed Mon 9 Jun 2025 at 15:00 BST with a 4 h target: due Tue 11:00 BST (10:00Z). */
const routed = (): TriageRecord =>
  newTriageRecord({
    clientId: 'acme',
    spocAccountId: 'acc-priya',
    routedAt: '2025-06-09T14:00:00Z',
    dueAt: responseDueAt(london, '2025-06-09T14:00:00Z', 240),
    reason: 'Routed to Priya Shah (primary).',
  });

const check = (record: TriageRecord, now: string) =>
  checkEscalation({ record, calendar: london, targetMinutes: 240, policy: DEFAULT_POLICY, now });

describe('response due time', () => {
  it('counts the target in the SPOC working time, overnight excluded', () => {
    expect(routed().dueAt).toBe('2025-06-10T10:00:00.000Z');
  });

  it('is null for someone with no working hours', () => {
    expect(responseDueAt({ timeZone: 'UTC', shifts: [] }, '2025-06-09T14:00:00Z', 60)).toBeNull();
  });
});

describe('checkEscalation', () => {
  it('is on track early on, and says when the first step falls due', () => {
    const result = check(routed(), '2025-06-09T15:00:00Z'); // 1 h used
    expect(result).toMatchObject({
      status: 'on-track',
      workingMinutesUsed: 60,
      workingMinutesLeft: 180,
      stepsDue: [],
      // 75% of 4 h = 3 h: 2 h Monday, 1 h Tuesday from 09:00 BST.
      nextStepAt: '2025-06-10T09:00:00.000Z',
    });
    expect(result.reasons[0]).toBe(
      'On track: 3 h of working time left of the 4 h target; due Tue 10 Jun 2025 11:00 Europe/London (10:00 UTC).',
    );
  });

  it('does not count the night: still on track at Tuesday 08:59 BST', () => {
    expect(check(routed(), '2025-06-10T07:59:00Z').status).toBe('on-track');
  });

  it('is at risk at 75% of the target, with the warning due', () => {
    const result = check(routed(), '2025-06-10T09:00:00Z');
    expect(result.status).toBe('at-risk');
    expect(result.stepsDue.map((s) => s.step)).toEqual(['warn-spoc']);
    expect(result.stepsDue[0]?.reason).toBe(
      'Due now: warn the SPOC (at 75% of the target, Tue 10 Jun 2025 10:00 Europe/London (09:00 UTC)).',
    );
  });

  it('is breached at the due time, with the warning and the move to the next backup due', () => {
    const result = check(routed(), '2025-06-10T10:00:00Z');
    expect(result.status).toBe('breached');
    expect(result.workingMinutesLeft).toBe(0);
    expect(result.stepsDue.map((s) => s.step)).toEqual(['warn-spoc', 'move-to-next-backup']);
    // 150% = 6 h: 2 h Monday + 4 h Tuesday from 09:00 → 13:00 BST.
    expect(result.nextStepAt).toBe('2025-06-10T12:00:00.000Z');
  });

  it('a sweep that runs twice does not repeat a step', () => {
    const now = '2025-06-10T12:30:00Z';
    let record = routed();
    const first = check(record, now);
    expect(first.stepsDue.map((s) => s.step)).toEqual([
      'warn-spoc',
      'move-to-next-backup',
      'notify-escalation-manager',
    ]);
    for (const step of first.stepsDue) record = recordEscalationStep(record, step.step, { at: now }).record;
    const second = check(record, now);
    expect(second.stepsDue).toEqual([]);
    expect(second.reasons).toContain('Already done: notify the escalation manager.');
    expect(record.escalationLevel).toBe(3);
    expect(record.escalationSteps).toHaveLength(3);
  });

  it('nothing runs while the client is being asked, or once vetted', () => {
    const asked = afterActions(aTriageRecord(), [{ type: 'request-info' }]);
    expect(check(asked, '2025-06-20T00:00:00Z')).toMatchObject({ status: 'not-running', stepsDue: [] });
    const vetted = afterActions(aTriageRecord(), [{ type: 'accept-for-delivery' }]);
    expect(check(vetted, '2025-06-20T00:00:00Z').status).toBe('not-running');
  });

  it('a custom ladder and at-risk share are honoured', () => {
    const result = checkEscalation({
      record: routed(),
      calendar: london,
      targetMinutes: 240,
      policy: { atRiskPercent: 50, ladder: [{ kind: 'notify-escalation-manager', atPercentOfTarget: 50 }] },
      now: '2025-06-10T08:00:00Z', // 2 h used
    });
    expect(result.status).toBe('at-risk');
    expect(result.stepsDue.map((s) => s.step)).toEqual(['notify-escalation-manager']);
  });

  it('counts working time in the SPOC zone across a daylight-saving change', () => {
    // Routed Fri 28 Mar 2025 16:00 GMT with a 2 h target: 1 h Friday, 1 h Monday 31 Mar (BST) → 10:00 BST.
    const record = newTriageRecord({
      clientId: 'acme',
      spocAccountId: 'acc-priya',
      routedAt: '2025-03-28T16:00:00Z',
      dueAt: responseDueAt(london, '2025-03-28T16:00:00Z', 120),
      reason: 'x',
    });
    expect(record.dueAt).toBe('2025-03-31T09:00:00.000Z');
    const result = checkEscalation({
      record,
      calendar: london,
      targetMinutes: 120,
      policy: DEFAULT_POLICY,
      now: '2025-03-31T08:30:00Z',
    });
    expect(result.workingMinutesUsed).toBe(90);
    expect(result.status).toBe('at-risk');
  });
});

import { DEFAULT_POLICY, judgeAssignmentChange, responseTargetFor, type SpocPolicy } from './policy';

const names = { 'acc-priya': 'Priya Shah', 'acc-dev': 'Dee Veloper' };

describe('responseTargetFor', () => {
  it('uses the priority target, matching the name regardless of case', () => {
    expect(responseTargetFor(DEFAULT_POLICY, 'high')).toEqual({
      minutes: 120,
      reason: 'Response target for priority High: 2 h of working time.',
    });
  });

  it('falls back to the default for unlisted or missing priorities', () => {
    expect(responseTargetFor(DEFAULT_POLICY, 'Blocker')).toEqual({
      minutes: 480,
      reason: 'No target is set for priority Blocker; the default of 8 h of working time applies.',
    });
    expect(responseTargetFor(DEFAULT_POLICY, null).minutes).toBe(480);
  });
});

describe('judgeAssignmentChange', () => {
  const change = {
    state: 'awaiting-spoc' as const,
    spocAccountId: 'acc-priya',
    newAssigneeAccountId: 'acc-dev',
  };
  const revert: SpocPolicy = { ...DEFAULT_POLICY, bypass: 'revert' };

  it('reverts or records a bypass of the SPOC, as the policy says', () => {
    expect(judgeAssignmentChange(revert, change, names)).toEqual({
      verdict: 'revert',
      reason:
        'The client issue was assigned to Dee Veloper before Priya Shah (SPOC) vetted it; the policy puts it back with the SPOC.',
    });
    expect(judgeAssignmentChange(DEFAULT_POLICY, change, names).verdict).toBe('record');
  });

  it('treats unassigning an unvetted issue as a bypass too', () => {
    expect(judgeAssignmentChange(revert, { ...change, newAssigneeAccountId: null }, names).reason).toMatch(
      /^The client issue was unassigned before Priya Shah \(SPOC\) vetted it/,
    );
  });

  it('allows assigning the SPOC, assigning after vetting, and assigning an issue without a SPOC', () => {
    expect(judgeAssignmentChange(revert, { ...change, newAssigneeAccountId: 'acc-priya' }).verdict).toBe(
      'allowed',
    );
    expect(judgeAssignmentChange(revert, { ...change, state: 'vetted' }).verdict).toBe('allowed');
    expect(judgeAssignmentChange(revert, { ...change, spocAccountId: null }).verdict).toBe('allowed');
    expect(judgeAssignmentChange(revert, { ...change, state: 'returned' }).verdict).toBe('revert');
  });
});

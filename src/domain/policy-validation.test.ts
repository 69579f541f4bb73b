import { DEFAULT_POLICY } from './policy';
import { validatePolicy } from './policy-validation';

describe('validatePolicy', () => {
  const messages = (input: unknown): string[] => {
    const result = validatePolicy(input);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('fills left-out settings with the defaults', () => {
    expect(validatePolicy({})).toEqual({ ok: true, value: DEFAULT_POLICY });
    const result = validatePolicy({ bypass: 'revert', responseTargets: { byPriority: { ' Urgent ': 30 } } });
    expect(result.ok && result.value).toMatchObject({
      bypass: 'revert',
      responseTargets: { defaultMinutes: 480, byPriority: { Urgent: 30 } },
    });
  });

  it('refuses unknown settings, bad numbers and bad choices, saying what is allowed', () => {
    expect(
      messages({
        bypas: 'revert',
        atRiskPercent: 100,
        defaultCapacity: 0,
        bypass: 'ignore',
        historyLimit: 100,
        responseTargets: { defaultMinutes: 0, byPriority: { High: 1.5, high: 60 } },
      }),
    ).toEqual([
      'bypas: "bypas" is not a policy setting.',
      'responseTargets.defaultMinutes: The target for priorities not listed must be a whole number of working minutes from 1 to 43200 (30 days).',
      'responseTargets.byPriority.High: The target for "High" must be a whole number of working minutes from 1 to 43200 (30 days).',
      'atRiskPercent: At risk is a whole percentage of the target, 1 to 99.',
      'defaultCapacity: The default capacity must be a whole number of issues, 1 to 500.',
      'bypass: "ignore" is not a choice for an issue assigned past its SPOC; use revert or record.',
      'historyLimit: Each issue keeps from 5 to 25 history entries.',
    ]);
  });

  it('refuses a priority listed twice', () => {
    expect(messages({ responseTargets: { byPriority: { High: 60, HIGH: 30 } } })).toEqual([
      'responseTargets.byPriority.HIGH: Priority "HIGH" has two targets; keep one.',
    ]);
  });

  it('checks the ladder: known steps, once each, each later than the one before', () => {
    expect(
      messages({
        ladder: [
          { kind: 'warn-spoc', atPercentOfTarget: 80 },
          { kind: 'warn-spoc', atPercentOfTarget: 90 },
          { kind: 'move-to-next-backup', atPercentOfTarget: 80 },
          { kind: 'page-the-ceo', atPercentOfTarget: 200 },
        ],
      }),
    ).toEqual([
      'ladder[1].kind: Ladder step 2: "warn the SPOC" is on the ladder twice.',
      'ladder[2].atPercentOfTarget: Ladder step 3 must fall due later than the step before it, at more than 80%.',
      'ladder[3].kind: Ladder step 4: "page-the-ceo" is not something the ladder does; use one of warn-spoc, move-to-next-backup, notify-escalation-manager.',
    ]);
    expect(messages({ ladder: [] })).toEqual([]);
  });

  it('holds the next ladder step for the acknowledgement time it sets, 5 minutes to a week', () => {
    expect(validatePolicy({ acknowledgeHoldMinutes: 90 })).toMatchObject({
      ok: true,
      value: { acknowledgeHoldMinutes: 90 },
    });
    expect(validatePolicy({})).toMatchObject({ ok: true, value: { acknowledgeHoldMinutes: 60 } });
    for (const bad of [0, 4, 10081, 1.5, '60']) {
      expect(validatePolicy({ acknowledgeHoldMinutes: bad })).toMatchObject({
        ok: false,
        problems: [{ path: 'acknowledgeHoldMinutes' }],
      });
    }
  });

  it('warns before a reassignment to someone away or full unless the policy refuses it', () => {
    expect(validatePolicy({})).toMatchObject({ ok: true, value: { reassignToUnavailable: 'warn' } });
    expect(validatePolicy({ reassignToUnavailable: 'refuse' })).toMatchObject({
      ok: true,
      value: { reassignToUnavailable: 'refuse' },
    });
    expect(messages({ reassignToUnavailable: 'allow' })).toEqual([
      'reassignToUnavailable: "allow" is not a choice for reassigning to someone away or full; use warn or refuse.',
    ]);
  });

  it('refuses a policy written by a newer version of the app', () => {
    expect(messages({ schemaVersion: 2 })).toEqual([
      'schemaVersion: Policy version 2 is not one this app reads.',
    ]);
  });
});

import { validateClientRoster, validateRosterVersion } from './roster-validation';
import { aRosterVersion } from './testing/roster-builders';

describe('validateRosterVersion', () => {
  const messages = (overrides: Record<string, unknown>): string[] => {
    const result = validateRosterVersion({ ...aRosterVersion(), ...overrides });
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts a good roster', () => {
    expect(messages({})).toEqual([]);
  });

  it('needs a primary SPOC and an escalation manager other than the primary', () => {
    expect(messages({ primarySpocAccountId: undefined, escalationManagerAccountId: null })).toEqual([
      'primarySpocAccountId: A roster needs a primary SPOC.',
      'escalationManagerAccountId: A roster needs an escalation manager.',
    ]);
    expect(messages({ escalationManagerAccountId: 'acc-priya' })).toEqual([
      'escalationManagerAccountId: The escalation manager must be someone other than the primary SPOC.',
    ]);
  });

  it('lists each person once: the primary is not a backup, nobody is a backup twice or also in the pool', () => {
    expect(
      messages({
        backupAccountIds: ['acc-priya', 'acc-ana', 'acc-ana'],
        poolAccountIds: ['acc-ana', 'acc-tom', 'acc-tom'],
      }),
    ).toEqual([
      'backupAccountIds[0]: Backup 1 is the primary SPOC already; list each person once.',
      'backupAccountIds[2]: Backup 3 is already a backup; list each person once.',
      'poolAccountIds[0]: Pool member 1 is already a backup; list each person once.',
      'poolAccountIds[2]: Pool member 3 is already in the pool; list each person once.',
    ]);
  });

  it('checks the delivery target, support hours and effective date', () => {
    expect(
      messages({
        deliveryTarget: { kind: 'team' },
        supportHours: { timeZone: 'Europe/Paris', shifts: [{ day: 'mon', start: '08:00', end: '08:00' }] },
        effectiveFrom: '1 Dec',
      }),
    ).toEqual([
      'effectiveFrom: The roster takes effect at "1 Dec", which is not a moment in time.',
      'deliveryTarget.kind: Vetted work cannot go to "team"; send it to a person (user), a component lead (component-lead) or nobody (unassigned).',
      "supportHours.shifts[0].end: Support hours: Monday's shift starts and ends at 08:00, so it has no length.",
    ]);
    expect(messages({ deliveryTarget: { kind: 'component-lead', componentId: 'Billing' } })).toEqual([
      'deliveryTarget.componentId: Choose the component whose lead receives vetted work.',
    ]);
  });

  it('keeps a client’s own escalation ladder, checked like the policy’s', () => {
    const ladder = [
      { kind: 'warn-spoc', atPercentOfTarget: 50 },
      { kind: 'notify-escalation-manager', atPercentOfTarget: 100 },
    ];
    expect(validateRosterVersion({ ...aRosterVersion(), ladder })).toMatchObject({
      ok: true,
      value: { ladder },
    });
    expect(validateRosterVersion(aRosterVersion())).toMatchObject({ ok: true });
    expect((validateRosterVersion(aRosterVersion()) as { value: object }).value).not.toHaveProperty('ladder');
    expect(
      validateRosterVersion({
        ...aRosterVersion(),
        ladder: [{ kind: 'page-the-ceo', atPercentOfTarget: 50 }],
      }),
    ).toMatchObject({ ok: false, problems: [{ path: 'ladder[0].kind' }] });
  });

  it('checks a whole history: versions in order, for one client', () => {
    const result = validateClientRoster({
      clientId: 'acme',
      clientName: 'Acme Ltd',
      versions: [
        aRosterVersion({ effectiveFrom: '2025-06-01T00:00:00.000Z' }),
        aRosterVersion({ effectiveFrom: '2025-01-01T00:00:00.000Z' }),
        aRosterVersion({ clientId: 'globex' }),
      ],
    });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'versions[1].effectiveFrom: Roster versions must be in order, each later than the one before.',
      'versions[2].clientId: Version 3: This roster is for client "globex", not "acme".',
    ]);
    expect(validateClientRoster({ clientId: 'acme', clientName: 'Acme', versions: [] }).ok).toBe(false);
  });
});

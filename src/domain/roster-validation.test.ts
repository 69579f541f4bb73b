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
      'backupAccountIds[0]: acc-priya is the primary SPOC and cannot also be a backup.',
      'backupAccountIds[2]: acc-ana is already a backup; list each person once.',
      'poolAccountIds[0]: acc-ana is already a backup; list each person once.',
      'poolAccountIds[2]: acc-tom is already in the pool; list each person once.',
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
      'effectiveFrom: Say when the roster takes effect, as an ISO instant.',
      'deliveryTarget.kind: "team" is not a delivery target; use user, component-lead or unassigned.',
      'supportHours.shifts[0]: A shift from 08:00 to 08:00 has no length.',
    ]);
    expect(messages({ deliveryTarget: { kind: 'component-lead', componentId: 'Billing' } })).toEqual([
      'deliveryTarget.componentId: Name the component by its Jira id, e.g. 10001.',
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
      'versions[2].clientId: This roster is for client "globex", not "acme".',
    ]);
    expect(validateClientRoster({ clientId: 'acme', clientName: 'Acme', versions: [] }).ok).toBe(false);
  });
});

import {
  cancelHandover,
  describeRosterChanges,
  resolveDeliveryTarget,
  rosterCandidates,
  rosterInForce,
  scheduleHandover,
  upcomingHandovers,
  validateClientRoster,
  validateRosterVersion,
} from './roster';
import { officeHours } from './testing/calendar-builders';
import { aClientRoster, aRosterVersion } from './testing/roster-builders';

const names = {
  'acc-priya': 'Priya Shah',
  'acc-tom': 'Tom Berg',
  'acc-ana': 'Ana Lima',
  'acc-kenji': 'Kenji Sato',
  'acc-maria': 'Maria Gomez',
};

describe('roster in force', () => {
  const roster = aClientRoster(
    aRosterVersion({ effectiveFrom: '2025-01-01T00:00:00.000Z' }),
    aRosterVersion({ effectiveFrom: '2025-12-01T09:00:00.000Z', primarySpocAccountId: 'acc-tom' }),
  );

  it('is the latest version that has taken effect, from its first instant', () => {
    expect(rosterInForce(roster, '2024-12-31T23:59:59Z')).toBeNull();
    expect(rosterInForce(roster, '2025-06-01T00:00:00Z')?.primarySpocAccountId).toBe('acc-priya');
    expect(rosterInForce(roster, '2025-12-01T08:59:59Z')?.primarySpocAccountId).toBe('acc-priya');
    expect(rosterInForce(roster, '2025-12-01T09:00:00Z')?.primarySpocAccountId).toBe('acc-tom');
  });

  it('lists candidates: primary, backups in order, then the pool', () => {
    const version = aRosterVersion({ poolAccountIds: ['acc-p1', 'acc-p2'] });
    expect(rosterCandidates(version)).toEqual([
      { accountId: 'acc-priya', role: 'primary', position: 0 },
      { accountId: 'acc-ana', role: 'backup', position: 1 },
      { accountId: 'acc-kenji', role: 'backup', position: 2 },
      { accountId: 'acc-p1', role: 'pool', position: 0 },
      { accountId: 'acc-p2', role: 'pool', position: 0 },
    ]);
  });
});

describe('handovers', () => {
  const roster = aClientRoster(aRosterVersion());
  const now = '2025-11-20T10:00:00Z';
  const handover = {
    ...aRosterVersion(),
    effectiveFrom: '2025-12-01T09:00:00Z',
    primarySpocAccountId: 'acc-tom',
    backupAccountIds: ['acc-priya'],
    handoverNote: 'Priya moves to the Globex account.',
  };

  it('schedules a future handover, keeps history, and describes it', () => {
    const result = scheduleHandover(roster, handover, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.versions).toHaveLength(2);
    expect(rosterInForce(result.value, now)?.primarySpocAccountId).toBe('acc-priya');
    expect(upcomingHandovers(result.value, now, names)).toEqual([
      {
        effectiveFrom: '2025-12-01T09:00:00.000Z',
        when: 'Mon 1 Dec 09:00 UTC',
        changes: ['Primary SPOC: Priya Shah → Tom Berg', 'Backups: Ana Lima, Kenji Sato → Priya Shah'],
        note: 'Priya moves to the Globex account.',
      },
    ]);
  });

  it('refuses to rewrite the past or to schedule two changes at the same instant', () => {
    expect(scheduleHandover(roster, { ...handover, effectiveFrom: '2025-11-20T09:59:59Z' }, now)).toEqual({
      ok: false,
      problems: [
        {
          path: 'effectiveFrom',
          message: 'A roster change cannot take effect in the past; past rosters are kept as history.',
        },
      ],
    });
    const once = scheduleHandover(roster, handover, now);
    if (!once.ok) throw new Error('expected the first handover to be accepted');
    const twice = scheduleHandover(
      once.value,
      { ...handover, effectiveFrom: '2025-12-01T10:00:00+01:00' },
      now,
    );
    expect(twice.ok ? [] : twice.problems.map((p) => p.message)).toEqual([
      'A roster change already takes effect at 2025-12-01T09:00:00.000Z; edit or cancel it.',
    ]);
  });

  it('refuses a handover for another client', () => {
    const result = scheduleHandover(roster, { ...handover, clientId: 'globex' }, now);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'This roster is for client "globex", not "acme".',
    ]);
  });

  it('cancels only a change that has not taken effect', () => {
    const scheduled = scheduleHandover(roster, handover, now);
    if (!scheduled.ok) throw new Error('expected the handover to be accepted');
    const cancelled = cancelHandover(scheduled.value, '2025-12-01T09:00:00Z', now);
    expect(cancelled.ok && cancelled.value.versions).toHaveLength(1);
    expect(cancelHandover(scheduled.value, '2025-01-01T00:00:00Z', now).ok).toBe(false);
    expect(cancelHandover(scheduled.value, '2025-12-02T00:00:00Z', now)).toEqual({
      ok: false,
      problems: [
        { path: 'effectiveFrom', message: 'No roster change is scheduled for 2025-12-02T00:00:00.000Z.' },
      ],
    });
  });

  it('describes a first roster and every kind of change', () => {
    expect(describeRosterChanges(null, aRosterVersion(), names)).toEqual([
      'Primary SPOC: Priya Shah',
      'Backups: Ana Lima, Kenji Sato',
      'Pool: none',
      'Escalation manager: Maria Gomez',
      'Vetted work goes to: unassigned',
      'Support hours: not agreed',
    ]);
    const after = aRosterVersion({
      poolAccountIds: ['acc-tom'],
      deliveryTarget: { kind: 'component-lead', componentId: '10001' },
      supportHours: officeHours('Europe/Berlin', '08:00', '18:00', ['mon', 'tue']),
    });
    expect(describeRosterChanges(aRosterVersion(), after, names)).toEqual([
      'Pool: none → Tom Berg',
      'Vetted work goes to: unassigned → the lead of component 10001',
      'Support hours: not agreed → Mon 08:00–18:00, Tue 08:00–18:00 (Europe/Berlin)',
    ]);
  });
});

describe('delivery target', () => {
  it('resolves a user, a component lead, a component without a lead, and unassigned', () => {
    expect(resolveDeliveryTarget({ kind: 'user', accountId: 'acc-tom' }, {}, names).accountId).toBe(
      'acc-tom',
    );
    expect(
      resolveDeliveryTarget({ kind: 'component-lead', componentId: '7' }, { '7': 'acc-ana' }, names),
    ).toEqual({
      accountId: 'acc-ana',
      reason: 'Vetted work goes to Ana Lima, lead of component 7.',
    });
    expect(resolveDeliveryTarget({ kind: 'component-lead', componentId: '7' }, { '7': null })).toEqual({
      accountId: null,
      reason: 'Component 7 has no lead, so the vetted issue is left unassigned.',
    });
    expect(resolveDeliveryTarget({ kind: 'unassigned' }).accountId).toBeNull();
  });
});

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

import { resolveDeliveryTarget, rosterCandidates, rosterInForce, scheduleHandover } from './roster';
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

  it('schedules a future handover and keeps history', () => {
    const result = scheduleHandover(roster, handover, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.versions).toHaveLength(2);
    expect(rosterInForce(result.value, now)?.primarySpocAccountId).toBe('acc-priya');
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

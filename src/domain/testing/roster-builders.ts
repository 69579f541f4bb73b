import type { ClientRoster, RosterVersion } from '../roster';

/** Acme's roster from 1 Jan 2025: Priya primary, Ana then Kenji as backups, Maria escalation manager. */
export const aRosterVersion = (overrides: Partial<RosterVersion> = {}): RosterVersion => ({
  clientId: 'acme',
  effectiveFrom: '2025-01-01T00:00:00.000Z',
  primarySpocAccountId: 'acc-priya',
  backupAccountIds: ['acc-ana', 'acc-kenji'],
  poolAccountIds: [],
  supportHours: null,
  deliveryTarget: { kind: 'unassigned' },
  escalationManagerAccountId: 'acc-maria',
  ...overrides,
});

export const aClientRoster = (...versions: RosterVersion[]): ClientRoster => ({
  clientId: versions[0]?.clientId ?? 'acme',
  clientName: 'Acme Ltd',
  versions: versions.length ? versions : [aRosterVersion()],
});

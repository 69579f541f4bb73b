import type { RoutingInput } from '../routing';
import { aRosterVersion } from './roster-builders';
import { aSpocProfile } from './spoc-profile-builders';

/** The Acme team: Priya (London), Tom (London), Ana (São Paulo), Kenji (Tokyo); Maria manages. */
export const theAcmeTeam = {
  priya: aSpocProfile(),
  tom: aSpocProfile({ accountId: 'acc-tom', displayName: 'Tom Berg', capacity: 5 }),
  ana: aSpocProfile({ accountId: 'acc-ana', displayName: 'Ana Lima', timeZone: 'America/Sao_Paulo' }),
  kenji: aSpocProfile({ accountId: 'acc-kenji', displayName: 'Kenji Sato', timeZone: 'Asia/Tokyo' }),
};

/** Routing for Acme on Mon 9 Jun 2025 at 10:00 in London, 4 h target, nobody loaded, everyone in. */
export const aRoutingInput = (overrides: Partial<RoutingInput> = {}): RoutingInput => ({
  now: '2025-06-09T09:00:00Z',
  client: { id: 'acme', name: 'Acme Ltd' },
  roster: aRosterVersion(),
  profiles: Object.values(theAcmeTeam),
  openClientIssues: {},
  responseTargetMinutes: 240,
  names: { 'acc-maria': 'Maria Gomez' },
  ...overrides,
});

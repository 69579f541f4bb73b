import type { ClientMatchRule, Configuration } from '../../domain';
import { aClientRoster, aRosterVersion } from '../../domain/testing/roster-builders';
import { theAcmeTeam } from '../../domain/testing/routing-builders';
import type { IssueRef } from '../ports';
import {
  FakeJira,
  FakeUserJira,
  FixedClock,
  InMemoryConfiguration,
  InMemoryLedger,
  InMemorySweepState,
  InMemoryTriage,
} from './fakes';

/**
 * The unit tests' world: client Acme (recognised by component "Acme Portal", then by its reporters' group)
 * with Priya as primary SPOC, Ana and Kenji as backups and Maria as escalation manager; vetted work goes to
 * Dev. It is Monday 9 June 2025, 10:00 in London: Priya is at work.
 */
export const ACME_RULES: readonly ClientMatchRule[] = [
  { id: 'acme-portal', clientId: 'acme', kind: 'component', values: ['Acme Portal'] },
  { id: 'acme-group', clientId: 'acme', kind: 'reporter-group', values: ['client-acme'] },
];

export const PEOPLE = {
  priya: 'acc-priya',
  ana: 'acc-ana',
  kenji: 'acc-kenji',
  tom: 'acc-tom',
  maria: 'acc-maria',
  dev: 'acc-dev',
  client: 'acc-client',
  stranger: 'acc-stranger',
} as const;

export const SUP = { projectId: '10000', projectKey: 'SUP' } as const;

export function issueRef(n: number): IssueRef {
  return { id: String(10000 + n), key: `SUP-${n}`, ...SUP };
}

export function acmeConfiguration(overrides: Partial<Configuration> = {}): Partial<Configuration> {
  return {
    clients: [{ id: 'acme', name: 'Acme Ltd' }],
    rules: ACME_RULES,
    rosters: [aClientRoster(aRosterVersion({ deliveryTarget: { kind: 'user', accountId: PEOPLE.dev } }))],
    profiles: Object.values(theAcmeTeam),
    settings: { deliveryTeamAccountIds: [PEOPLE.dev], internalCommentRole: 'members' },
    ...overrides,
  };
}

export function aWorld(configuration: Partial<Configuration> = acmeConfiguration()) {
  const clock = new FixedClock(new Date('2025-06-09T09:00:00Z'));
  const config = new InMemoryConfiguration(configuration);
  config.names = { [PEOPLE.maria]: 'Maria Gomez', [PEOPLE.dev]: 'Dev Eloper', [PEOPLE.client]: 'Cli Ent' };
  const ledger = new InMemoryLedger();
  const triage = new InMemoryTriage(ledger);
  const jira = new FakeJira();
  Object.assign(jira.users, {
    [PEOPLE.priya]: 'Priya Shah',
    [PEOPLE.ana]: 'Ana Lima',
    [PEOPLE.kenji]: 'Kenji Sato',
    [PEOPLE.tom]: 'Tom Berg',
    [PEOPLE.maria]: 'Maria Gomez',
    [PEOPLE.dev]: 'Dev Eloper',
  });
  const sweepState = new InMemorySweepState();
  const deps = { clock, config, triage, ledger, jira, sweepState };
  /** Jira as a person who sees every issue and holds the given permissions. */
  const as = (permissions: readonly string[] = STAFF, canSee: (i: IssueRef) => boolean = () => true) => ({
    ...deps,
    user: new FakeUserJira(jira, canSee, new Set(permissions)),
  });
  return { ...deps, as };
}

export const STAFF = [
  'BROWSE_PROJECTS',
  'EDIT_ISSUES',
  'ASSIGN_ISSUES',
  'ADD_COMMENTS',
  'LINK_ISSUES',
  'TRANSITION_ISSUES',
];
export const ADMIN = [...STAFF, 'ADMINISTER_PROJECTS'];

export type World = ReturnType<typeof aWorld>;

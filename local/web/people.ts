import type { JiraStore } from '../jira/store';
import { DEMO_SEED } from '../seed/demo';
import type { PersonOption } from './html';

/**
 * The people the user switcher offers: every active person with an email address. Demo people are
 * described by their demo role (client reporter, SPOC, developer, manager, admin); anyone else by their
 * groups, which is what decides what they may see and do.
 */
const ROLE_LABELS: Readonly<Record<string, string>> = {
  'client-reporter': 'client',
  spoc: 'SPOC',
  developer: 'developer',
  manager: 'manager',
  admin: 'admin',
};

export function peopleOf(store: JiraStore): PersonOption[] {
  const demo = new Map(DEMO_SEED.people.map((p, i) => [p.email.toLowerCase(), { ...p, order: i }]));
  const clients = new Map(DEMO_SEED.clients.map((c) => [c.key, c.name]));
  return store
    .listUsers()
    .filter((user) => user.accountType === 'atlassian' && user.active && user.email)
    .map((user) => {
      const email = user.email as string;
      const person = demo.get(email.toLowerCase());
      const roles = person
        ? person.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ') +
          (person.client ? ` (${clients.get(person.client) ?? person.client})` : '')
        : store
            .groupsOf(user.accountId)
            .map((g) => g.name)
            .join(', ') || 'no groups';
      return { email, displayName: user.displayName, roles, order: person?.order ?? Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.order - b.order || a.displayName.localeCompare(b.displayName))
    .map(({ email, displayName, roles }) => ({ email, displayName, roles }));
}

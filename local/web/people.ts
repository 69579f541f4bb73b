import type { JiraStore } from '../jira/store';
import type { DemoPerson } from '../seed/types';
import type { PersonOption } from './html';

/**
 * The people the user switcher offers: every active person with an email address. Seeded people come
 * first, in the seed's order, described by their seed title; anyone else (or a seeded person without a
 * title) by their groups, which is what decides what they may see and do.
 */
export function peopleOf(store: JiraStore, seedPeople: readonly DemoPerson[]): PersonOption[] {
  const seeded = new Map(seedPeople.map((p, i) => [p.email.toLowerCase(), { title: p.title, order: i }]));
  return store
    .listUsers()
    .filter((user) => user.accountType === 'atlassian' && user.active && user.email)
    .map((user) => {
      const email = user.email as string;
      const person = seeded.get(email.toLowerCase());
      const title =
        person?.title ??
        (store
          .groupsOf(user.accountId)
          .map((g) => g.name)
          .join(', ') ||
          'no groups');
      return { email, displayName: user.displayName, title, order: person?.order ?? Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.order - b.order || a.displayName.localeCompare(b.displayName))
    .map(({ email, displayName, title }) => ({ email, displayName, title }));
}

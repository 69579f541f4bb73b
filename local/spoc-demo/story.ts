import type { DemoGroup, DemoIssue, DemoPerson, DemoProject, DemoSeed } from '../seed/types';

/**
 * The SPOC demo told in its own words: people by what they do (client reporter, SPOC, developer, manager,
 * admin) and the clients reporters belong to. `spocDemoSeed` turns that into the site's Jira terms (groups,
 * project roles, how the switcher names each person) and keeps the story's words beside them, which
 * `GET /local/api/seed` passes on for scripts and tests.
 */

/**
 * What a person does in the demo; decides their groups and project roles. A contractor is not staff: they
 * are a member only of the projects they work in (`memberOf`).
 */
export type DemoRole = 'client-reporter' | 'spoc' | 'developer' | 'manager' | 'admin' | 'contractor';

/** A person of the story; their groups and switcher title are derived (`spocDemoSeed`). */
export interface StoryPerson extends Omit<DemoPerson, 'groups' | 'title'> {
  readonly roles: readonly DemoRole[];
  /** The client a reporter belongs to (a `DemoClient.key`). */
  readonly client?: string;
  /** The projects a contractor is a member of, by key; they see no other project. */
  readonly memberOf?: readonly string[];
}

export interface DemoClient {
  readonly key: string;
  readonly name: string;
  readonly emailDomain: string;
  /** The Jira group holding the client's reporters: `client-<key>`. */
  readonly group: string;
  /** Components of the support project that belong to this client. */
  readonly components?: readonly string[];
  /** Labels that mark this client's issues. */
  readonly labels?: readonly string[];
  /** Who the demo roster names for this client (the app's own configuration decides; this is a suggestion). */
  readonly roster?: { readonly primary: string; readonly backups: readonly string[] };
  /** The client's support hours' time zone. */
  readonly timeZone?: string;
}

export interface DemoStory {
  readonly anchor: string;
  readonly people: readonly StoryPerson[];
  readonly clients: readonly DemoClient[];
  /** Groups with fixed ids: `jira-admins`, the staff group, one `client-<key>` per client. */
  readonly groups: readonly DemoGroup[];
  readonly projects: readonly DemoProject[];
  readonly issues: readonly DemoIssue[];
}

/** The site's seed with the story's words kept on it. */
export interface SpocDemoSeed extends DemoSeed {
  readonly people: ReadonlyArray<StoryPerson & DemoPerson>;
  readonly clients: readonly DemoClient[];
}

/** Staff (SPOCs, developers, managers, admins) are in this group; it holds the `members` role of every project. */
export const STAFF_GROUP = 'vendor-staff';
const ADMINS_GROUP = 'jira-admins';

const ROLE_TITLES: Readonly<Record<DemoRole, string>> = {
  'client-reporter': 'client',
  spoc: 'SPOC',
  developer: 'developer',
  manager: 'manager',
  admin: 'admin',
  contractor: 'contractor',
};

/**
 * Staff join the staff group, admins `jira-admins`, reporters their client's group; managers and admins
 * administer every project, staff are its members, and in client-facing projects every client group holds
 * the `clients` role. A contractor is in no group and a member only of the projects they work in.
 */
export function spocDemoSeed(story: DemoStory): SpocDemoSeed {
  const clientOf = (person: StoryPerson): DemoClient | undefined => {
    if (!person.client) return undefined;
    const client = story.clients.find((c) => c.key === person.client);
    if (!client) throw new Error(`Seed: ${person.email} belongs to unknown client ${person.client}`);
    return client;
  };
  const projectName = (key: string): string => {
    const project = story.projects.find((p) => p.key === key);
    if (!project) throw new Error(`Seed: a contractor works in unknown project ${key}`);
    return project.name;
  };
  const people = story.people.map((person) => {
    const client = clientOf(person);
    const groups = [
      ...(person.roles.some((r) => r !== 'client-reporter' && r !== 'contractor') ? [STAFF_GROUP] : []),
      ...(person.roles.includes('admin') ? [ADMINS_GROUP] : []),
      ...(client ? [client.group] : []),
    ];
    const only = person.memberOf?.length ? ` (${person.memberOf.map(projectName).join(', ')} only)` : '';
    const title =
      person.roles.map((r) => ROLE_TITLES[r]).join(', ') + (client ? ` (${client.name})` : '') + only;
    return { ...person, groups, title };
  });
  const membersOf = (key: string) =>
    story.people.filter((p) => p.memberOf?.includes(key)).map((p) => p.accountId);
  return {
    ...story,
    people,
    projects: story.projects.map((project) =>
      membersOf(project.key).length > 0
        ? { ...project, roles: { members: { users: membersOf(project.key) } } }
        : project,
    ),
    projectRoles: {
      administrators: {
        users: story.people
          .filter((p) => p.roles.includes('manager') || p.roles.includes('admin'))
          .map((p) => p.accountId),
      },
      members: { groups: [STAFF_GROUP] },
      clients: { groups: story.clients.map((c) => c.group) },
    },
  };
}

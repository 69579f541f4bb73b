/**
 * The demo data of the local site: people, clients, projects and issues. `DEMO_SEED` (demo.ts) is one such
 * value; `GET /local/api/seed` shows its people, projects and clients so scripts and tests can find who is
 * who. Everything has fixed ids, so a re-seed gives the same site.
 */

/** What a person does in the demo; decides their groups and project roles (see apply.ts). */
export type DemoRole = 'client-reporter' | 'spoc' | 'developer' | 'manager' | 'admin';

export interface DemoPerson {
  /** 24 hex characters, as Jira Cloud account ids look. */
  readonly accountId: string;
  readonly email: string;
  readonly displayName: string;
  /** IANA time zone. */
  readonly timeZone: string;
  readonly locale?: string;
  readonly roles: readonly DemoRole[];
  /** The client a reporter belongs to (a `DemoClient.key`). */
  readonly client?: string;
  /** Whether the person's profile shows their email to others (Jira Cloud hides most). Default false. */
  readonly emailVisible?: boolean;
}

export interface DemoComponent {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly lead?: string;
}

export interface DemoProject {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  /** Account id of the project lead. */
  readonly lead?: string;
  /** A client-facing project gives client reporters the `clients` role (they see only what they reported). */
  readonly clientFacing?: boolean;
  readonly components: readonly DemoComponent[];
  /**
   * The fields on the project's edit screen (field ids such as `assignee`, or app field keys); an edit of any
   * other field is refused as on Jira Cloud. Without it the project has the default screen: every field.
   */
  readonly editScreen?: readonly string[];
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

export interface DemoComment {
  readonly id: string;
  readonly author: string;
  /** Plain text; paragraphs separated by blank lines. Stored as ADF. */
  readonly body: string;
  readonly created: string;
  readonly visibility?: { readonly type: 'role' | 'group'; readonly value: string };
}

export interface DemoIssue {
  readonly id: string;
  readonly key: string;
  readonly issueType: 'Task' | 'Bug' | 'Story';
  readonly summary: string;
  /** Plain text; paragraphs separated by blank lines. Stored as ADF. */
  readonly description: string;
  readonly reporter: string;
  readonly assignee?: string;
  readonly priority: 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
  readonly status: 'To Do' | 'In Progress' | 'Done';
  readonly resolution?: 'Done' | "Won't Do" | 'Duplicate' | 'Cannot Reproduce';
  readonly labels?: readonly string[];
  /** Component names of the issue's project. */
  readonly components?: readonly string[];
  readonly created: string;
  readonly updated?: string;
  /** When work started (In Progress or Done issues); recorded in the changelog. */
  readonly started?: string;
  /** When it was resolved (Done issues). */
  readonly resolved?: string;
  readonly comments?: readonly DemoComment[];
  /** Links from this issue: `{ type: 'Blocks', to: 'DEV-2' }` reads "this issue blocks DEV-2". */
  readonly links?: ReadonlyArray<{
    readonly id: string;
    readonly type: 'Blocks' | 'Relates' | 'Duplicate';
    readonly to: string;
  }>;
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface DemoGroup {
  readonly groupId: string;
  readonly name: string;
}

export interface DemoSeed {
  /**
   * The moment the demo's timestamps were written for. Seeding shifts every timestamp by (site clock now −
   * anchor), so the demo always looks current: an issue created "two hours before the anchor" is two hours old.
   */
  readonly anchor: string;
  readonly people: readonly DemoPerson[];
  readonly clients: readonly DemoClient[];
  readonly projects: readonly DemoProject[];
  /** Groups with fixed ids: `jira-admins`, one `client-<key>` per client, and staff groups. */
  readonly groups: readonly DemoGroup[];
  readonly issues: readonly DemoIssue[];
}

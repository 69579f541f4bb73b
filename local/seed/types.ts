import type { ProjectRoleName } from '../jira/catalog';

/**
 * The Jira data a local site starts from, in Jira's own terms: people, groups, who holds which project role,
 * projects and issues. The hosted app's site profile brings it (local/site-profile.ts); `GET /local/api/seed`
 * shows it without its issues, so scripts and tests can find who is who. A seed may carry more than this (an
 * app's demo story); the site ignores it and the control API passes it on. Everything has fixed ids, so a
 * re-seed gives the same site.
 */

export interface DemoPerson {
  /** 24 hex characters, as Jira Cloud account ids look. */
  readonly accountId: string;
  readonly email: string;
  readonly displayName: string;
  /** IANA time zone. */
  readonly timeZone: string;
  readonly locale?: string;
  /** Whether the person's profile shows their email to others (Jira Cloud hides most). Default false. */
  readonly emailVisible?: boolean;
  /** The groups the person is in, by name (each one of `DemoSeed.groups`); `jira-admins` administers Jira. */
  readonly groups?: readonly string[];
  /** How the sign-in switcher and `npm start` describe the person; without it, by their groups. */
  readonly title?: string;
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
  /** Whether the seed's `projectRoles.clients` hold the `clients` role here (who see only what they reported). */
  readonly clientFacing?: boolean;
  /** `service_desk` for a Jira Service Management project (give it a `serviceDesks` entry); `software` by default. */
  readonly projectTypeKey?: 'software' | 'service_desk';
  readonly components: readonly DemoComponent[];
  /**
   * The fields on the project's edit screen (field ids such as `assignee`, or app field keys); an edit of any
   * other field is refused as on Jira Cloud. Without it the project has the default screen: every field.
   */
  readonly editScreen?: readonly string[];
  /** The project's workflow (local/jira/workflows.ts); the simplified one by default. */
  readonly workflow?: 'simplified' | 'simplified-with-resolve-screen' | 'classic';
  /** Who holds a role in this project alone, besides those `DemoSeed.projectRoles` names for every project. */
  readonly roles?: Readonly<Partial<Record<ProjectRoleName, DemoRoleHolders>>>;
}

/** Who holds a project role: people by account id, and groups by name. */
export interface DemoRoleHolders {
  readonly users?: readonly string[];
  readonly groups?: readonly string[];
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
  /** A status of the project's workflow: To Do, In Progress, Done; or Open … Closed in the classic one. */
  readonly status: 'To Do' | 'In Progress' | 'Done' | 'Open' | 'Reopened' | 'Resolved' | 'Closed';
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

/** A Jira Service Management desk on a `service_desk` project, with its request types and the organizations it serves. */
export interface DemoServiceDesk {
  readonly id: string;
  readonly projectKey: string;
  readonly requestTypes: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly description: string;
    readonly helpText?: string;
    readonly issueType: 'Task' | 'Bug' | 'Story';
  }>;
  /** Ids of the customer organizations the desk serves. */
  readonly organizations: readonly string[];
}

/** A customer organization and its members (account ids). */
export interface DemoOrganization {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
  readonly created?: string;
}

/** A seeded issue of a service desk project that is a customer request, and what JSM knows of it. */
export interface DemoRequest {
  readonly issueKey: string;
  readonly requestTypeId: string;
  /** Organizations the request is shared with. */
  readonly organizations?: readonly string[];
  readonly participants?: readonly string[];
  /** The customer's satisfaction rating (1–5), given after the request was resolved. */
  readonly feedback?: { readonly rating: number; readonly comment?: string; readonly at: string };
}

export interface DemoSeed {
  /**
   * The moment the demo's timestamps were written for. Seeding shifts every timestamp by (site clock now −
   * anchor), so the demo always looks current: an issue created "two hours before the anchor" is two hours old.
   */
  readonly anchor: string;
  readonly people: readonly DemoPerson[];
  /** Groups with fixed ids; `jira-admins` among them if anyone is to administer Jira. */
  readonly groups: readonly DemoGroup[];
  /** Who holds each project role in every project; `clients` only in client-facing projects. */
  readonly projectRoles?: Readonly<Partial<Record<ProjectRoleName, DemoRoleHolders>>>;
  readonly projects: readonly DemoProject[];
  readonly issues: readonly DemoIssue[];
  /** Jira Service Management: customer organizations, service desks and customer requests. */
  readonly organizations?: readonly DemoOrganization[];
  readonly serviceDesks?: readonly DemoServiceDesk[];
  readonly requests?: readonly DemoRequest[];
}

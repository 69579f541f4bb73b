import type { AppJira, Clock, IssueRef, KeptRightsAnswer, RightsCache, UserJira } from '../ports';

/**
 * What views ask Jira about the caller, kept for a short, stated time so that looking again costs no Jira
 * call: whether they may see the issue or project (and its ids), their rights on the issue (project
 * administration, editing issues) or project (project or Jira administration) and who leads a component
 * that receives vetted work (delivery membership). An answer counts for five minutes, for the person and the thing it was asked
 * about, and only under the configuration version it was asked with: saving the configuration drops every
 * kept answer at once. So a permission changed in Jira shows in views within five minutes; writes never
 * use kept answers and ask Jira at the moment of acting.
 */
export const RIGHTS_KEPT_FOR_MS = 5 * 60_000;

/** What the project page asks about the caller's project, in one call: who may change the configuration. */
export const PROJECT_PAGE_RIGHTS = ['ADMINISTER_PROJECTS', 'ADMINISTER'] as const;

/**
 * What the panel asks about the caller on an issue, in one call: administration gives the manager's actions,
 * editing the staff view. Asked on the issue, not the project: Jira can grant them by issue (to its
 * reporter, say) and issue security hides single issues, so a project's answer cannot stand for an issue.
 */
export const PANEL_RIGHTS = ['EDIT_ISSUES', 'ADMINISTER_PROJECTS'] as const;

export type Freshness = { readonly fresh: true } | { readonly fresh: false; readonly reason: string };

/** Whether a kept answer still counts now, under the configuration's current version, and why not. */
export function freshnessOf(kept: KeptRightsAnswer | undefined, now: Date, configVersion: number): Freshness {
  if (!kept) return { fresh: false, reason: 'Jira was not asked yet.' };
  if (kept.configVersion !== configVersion) {
    return {
      fresh: false,
      reason: `Jira was asked under configuration version ${kept.configVersion}; it is now ${configVersion}.`,
    };
  }
  const askedAt = Date.parse(kept.askedAt);
  if (!Number.isFinite(askedAt)) return { fresh: false, reason: 'The time Jira was asked is not readable.' };
  const age = now.getTime() - askedAt;
  // A clock that moved back would otherwise keep an answer longer than stated.
  if (age < 0) return { fresh: false, reason: 'Jira was asked at a time after now.' };
  if (age >= RIGHTS_KEPT_FOR_MS) {
    return {
      fresh: false,
      reason: `Jira was asked ${Math.floor(age / 60_000)} minutes ago; answers count for ${RIGHTS_KEPT_FOR_MS / 60_000}.`,
    };
  }
  return { fresh: true };
}

export interface KeptRightsDeps {
  readonly clock: Clock;
  /** Without it Jira is asked every time. */
  readonly rights?: RightsCache;
}

/** The KVS key of a kept answer: who asked (or `app`), what, and about what. */
export const keptRightsKey = (who: string, what: string, about: string): string =>
  `rights:${who}:${what}:${about}`;

/**
 * The kept answer when it still counts and reads back as `parse` expects, else Jira's (`ask`), kept when
 * `keep` says so. A failed write to the cache loses nothing but the saving on the next view.
 */
async function keptOrAsked<T>(
  deps: KeptRightsDeps,
  key: string,
  configVersion: number | Promise<number>,
  parse: (answer: unknown) => T | undefined,
  ask: () => Promise<T>,
  keep: (answer: T) => boolean = () => true,
): Promise<T> {
  const cache = deps.rights;
  if (!cache) {
    void Promise.resolve(configVersion).catch(() => undefined);
    return ask();
  }
  const now = deps.clock.now();
  // The kept answer and the configuration's version are read side by side (one storage request).
  const [kept, version] = await Promise.all([cache.get(key), configVersion]);
  if (freshnessOf(kept, now, version).fresh) {
    const value = parse(kept?.answer);
    if (value !== undefined) return value;
  }
  const answer = await ask();
  if (keep(answer)) {
    await cache
      .put(key, { askedAt: now.toISOString(), configVersion: version, answer })
      .catch(() => undefined);
  }
  return answer;
}

/** The project page's rights the caller holds on the project (none on a project they cannot see). */
export async function keptProjectRights(
  callerAccountId: string,
  projectKey: string,
  configVersion: number | Promise<number>,
  deps: KeptRightsDeps & { readonly user: UserJira },
): Promise<ReadonlySet<string>> {
  const held = await keptOrAsked(
    deps,
    keptRightsKey(callerAccountId, 'project-rights', projectKey),
    configVersion,
    (answer) => (isKeyList(answer) ? answer : undefined),
    async () => [...(await deps.user.projectPermissions(projectKey, PROJECT_PAGE_RIGHTS))],
  );
  return new Set(held);
}

export interface IssueAccess {
  readonly issue: IssueRef;
  /** Those of PANEL_RIGHTS the caller holds on the issue. */
  readonly held: ReadonlySet<string>;
}

/**
 * Whether the caller may see the issue, and which of PANEL_RIGHTS they hold on it; undefined when they
 * cannot see it. Only a yes is kept: someone just given access sees the issue at once, someone who lost it
 * stops seeing it within the stated time. With the issue's id (`issueId`, the panel's context gives it)
 * and the app's record of it (`recorded`), Jira is asked once: the permissions on the issue, seeing it
 * among them. Otherwise the issue is looked up first (its id and project), then the permissions asked.
 */
export async function keptIssueAccess(
  callerAccountId: string,
  issueIdOrKey: string,
  issueId: string | undefined,
  configVersion: number | Promise<number>,
  deps: KeptRightsDeps & {
    readonly user: UserJira;
    /** The issue as the app's own record names it, for an issue the app knows. */
    readonly recorded: (issueId: string) => Promise<IssueRef | undefined>;
  },
): Promise<IssueAccess | undefined> {
  const found = await keptOrAsked<{ readonly issue: IssueRef; readonly held: readonly string[] } | null>(
    deps,
    keptRightsKey(callerAccountId, 'issue', issueIdOrKey),
    configVersion,
    (answer) =>
      isObject(answer) && isIssueRef(answer.issue) && isKeyList(answer.held)
        ? { issue: answer.issue, held: answer.held }
        : undefined,
    async () => {
      const recorded = issueId === undefined ? undefined : await deps.recorded(issueId);
      if (issueId !== undefined && recorded) {
        const held = await deps.user.issuePermissions(issueId, ['BROWSE_PROJECTS', ...PANEL_RIGHTS]);
        if (!held.has('BROWSE_PROJECTS')) return null;
        return { issue: recorded, held: PANEL_RIGHTS.filter((k) => held.has(k)) };
      }
      const issue = await deps.user.issue(issueIdOrKey);
      if (!issue) return null;
      return { issue, held: [...(await deps.user.issuePermissions(issue.id, PANEL_RIGHTS))] };
    },
    (answer) => answer !== null,
  );
  return found ? { issue: found.issue, held: new Set(found.held) } : undefined;
}

/** The project if the caller may see it; as for issues, only a yes is kept. */
export async function keptVisibleProject(
  callerAccountId: string,
  projectKey: string,
  configVersion: number | Promise<number>,
  deps: KeptRightsDeps & { readonly user: UserJira },
): Promise<{ readonly id: string; readonly key: string } | undefined> {
  const found = await keptOrAsked<{ readonly id: string; readonly key: string } | null>(
    deps,
    keptRightsKey(callerAccountId, 'project', projectKey),
    configVersion,
    (answer) => (isProjectRef(answer) ? answer : undefined),
    async () => (await deps.user.project(projectKey)) ?? null,
    (answer) => answer !== null,
  );
  return found ?? undefined;
}

/** Who leads a component (for a delivery target "the component's lead"), asked of Jira as the app. */
export function keptComponentLead(
  componentId: string,
  configVersion: number | Promise<number>,
  deps: KeptRightsDeps & { readonly jira: Pick<AppJira, 'componentLead'> },
): Promise<string | null> {
  return keptOrAsked<string | null>(
    deps,
    keptRightsKey('app', 'component-lead', componentId),
    configVersion,
    (answer) => (answer === null || typeof answer === 'string' ? answer : undefined),
    () => deps.jira.componentLead(componentId),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isKeyList = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((k) => typeof k === 'string');

function isIssueRef(value: unknown): value is IssueRef {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.key === 'string' &&
    typeof value.projectId === 'string' &&
    typeof value.projectKey === 'string'
  );
}

function isProjectRef(value: unknown): value is { readonly id: string; readonly key: string } {
  return isObject(value) && typeof value.id === 'string' && typeof value.key === 'string';
}

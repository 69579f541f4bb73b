import { demoConfiguration } from '../../../local/spoc-demo';
import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from '../routing/routing-site';

/**
 * The local site with the SPOC demo, for the sweep's tests: what Jira shows of an issue (comments with their
 * mentions, assignee, SPOC field, the `spoc` property and JQL on it), what the panel and the Escalation
 * status gadget show through their resolvers, and time moved on the site clock, on which the site's
 * dispatcher runs the `spoc-sweep` scheduled trigger by itself when a run falls due.
 */
export { PEOPLE, stopRoutingSite as stopSweepSite };

export type Reply<T = any> = { ok: true; data: T } | { ok: false; error: string };

export interface JiraComment {
  readonly text: string;
  /** Account ids of the people the comment mentions, whom Jira notifies. */
  readonly mentions: readonly string[];
  readonly internal: boolean;
  readonly author: string;
}

export interface IssueInJira {
  readonly assignee: string | null;
  readonly spocField: string | null;
  /** The `spoc` issue property as Jira holds it; undefined when there is none. */
  readonly property: Record<string, any> | undefined;
  readonly labels: readonly string[];
}

export interface SweepRun {
  readonly ok: boolean;
  readonly error?: string;
  readonly result: any;
}

export interface SweepSite extends RoutingSite {
  ok<T = any>(reply: Reply<T>): T;
  /** The panel's view of the issue for the person, through its resolver. */
  panel(key: string, as?: string): Promise<any>;
  /** A triage action in the panel, as the person. */
  act(as: string, key: string, payload: Record<string, unknown>): Promise<Reply>;
  /** The Escalation status gadget's snapshot, as the manager sees it. */
  escalations(as?: string): Promise<any>;
  comments(key: string, as?: string): Promise<JiraComment[]>;
  issue(key: string): Promise<IssueInJira>;
  /** Issue keys a JQL search finds, as the person. */
  jql(query: string, as?: string): Promise<string[]>;
  /** Files a client issue of Acme (component Acme Portal) as Li Wei. */
  fileAcmeIssue(summary: string, priority?: string): Promise<{ key: string; id: string }>;
  /** Moves the site clock, then waits while whatever fell due (the sweep, retries) runs. */
  advance(minutes: number): Promise<void>;
  /** Sets the site clock (forward only), then waits while whatever fell due runs. */
  setClock(at: string): Promise<void>;
  /** Runs the scheduled sweep now, as `POST /local/api/scheduled/run` with `all` does, and answers its report. */
  sweep(): Promise<SweepRun>;
  /** Every sweep run so far, oldest first, with its report. */
  sweepRuns(): SweepRun[];
  /** Replaces the demo's configuration through the app's import, as its administrator would. */
  configure(change: (document: Record<string, any>) => void): Promise<void>;
}

const textOf = (node: any): string =>
  node.type === 'text'
    ? node.text
    : node.type === 'mention'
      ? node.attrs.text
      : (node.content ?? []).map(textOf).join(node.type === 'doc' || node.type === 'bulletList' ? '\n' : '');

const mentionsOf = (node: any): string[] =>
  node.type === 'mention' ? [node.attrs.id] : (node.content ?? []).flatMap(mentionsOf);

export async function startSweepSite(): Promise<SweepSite> {
  const site = await startRoutingSite();
  const ok = <T>(reply: Reply<T>): T => {
    if (!reply.ok) throw new Error(`Expected success, got: ${reply.error}`);
    return reply.data;
  };
  const runs = (): SweepRun[] =>
    site.forge
      .invocations()
      .filter((i) => i.kind === 'scheduled' && i.functionKey === 'sweep')
      .map((i) => ({ ok: i.outcome === 'ok', ...(i.error ? { error: i.error } : {}), result: i.result }));
  const extra: Omit<SweepSite, keyof RoutingSite> = {
    ok,
    async panel(key, as = PEOPLE.hannah) {
      return ok(await site.invoke('spoc-panel', 'getSpocView', as, { issueKey: key }));
    },
    act: (as, key, payload) => site.invoke('spoc-panel', 'applyTriageAction', as, { issueKey: key, payload }),
    async escalations(as = PEOPLE.hannah) {
      return ok(await site.invoke('spoc-escalations-gadget', 'getSnapshot', as));
    },
    async comments(key, as = PEOPLE.hannah) {
      const answer = await site.asPerson(as).get(`/rest/api/3/issue/${key}/comment?maxResults=100`);
      return answer.body.comments.map((c: any) => ({
        text: textOf(c.body),
        mentions: mentionsOf(c.body),
        internal: c.visibility !== undefined,
        author: c.author.accountId,
      }));
    },
    async issue(key) {
      const answer = await site
        .asPerson(PEOPLE.hannah)
        .get(`/rest/api/3/issue/${key}?fields=assignee,labels,${site.spocFieldId}&properties=spoc`);
      const fields = answer.body.fields;
      return {
        assignee: fields.assignee?.accountId ?? null,
        spocField: fields[site.spocFieldId]?.accountId ?? null,
        property: answer.body.properties?.spoc,
        labels: fields.labels ?? [],
      };
    },
    async jql(query, as = PEOPLE.hannah) {
      const answer = await site
        .asPerson(as)
        .post('/rest/api/3/search/jql', { jql: query, fields: ['summary'], maxResults: 100 });
      if (answer.status !== 200) throw new Error(`JQL failed: ${JSON.stringify(answer.body)}`);
      return answer.body.issues.map((i: { key: string }) => i.key);
    },
    fileAcmeIssue: (summary, priority = 'Medium') =>
      site.fileIssue(PEOPLE.liWei, {
        project: { key: 'SUP' },
        issuetype: { name: 'Bug' },
        summary,
        priority: { name: priority },
        components: [{ name: 'Acme Portal' }],
      }),
    async advance(minutes) {
      site.clock.advanceMinutes(minutes);
      await site.idle();
    },
    async setClock(at) {
      const to = new Date(at);
      if (to.getTime() < site.clock.nowMs()) throw new Error(`The clock is past ${at} already`);
      site.clock.set(to);
      await site.idle();
    },
    async sweep() {
      const before = runs().length;
      const [outcome] = await site.forge.runScheduledTriggers({ all: true });
      if (!outcome) throw new Error('The manifest has no scheduled trigger');
      const run = runs()[before];
      if (!run) throw new Error('The sweep did not run');
      return run;
    },
    sweepRuns: runs,
    async configure(change) {
      const current = ok(
        await site.invoke<any>('spoc-project-page', 'getConfiguration', PEOPLE.sam, { projectKey: 'SUP' }),
      );
      const document = demoConfiguration(site.clock.now()) as Record<string, any>;
      change(document);
      ok(
        await site.invoke('spoc-project-page', 'importConfiguration', PEOPLE.sam, {
          projectKey: 'SUP',
          payload: { document, expectedVersion: current.version },
        }),
      );
    },
  };
  return Object.assign(site, extra);
}

/** Every day of the week, the same shift. */
export const everyDay = (start: string, end: string) =>
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, start, end }));

/** Monday to Friday, the same shift. */
export const weekdays = (start: string, end: string) =>
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start, end }));

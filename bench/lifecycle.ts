/**
 * What a client issue costs against the app's Jira quota over its whole life, measured on the local site
 * with the real app: each triage action against its floor (the writes it must make), panel views (first
 * and repeated) by every role, and one issue's life from creation to vetted with a realistic mix. Only the
 * app's own calls count (as itself, or for a person from a resolver): that is the shared quota.
 */
import type { Site } from '../local/site';
import { PEOPLE } from '../local/spoc-demo';
import { act, asClient, file, lastLogId, panelCall, sum } from './common';

/** Since March 2026 one app shares this many points an hour across every site it is installed on. */
export const GLOBAL_POINTS_PER_HOUR = 65_000;

export interface Cost {
  readonly calls: number;
  readonly points: number;
  /** Writes among the calls: what the step must make, one point each. */
  readonly writes: number;
}

const appCalls = (site: Site, afterId: number) =>
  site.gateway.requestLog
    .entries({ afterId })
    .filter((e) => e.caller === 'app' || e.caller.startsWith('app-as-user'));

/** The app's Jira cost of `step`, after every trigger it caused has run. */
export async function costOf(site: Site, step: () => Promise<unknown>): Promise<Cost> {
  const before = lastLogId(site);
  await step();
  await site.idle();
  const calls = appCalls(site, before);
  return {
    calls: calls.length,
    points: sum(calls.map((c) => c.points)),
    writes: calls.filter((c) => c.method !== 'GET' && !/\/search\//.test(c.path)).length,
  };
}

const plus = (a: Cost, b: Cost): Cost => ({
  calls: a.calls + b.calls,
  points: a.points + b.points,
  writes: a.writes + b.writes,
});
const NONE: Cost = { calls: 0, points: 0, writes: 0 };

async function routedIssue(site: Site, summary: string): Promise<string> {
  const { key } = await file(site, asClient, summary);
  await site.idle();
  return key;
}

const view = (site: Site, accountId: string, key: string) => () =>
  panelCall(site, accountId, key, 'getSpocView');

export interface ActionCost extends Cost {
  readonly action: string;
}

/** Whoever the app made the issue's SPOC (its assignee after routing), and a colleague of theirs on the roster. */
function rolesOf(site: Site, key: string): { spoc: string; colleague: string } {
  const spoc = site.jira.store.getIssue(key)?.assignee ?? PEOPLE.priya;
  return { spoc, colleague: spoc === PEOPLE.chloe ? PEOPLE.priya : PEOPLE.chloe };
}

/** Each triage action once, on an issue prepared for it, by someone allowed to take it. */
export async function actionCosts(site: Site): Promise<readonly ActionCost[]> {
  type Who = (roles: { spoc: string; colleague: string }) => string;
  const spoc: Who = (r) => r.spoc;
  const steps: Array<
    [string, Who, (key: string, spoc: string) => Promise<void>, (r: { colleague: string }) => unknown]
  > = [
    ['accept-for-delivery', spoc, async () => undefined, () => ({ action: 'accept-for-delivery' })],
    [
      'request-info',
      spoc,
      async () => undefined,
      () => ({ action: 'request-info', message: 'Which order?' }),
    ],
    ['reject', spoc, async () => undefined, () => ({ action: 'reject', reason: 'Works as designed.' })],
    ['escalate', spoc, async () => undefined, () => ({ action: 'escalate', reason: 'Blocks billing.' })],
    ['take-over', (r) => r.colleague, async () => undefined, () => ({ action: 'take-over' })],
    [
      'reassign',
      spoc,
      async () => undefined,
      (r) => ({ action: 'reassign', toAccountId: r.colleague, reason: 'Holiday.' }),
    ],
    [
      'return-to-spoc',
      () => PEOPLE.marco,
      (key, by) => act(site, by, key, { action: 'accept-for-delivery' }),
      () => ({ action: 'return-to-spoc', reason: 'Which browser?' }),
    ],
    [
      'acknowledge',
      spoc,
      (key, by) => act(site, by, key, { action: 'escalate', reason: 'Needs a hand.' }),
      () => ({ action: 'acknowledge' }),
    ],
  ];
  const results: ActionCost[] = [];
  for (const [action, who, prepare, payload] of steps) {
    const key = await routedIssue(site, `Bench action ${action}`);
    const roles = rolesOf(site, key);
    await prepare(key, roles.spoc);
    const cost = await costOf(site, () => act(site, who(roles), key, payload(roles)));
    results.push({ action, ...cost });
    // Vetted, so the SPOCs' load stays where it was for the next action.
    if (['request-info', 'escalate', 'reassign', 'take-over', 'acknowledge'].includes(action)) {
      const now = rolesOf(site, key).spoc;
      await act(site, now, key, { action: 'accept-for-delivery' });
    }
  }
  // A duplicate of another client issue the reporter can see.
  const original = await routedIssue(site, 'Bench original');
  const copy = await routedIssue(site, 'Bench duplicate');
  results.push({
    action: 'mark-duplicate',
    ...(await costOf(site, () =>
      act(site, rolesOf(site, copy).spoc, copy, { action: 'mark-duplicate', duplicateOf: original }),
    )),
  });
  await act(site, rolesOf(site, original).spoc, original, { action: 'accept-for-delivery' });
  return results;
}

export interface PanelViewCost {
  readonly first: Cost;
  readonly repeated: Cost;
  /** The five views of an issue's life: the SPOC twice, the client, a developer, a manager. */
  readonly fiveViews: Cost;
}

export async function panelViewCosts(site: Site): Promise<PanelViewCost> {
  const key = await routedIssue(site, 'Bench views');
  const first = await costOf(site, view(site, PEOPLE.priya, key));
  const repeated = await costOf(site, view(site, PEOPLE.priya, key));
  const other = await routedIssue(site, 'Bench five views');
  let fiveViews = NONE;
  for (const who of [PEOPLE.priya, PEOPLE.priya, PEOPLE.liWei, PEOPLE.marco, PEOPLE.hannah]) {
    fiveViews = plus(fiveViews, await costOf(site, view(site, who, other)));
  }
  return { first, repeated, fiveViews };
}

export interface LifeCost {
  readonly life: Cost;
  /** The writes the life must make, one point each: its floor. */
  readonly floor: number;
  readonly steps: ReadonlyArray<{ readonly step: string } & Cost>;
  readonly issuesPerHourGlobal: number;
}

/**
 * One client issue from creation to vetted: routing, five panel views (the SPOC twice, the client, a
 * developer, a manager), a request for information and the client's reply, the acceptance, and its share
 * of one sweep pass (the reconcile slice checks a few open issues per run with one search).
 */
export async function lifeCost(site: Site): Promise<LifeCost> {
  const steps: Array<{ step: string } & Cost> = [];
  let key = '';
  const step = async (name: string, run: () => Promise<unknown>) => {
    steps.push({ step: name, ...(await costOf(site, run)) });
  };
  await step('routing', async () => {
    key = await routedIssue(site, 'Bench life');
  });
  const spoc = () => rolesOf(site, key).spoc;
  await step('SPOC views the issue', () => view(site, spoc(), key)());
  await step('client views it', view(site, PEOPLE.liWei, key));
  await step('SPOC asks for information', () =>
    act(site, spoc(), key, { action: 'request-info', message: 'Which consignment?' }),
  );
  await step('client replies', async () => {
    const answer = await site.gateway.fetch(asClient, {
      method: 'POST',
      url: `/rest/api/3/issue/${key}/comment`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ABC-123' }] }],
        },
      }),
    });
    if (answer.status !== 201) throw new Error(`The client's comment answered ${answer.status}.`);
  });
  const theSpoc = spoc();
  await step('SPOC views it again', view(site, theSpoc, key));
  await step('SPOC accepts it', () => act(site, theSpoc, key, { action: 'accept-for-delivery' }));
  await step('developer views it', view(site, PEOPLE.marco, key));
  await step('manager views it', view(site, PEOPLE.hannah, key));
  // The sweep's reconcile search reads five open issues' copies in one call: a fifth of it per issue.
  const sweep = await costOf(site, () => site.forge.runScheduledTriggers({ all: true }));
  const share = (n: number) => Math.round((n / 5) * 100) / 100;
  steps.push({
    step: 'its share of a sweep pass',
    calls: share(sweep.calls),
    points: share(sweep.points),
    writes: 0,
  });
  const life = steps.reduce<Cost>((total, s) => plus(total, s), NONE);
  return {
    life,
    floor: life.writes,
    steps,
    issuesPerHourGlobal: Math.floor(GLOBAL_POINTS_PER_HOUR / Math.max(1, life.points)),
  };
}

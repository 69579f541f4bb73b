import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from '../routing/routing-site';

/**
 * What a SPOC panel view costs the app's Jira quota, on the local site with the real app and its gateway:
 * a first view asks Jira about the caller (may they see the issue, and their rights on it) and a repeated
 * one asks nothing, for each role. Kept answers count five minutes for the person and the issue, and no
 * longer than the configuration version they were asked under; writes ask Jira at the moment of acting.
 */
let site: RoutingSite;

beforeAll(async () => {
  site = await startRoutingSite();
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopRoutingSite(site);
});

type Reply<T = any> = { ok: true; data: T } | { ok: false; error: string };

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Expected success, got: ${reply.error}`);
  return reply.data;
}

interface Cost<T> {
  readonly result: T;
  /** The app's Jira calls (as itself or for the person), as `METHOD path`. */
  readonly calls: readonly string[];
  readonly points: number;
}

/** The app's Jira calls and points while `step` ran, after everything it set off has run. */
async function costOf<T>(step: () => Promise<T>): Promise<Cost<T>> {
  await site.idle();
  const before = await site.lastLogId();
  const result = await step();
  await site.idle();
  const log = await site.anonymous.get(`/local/api/requests?since=${before}&caller=app`);
  const entries = log.body.entries as Array<{ method: string; path: string; points: number }>;
  return {
    result,
    calls: entries.map((e) => `${e.method} ${e.path}`),
    points: entries.reduce((sum, e) => sum + e.points, 0),
  };
}

const view = (as: string, issueKey: string) =>
  costOf(async () => ok(await site.invoke<any>('spoc-panel', 'getSpocView', as, { issueKey })));

/** What the caller's rights decide in a view: their roles, actions and whether they see the staff's view. */
const decidedByRights = (v: any) => ({
  callerRoles: v.callerRoles,
  allowedActions: v.allowedActions,
  staffView: v.spocNow !== null || v.reasons.length > 0,
  history: v.history.length,
});

const acmeIssue = (summary: string) =>
  site.fileIssue(PEOPLE.tom, {
    project: { key: 'SUP' },
    issuetype: { name: 'Bug' },
    summary,
    components: [{ name: 'Acme Portal' }],
  });

const ROLES = [
  ['the SPOC', PEOPLE.priya],
  ['the reporting client', PEOPLE.tom],
  ['a developer of the delivery team', PEOPLE.marco],
  ['the manager', PEOPLE.hannah],
] as const;

const SUP = () => {
  const project = site.jira.store.getProject('SUP');
  if (!project) throw new Error('No project SUP');
  return project;
};

/**
 * A Jira administrator takes a person out of a project role. The local site serves no REST endpoint for
 * that (Jira's DELETE /project/{key}/role/{id}), so the test changes the role table the site checks
 * permissions by, as that request would.
 */
function removeFromRole(accountId: string, role: string): void {
  const { db } = site.jira.store as unknown as {
    db: { prepare(sql: string): { run(...args: unknown[]): { changes: number } } };
  };
  const removed = db
    .prepare(
      "DELETE FROM jira_project_role_actor WHERE project_id = ? AND role = ? AND actor_type = 'user' AND actor = ?",
    )
    .run(Number(SUP().id), role, accountId);
  if (removed.changes !== 1) throw new Error(`${accountId} was not in the ${role} role of SUP`);
}

describe('a SPOC panel view', () => {
  let key: string;
  const first = new Map<string, Cost<any>>();

  beforeAll(async () => {
    ({ key } = await acmeIssue('Proof of delivery photos are rotated'));
  });

  it.each(ROLES)(
    'asks Jira only about the caller the first time (%s): may they see the issue, their rights on it',
    async (_role, who) => {
      const cost = await view(who, key);
      first.set(who, cost);
      // Without the issue's id from the panel's context the issue is looked up first: two questions.
      expect(cost.calls).toEqual([`GET /rest/api/3/issue/${key}`, 'GET /rest/api/3/mypermissions']);
      expect(cost.points).toBeLessThanOrEqual(7);
      // No read of the `spoc` property: the app's record is what the panel shows.
      expect(cost.calls.join(' ')).not.toMatch(/properties/);
    },
  );

  it.each(ROLES)('asks Jira nothing when looked at again (%s), and shows the same', async (_role, who) => {
    site.clock.advanceMinutes(1);
    const again = await view(who, key);
    expect(again.calls).toEqual([]);
    expect(again.points).toBe(0);
    expect(decidedByRights(again.result)).toEqual(decidedByRights(first.get(who)?.result));
  });

  it('shows each role what it may do, whoever looked before', async () => {
    const seen = Object.fromEntries(
      await Promise.all(ROLES.map(async ([role, who]) => [role, (await view(who, key)).result])),
    );
    expect(seen['the SPOC']).toMatchObject({ callerRoles: ['spoc'] });
    expect(seen['the SPOC'].allowedActions).toEqual(
      expect.arrayContaining(['accept-for-delivery', 'request-info', 'reject', 'reassign']),
    );
    expect(seen['the reporting client']).toMatchObject({
      callerRoles: [],
      allowedActions: [],
      reasons: [],
      history: [],
    });
    expect(seen['a developer of the delivery team']).toMatchObject({
      callerRoles: ['delivery'],
      allowedActions: [],
    });
    expect(seen['the manager'].callerRoles).toEqual(
      expect.arrayContaining(['escalation-manager', 'manager']),
    );
    expect(seen['the manager'].allowedActions).toContain('reassign');
    // Another client of the project sees nothing of it, though the others' answers are kept.
    const other = await site.invoke('spoc-panel', 'getSpocView', PEOPLE.maria, { issueKey: key });
    expect(other).toMatchObject({ ok: false, error: expect.stringMatching(/cannot see it/) });
  });

  it('asks Jira again once the configuration changes', async () => {
    const exported = ok(await site.invoke<any>('spoc-project-page', 'exportConfiguration', PEOPLE.sam));
    ok(
      await site.invoke('spoc-project-page', 'importConfiguration', PEOPLE.sam, {
        payload: { document: exported, expectedVersion: exported.version },
      }),
    );
    const afterSave = await view(PEOPLE.priya, key);
    expect(afterSave.calls).toHaveLength(2);
    expect((await view(PEOPLE.priya, key)).calls).toEqual([]);
  });
});

describe('a permission changed in Jira', () => {
  it('shows in the panel within five minutes; a write checks at the moment of acting', async () => {
    const { key } = await acmeIssue('Driver app logs out every night');
    const colleague = PEOPLE.chloe;
    expect((await view(PEOPLE.hannah, key)).result.allowedActions).toContain('reassign');
    removeFromRole(PEOPLE.hannah, 'administrators');

    site.clock.advanceMinutes(4);
    const kept = await view(PEOPLE.hannah, key);
    expect(kept.calls).toEqual([]);
    // Still offered from the kept answer, but Jira is asked when she acts, and the app refuses.
    expect(kept.result.allowedActions).toContain('reassign');
    const refused = await site.invoke('spoc-panel', 'applyTriageAction', PEOPLE.hannah, {
      issueKey: key,
      payload: { action: 'reassign', toAccountId: colleague, reason: 'Priya is overloaded.' },
    });
    expect(refused.ok).toBe(false);
    expect(site.jira.store.getIssue(key)?.assignee).toBe(PEOPLE.priya);

    site.clock.advanceMinutes(1);
    const asked = await view(PEOPLE.hannah, key);
    expect(asked.calls).toHaveLength(2);
    expect(asked.result.allowedActions).not.toContain('reassign');
    expect(asked.result.callerRoles).not.toContain('manager');
  });

  it('a right given shows within five minutes too', async () => {
    const { key } = await acmeIssue('Invoice totals round the wrong way');
    expect((await view(PEOPLE.marco, key)).result.allowedActions).not.toContain('reassign');
    site.jira.store.addRoleActor(SUP().id, {
      role: 'administrators',
      actorType: 'user',
      actor: PEOPLE.marco,
    });
    site.clock.advanceMinutes(4);
    expect((await view(PEOPLE.marco, key)).result.allowedActions).not.toContain('reassign');
    site.clock.advanceMinutes(1);
    expect((await view(PEOPLE.marco, key)).result.allowedActions).toContain('reassign');
  });
});

describe('the searchable copy', () => {
  it('is not read by a view; a rewritten copy is repaired by the SPOC’s queue', async () => {
    const { key } = await acmeIssue('Route sheet prints blank pages');
    const tampered = await site.asPerson(PEOPLE.marco).put(`/rest/api/3/issue/${key}/properties/spoc`, {
      state: 'vetted',
      clientId: 'acme',
    });
    expect(tampered.status).toBeLessThan(300);
    const copy = async () =>
      (await site.asPerson(PEOPLE.hannah).get(`/rest/api/3/issue/${key}/properties/spoc`)).body.value;
    const seen = await view(PEOPLE.priya, key);
    expect(seen.result.state).toBe('awaiting-spoc');
    expect(await copy()).toMatchObject({ state: 'vetted' });
    ok(await site.invoke('spoc-project-page', 'getMyQueue', PEOPLE.priya));
    expect(await copy()).toMatchObject({ state: 'awaiting-spoc', spocAccountId: PEOPLE.priya });
  });
});

describe('the project page', () => {
  const page = (functionKey: string, as: string) =>
    costOf(async () => ok(await site.invoke<any>('spoc-project-page', functionKey, as)));

  it('asks the caller’s rights in the project once, then not again for five minutes', async () => {
    const first = await page('getProjectOverview', PEOPLE.sam);
    expect(first.result.canSeeConfiguration).toBe(true);
    expect(first.calls).toContain('GET /rest/api/3/mypermissions');
    const again = await page('getProjectOverview', PEOPLE.sam);
    expect(again.result).toEqual(first.result);
    // What is left is the open-issue count, which is data, not a right.
    expect(again.calls).toEqual(['POST /rest/api/3/search/approximate-count']);
    const configuration = await page('getConfiguration', PEOPLE.sam);
    expect(configuration.result.canEdit).toBe(true);
    // (Its one call names whoever saved last, who is named nowhere in the configuration: data, not a right.)
    expect(configuration.calls.filter((c) => c.includes('permissions'))).toEqual([]);
    // A client is refused the configuration, from a kept answer as from Jira's.
    const refused = () => site.invoke('spoc-project-page', 'getConfiguration', PEOPLE.liWei);
    expect(await refused()).toMatchObject({ ok: false });
    expect((await costOf(refused)).result).toMatchObject({ ok: false });
  });

  it('the vetted queue asks once whether the caller may see the project', async () => {
    const first = await page('getVettedQueue', PEOPLE.ben);
    expect(first.calls).toContain('GET /rest/api/3/project/SUP');
    const again = await page('getVettedQueue', PEOPLE.ben);
    expect(again.calls.filter((c) => c.includes('/project/'))).toEqual([]);
    expect(again.result).toEqual(first.result);
  });
});

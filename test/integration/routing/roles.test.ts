import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from './routing-site';

/**
 * Every role's allowed and forbidden actions, through the app's real resolvers on the local site, with
 * Jira's own permissions behind them: SPOCs and backups triage, delivery returns, project administrators
 * keep rosters and policy, each SPOC keeps their own profile, clients only see.
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

const panel = <T = any>(
  functionKey: string,
  as: string,
  issueKey: string,
  payload?: unknown,
): Promise<Reply<T>> => site.invoke<T>('spoc-panel', functionKey, as, { issueKey, payload });
const page = <T = any>(functionKey: string, as: string, payload?: unknown): Promise<Reply<T>> =>
  site.invoke<T>('spoc-project-page', functionKey, as, { payload });
const act = (as: string, issueKey: string, payload: Record<string, unknown>) =>
  panel('applyTriageAction', as, issueKey, payload);

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Expected success, got: ${reply.error}`);
  return reply.data;
}

function refused(reply: Reply, message: RegExp): void {
  expect(reply.ok).toBe(false);
  if (!reply.ok) expect(reply.error).toMatch(message);
}

const textOf = (node: any): string =>
  node.type === 'text'
    ? node.text
    : node.type === 'mention'
      ? node.attrs.text
      : (node.content ?? []).map(textOf).join(node.type === 'paragraph' ? '' : '\n');

async function lastComment(
  key: string,
  as: string = PEOPLE.hannah,
): Promise<{ text: string; internal: boolean }> {
  const comments = (await site.asPerson(as).get(`/rest/api/3/issue/${key}/comment`)).body.comments;
  const last = comments.at(-1);
  return { text: textOf(last.body), internal: last.visibility !== undefined };
}

async function issueFields(key: string): Promise<any> {
  return (
    await site
      .asPerson(PEOPLE.hannah)
      .get(`/rest/api/3/issue/${key}?fields=assignee,labels,issuelinks&properties=spoc`)
  ).body;
}

const acmeIssue = (summary: string) =>
  site.fileIssue(PEOPLE.tom, {
    project: { key: 'SUP' },
    issuetype: { name: 'Bug' },
    summary,
    components: [{ name: 'Acme Portal' }],
  });

describe('the SPOC panel view', () => {
  it('shows the SPOC everything, the reporting client only the state and their SPOC, and nothing to other clients', async () => {
    const { key } = await acmeIssue('Signature capture is blank on Android');
    const forSpoc = ok(await panel('getSpocView', PEOPLE.priya, key));
    expect(forSpoc).toMatchObject({
      state: 'awaiting-spoc',
      callerRoles: ['spoc'],
      spoc: { displayName: 'Priya Shah' },
    });
    expect(forSpoc.spocNow).toMatchObject({ timeZone: 'Europe/London', status: 'available' });
    expect(forSpoc.reasons.join(' ')).toMatch(/component Acme Portal/);
    const forClient = ok(await panel('getSpocView', PEOPLE.tom, key));
    expect(forClient).toMatchObject({
      state: 'awaiting-spoc',
      spoc: { displayName: 'Priya Shah' },
      reasons: [],
      allowedActions: [],
    });
    refused(await panel('getSpocView', PEOPLE.maria, key), /does not exist or you cannot see it/);
  });
});

describe('triage', () => {
  let key: string;

  beforeAll(async () => {
    ({ key } = await acmeIssue('Route planner ignores the depot closing time'));
  });

  // People take minutes between steps; Jira's per-issue write limit (20 per 2 s) counts on the site clock.
  beforeEach(() => {
    site.clock.advanceMinutes(1);
  });

  it('the SPOC asks the client for information; nobody outside the roster may', async () => {
    refused(
      await act(PEOPLE.yuki, key, { action: 'request-info', message: 'Hi' }),
      /Only the issue's SPOC or their backups/,
    );
    refused(
      await act(PEOPLE.tom, key, { action: 'request-info', message: 'Hi' }),
      /Only the issue's SPOC or their backups/,
    );
    refused(await act(PEOPLE.priya, key, { action: 'request-info' }), /A message to the client is required/);
    const { view } = ok(
      await act(PEOPLE.priya, key, { action: 'request-info', message: 'Which depot, and since when?' }),
    );
    expect(view.state).toBe('info-requested');
    const comment = await lastComment(key, PEOPLE.tom);
    expect(comment).toMatchObject({ internal: false });
    expect(comment.text).toContain('Which depot, and since when?');
  });

  it('the client answers: the issue is back with the SPOC, who is told', async () => {
    const answered = await site.asPerson(PEOPLE.tom).post(`/rest/api/3/issue/${key}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hamburg, since Monday.' }] }],
      },
    });
    expect(answered.status).toBe(201);
    await site.idle();
    expect(ok(await panel('getSpocView', PEOPLE.priya, key)).state).toBe('awaiting-spoc');
    const told = await lastComment(key);
    expect(told).toMatchObject({ internal: true });
    expect(told.text).toMatch(/back with @Priya Shah/);
  });

  it('a backup takes over; a developer may not', async () => {
    refused(await act(PEOPLE.marco, key, { action: 'take-over' }), /Only the SPOC's backups or delegate/);
    const { view } = ok(
      await act(PEOPLE.chloe, key, { action: 'take-over', note: 'Priya is at the dentist' }),
    );
    expect(view.spoc.displayName).toBe('Chloe Wilson');
    const fields = await issueFields(key);
    expect(fields.fields.assignee.accountId).toBe(PEOPLE.chloe);
    expect(fields.properties.spoc.spocAccountId).toBe(PEOPLE.chloe);
  });

  it('a project administrator reassigns it back; a developer may not', async () => {
    refused(
      await act(PEOPLE.marco, key, { action: 'reassign', toAccountId: PEOPLE.priya, reason: 'x' }),
      /project administrator/,
    );
    ok(
      await act(PEOPLE.hannah, key, {
        action: 'reassign',
        toAccountId: PEOPLE.priya,
        reason: 'Priya is back',
      }),
    );
    const spocField = (
      await site.asPerson(PEOPLE.priya).get(`/rest/api/3/issue/${key}?fields=${site.spocFieldId}`)
    ).body;
    expect(spocField.fields[site.spocFieldId].accountId).toBe(PEOPLE.priya);
  });

  it('the SPOC escalates: the level rises and the escalation manager is told', async () => {
    const { view } = ok(await act(PEOPLE.priya, key, { action: 'escalate', reason: 'Fleet stands still' }));
    expect(view.escalationLevel).toBe(3);
    expect((await lastComment(key)).text).toMatch(/@Hannah Becker \(escalation manager\)/);
  });

  it('the SPOC accepts it for delivery: the delivery target gets it', async () => {
    const { view } = ok(await act(PEOPLE.priya, key, { action: 'accept-for-delivery' }));
    expect(view.state).toBe('vetted');
    const fields = await issueFields(key);
    expect(fields.fields.assignee.accountId).toBe(PEOPLE.ben);
    expect(fields.fields.labels).toContain('spoc-vetted');
    expect(fields.properties.spoc.state).toBe('vetted');
    const vetted = ok(await page<any[]>('getVettedQueue', PEOPLE.marco));
    expect(vetted.map((i) => i.issueKey)).toContain(key);
  });

  it('delivery sends it back; the SPOC and the client may not', async () => {
    refused(
      await act(PEOPLE.priya, key, { action: 'return-to-spoc', reason: 'x' }),
      /Only the delivery team/,
    );
    refused(await act(PEOPLE.tom, key, { action: 'return-to-spoc', reason: 'x' }), /Only the delivery team/);
    const { view } = ok(
      await act(PEOPLE.marco, key, { action: 'return-to-spoc', reason: 'Which vehicle types?' }),
    );
    expect(view).toMatchObject({ state: 'returned', bounceBacks: 1 });
    expect((await issueFields(key)).fields.assignee.accountId).toBe(PEOPLE.priya);
  });

  it('the SPOC rejects it with a reason the client reads', async () => {
    refused(await act(PEOPLE.priya, key, { action: 'reject' }), /A reason for the client is required/);
    ok(await act(PEOPLE.priya, key, { action: 'reject', reason: 'Depot hours are set by your admin.' }));
    const comment = await lastComment(key, PEOPLE.tom);
    expect(comment).toMatchObject({ internal: false });
    expect(comment.text).toContain('Depot hours are set by your admin.');
    refused(await act(PEOPLE.priya, key, { action: 'escalate', reason: 'again' }), /it is rejected/);
  });

  it('the SPOC marks a duplicate, linked to the other issue', async () => {
    const { key: dup } = await acmeIssue('Tracking page slow again');
    // SUP-1 is Li Wei's report, which Tom cannot open: refused unless the SPOC chooses it knowingly.
    refused(
      await act(PEOPLE.priya, dup, { action: 'mark-duplicate', duplicateOf: 'SUP-1' }),
      /Tom Fischer cannot open SUP-1: they would get "Not found" there/,
    );
    ok(await act(PEOPLE.priya, dup, { action: 'mark-duplicate', duplicateOf: 'SUP-1', confirmHidden: true }));
    const links = (await issueFields(dup)).fields.issuelinks;
    expect(links.some((l: any) => l.type.name === 'Duplicate' && l.outwardIssue?.key === 'SUP-1')).toBe(true);
  });
});

describe('the triage gate', () => {
  it('puts an unvetted issue assigned away from its SPOC back, records the bypass and tells the SPOC', async () => {
    const { key } = await acmeIssue('Driver app logs out every hour');
    const assigned = await site
      .asPerson(PEOPLE.marco)
      .put(`/rest/api/3/issue/${key}/assignee`, { accountId: PEOPLE.marco });
    expect(assigned.status).toBe(204);
    await site.idle();
    expect((await issueFields(key)).fields.assignee.accountId).toBe(PEOPLE.priya);
    const told = await lastComment(key);
    expect(told.text).toMatch(/@Priya Shah: .*assigned to Marco Rossi before Priya Shah \(SPOC\) vetted it/);
    const { notices } = ok(await panel('getSpocView', PEOPLE.priya, key));
    expect(notices.map((n: { text: string }) => n.text).join(' ')).toMatch(/Bypass by Marco Rossi/);
  });

  it('never trusts the issue property: a rewritten copy is ignored by the queues and repaired', async () => {
    const { key } = await acmeIssue('Barcode labels print off-centre');
    const tampered = await site.asPerson(PEOPLE.marco).put(`/rest/api/3/issue/${key}/properties/spoc`, {
      state: 'vetted',
      clientId: 'acme',
    });
    expect(tampered.status).toBeLessThan(300);
    const vetted = ok(await page<any[]>('getVettedQueue', PEOPLE.marco));
    expect(vetted.map((i) => i.issueKey)).not.toContain(key);
    const view = ok(await panel('getSpocView', PEOPLE.priya, key));
    expect(view.state).toBe('awaiting-spoc');
    // The view reads only the app's record; the queue that reads the copies repairs this one.
    const mine = ok(await page<any[]>('getMyQueue', PEOPLE.priya));
    expect(mine.map((i) => i.issueKey)).toContain(key);
    await site.idle();
    expect((await issueFields(key)).properties.spoc).toMatchObject({
      state: 'awaiting-spoc',
      spocAccountId: PEOPLE.priya,
    });
  });
});

describe('configuration', () => {
  it('SPOCs may read it, clients may not', async () => {
    const view = ok(await page<any>('getConfiguration', PEOPLE.priya));
    expect(view.document.clients.map((c: any) => c.id)).toEqual(['acme', 'globex', 'initech']);
    refused(
      await page('getConfiguration', PEOPLE.liWei),
      /Only SPOCs, the delivery team and project administrators/,
    );
  });

  it('administrators import it; a SPOC may not; a stale version is refused, never overwritten', async () => {
    const exported = ok(await page<any>('exportConfiguration', PEOPLE.sam));
    refused(await page('exportConfiguration', PEOPLE.priya), /Only administrators of project SUP/);
    refused(
      await page('importConfiguration', PEOPLE.priya, {
        document: exported,
        expectedVersion: exported.version,
      }),
      /Only administrators of project SUP/,
    );
    const saved = ok(
      await page<any>('importConfiguration', PEOPLE.sam, {
        document: exported,
        expectedVersion: exported.version,
      }),
    );
    expect(saved.version).toBe(exported.version + 1);
    refused(
      await page('importConfiguration', PEOPLE.hannah, {
        document: exported,
        expectedVersion: exported.version,
      }),
      new RegExp(`you edited version ${exported.version}, it is now version ${saved.version}`),
    );
    refused(
      await page('importConfiguration', PEOPLE.sam, {
        document: { clients: 'many' },
        expectedVersion: saved.version,
      }),
      /clients must be a list/,
    );
  });

  it('each SPOC keeps their own profile, not anyone else’s', async () => {
    const mine = ok(await page<any>('getMyProfile', PEOPLE.priya));
    const profile = { ...mine.profile, capacity: 9 };
    ok(await page('saveProfile', PEOPLE.priya, { profile, expectedVersion: mine.version }));
    const yuki = ok(await page<any>('getMyProfile', PEOPLE.yuki));
    refused(
      await page('saveProfile', PEOPLE.priya, {
        profile: { ...yuki.profile, capacity: 0 },
        expectedVersion: yuki.version + 1,
      }),
      /only change your own SPOC profile/,
    );
  });

  it('project administrators set the policy and rosters; developers may not', async () => {
    const version = ok(await page<any>('getConfiguration', PEOPLE.hannah)).version;
    refused(
      await page('savePolicy', PEOPLE.marco, { policy: { bypass: 'record' }, expectedVersion: version }),
      /Only administrators/,
    );
    ok(await page('savePolicy', PEOPLE.hannah, { policy: { bypass: 'record' }, expectedVersion: version }));
    ok(
      await page('saveRoster', PEOPLE.hannah, {
        clientId: 'initech',
        expectedVersion: version + 1,
        version: {
          primarySpocAccountId: PEOPLE.arjun,
          backupAccountIds: [PEOPLE.yuki],
          deliveryTarget: { kind: 'unassigned' },
          escalationManagerAccountId: PEOPLE.hannah,
        },
      }),
    );
    const preview = ok(await page<any>('previewRouting', PEOPLE.hannah, { reporterAccountId: PEOPLE.aisha }));
    expect(preview.client).toEqual({ id: 'initech', name: 'Initech Health' });
    expect(preview.reasons.join(' ')).toMatch(/Arjun Mehta \(primary\) is off shift/);
  });
});

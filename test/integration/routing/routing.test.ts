import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from './routing-site';

/**
 * A client issue filed over REST, routed by the app's real trigger on the local site: SPOC field, `spoc`
 * property found by JQL, assignee, label and exactly one comment, within three rate-limit points; a
 * repeated event changes nothing; a 429 is retried and loses nothing; issues no rule matches stay untouched.
 */
let site: RoutingSite;

beforeAll(async () => {
  site = await startRoutingSite();
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopRoutingSite(site);
});

interface Comment {
  readonly author: { readonly accountId: string };
  readonly body: unknown;
  readonly visibility?: { readonly type: string; readonly value: string };
}

const textOf = (node: any): string =>
  node.type === 'text'
    ? node.text
    : node.type === 'mention'
      ? node.attrs.text
      : (node.content ?? []).map(textOf).join(node.type === 'doc' || node.type === 'bulletList' ? '\n' : '');

async function commentsOn(key: string, asAccountId: string = PEOPLE.hannah): Promise<Comment[]> {
  const answer = await site.asPerson(asAccountId).get(`/rest/api/3/issue/${key}/comment`);
  return answer.body.comments;
}

describe('a client issue filed over REST', () => {
  let issue: { key: string; id: string };
  let logStart: number;

  beforeAll(async () => {
    logStart = await site.lastLogId();
    issue = await site.fileIssue(PEOPLE.liWei, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: 'Delivery notes print without the consignee address',
      components: [{ name: 'Acme Portal' }],
      priority: { name: 'High' },
    });
  });

  it('gets its SPOC in the SPOC field, as assignee, with the label', async () => {
    const answer = await site
      .asPerson(PEOPLE.priya)
      .get(`/rest/api/3/issue/${issue.key}?fields=assignee,labels,${site.spocFieldId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.fields[site.spocFieldId]).toMatchObject({ accountId: PEOPLE.priya });
    expect(answer.body.fields.assignee).toMatchObject({ accountId: PEOPLE.priya });
    expect(answer.body.fields.labels).toContain('spoc-routed');
  });

  it('is found by its SPOC with JQL on the SPOC field and the indexed property', async () => {
    const jql = 'SPOC = currentUser() AND issue.property[spoc].state = "awaiting-spoc"';
    const mine = await site
      .asPerson(PEOPLE.priya)
      .post('/rest/api/3/search/jql', { jql, fields: ['summary'] });
    expect(mine.status).toBe(200);
    expect(mine.body.issues.map((i: { key: string }) => i.key)).toContain(issue.key);
    const notYuki = await site
      .asPerson(PEOPLE.yuki)
      .post('/rest/api/3/search/jql', { jql, fields: ['summary'] });
    expect(notYuki.body.issues.map((i: { key: string }) => i.key)).not.toContain(issue.key);
  });

  it('carries exactly one comment, internal, with the reasons', async () => {
    const comments = await commentsOn(issue.key);
    expect(comments).toHaveLength(1);
    const [comment] = comments as [Comment];
    expect(comment.visibility).toMatchObject({ type: 'role', value: 'members' });
    const text = textOf(comment.body);
    expect(text).toContain('Routed to @Priya Shah (primary) for client Acme Logistics');
    expect(text).toContain('component Acme Portal');
    expect(text).toContain('Response target for priority High');
    // The client who reported it does not see the internal reasons.
    expect(await commentsOn(issue.key, PEOPLE.liWei)).toHaveLength(0);
  });

  it('costs at most 3 rate-limit points', async () => {
    const calls = await site.appRequestsSince(logStart);
    const points = calls.reduce((sum, c) => sum + c.points, 0);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(points).toBeLessThanOrEqual(3);
  });

  it('changes nothing when the same event is delivered again', async () => {
    const created = site.emitted.find(
      (e) => e.eventType === 'avi:jira:created:issue' && (e.payload.issue as { id: string }).id === issue.id,
    );
    expect(created).toBeDefined();
    const before = await site.lastLogId();
    site.events.emit(created!);
    await site.idle();
    const deliveries = site.forge.invocations().filter((i) => i.eventType === 'avi:jira:created:issue');
    expect(deliveries.at(-1)?.outcome).toBe('ok');
    expect((await site.appRequestsSince(before)).filter((c) => c.method !== 'GET')).toEqual([]);
    expect(await commentsOn(issue.key)).toHaveLength(1);
  });
});

describe('an event carrying the fields the manifest asks the platform to include', () => {
  it('is routed with the three writes alone, reading nothing', async () => {
    // Hold the site's own delivery back (its three Jira writes, sent side by side, answer 429), then deliver the
    // created event the way Forge does with `payload.include.fields`: labels, components and priority in
    // `issue.fields`.
    site.gateway.faults.set({ status: 429, count: 3, callers: 'app', retryAfterSeconds: 60 });
    const issue = await site.fileIssue(PEOPLE.liWei, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: 'Customs documents attach to the wrong shipment',
      components: [{ name: 'Acme Portal' }],
    });
    const created = site.emitted.find(
      (e) => e.eventType === 'avi:jira:created:issue' && (e.payload.issue as { id: string }).id === issue.id,
    )!;
    const included = (
      await site.asPerson(PEOPLE.sam).get(`/rest/api/3/issue/${issue.id}?fields=labels,components,priority`)
    ).body.fields;
    const payload = JSON.parse(JSON.stringify(created.payload));
    Object.assign(payload.issue.fields, included);

    const before = await site.lastLogId();
    await site.forge.invokeFunction('on-issue-event', payload);
    const calls = await site.appRequestsSince(before);
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['PUT 204', 'PUT 204', 'POST 201']);
    expect(calls.reduce((sum, c) => sum + c.points, 0)).toBe(3);

    // The platform's own retry of the held-back delivery then finds the work done.
    site.clock.advanceMinutes(2);
    await site.idle();
    expect((await site.appRequestsSince(before)).filter((c) => c.method !== 'GET')).toHaveLength(3);
    expect(await commentsOn(issue.key)).toHaveLength(1);
  });
});

describe('the demo seed', () => {
  it('shows the failover chain in the routing reasons: away, full, off shift', async () => {
    const globex = site.demo.issues.find((i) => i.reporter === PEOPLE.maria);
    expect(globex).toBeDefined();
    const [comment] = await commentsOn(globex!.key);
    const text = textOf(comment!.body);
    expect(text).toMatch(/Daniel Okafor \(primary\) is out of office until/);
    expect(text).toMatch(/Yuki Tanaka \(backup 1\) has 1 of 1 open client issues: full/);
    expect(text).toMatch(/Arjun Mehta \(backup 2\) is off shift; starts .* later than the 4 h target/);
    expect(text).toMatch(/Routed to @Chloe Wilson \(pool\)/);
  });
});

describe('the dashboard gadgets', () => {
  it('show each SPOC’s load and who is away, full or off shift, without any Jira call', async () => {
    const before = await site.lastLogId();
    const reply = await site.invoke<any>('spoc-workload-gadget', 'getSnapshot', PEOPLE.hannah);
    expect(reply.ok).toBe(true);
    const rows = reply.ok ? reply.data.rows : [];
    const status = Object.fromEntries(rows.map((r: any) => [r.displayName, r.status]));
    expect(status).toMatchObject({
      'Daniel Okafor': 'away',
      'Yuki Tanaka': 'at-capacity',
      'Arjun Mehta': 'off-shift',
      'Chloe Wilson': 'available',
    });
    const escalations = await site.invoke<any>('spoc-escalations-gadget', 'getSnapshot', PEOPLE.hannah);
    expect(escalations.ok).toBe(true);
    expect(await site.appRequestsSince(before)).toEqual([]);
    const outsider = await site.invoke('spoc-workload-gadget', 'getSnapshot', PEOPLE.liWei);
    expect(outsider.ok).toBe(false);
  });
});

describe('an issue no client rule matches', () => {
  it('is left untouched', async () => {
    const before = await site.lastLogId();
    const issue = await site.fileIssue(PEOPLE.marco, {
      project: { key: 'DEV' },
      issuetype: { name: 'Task' },
      summary: 'Upgrade the build image',
    });
    const writes = (await site.appRequestsSince(before)).filter((c) => c.method !== 'GET');
    expect(writes).toEqual([]);
    expect(await commentsOn(issue.key)).toHaveLength(0);
    const properties = await site.asPerson(PEOPLE.marco).get(`/rest/api/3/issue/${issue.key}/properties`);
    expect(properties.body.keys).toEqual([]);
  });
});

describe('when Jira answers 429 to one of the three writes', () => {
  it('keeps the two it took, and the retry sends only the third: nothing lost, nothing twice', async () => {
    site.gateway.faults.set({
      status: 429,
      count: 1,
      callers: 'app',
      methods: ['PUT'],
      pathPrefix: '/rest/api/3/app/field/',
      retryAfterSeconds: 30,
    });
    const before = await site.lastLogId();
    const issue = await site.fileIssue(PEOPLE.liWei, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: 'Proof of delivery photos do not load',
      components: [{ name: 'Acme Portal' }],
    });
    expect(site.forge.invocations().at(-1)).toMatchObject({ outcome: 'retry' });
    expect(await commentsOn(issue.key)).toHaveLength(1);

    site.clock.advanceMinutes(1);
    await site.idle();
    const writes = (await site.appRequestsSince(before)).filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.status}`).sort()).toEqual([
      'POST 201',
      'PUT 204',
      'PUT 204',
      'PUT 429',
    ]);
    expect(await commentsOn(issue.key)).toHaveLength(1);
    const answer = await site
      .asPerson(PEOPLE.priya)
      .get(`/rest/api/3/issue/${issue.key}?fields=assignee,${site.spocFieldId}`);
    expect(answer.body.fields.assignee).toMatchObject({ accountId: PEOPLE.priya });
    expect(answer.body.fields[site.spocFieldId]).toMatchObject({ accountId: PEOPLE.priya });
  });
});

describe('when Jira answers 429', () => {
  it('asks the platform to retry, and the retry finishes the routing without losing or repeating anything', async () => {
    site.gateway.faults.set({
      status: 429,
      count: 1,
      callers: 'app',
      methods: ['POST'],
      pathPrefix: '/rest/api/3/issue/',
      retryAfterSeconds: 30,
    });
    const issue = await site.fileIssue(PEOPLE.tom, {
      project: { key: 'SUP' },
      issuetype: { name: 'Task' },
      summary: 'Invoice export misses the PO number',
    });
    const first = site.forge
      .invocations()
      .filter((i) => i.eventType === 'avi:jira:created:issue')
      .at(-1);
    expect(first?.outcome).toBe('retry');
    expect(await commentsOn(issue.key)).toHaveLength(0);

    site.clock.advanceMinutes(1);
    await site.idle();
    const retry = site.forge
      .invocations()
      .filter((i) => i.eventType === 'avi:jira:created:issue')
      .at(-1);
    expect(retry).toMatchObject({ outcome: 'ok', retryCount: 1 });
    expect(await commentsOn(issue.key)).toHaveLength(1);
    const answer = await site
      .asPerson(PEOPLE.priya)
      .get(`/rest/api/3/issue/${issue.key}?fields=assignee&properties=spoc`);
    expect(answer.body.fields.assignee).toMatchObject({ accountId: PEOPLE.priya });
    expect(answer.body.properties.spoc).toMatchObject({
      state: 'awaiting-spoc',
      clientId: 'acme',
      spocAccountId: PEOPLE.priya,
    });
  });
});

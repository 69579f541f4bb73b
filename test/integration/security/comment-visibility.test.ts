import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from '../routing/routing-site';

/**
 * Internal routing notes never reach a client. The app writes them as Jira comments restricted to the
 * configured project role (`settings.internalCommentRole`, `members` in the demo; clients hold only the
 * `clients` role), and writes only the messages meant for the client in public. Checked as the client
 * through every way Jira shows comments (the comment list, the issue's comment field, JQL search, each
 * comment by id, the service desk portal API), through the issue property anyone can read, and through the
 * app's own panel.
 */
let site: RoutingSite;

beforeAll(async () => {
  site = await startRoutingSite();
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopRoutingSite(site);
});

type Reply = { ok: true; data: any } | { ok: false; error: string; code: string };

const act = async (as: string, issueKey: string, payload: Record<string, unknown>): Promise<any> => {
  const reply = (await site.invoke('spoc-panel', 'applyTriageAction', as, { issueKey, payload })) as Reply;
  if (!reply.ok) throw new Error(`${String(payload.action)} failed: ${reply.error}`);
  site.clock.advanceMinutes(1);
  return reply.data;
};

const textOf = (node: any): string =>
  node.type === 'text'
    ? node.text
    : node.type === 'mention'
      ? node.attrs.text
      : (node.content ?? []).map(textOf).join(node.type === 'paragraph' ? '' : '\n');

interface SeenComment {
  readonly id: string;
  readonly text: string;
  readonly visibility?: { readonly type: string; readonly value: string };
  readonly byApp: boolean;
}

async function commentsAs(accountId: string, key: string): Promise<SeenComment[]> {
  const answer = await site.asPerson(accountId).get(`/rest/api/3/issue/${key}/comment?maxResults=100`);
  expect(answer.status).toBe(200);
  return answer.body.comments.map((c: any) => ({
    id: c.id,
    text: textOf(c.body),
    visibility: c.visibility,
    byApp: c.author?.accountType === 'app',
  }));
}

const NOTES = {
  escalation: 'Escalation reason only staff may read: the fleet contract is at risk',
  takeOver: 'Take-over note only staff may read: Priya is at the dentist',
  question: 'Which depot is affected, and since when?',
};

describe('as the client, on a client issue in a Jira project', () => {
  let key: string;
  let staffSees: SeenComment[];

  beforeAll(async () => {
    ({ key } = await site.fileIssue(PEOPLE.tom, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: 'Hamburg depot sees other depots’ shipments',
      components: [{ name: 'Acme Portal' }],
    }));
    await act(PEOPLE.priya, key, { action: 'escalate', reason: NOTES.escalation });
    await act(PEOPLE.chloe, key, { action: 'take-over', note: NOTES.takeOver });
    await act(PEOPLE.chloe, key, { action: 'request-info', message: NOTES.question });
    // A developer takes the unvetted issue past the SPOC: the app reverts it and tells the SPOC internally.
    const assigned = await site
      .asPerson(PEOPLE.marco)
      .put(`/rest/api/3/issue/${key}/assignee`, { accountId: PEOPLE.marco });
    expect(assigned.status).toBe(204);
    await site.idle();
    staffSees = await commentsAs(PEOPLE.hannah, key);
  });

  it('the app wrote its routing notes as comments restricted to the internal role, and its question in public', () => {
    const byApp = staffSees.filter((c) => c.byApp);
    const internal = byApp.filter((c) => c.visibility);
    const inPublic = byApp.filter((c) => !c.visibility);
    // Routing, escalation, take-over and the bypass are internal; the question to the client is public.
    expect(internal.length).toBeGreaterThanOrEqual(4);
    expect(internal.every((c) => c.visibility?.type === 'role' && c.visibility.value === 'members')).toBe(
      true,
    );
    const internalText = internal.map((c) => c.text).join('\n');
    expect(internalText).toContain(NOTES.escalation);
    expect(internalText).toContain(NOTES.takeOver);
    expect(internalText).toMatch(/Routed to|routed to/);
    expect(inPublic.map((c) => c.text).join('\n')).toContain(NOTES.question);
  });

  it('the client reads only the public comments, whichever way Jira shows them', async () => {
    const internalIds = staffSees.filter((c) => c.visibility).map((c) => c.id);
    const publicIds = staffSees.filter((c) => !c.visibility).map((c) => c.id);
    const tomSees = await commentsAs(PEOPLE.tom, key);
    expect(tomSees.map((c) => c.id)).toEqual(publicIds);
    const seen = tomSees.map((c) => c.text).join('\n');
    expect(seen).toContain(NOTES.question);
    expect(seen).not.toContain(NOTES.escalation);
    expect(seen).not.toContain(NOTES.takeOver);

    const tom = site.asPerson(PEOPLE.tom);
    const issue = await tom.get(`/rest/api/3/issue/${key}?fields=comment`);
    expect(issue.body.fields.comment.comments.map((c: any) => c.id)).toEqual(publicIds);
    const searched = await tom.get(
      `/rest/api/3/search/jql?jql=${encodeURIComponent(`key = ${key}`)}&fields=comment`,
    );
    expect(searched.status).toBe(200);
    expect(searched.body.issues[0].fields.comment.comments.map((c: any) => c.id)).toEqual(publicIds);
    for (const id of internalIds) {
      expect((await tom.get(`/rest/api/3/issue/${key}/comment/${id}`)).status).toBe(404);
    }
  });

  it('the issue property and the panel show the client no note', async () => {
    const tom = site.asPerson(PEOPLE.tom);
    const property = await tom.get(`/rest/api/3/issue/${key}/properties/spoc`);
    expect(property.status).toBe(200);
    const view = (await site.invoke('spoc-panel', 'getSpocView', PEOPLE.tom, { issueKey: key })) as Reply;
    if (!view.ok) throw new Error(view.error);
    for (const shown of [JSON.stringify(property.body), JSON.stringify(view.data)]) {
      expect(shown).not.toContain(NOTES.escalation);
      expect(shown).not.toContain(NOTES.takeOver);
    }
    expect(view.data).toMatchObject({ reasons: [], allowedActions: [] });
  });
});

describe('as the customer, on a request in the service desk', () => {
  it('the portal shows the customer no internal note of the app', async () => {
    const raised = await site.asPerson(PEOPLE.tom).post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '11',
      requestFieldValues: { summary: 'Proof-of-delivery photos are blurred', description: 'Since Monday.' },
    });
    expect(raised.status).toBe(201);
    const key = raised.body.issueKey as string;
    await site.idle();
    const view = (await site.invoke('spoc-panel', 'getSpocView', PEOPLE.hannah, { issueKey: key })) as Reply;
    if (!view.ok) throw new Error(view.error);
    expect(view.data.routed).toBe(true);
    await act(view.data.spoc.accountId, key, { action: 'escalate', reason: NOTES.escalation });

    const agent = await site
      .asPerson(PEOPLE.hannah)
      .get(`/rest/servicedeskapi/request/${key}/comment?public=true&internal=true`);
    expect(agent.status).toBe(200);
    const all = agent.body.values as Array<{ id: string }>;
    // The routing note and the escalation note, at least.
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(all)).toContain(NOTES.escalation);
    const customer = await site.asPerson(PEOPLE.tom).get(`/rest/servicedeskapi/request/${key}/comment`);
    expect(customer.status).toBe(200);
    const seen = JSON.stringify(customer.body.values);
    expect(seen).not.toContain(NOTES.escalation);
    expect(seen).not.toMatch(/[Rr]outed to/);
    expect(customer.body.values.length).toBeLessThan(all.length);
  });
});

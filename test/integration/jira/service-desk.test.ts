import { asApp, createJiraHarness, PEOPLE, user, type JiraHarness } from '../../support/jira-harness';

/**
 * Jira Service Management on the local site (`/rest/servicedeskapi`), as the demo seeds it: the HELP help
 * center serving three customer organizations. Agents see every request and both kinds of comment;
 * customers see their own requests and their organization's, and only public comments; a request raised
 * on the portal is a Jira issue with the same created event; a customer rates a resolved request once.
 * Every answer is checked against the service desk's OpenAPI document.
 */
let h: JiraHarness;
const OPT_IN = { 'x-experimentalapi': 'opt-in' };

beforeEach(() => {
  h = createJiraHarness();
});
afterEach(() => {
  expect(h.violations()).toEqual([]);
  h.close();
});

const raise = (who: keyof typeof PEOPLE, summary: string, requestTypeId = '11') =>
  h.as(who).post('/rest/servicedeskapi/request', {
    serviceDeskId: '1',
    requestTypeId,
    requestFieldValues: { summary, description: 'Seen this morning.' },
  });

async function resolve(key: string): Promise<void> {
  const { body } = await h.as('priya').get(`/rest/api/3/issue/${key}/transitions`);
  const done = (body.transitions as Array<{ id: string; to: { name: string } }>).find(
    (t) => t.to.name === 'Done',
  );
  const answer = await h.as('priya').post(`/rest/api/3/issue/${key}/transitions`, {
    transition: { id: done?.id },
    fields: { resolution: { name: 'Done' } },
  });
  expect(answer.status).toBe(204);
}

describe('service desks and request types', () => {
  it('lists the help center to agents and to its customers, by id or project key', async () => {
    const agent = await h.as('priya').get('/rest/servicedeskapi/servicedesk');
    expect(agent.status).toBe(200);
    expect(agent.body.values).toEqual([
      expect.objectContaining({ id: '1', projectKey: 'HELP', projectName: 'Client Help Center' }),
    ]);
    expect((await h.as('liWei').get('/rest/servicedeskapi/servicedesk')).body.size).toBe(1);
    expect((await h.as('priya').get('/rest/servicedeskapi/servicedesk/projectKey:HELP')).body.id).toBe('1');
    expect((await h.as('priya').get('/rest/servicedeskapi/servicedesk/HELP')).body.id).toBe('1');
    expect((await h.as('priya').get('/rest/servicedeskapi/servicedesk/99')).status).toBe(404);
  });

  it('lists the desk’s request types, filtered by a search', async () => {
    const all = await h.as('liWei').get('/rest/servicedeskapi/servicedesk/1/requesttype');
    expect(all.body.values.map((t: { name: string }) => t.name)).toEqual([
      'Report a problem',
      'Ask a question',
      'Request a change',
    ]);
    const found = await h
      .as('liWei')
      .get('/rest/servicedeskapi/servicedesk/1/requesttype?searchQuery=question');
    expect(found.body.values).toEqual([expect.objectContaining({ id: '12', issueTypeId: '10001' })]);
  });
});

describe('customer organizations', () => {
  it('gives an agent every organization, those of one customer, and the members of one', async () => {
    const all = await h.as('priya').get('/rest/servicedeskapi/organization');
    expect(all.body.values.map((o: { name: string }) => o.name)).toEqual([
      'Acme Logistics',
      'Globex Retail',
      'Initech Health',
    ]);
    const ofLi = await h.as('priya').get(`/rest/servicedeskapi/organization?accountId=${PEOPLE.liWei}`);
    expect(ofLi.body.values).toEqual([expect.objectContaining({ id: '1', name: 'Acme Logistics' })]);
    const members = await h.as('priya').get('/rest/servicedeskapi/organization/1/user');
    expect(members.body.values.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Li Wei',
      'Tom Fischer',
    ]);
    // As the app (an agent everywhere): what the routing rule reads, one call per reporter.
    const asTheApp = await h.call(
      asApp(),
      'GET',
      `/rest/servicedeskapi/organization?accountId=${PEOPLE.maria}`,
    );
    expect(asTheApp.body.values.map((o: { id: string }) => o.id)).toEqual(['2']);
  });

  it('shows a customer only their own organizations and refuses them anyone else’s', async () => {
    const mine = await h.as('liWei').get('/rest/servicedeskapi/organization');
    expect(mine.body.values.map((o: { name: string }) => o.name)).toEqual(['Acme Logistics']);
    expect(
      (await h.as('liWei').get(`/rest/servicedeskapi/organization?accountId=${PEOPLE.maria}`)).status,
    ).toBe(403);
    expect((await h.as('liWei').get('/rest/servicedeskapi/organization/2')).status).toBe(404);
    expect((await h.as('liWei').get('/rest/servicedeskapi/organization/1/user')).status).toBe(403);
    expect((await h.as('priya').get('/rest/servicedeskapi/organization/77')).body).toEqual({
      errorMessage: "The organization '77' does not exist.",
      i18nErrorMessage: { i18nKey: 'sd.organization.not.found', parameters: [] },
    });
  });
});

describe('customer requests', () => {
  it('raises a Jira issue in the desk’s project, with the created event, shared with the reporter’s organization', async () => {
    h.events.length = 0;
    const raised = await raise('liWei', 'Driver app shows yesterday’s route');
    expect(raised.status).toBe(201);
    expect(raised.body).toEqual(
      expect.objectContaining({
        issueKey: 'HELP-6',
        serviceDeskId: '1',
        requestTypeId: '11',
        currentStatus: expect.objectContaining({ status: 'To Do', statusCategory: 'NEW' }),
        reporter: expect.objectContaining({ accountId: PEOPLE.liWei, displayName: 'Li Wei' }),
      }),
    );
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:created:issue']);
    const payload = h.events[0]?.payload as unknown as {
      issue: { key: string; fields: Record<string, any> };
    };
    expect(payload.issue.key).toBe('HELP-6');
    expect(payload.issue.fields.project.projectTypeKey).toBe('service_desk');
    expect(payload.issue.fields.reporter).toEqual({ accountId: PEOPLE.liWei });
    const issue = await h.as('priya').get('/rest/api/3/issue/HELP-6?fields=summary,reporter,issuetype');
    expect(issue.body.fields.summary).toBe('Driver app shows yesterday’s route');
    expect(issue.body.fields.issuetype.name).toBe('Bug');
    expect(h.jira.serviceDesk.requestOrganizationIds(issue.body.id)).toEqual(['1']);
  });

  it('lets the reporter’s organization see it, and nobody else outside the desk’s team', async () => {
    await raise('liWei', 'Driver app shows yesterday’s route');
    expect((await h.as('tom').get('/rest/servicedeskapi/request/HELP-6')).status).toBe(200);
    const toms = await h.as('tom').get('/rest/servicedeskapi/request?requestOwnership=ALL_ORGANIZATIONS');
    expect(toms.body.values.map((r: { issueKey: string }) => r.issueKey)).toContain('HELP-6');
    const tomsOwn = await h.as('tom').get('/rest/servicedeskapi/request?requestOwnership=OWNED_REQUESTS');
    expect(tomsOwn.body.values.map((r: { issueKey: string }) => r.issueKey)).toEqual(['HELP-2']);
    expect((await h.as('maria').get('/rest/servicedeskapi/request/HELP-6')).status).toBe(404);
    const marias = await h.as('maria').get('/rest/servicedeskapi/request');
    expect(marias.body.values.map((r: { issueKey: string }) => r.issueKey).sort()).toEqual([
      'HELP-3',
      'HELP-4',
    ]);
    const agent = await h
      .as('priya')
      .get('/rest/servicedeskapi/request?requestOwnership=ALL_REQUESTS&limit=50');
    expect(agent.body.size).toBe(6);
    const open = await h
      .as('priya')
      .get('/rest/servicedeskapi/request?requestOwnership=ALL_REQUESTS&requestStatus=OPEN_REQUESTS');
    expect(open.body.values.map((r: { issueKey: string }) => r.issueKey).sort()).toEqual([
      'HELP-5',
      'HELP-6',
    ]);
  });

  it('refuses what the portal refuses, in the service desk’s error shape', async () => {
    const noSummary = await h.as('liWei').post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '11',
      requestFieldValues: {},
    });
    expect(noSummary.status).toBe(400);
    expect(noSummary.body.errorMessage).toBe('Summary is required.');
    const wrongType = await h.as('liWei').post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '99',
      requestFieldValues: { summary: 'x' },
    });
    expect(wrongType.status).toBe(400);
    const onBehalf = await h.as('liWei').post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '11',
      requestFieldValues: { summary: 'x' },
      raiseOnBehalfOf: PEOPLE.tom,
    });
    expect(onBehalf.status).toBe(400);
    const byAgent = await h.as('priya').post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '12',
      requestFieldValues: { summary: 'Phoned in: reset the depot password' },
      raiseOnBehalfOf: PEOPLE.tom,
    });
    expect(byAgent.status).toBe(201);
    expect(byAgent.body.reporter.accountId).toBe(PEOPLE.tom);
  });
});

describe('public and internal comments', () => {
  it('shows customers public comments only; Jira marks internal notes with sd.public.comment, shown as jsdPublic false', async () => {
    await raise('liWei', 'Driver app shows yesterday’s route');
    h.events.length = 0;
    const toClient = await h.as('priya').post('/rest/servicedeskapi/request/HELP-6/comment', {
      body: 'Which phone model do your drivers use?',
      public: true,
    });
    const note = await h.as('priya').post('/rest/servicedeskapi/request/HELP-6/comment', {
      body: 'Probably the route cache again.',
      public: false,
    });
    expect([toClient.status, note.status]).toEqual([201, 201]);
    expect(note.body).toEqual(
      expect.objectContaining({ public: false, body: 'Probably the route cache again.' }),
    );
    const events = h.events.map(
      (e) => e.payload as unknown as { comment: { id: string; jsdPublic: boolean } },
    );
    expect(events.map((e) => e.comment.jsdPublic)).toEqual([true, false]);

    const seenByTom = await h.as('tom').get('/rest/servicedeskapi/request/HELP-6/comment');
    expect(seenByTom.body.values.map((c: { body: string }) => c.body)).toEqual([
      'Which phone model do your drivers use?',
    ]);
    const agentInternal = await h.as('priya').get('/rest/servicedeskapi/request/HELP-6/comment?public=false');
    expect(agentInternal.body.values.map((c: { public: boolean }) => c.public)).toEqual([false]);

    const platform = await h
      .as('priya')
      .get(`/rest/api/3/issue/HELP-6/comment/${note.body.id}?expand=properties`);
    expect(platform.body.jsdPublic).toBe(false);
    expect(platform.body.properties).toEqual([{ key: 'sd.public.comment', value: { internal: true } }]);
    expect(
      (await h.as('priya').get(`/rest/api/3/issue/HELP-6/comment/${toClient.body.id}`)).body.jsdPublic,
    ).toBe(true);
  });

  it('lets a customer comment publicly but never internally', async () => {
    await raise('liWei', 'Driver app shows yesterday’s route');
    expect(
      (
        await h
          .as('tom')
          .post('/rest/servicedeskapi/request/HELP-6/comment', { body: 'Samsung A54.', public: true })
      ).status,
    ).toBe(201);
    expect(
      (await h.as('tom').post('/rest/servicedeskapi/request/HELP-6/comment', { body: 'psst', public: false }))
        .status,
    ).toBe(403);
    expect(
      (await h.as('tom').post('/rest/servicedeskapi/request/HELP-6/comment', { body: 'x' })).status,
    ).toBe(400);
  });

  it('keeps an internal note made through /rest/api/3 with the property internal, and a role comment public to JSM', async () => {
    const internal = await h.as('priya').post('/rest/api/3/issue/HELP-5/comment', {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Note' }] }],
      },
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    const roleOnly = await h.as('priya').post('/rest/api/3/issue/HELP-5/comment', {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Team' }] }],
      },
      visibility: { type: 'role', value: 'members' },
    });
    expect(internal.body.jsdPublic).toBe(false);
    expect(roleOnly.body.jsdPublic).toBe(true);
    const agentView = await h.as('priya').get('/rest/servicedeskapi/request/HELP-5/comment');
    expect(agentView.body.values.map((c: { public: boolean }) => c.public)).toEqual([false, true]);
    // The role hides the second from customers all the same.
    expect((await h.as('aisha').get('/rest/servicedeskapi/request/HELP-5/comment')).body.values).toEqual([]);
  });
});

describe('satisfaction feedback', () => {
  it('takes one rating from the reporter once the request is resolved, behind the experimental opt-in', async () => {
    await raise('liWei', 'Driver app shows yesterday’s route');
    const path = '/rest/servicedeskapi/request/HELP-6/feedback';
    expect((await h.call(user('liWei'), 'GET', path)).status).toBe(412);
    expect((await h.call(user('liWei'), 'POST', path, { type: 'csat', rating: 4 }, OPT_IN)).status).toBe(400);
    await resolve('HELP-6');
    expect((await h.call(user('tom'), 'POST', path, { type: 'csat', rating: 5 }, OPT_IN)).status).toBe(403);
    expect((await h.call(user('liWei'), 'POST', path, { type: 'csat', rating: 6 }, OPT_IN)).status).toBe(400);
    const rated = await h.call(
      user('liWei'),
      'POST',
      path,
      { type: 'csat', rating: 4, comment: { body: 'Quick, thanks' } },
      OPT_IN,
    );
    expect(rated).toEqual(
      expect.objectContaining({
        status: 201,
        body: { type: 'csat', rating: 4, comment: { body: 'Quick, thanks' } },
      }),
    );
    const read = await h.call(asApp(), 'GET', path, undefined, OPT_IN);
    expect(read.body).toEqual({ type: 'csat', rating: 4, comment: { body: 'Quick, thanks' } });
  });

  it('answers 404 for a request nobody rated, and keeps the demo’s ratings', async () => {
    expect(
      (await h.call(asApp(), 'GET', '/rest/servicedeskapi/request/HELP-5/feedback', undefined, OPT_IN))
        .status,
    ).toBe(404);
    const seeded = await h.call(
      asApp(),
      'GET',
      '/rest/servicedeskapi/request/HELP-3/feedback',
      undefined,
      OPT_IN,
    );
    expect(seeded.body).toEqual({
      type: 'csat',
      rating: 2,
      comment: { body: 'Took three days while our customers complained.' },
    });
  });
});

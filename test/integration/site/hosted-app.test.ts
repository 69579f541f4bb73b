import { CLOUD_ID } from '../../../local/site';
import { DEMO_SEED } from '../../../local/spoc-demo';
import { FIXTURE_PEOPLE, FIXTURE_PROFILE } from '../../fixtures/forge-app/site-profile';
import { startTestSite, type TestSite } from '../../support/site';

/**
 * The site hosts whatever app its profile names: here the fixture app (test/fixtures/forge-app) with a seed
 * of its own, over HTTP and through the web shell. Its people sign in, the issue view hosts its panel, whose
 * resolver answers through the page's bridge, its trigger runs on a filed issue, a reset brings its seed and
 * setup back, and nothing it is shown belongs to SPOC for Jira.
 */
const ADA = 'ada.admin@fixture.example';
const FRED = 'fred.fixer@fixture.example';

let site: TestSite;
/** Every page and answer the fixture's people were shown, searched for traces of the SPOC demo at the end. */
const shown: string[] = [];

beforeAll(async () => {
  site = await startTestSite({ profile: FIXTURE_PROFILE });
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await site?.close();
});

/** A page of the web shell as a browser gets it, signed in with the session cookie when one is given. */
async function page(
  path: string,
  cookie?: string,
  base = site.url,
): Promise<{ status: number; text: string }> {
  const response = await fetch(base + path, {
    headers: cookie ? { Cookie: cookie } : {},
    redirect: 'manual',
  });
  const text = await response.text();
  shown.push(text);
  return { status: response.status, text };
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${site.url}/local/login?as=${encodeURIComponent(email)}&next=%2F`, {
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** The frame specs a page carries in its `data-forge-frame` placeholders. */
function framesOn(
  html: string,
): Array<{ moduleKey: string; title: string; src: string; tokens: { view: string } }> {
  const entities: Record<string, string> = {
    '&quot;': '"',
    '&#39;': "'",
    '&lt;': '<',
    '&gt;': '>',
    '&amp;': '&',
  };
  return [...html.matchAll(/data-forge-frame="([^"]*)"/g)].map((m) =>
    JSON.parse((m[1] as string).replace(/&(quot|#39|lt|gt|amp);/g, (e) => entities[e] as string)),
  );
}

describe('a Forge app other than SPOC for Jira, hosted by its profile', () => {
  it('offers the seed’s people in the sign-in switcher, titled by the seed or by their groups', async () => {
    const welcome = await page('/');
    expect(welcome.status).toBe(200);
    const people = [...welcome.text.matchAll(/<a href="\/local\/login\?as=([^&"]+)/g)].map((m) =>
      decodeURIComponent(m[1] as string),
    );
    expect(people).toEqual([ADA, FRED, 'olga.outside@fixture.example']);
    expect(welcome.text).toContain('administrator · ada.admin@fixture.example');
    expect(welcome.text).toContain('no groups · olga.outside@fixture.example');
    const seed = (await site.anonymous.get('/local/api/seed')).body;
    shown.push(JSON.stringify(seed));
    expect(seed.people.map((p: { email: string }) => p.email)).toEqual(people);
    expect(seed.projects.map((p: { key: string }) => p.key)).toEqual(['FIX']);
  });

  it('shows a signed-in person the app’s issue panel, whose resolver answers through the page’s bridge', async () => {
    const cookie = await signIn(ADA);
    const home = await page('/', cookie);
    expect(home.text).toContain('Fixture Works');
    const view = await page('/browse/FIX-1', cookie);
    expect(view.status).toBe(200);
    expect(view.text).toContain('Oil the workshop door');
    const [panel, ...others] = framesOn(view.text);
    expect(others).toEqual([]);
    expect(panel).toMatchObject({ moduleKey: 'fixture-panel', title: 'Fixture' });

    const frame = await page(panel?.src ?? '', undefined, site.resourcesUrl);
    expect(frame.status).toBe(200);
    expect(frame.text).toContain('<script src="/local/web/frame-bridge.js"');
    expect(frame.text).toContain('<title>Fixture panel</title>');

    // What the frame's bridge sends for `invoke`: its token and the function, never a context.
    const answer = await fetch(`${site.url}/local/bridge/invoke`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ frame: panel?.tokens.view, functionKey: 'whoAmI', payload: { from: 'test' } }),
    });
    expect(answer.status).toBe(200);
    const { result } = await answer.json();
    shown.push(JSON.stringify(result));
    expect(result).toMatchObject({
      accountId: FIXTURE_PEOPLE.ada,
      cloudId: CLOUD_ID,
      moduleKey: 'fixture-panel',
      extension: { type: 'jira:issuePanel', issue: { key: 'FIX-1', id: '10001' } },
      payload: { from: 'test' },
    });
  });

  it('lets the app’s resolver act as a person, whom the seed’s project roles admit or keep out', async () => {
    const readAs = async (accountId: string) =>
      (
        await site.anonymous.post('/local/api/invoke', {
          moduleKey: 'fixture-panel',
          functionKey: 'readIssue',
          payload: { issueKey: 'FIX-2', as: 'user' },
          asUser: accountId,
        })
      ).body.result;
    expect(await readAs(FIXTURE_PEOPLE.fred)).toMatchObject({
      status: 200,
      body: { key: 'FIX-2', fields: { summary: 'Paint peels off the bench' } },
    });
    expect((await readAs(FIXTURE_PEOPLE.olga)).status).toBe(404);
  });

  it('runs the app’s trigger on an issue filed over REST; what the app writes is signed with its name', async () => {
    const created = await site.as(FRED).post('/rest/api/3/issue', {
      fields: { project: { key: 'FIX' }, issuetype: { name: 'Task' }, summary: 'needs a welcome' },
    });
    expect(created.status).toBe(201);
    await site.idle();
    const comments = (await site.as(FRED).get(`/rest/api/3/issue/${created.body.key}/comment`)).body;
    shown.push(JSON.stringify(comments));
    expect(comments.comments.map((c: { author: { displayName: string } }) => c.author.displayName)).toEqual([
      'Fixture app',
    ]);
    const invocations = (await site.anonymous.get('/local/api/invocations')).body.invocations;
    expect(
      invocations.some(
        (i: { functionKey: string; eventType?: string }) =>
          i.functionKey === 'on-issue-event' && i.eventType === 'avi:jira:created:issue',
      ),
    ).toBe(true);
  });

  it('brings the seed and the profile’s setup back on a reset', async () => {
    const mark = async () =>
      (
        await site.anonymous.post('/local/api/invoke', {
          moduleKey: 'fixture-panel',
          functionKey: 'kvs',
          payload: { op: 'get', key: 'set-up' },
        })
      ).body.result;
    expect(await mark()).toEqual({ ok: true, value: site.clock.iso() });
    expect((await site.anonymous.post('/local/api/reset')).status).toBe(200);
    expect(await mark()).toEqual({ ok: true, value: site.clock.iso() });
    const issues = (
      await site
        .as(ADA)
        .post('/rest/api/3/search/jql', { jql: 'project = FIX ORDER BY key ASC', fields: ['summary'] })
    ).body;
    shown.push(JSON.stringify(issues));
    expect(issues.issues.map((i: { key: string }) => i.key)).toEqual(['FIX-1', 'FIX-2']);
  });

  it('shows nothing of SPOC for Jira: not its name, its people, its clients or its demo issues', async () => {
    const cookie = await signIn(ADA);
    for (const path of ['/', '/projects/FIX/issues', '/jira/dashboards', '/secure/CreateIssue.jspa'])
      expect((await page(path, cookie)).status).toBe(200);
    const users = site.jira.store.listUsers({ includeApps: true });
    shown.push(JSON.stringify(users));
    expect(users.map((u: { displayName: string }) => u.displayName).sort()).toEqual([
      'Ada Admin',
      'Fixture app',
      'Fred Fixer',
      'Olga Outside',
    ]);
    const traces = [
      /spoc/i,
      ...[
        ...DEMO_SEED.people.flatMap((p) => [p.displayName, p.email]),
        ...DEMO_SEED.clients.map((c) => c.name),
        ...DEMO_SEED.projects.map((p) => p.name),
        ...DEMO_SEED.issues.map((i) => i.summary),
      ].map((text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')),
    ];
    expect(shown.length).toBeGreaterThan(10);
    for (const text of shown) expect(traces.filter((trace) => trace.test(text))).toEqual([]);
  });
});

import { DEMO_SEED } from '../../../local/seed/demo';
import { adf, asApp, createJiraHarness, PEOPLE } from '../../support/jira-harness';

describe('the demo seed', () => {
  it('has what the demo needs: SUP, DEV and HELP, 3+ clients with groups, SPOCs in 3+ time zones, 10–20 issues', () => {
    // HELP: the same clients as customer organizations of a service desk.
    expect(DEMO_SEED.projects.map((p) => p.key)).toEqual(['SUP', 'DEV', 'HELP']);
    expect(DEMO_SEED.clients.length).toBeGreaterThanOrEqual(3);
    for (const client of DEMO_SEED.clients) {
      expect(client.group).toBe(`client-${client.key}`);
      expect(DEMO_SEED.groups.map((g) => g.name)).toContain(client.group);
      const reporters = DEMO_SEED.people.filter((p) => p.client === client.key);
      expect(reporters.length).toBeGreaterThanOrEqual(2);
      for (const r of reporters) expect(r.email.endsWith(`@${client.emailDomain}`)).toBe(true);
    }
    expect(DEMO_SEED.clients.some((c) => (c.components ?? []).length > 0)).toBe(true);
    expect(DEMO_SEED.clients.some((c) => (c.labels ?? []).length > 0)).toBe(true);
    const spocZones = new Set(
      DEMO_SEED.people.filter((p) => p.roles.includes('spoc')).map((p) => p.timeZone),
    );
    expect(spocZones.size).toBeGreaterThanOrEqual(3);
    const count = (role: string) => DEMO_SEED.people.filter((p) => p.roles.includes(role as never)).length;
    expect(count('developer')).toBeGreaterThanOrEqual(2);
    expect(count('manager')).toBeGreaterThanOrEqual(1);
    expect(count('admin')).toBeGreaterThanOrEqual(1);
    // The support story holds 10–20 issues; the help center a few requests besides.
    const story = DEMO_SEED.issues.filter((i) => !i.key.startsWith('HELP-'));
    expect(story.length).toBeGreaterThanOrEqual(10);
    expect(story.length).toBeLessThanOrEqual(20);
    expect(DEMO_SEED.requests.map((r) => r.issueKey)).toEqual(
      DEMO_SEED.issues.filter((i) => i.key.startsWith('HELP-')).map((i) => i.key),
    );
    expect(new Set(DEMO_SEED.issues.map((i) => i.status))).toEqual(new Set(['To Do', 'In Progress', 'Done']));
    expect(DEMO_SEED.issues.filter((i) => (i.comments ?? []).length > 0).length).toBeGreaterThanOrEqual(8);
    for (const p of DEMO_SEED.people) {
      expect(p.accountId).toMatch(/^[0-9a-f]{24}$/);
      expect(p.email).toMatch(/\.example$/);
    }
    expect(new Set(DEMO_SEED.people.map((p) => p.accountId)).size).toBe(DEMO_SEED.people.length);
  });

  it('loads into Jira with timestamps moved to the site clock', async () => {
    const h = createJiraHarness({ seed: false });
    h.clock.set(new Date('2027-01-04T09:00:00.000Z')); // six weeks after the anchor
    h.jira.seed(DEMO_SEED);
    const issue = (await h.as('priya').get('/rest/api/3/issue/SUP-3?fields=created')).body;
    // SUP-3 was created 80 minutes before the anchor.
    expect(issue.fields.created).toBe('2027-01-04T07:40:00.000+0000');
    expect(h.jira.store.listIssues()).toHaveLength(DEMO_SEED.issues.length);
    expect(h.violations()).toEqual([]);
    h.close();
  });

  it('re-seeding restores the demo, keeps app field ids, and continues issue keys from the seed', async () => {
    const h = createJiraHarness();
    expect(h.jira.store.isEmpty()).toBe(false);
    await h.as('priya').post('/rest/api/3/issue', {
      fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 'Temporary' },
    });
    await h.as('priya').post('/rest/api/3/issue/SUP-1/comment', { body: adf('temporary') });
    await h.as(asApp()).put(`/rest/api/3/app/field/${h.fields.spoc}/value`, {
      updates: [{ issueIds: [10001], value: { accountId: PEOPLE.priya } }],
    });
    h.jira.seed(DEMO_SEED);
    expect((await h.as('priya').get('/rest/api/3/issue/SUP-13')).status).toBe(404);
    expect((await h.as('priya').get('/rest/api/3/issue/SUP-1/comment')).body.total).toBe(3);
    expect(
      (await h.as('priya').get(`/rest/api/3/issue/SUP-1?fields=${h.fields.spoc}`)).body.fields[h.fields.spoc],
    ).toBeNull();
    const again = await h.as('priya').post('/rest/api/3/issue', {
      fields: { project: { key: 'DEV' }, issuetype: { name: 'Task' }, summary: 'After re-seed' },
    });
    expect(again.body.key).toBe('DEV-5');
    expect(Number(again.body.id)).toBeGreaterThan(10016);
    expect(h.jira.store.listAppFields().map((f) => f.id)).toContain(h.fields.spoc);
    expect(h.violations()).toEqual([]);
    h.close();
  });
});

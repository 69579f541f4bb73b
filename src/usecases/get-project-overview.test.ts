import { getProjectOverview } from './get-project-overview';
import { ADMIN, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/** The project page opens where the caller's work is, decided from the configuration and Jira's rights. */
let world: World;
beforeEach(() => {
  world = aWorld();
  world.jira.addIssue(issueRef(1), { summary: 'Export fails', reporterAccountId: PEOPLE.client });
});

const overview = (caller: string, permissions: readonly string[] = STAFF) =>
  getProjectOverview.execute({ callerAccountId: caller, projectKey: SUP.projectKey }, world.as(permissions));

describe('the project page overview', () => {
  it('counts the open issues the caller sees', async () => {
    expect(await overview(PEOPLE.priya)).toMatchObject({ projectKey: 'SUP', openIssues: 1 });
  });

  it('opens a SPOC on their triage queue and the delivery team on vetted issues', async () => {
    expect((await overview(PEOPLE.priya)).landing).toMatchObject({ role: 'spoc', subpage: '/triage' });
    expect(await overview(PEOPLE.dev)).toMatchObject({
      canSeeConfiguration: true,
      landing: { role: 'delivery', subpage: '/vetted' },
    });
  });

  it('opens a project administrator on escalations', async () => {
    expect((await overview(PEOPLE.stranger, ADMIN)).landing).toMatchObject({
      role: 'manager',
      subpage: '/escalations',
    });
  });

  it('tells a client reporter plainly that the pages have no work for them', async () => {
    const o = await overview(PEOPLE.client);
    expect(o.canSeeConfiguration).toBe(false);
    expect(o.landing).toMatchObject({ role: null, subpage: null });
    expect(o.landing.reason).toMatch(/no work for you/);
  });
});

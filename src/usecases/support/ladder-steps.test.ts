import { anOutOfOffice } from '../../domain/testing/spoc-profile-builders';
import { theAcmeTeam } from '../../domain/testing/routing-builders';
import { routeClientIssue } from '../route-client-issue';
import { runSweep } from '../run-sweep';
import { acmeConfiguration, aWorld, issueRef, PEOPLE, SUP, type World } from '../testing/world';
import { messageText } from './message';

/**
 * A move keeps the client's response clock (the issue stays due when it was), so what the app writes about
 * a move, on the issue and in its history, never names the new due time routing would give a new issue.
 * Acme's issue reaches Priya on Monday 9 June 2025 at 09:00Z, due 13:00Z.
 */
let world: World;

const sweep = () => runSweep.execute({ timeLeftMs: () => 60_000 }, world);

async function route() {
  const ref = issueRef(1);
  world.jira.addIssue(ref, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
  });
  await routeClientIssue.execute(
    {
      issueId: ref.id,
      issueKey: ref.key,
      ...SUP,
      summary: 'Tracking page times out',
      reporterAccountId: PEOPLE.client,
      facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    },
    world,
  );
  return ref;
}

const lastComment = (id: string) => messageText(world.jira.issue(id).comments.at(-1)!.body);

describe('moving an issue on', () => {
  it('at breach says who takes it and why, and that its clock runs on, with no new due time', async () => {
    world = aWorld();
    const issue = await route();
    world.clock.set('2025-06-09T13:00:00Z');
    await sweep();
    expect(world.triage.entry(issue.id).record).toMatchObject({
      spocAccountId: PEOPLE.ana,
      dueAt: '2025-06-09T13:00:00.000Z',
    });
    expect(lastComment(issue.id)).toContain('so the issue moves from @Priya Shah to @Ana Lima.');
    expect(lastComment(issue.id)).not.toContain('Response due');
    expect(world.triage.entry(issue.id).record.history.at(-1)?.note).toBe(
      "Moved to Ana Lima (backup 1); the client's response clock runs on.",
    );
  });

  it('from a SPOC who is away says the same', async () => {
    const away = anOutOfOffice({ from: '2025-06-09T10:00:00Z', until: '2025-06-16T00:00:00Z' });
    world = aWorld(
      acmeConfiguration({
        profiles: [{ ...theAcmeTeam.priya, outOfOffice: [away] }, theAcmeTeam.tom, theAcmeTeam.ana],
      }),
    );
    const issue = await route();
    world.clock.set('2025-06-09T10:00:00Z');
    expect((await sweep()).handedOver).toHaveLength(1);
    expect(world.triage.entry(issue.id).record.dueAt).toBe('2025-06-09T13:00:00.000Z');
    expect(lastComment(issue.id)).toContain(
      '@Priya Shah is out of office, so the app handed this client issue to',
    );
    expect(lastComment(issue.id)).not.toContain('Response due');
    expect(world.triage.entry(issue.id).record.history.at(-1)?.note).toMatch(
      /^Moved to .* \(backup \d\); the client's response clock runs on\.$/,
    );
  });
});

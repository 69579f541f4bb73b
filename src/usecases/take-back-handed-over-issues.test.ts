import { anOutOfOffice } from '../domain/testing/spoc-profile-builders';
import { theAcmeTeam } from '../domain/testing/routing-builders';
import { applyTriageActionRequest } from './apply-triage-action';
import { listHandedOverIssues } from './list-handed-over-issues';
import { routeClientIssue } from './route-client-issue';
import { runSweep } from './run-sweep';
import { messageText } from './support/message';
import { takeBackHandedOverIssues } from './take-back-handed-over-issues';
import { acmeConfiguration, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/**
 * Priya is out of office from 11:00Z on Monday 9 June 2025 until the next Monday, with Tom as her delegate:
 * the sweep hands her waiting issues to him. Back on Monday 16 June at 09:00 London, she sees them on
 * "My triage queue" with Tom as their holder, and takes them all back in one action, or one by one.
 */
let world: World;

beforeEach(() => {
  world = aWorld(
    acmeConfiguration({
      profiles: [
        {
          ...theAcmeTeam.priya,
          outOfOffice: [
            anOutOfOffice({
              from: '2025-06-09T11:00:00Z',
              until: '2025-06-16T00:00:00Z',
              delegateAccountId: PEOPLE.tom,
            }),
          ],
        },
        theAcmeTeam.tom,
        theAcmeTeam.ana,
        theAcmeTeam.kenji,
      ],
    }),
  );
});

const sweep = () => runSweep.execute({ timeLeftMs: () => 60_000 }, world);

async function route(n: number) {
  const ref = issueRef(n);
  world.jira.addIssue(ref, { components: [{ id: '1', name: 'Acme Portal' }], summary: `Issue ${n}` });
  await routeClientIssue.execute(
    {
      issueId: ref.id,
      issueKey: ref.key,
      ...SUP,
      summary: `Issue ${n}`,
      reporterAccountId: PEOPLE.client,
      facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    },
    world,
  );
  return ref;
}

/** Three issues routed to Priya, handed to Tom when her absence starts; she is back a week later. */
async function handedOverAndBack() {
  const issues = [await route(1), await route(2), await route(3)];
  world.clock.set('2025-06-09T11:00:00Z');
  expect((await sweep()).handedOver).toHaveLength(3);
  world.clock.set('2025-06-16T08:00:00Z');
  return issues;
}

const takeBack = (payload?: unknown, as: string = PEOPLE.priya, options = {}) =>
  takeBackHandedOverIssues.execute({ callerAccountId: as, payload, ...options }, world.as(STAFF));
const comments = (id: string) => world.jira.issue(id).comments.map((c) => messageText(c.body));

describe('what was handed over while she was away', () => {
  it('is listed with whoever holds each issue now, and when it was handed over', async () => {
    await handedOverAndBack();
    const listed = await listHandedOverIssues.execute({ callerAccountId: PEOPLE.priya }, world.as(STAFF));
    expect(listed.awayUntil).toBeNull();
    expect(listed.items.map((i) => [i.issueKey, i.spoc?.displayName, i.handedOverAt])).toEqual([
      ['SUP-1', 'Tom Berg', '2025-06-09T11:00:00.000Z'],
      ['SUP-2', 'Tom Berg', '2025-06-09T11:00:00.000Z'],
      ['SUP-3', 'Tom Berg', '2025-06-09T11:00:00.000Z'],
    ]);
    // Tom holds them, but nothing was handed over from him.
    expect(
      (await listHandedOverIssues.execute({ callerAccountId: PEOPLE.tom }, world.as(STAFF))).items,
    ).toEqual([]);
  });

  it('says while she is still away that she is, until when', async () => {
    await route(1);
    world.clock.set('2025-06-09T11:00:00Z');
    await sweep();
    const listed = await listHandedOverIssues.execute({ callerAccountId: PEOPLE.priya }, world.as(STAFF));
    expect(listed).toMatchObject({ awayUntil: '2025-06-16T00:00:00.000Z', items: [{ issueKey: 'SUP-1' }] });
  });
});

describe('taking them all back in one action', () => {
  it('makes her SPOC and assignee of each again, with the panel’s comment and a fresh clock', async () => {
    const issues = await handedOverAndBack();
    const report = await takeBack();
    expect(report.summary).toBe('Taken back: 3 issues.');
    expect(report.results).toEqual(
      issues.map((ref) => ({
        issueId: ref.id,
        issueKey: ref.key,
        outcome: 'done',
        message: 'Taken back: you are its SPOC and assignee again.',
      })),
    );
    for (const ref of issues) {
      const jira = world.jira.issue(ref.id);
      expect([jira.spocField, jira.assignee]).toEqual([PEOPLE.priya, PEOPLE.priya]);
      expect(comments(ref.id).at(-1)).toBe(
        '@Priya Shah is back and took this client issue back from @Tom Berg.',
      );
      expect(world.triage.entry(ref.id).record).toMatchObject({
        spocAccountId: PEOPLE.priya,
        handedOverFrom: null,
        // Four working hours from Monday 09:00 London.
        dueAt: '2025-06-16T12:00:00.000Z',
      });
      expect(world.triage.entry(ref.id).record.history.at(-1)).toMatchObject({
        event: 'take-back',
        by: PEOPLE.priya,
      });
      expect(world.triage.entry(ref.id).outbox).toEqual([]);
    }
    // Nothing is left to take back; a second try changes nothing.
    const writes = world.jira.writes().length;
    expect(await takeBack()).toEqual({
      results: [],
      summary: 'Nothing was handed over from you to take back.',
    });
    expect(world.jira.writes()).toHaveLength(writes);
  });

  it('one by one in the panel too, which then offers nothing more to take back', async () => {
    const [first] = await handedOverAndBack();
    const reply = await applyTriageActionRequest.execute(
      { callerAccountId: PEOPLE.priya, issueIdOrKey: first!.key, input: { action: 'take-back' } },
      world.as(STAFF),
    );
    expect(reply.view.callerRoles).toEqual(['spoc']);
    expect(reply.view.allowedActions).not.toContain('take-back');
    const listed = await listHandedOverIssues.execute({ callerAccountId: PEOPLE.priya }, world.as(STAFF));
    expect(listed.items.map((i) => i.issueKey)).toEqual(['SUP-2', 'SUP-3']);
  });

  it('takes back only the issues named, and says why it cannot take back another', async () => {
    const [first, second, third] = await handedOverAndBack();
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.tom,
        issueIdOrKey: third!.key,
        input: { action: 'reassign', toAccountId: PEOPLE.ana, reason: 'Ana knows this portal.' },
      },
      world.as(STAFF),
    );
    const report = await takeBack({ issueIds: [second!.id, third!.id] });
    expect(report.results.map((r) => [r.issueKey, r.outcome, r.message])).toEqual([
      ['SUP-2', 'done', 'Taken back: you are its SPOC and assignee again.'],
      ['SUP-3', 'refused', 'SUP-3 is not handed over from you (any more), so there is nothing to take back.'],
    ]);
    expect(report.summary).toBe('Taken back: 1 of 2 issues; see the others below.');
    expect(world.triage.entry(first!.id).record.spocAccountId).toBe(PEOPLE.tom);
    expect(world.triage.entry(third!.id).record.spocAccountId).toBe(PEOPLE.ana);
  });

  it('follows the take-back rules: only she may, with Jira’s permission to assign', async () => {
    await handedOverAndBack();
    // Ana asks for Priya's issues: none were handed over from Ana, so nothing is hers to take.
    expect((await takeBack(undefined, PEOPLE.ana)).results).toEqual([]);
    const noAssign = await takeBackHandedOverIssues.execute(
      { callerAccountId: PEOPLE.priya, payload: {} },
      world.as(['BROWSE_PROJECTS', 'ADD_COMMENTS']),
    );
    expect(noAssign.results.map((r) => [r.outcome, r.message])).toEqual(
      [1, 2, 3].map((n) => [
        'refused',
        `Jira does not let you do this on SUP-${n}: you lack the ASSIGN_ISSUES permission.`,
      ]),
    );
    expect(noAssign.summary).toBe('Nothing was taken back; see each issue below.');
    // Issues she cannot see in Jira are not taken back, and not named.
    const hidden = await takeBackHandedOverIssues.execute(
      { callerAccountId: PEOPLE.priya, payload: {} },
      world.as(STAFF, (issue) => issue.key !== 'SUP-2'),
    );
    expect(hidden.results.map((r) => [r.issueKey, r.outcome])).toEqual([
      ['SUP-1', 'done'],
      ['SUP-3', 'done'],
      ['SUP-2', 'not-found'],
    ]);
  });

  it('refuses while she is still away, and refuses malformed input, changing nothing', async () => {
    await route(1);
    world.clock.set('2025-06-09T11:00:00Z');
    await sweep();
    const writes = world.jira.writes().length;
    await expect(takeBack()).rejects.toThrow(
      'You are out of office until Mon 16 Jun 2025 01:00 Europe/London, so the app would hand these issues over again. End your absence under Availability first; nothing was taken back.',
    );
    world.clock.set('2025-06-16T08:00:00Z');
    await expect(takeBack([])).rejects.toThrow('Send which issues to take back as a JSON object.');
    await expect(takeBack({ issueIds: [] })).rejects.toThrow('Send issueIds as a list of 1 to 50 issue ids');
    await expect(takeBack({ issueIds: ['SUP-1'] })).rejects.toThrow(
      'Each of issueIds must be a Jira issue id, such as 10042.',
    );
    expect(world.jira.writes()).toHaveLength(writes);
    expect(world.triage.entry(issueRef(1).id).record.spocAccountId).toBe(PEOPLE.tom);
  });

  it('reports an issue someone acts on at the same moment, and overwrites nothing of theirs', async () => {
    await handedOverAndBack();
    world.triage.conflictNext = true;
    const report = await takeBack();
    expect(report.results.filter((r) => r.outcome === 'conflict')).toHaveLength(1);
    expect(report.results.filter((r) => r.outcome === 'done')).toHaveLength(2);
  });

  it('stores every change first and leaves to the sweep what Jira could not take now', async () => {
    const issues = await handedOverAndBack();
    world.jira.busy.set('addComment', 1);
    const report = await takeBack(undefined, PEOPLE.priya, { sendAtMost: 2 });
    // The first issue's comment met a busy Jira; the third was not sent at all.
    expect(report.results.map((r) => r.outcome)).toEqual(['writes-pending', 'done', 'writes-pending']);
    expect(report.summary).toBe(
      'Taken back: 3 issues. Jira is still being updated for 2 issues; the app finishes it within a few minutes.',
    );
    expect(issues.map((ref) => world.triage.entry(ref.id).record.spocAccountId)).toEqual([
      PEOPLE.priya,
      PEOPLE.priya,
      PEOPLE.priya,
    ]);
    expect(world.jira.issue(issues[2]!.id).assignee).toBe(PEOPLE.tom);
    // The sweep's owed-writes slice finishes them (once the send lease of the first has passed).
    world.clock.set('2025-06-16T08:01:00Z');
    const swept = await sweep();
    expect([...swept.finished].sort()).toEqual(['SUP-1', 'SUP-3']);
    for (const ref of issues) {
      expect(world.jira.issue(ref.id).assignee).toBe(PEOPLE.priya);
      expect(comments(ref.id).filter((c) => c.includes('is back and took'))).toHaveLength(1);
    }
  });
});

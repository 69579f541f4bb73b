import { anOutOfOffice } from '../domain/testing/spoc-profile-builders';
import { theAcmeTeam } from '../domain/testing/routing-builders';
import { applyTriageActionRequest } from './apply-triage-action';
import { routeClientIssue } from './route-client-issue';
import { RECONCILE_SLICE, runSweep } from './run-sweep';
import { messageText } from './support/message';
import { acmeConfiguration, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/**
 * The sweep as the clock moves, on the unit tests' world: Acme's issue is routed to Priya on Monday
 * 9 June 2025 at 10:00 London (09:00Z) with a 4 h target, so its response is due at 13:00Z. The ladder
 * (the policy's default) warns at 75% (12:00Z), moves it to the next backup at 100% and tells the
 * escalation manager at 150% of the target, counted in the working hours of whoever holds the issue.
 */
let world: World;

beforeEach(() => {
  world = aWorld();
});

const sweep = () => runSweep.execute({ timeLeftMs: () => 60_000 }, world);

async function route(n: number) {
  const ref = issueRef(n);
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

const comments = (id: string) => world.jira.issue(id).comments.map((c) => messageText(c.body));
const entry = (id: string) => world.triage.entry(id);

describe('the escalation ladder, as time passes', () => {
  it('does nothing before the first step falls due, and touches no issue that is not due', async () => {
    const issue = await route(1);
    expect(entry(issue.id).sweepAt).toBe('2025-06-09T12:00:00.000Z');
    const writes = world.jira.writes().length;
    world.clock.set('2025-06-09T11:59:00Z');
    const report = await sweep();
    expect(report.escalated).toEqual([]);
    expect(world.jira.writes()).toHaveLength(writes);
  });

  it('warns the SPOC at 75% of the target, once, however often it runs', async () => {
    const issue = await route(1);
    world.clock.set('2025-06-09T12:00:00Z');
    expect((await sweep()).escalated).toEqual([{ issueKey: 'SUP-1', steps: ['warn-spoc'] }]);
    expect(comments(issue.id).at(-1)).toBe(
      '@Priya Shah: a response to this client issue is due Mon 9 Jun 2025 14:00 Europe/London. ' +
        'Please respond, or acknowledge in the SPOC panel that you are on it.',
    );
    expect(entry(issue.id).record).toMatchObject({ escalationLevel: 1, spocAccountId: PEOPLE.priya });
    expect(entry(issue.id).record.history.at(-1)).toMatchObject({ event: 'escalation-step' });
    expect(world.jira.issue(issue.id).property).toMatchObject({ escalationLevel: 1 });
    expect(entry(issue.id).sweepAt).toBe('2025-06-09T13:00:00.000Z');
    const writes = world.jira.writes().length;
    await sweep();
    expect(world.jira.writes()).toHaveLength(writes);
  });

  it('moves the issue to the next available backup at breach, with routing’s reasons', async () => {
    const issue = await route(1);
    world.clock.set('2025-06-09T12:00:00Z');
    await sweep();
    world.clock.set('2025-06-09T13:00:00Z');
    expect((await sweep()).escalated).toEqual([{ issueKey: 'SUP-1', steps: ['move-to-next-backup'] }]);
    const jira = world.jira.issue(issue.id);
    expect([jira.spocField, jira.assignee]).toEqual([PEOPLE.ana, PEOPLE.ana]);
    const said = comments(issue.id).at(-1) as string;
    expect(said).toContain(
      'The response was due Mon 9 Jun 2025 14:00 Europe/London, so the issue moves from @Priya Shah to @Ana Lima.',
    );
    expect(said).toContain('Priya Shah (primary) is the SPOC the issue is being moved away from; skipped.');
    expect(entry(issue.id).record).toMatchObject({
      spocAccountId: PEOPLE.ana,
      escalationLevel: 2,
      // The client's clock runs on.
      dueAt: '2025-06-09T13:00:00.000Z',
    });
    expect(jira.property).toMatchObject({ spocAccountId: PEOPLE.ana, escalationLevel: 2 });
  });

  it('then tells the escalation manager, in the working hours of the backup who now holds it', async () => {
    const issue = await route(1);
    for (const at of ['2025-06-09T12:00:00Z', '2025-06-09T13:00:00Z']) {
      world.clock.set(at);
      await sweep();
    }
    // Ana works 09:00–17:00 in São Paulo (12:00Z–20:00Z): 6 working hours from 09:00Z end at 18:00Z.
    expect(entry(issue.id).sweepAt).toBe('2025-06-09T18:00:00.000Z');
    world.clock.set('2025-06-09T17:59:00Z');
    expect((await sweep()).escalated).toEqual([]);
    world.clock.set('2025-06-09T18:00:00Z');
    expect((await sweep()).escalated).toEqual([{ issueKey: 'SUP-1', steps: ['notify-escalation-manager'] }]);
    expect(comments(issue.id).at(-1)).toBe(
      '@Maria Gomez (escalation manager): the response to this client issue was due ' +
        'Mon 9 Jun 2025 10:00 America/Sao_Paulo and is still outstanding. Please look at it.',
    );
    expect(entry(issue.id).record.escalationLevel).toBe(3);
    // Every step is taken: nothing more to look at on this clock.
    expect(entry(issue.id).sweepAt).toBeNull();
  });

  it('takes a step once when two sweeps run at the same moment', async () => {
    const issue = await route(1);
    world.clock.set('2025-06-09T12:00:00Z');
    const reports = await Promise.all([sweep(), sweep()]);
    expect(reports.flatMap((r) => r.escalated)).toHaveLength(1);
    expect(comments(issue.id).filter((c) => c.includes('is due'))).toHaveLength(1);
  });

  it('holds the next step while the SPOC acknowledges it, then takes it when the hold ends', async () => {
    const issue = await route(1);
    world.clock.set('2025-06-09T12:00:00Z');
    await sweep();
    world.clock.set('2025-06-09T12:10:00Z');
    const reply = await applyTriageActionRequest.execute(
      { callerAccountId: PEOPLE.priya, issueIdOrKey: 'SUP-1', input: { action: 'acknowledge' } },
      world.as(STAFF),
    );
    // The policy holds it for 60 minutes.
    expect(reply.summary).toBe(
      'Priya Shah acknowledged the escalation; the next step waits until Mon 9 Jun 2025 14:10 Europe/London.',
    );
    expect(reply.view.allowedActions).not.toContain('acknowledge');
    expect(comments(issue.id).at(-1)).toBe(
      '@Priya Shah is on it: the next escalation step waits until Mon 9 Jun 2025 14:10 Europe/London.',
    );
    expect(entry(issue.id).sweepAt).toBe('2025-06-09T13:10:00.000Z');
    world.clock.set('2025-06-09T13:00:00Z');
    expect((await sweep()).escalated).toEqual([]);
    world.clock.set('2025-06-09T13:10:00Z');
    expect((await sweep()).escalated).toEqual([{ issueKey: 'SUP-1', steps: ['move-to-next-backup'] }]);
  });

  it('refuses an acknowledgement from someone the escalation is not for', async () => {
    await route(1);
    world.clock.set('2025-06-09T12:00:00Z');
    await sweep();
    await expect(
      applyTriageActionRequest.execute(
        { callerAccountId: PEOPLE.dev, issueIdOrKey: 'SUP-1', input: { action: 'acknowledge' } },
        world.as(STAFF),
      ),
    ).rejects.toThrow("Only the issue's SPOC or the client's escalation manager can acknowledge SUP-1.");
  });
});

describe('issues nobody could take', () => {
  it('run on the escalation manager’s clock and move to whoever can take them when the target passes', async () => {
    // Everyone on the roster is out until noon; Maria has no profile, so her clock runs around the clock.
    const away = anOutOfOffice({ from: '2025-06-09T00:00:00Z', until: '2025-06-09T12:00:00Z' });
    world = aWorld(
      acmeConfiguration({
        profiles: Object.values(theAcmeTeam).map((p) => ({ ...p, outOfOffice: [away] })),
      }),
    );
    const issue = await route(1);
    expect(entry(issue.id).record).toMatchObject({
      spocAccountId: null,
      escalationLevel: 1,
      dueAt: '2025-06-09T13:00:00.000Z',
    });
    expect(comments(issue.id)[0]).toContain('@Maria Gomez (escalation manager), please find someone.');
    world.clock.set('2025-06-09T13:00:00Z');
    expect((await sweep()).escalated).toEqual([{ issueKey: 'SUP-1', steps: ['move-to-next-backup'] }]);
    expect(world.jira.issue(issue.id).assignee).toBe(PEOPLE.priya);
    expect(entry(issue.id).record).toMatchObject({ spocAccountId: PEOPLE.priya, escalationLevel: 2 });
  });
});

describe('handovers while a SPOC is away', () => {
  const priyaAwayFrom11 = () =>
    aWorld(
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

  it('hand her waiting issues to her delegate when her absence starts, with the reasons', async () => {
    world = priyaAwayFrom11();
    const issue = await route(1);
    world.clock.set('2025-06-09T10:59:00Z');
    expect((await sweep()).handedOver).toEqual([]);
    world.clock.set('2025-06-09T11:00:00Z');
    expect((await sweep()).handedOver).toEqual([{ issueKey: 'SUP-1', from: PEOPLE.priya, to: PEOPLE.tom }]);
    expect(world.jira.issue(issue.id).assignee).toBe(PEOPLE.tom);
    expect(comments(issue.id).at(-1)).toContain(
      '@Priya Shah is out of office, so the app handed this client issue to @Tom Berg.',
    );
    expect(entry(issue.id).record).toMatchObject({
      spocAccountId: PEOPLE.tom,
      handedOverFrom: PEOPLE.priya,
      dueAt: '2025-06-09T13:00:00.000Z',
    });
    // Nothing moves twice.
    const writes = world.jira.writes().length;
    await sweep();
    expect(world.jira.writes()).toHaveLength(writes);
  });

  it('are not handed back in bulk when she returns; she takes back what she chooses', async () => {
    world = priyaAwayFrom11();
    const issue = await route(1);
    world.clock.set('2025-06-09T11:00:00Z');
    await sweep();
    // Tom asks the client for more; the client's answer is still awaited when Priya returns.
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.tom,
        issueIdOrKey: 'SUP-1',
        input: { action: 'request-info', message: 'Which page?' },
      },
      world.as(STAFF),
    );
    world.clock.set('2025-06-16T08:00:00Z'); // Monday, 09:00 London: she is back.
    await sweep();
    expect(entry(issue.id).record.spocAccountId).toBe(PEOPLE.tom);
    await expect(
      applyTriageActionRequest.execute(
        { callerAccountId: PEOPLE.ana, issueIdOrKey: 'SUP-1', input: { action: 'take-back' } },
        world.as(STAFF),
      ),
    ).rejects.toThrow('Only the SPOC it was handed over from can take back SUP-1.');
    const reply = await applyTriageActionRequest.execute(
      { callerAccountId: PEOPLE.priya, issueIdOrKey: 'SUP-1', input: { action: 'take-back' } },
      world.as(STAFF),
    );
    expect(reply.summary).toBe('Priya Shah took the issue back after their absence.');
    expect(world.jira.issue(issue.id).assignee).toBe(PEOPLE.priya);
    expect(entry(issue.id).record).toMatchObject({
      spocAccountId: PEOPLE.priya,
      handedOverFrom: null,
      state: 'info-requested',
    });
  });
});

describe('taking back while still away', () => {
  it('is refused: the sweep would only hand the issue over again', async () => {
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
    await route(1);
    world.clock.set('2025-06-09T11:00:00Z');
    await sweep();
    await expect(
      applyTriageActionRequest.execute(
        { callerAccountId: PEOPLE.priya, issueIdOrKey: 'SUP-1', input: { action: 'take-back' } },
        world.as(STAFF),
      ),
    ).rejects.toThrow('You are still out of office: take the issue back once you are back.');
  });
});

describe('writes the app still owes Jira', () => {
  it('are finished by the sweep when the events’ retries gave up, with one routing comment', async () => {
    world.jira.busy.set('addComment', 1);
    world.jira.busy.set('editIssue', 1);
    const ref = issueRef(1);
    await expect(route(1)).rejects.toThrow(/Jira is busy/);
    expect(entry(ref.id).outbox.map((w) => w.kind)).toEqual(['edit', 'comment']);
    const report = await sweep();
    expect(report.finished).toEqual(['SUP-1']);
    expect(entry(ref.id).outbox).toEqual([]);
    expect(world.jira.issue(ref.id).assignee).toBe(PEOPLE.priya);
    expect(comments(ref.id).filter((c) => c.startsWith('Routed to'))).toHaveLength(1);
  });
});

describe('the reconcile slice', () => {
  it('waits for the next run when Jira is busy, keeping what the run already did', async () => {
    await route(1);
    world.clock.set('2025-06-09T12:00:00Z');
    world.jira.busy.set('readTriageProperties', 1);
    const report = await sweep();
    expect(report.escalated).toEqual([{ issueKey: 'SUP-1', steps: ['warn-spoc'] }]);
    expect(report.more).toBe(true);
    expect(world.sweepState.after).toBe('');
  });

  it('restores a rewritten or deleted spoc property and notes it in the history, a slice a run', async () => {
    const issues = [];
    for (let n = 1; n <= RECONCILE_SLICE + 2; n += 1) {
      issues.push(await route(n));
      world.clock.set(new Date(world.clock.now().getTime() + 60_000).toISOString());
    }
    const [first, , , , , , last] = issues;
    world.jira.issue(first!.id).property = {
      ...(world.jira.issue(first!.id).property as object),
      state: 'vetted',
    };
    world.jira.issue(last!.id).property = undefined;
    const firstRun = await sweep();
    expect(firstRun.repaired).toEqual(['SUP-1']);
    expect(world.jira.issue(first!.id).property).toMatchObject({ state: 'awaiting-spoc' });
    expect(entry(first!.id).record.history.at(-1)).toMatchObject({
      event: 'property-repaired',
      note: 'state is "vetted" on the issue but "awaiting-spoc" in the app\'s record.',
    });
    // The next run goes on from where the first stopped and reaches the last issue.
    expect((await sweep()).repaired).toEqual(['SUP-7']);
    expect(world.jira.issue(last!.id).property).toMatchObject({ state: 'awaiting-spoc' });
    // One search per run for the copies, never one read per issue.
    expect(world.jira.calls.filter((c) => c.call === 'readTriageProperty')).toHaveLength(0);
    expect(world.jira.calls.filter((c) => c.call === 'readTriageProperties')).toHaveLength(2);
  });
});

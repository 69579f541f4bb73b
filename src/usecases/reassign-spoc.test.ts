import type { SpocProfile } from '../domain';
import { anOutOfOffice } from '../domain/testing/spoc-profile-builders';
import { applyTriageActionRequest } from './apply-triage-action';
import { NotAllowedError, TriageRefusedError } from './errors';
import { listReassignCandidates } from './list-reassign-candidates';
import { routeClientIssue } from './route-client-issue';
import { ADMIN, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/**
 * Reassigning by hand: nobody is handed an issue while away or full without being told first (the policy
 * may refuse it outright), the new SPOC's clock counts their own working hours from when they can start,
 * and the reassign form learns who is available from the app's own records, not from Jira per person.
 * Monday 9 June 2025, 10:00 in London: Priya (SPOC) and Tom are at work; Ana (São Paulo) and Kenji
 * (Tokyo), Acme's backups, are off shift.
 */
let world: World;
const ISSUE = issueRef(1);
const OTHER = issueRef(2);

async function fileAcmeIssue(issue = ISSUE) {
  world.jira.addIssue(issue, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
  });
  await routeClientIssue.execute(
    {
      issueId: issue.id,
      issueKey: issue.key,
      ...SUP,
      summary: 'Tracking page times out',
      reporterAccountId: PEOPLE.client,
      facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    },
    world,
  );
}

beforeEach(async () => {
  world = aWorld();
  await fileAcmeIssue();
  world.jira.calls.length = 0;
});

const changeProfile = (accountId: string, change: Partial<SpocProfile>) => {
  const { configuration } = world.config;
  world.config.configuration = {
    ...configuration,
    profiles: configuration.profiles.map((p) => (p.accountId === accountId ? { ...p, ...change } : p)),
  };
};
/** Ana is out of office from Sunday until Wednesday 11 June, 12:00 UTC, with nobody covering. */
const anaAway = () =>
  changeProfile(PEOPLE.ana, {
    outOfOffice: [anOutOfOffice({ from: '2025-06-08T00:00:00.000Z', until: '2025-06-11T12:00:00.000Z' })],
  });
const refuseByPolicy = () => {
  world.config.configuration = {
    ...world.config.configuration,
    policy: { ...world.config.configuration.policy, reassignToUnavailable: 'refuse' },
  };
};

const reassign = (to: string, extra: Record<string, unknown> = {}, caller: string = PEOPLE.priya) =>
  applyTriageActionRequest.execute(
    {
      callerAccountId: caller,
      issueIdOrKey: ISSUE.key,
      input: { action: 'reassign', toAccountId: to, reason: 'Handover', ...extra },
    },
    world.as(caller === PEOPLE.maria ? ADMIN : STAFF),
  );
const candidates = (caller: string = PEOPLE.priya, permissions: readonly string[] = STAFF) =>
  listReassignCandidates.execute({ callerAccountId: caller, issueIdOrKey: ISSUE.key }, world.as(permissions));
const record = () => world.triage.entry(ISSUE.id).record;

describe('reassigning to someone away or full', () => {
  it('is refused until the person confirms it, saying why; then the clock starts when the new SPOC is back', async () => {
    anaAway();
    const before = world.triage.entry(ISSUE.id);
    await expect(reassign(PEOPLE.ana)).rejects.toThrow(
      new TriageRefusedError(
        'Ana Lima is out of office now. Look at their availability and confirm if you still want to hand the issue to them.',
      ),
    );
    expect(world.triage.entry(ISSUE.id)).toEqual(before);
    expect(world.jira.calls).toEqual([]);

    const { view } = await reassign(PEOPLE.ana, { evenIfUnavailable: true });
    expect(record()).toMatchObject({
      spocAccountId: PEOPLE.ana,
      // Back Wednesday 09:00 in São Paulo (12:00 UTC); four working hours later, not as if she were at work.
      clockStartedAt: '2025-06-11T12:00:00.000Z',
      dueAt: '2025-06-11T16:00:00.000Z',
    });
    expect(world.jira.issue(ISSUE.id)).toMatchObject({ spocField: PEOPLE.ana, assignee: PEOPLE.ana });
    expect(view).toMatchObject({
      dueAt: '2025-06-11T16:00:00.000Z',
      responseStatus: 'on-track',
      spocNow: { status: 'away', until: '2025-06-11T12:00:00.000Z', delegate: null },
    });
  });

  it('warns for someone full, counted from the app’s own records', async () => {
    changeProfile(PEOPLE.tom, { capacity: 1 });
    await fileAcmeIssue(OTHER);
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: OTHER.key,
        input: { action: 'reassign', toAccountId: PEOPLE.tom, reason: 'Tom knows it' },
      },
      world.as(STAFF),
    );
    await expect(reassign(PEOPLE.tom)).rejects.toThrow(
      /^Tom Berg has no room for more client issues now\. Look at their availability/,
    );
    await reassign(PEOPLE.tom, { evenIfUnavailable: true });
    // Tom works now: his clock starts at once, four of his working hours.
    expect(record()).toMatchObject({
      spocAccountId: PEOPLE.tom,
      clockStartedAt: '2025-06-09T09:00:00.000Z',
      dueAt: '2025-06-09T13:00:00.000Z',
    });
  });

  it('is refused outright when the policy says so, confirmed or not, and nothing changes', async () => {
    anaAway();
    refuseByPolicy();
    const before = world.triage.entry(ISSUE.id);
    for (const extra of [{}, { evenIfUnavailable: true }]) {
      await expect(reassign(PEOPLE.ana, extra)).rejects.toThrow(
        new TriageRefusedError(
          'Ana Lima is out of office, and the policy does not let a client issue be handed to someone away or full. Choose someone else.',
        ),
      );
    }
    expect(world.triage.entry(ISSUE.id)).toEqual(before);
    expect(world.jira.calls).toEqual([]);
    // Someone at work is still fine.
    await reassign(PEOPLE.tom);
    expect(record().spocAccountId).toBe(PEOPLE.tom);
  });

  it('refuses a confirmation that is not true or false', async () => {
    await expect(reassign(PEOPLE.tom, { evenIfUnavailable: 'yes' })).rejects.toThrow(
      'evenIfUnavailable must be true or false.',
    );
  });
});

describe('the reassign form’s candidates', () => {
  it('lists every other SPOC with availability, load and the due time they would get, roster first, from the app’s records', async () => {
    anaAway();
    const seen = await candidates();
    expect(seen.now).toBe('2025-06-09T09:00:00.000Z');
    expect(seen.whenUnavailable).toBe('warn');
    expect(seen.more).toBe(false);
    expect(seen.candidates).toEqual([
      {
        accountId: PEOPLE.ana,
        displayName: 'Ana Lima',
        onRoster: 'backup',
        availability: {
          timeZone: 'America/Sao_Paulo',
          status: 'away',
          until: '2025-06-11T12:00:00.000Z',
          delegate: null,
          openClientIssues: 0,
          capacity: 8,
        },
        clockStartsAt: '2025-06-11T12:00:00.000Z',
        dueAt: '2025-06-11T16:00:00.000Z',
        verdict: 'warn',
      },
      expect.objectContaining({
        accountId: PEOPLE.kenji,
        onRoster: 'backup',
        // Off shift until Tuesday 09:00 in Tokyo.
        availability: expect.objectContaining({ status: 'off-shift', until: '2025-06-10T00:00:00.000Z' }),
        clockStartsAt: '2025-06-09T09:00:00.000Z',
        dueAt: '2025-06-10T04:00:00.000Z',
        verdict: 'go',
      }),
      expect.objectContaining({
        accountId: PEOPLE.tom,
        onRoster: null,
        availability: expect.objectContaining({
          status: 'available',
          until: '2025-06-09T16:00:00.000Z',
          openClientIssues: 0,
          capacity: 5,
        }),
        dueAt: '2025-06-09T13:00:00.000Z',
        verdict: 'go',
      }),
    ]);
    // Not the issue's SPOC herself; and nothing asked of Jira as the app, only the caller's own permissions.
    expect(seen.candidates.map((c) => c.accountId)).not.toContain(PEOPLE.priya);
    expect(world.jira.calls).toEqual([]);
  });

  it('says what the policy does with someone away or full', async () => {
    anaAway();
    refuseByPolicy();
    const seen = await candidates();
    expect(seen.whenUnavailable).toBe('refuse');
    expect(seen.candidates.find((c) => c.accountId === PEOPLE.ana)?.verdict).toBe('refuse');
  });

  it('is for those who may reassign: the SPOC, a backup or a project administrator, not delivery', async () => {
    await expect(candidates(PEOPLE.dev)).rejects.toThrow(NotAllowedError);
    await expect(candidates(PEOPLE.priya, ['BROWSE_PROJECTS'])).rejects.toThrow(
      "Only the issue's SPOC, their backups or a project administrator can reassign SUP-1.",
    );
    expect((await candidates(PEOPLE.kenji)).candidates.map((c) => c.accountId)).toEqual([
      PEOPLE.ana,
      PEOPLE.kenji,
      PEOPLE.tom,
    ]);
    expect((await candidates(PEOPLE.maria, ADMIN)).candidates).toHaveLength(3);
  });

  it('has no due time to offer while the issue waits on the client', async () => {
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: ISSUE.key,
        input: { action: 'request-info', message: 'Which browser?' },
      },
      world.as(STAFF),
    );
    expect((await candidates()).candidates.every((c) => c.dueAt === null)).toBe(true);
  });
});

import type { OffboardingPreview } from '../contract/project-page';
import { anOutOfOffice } from '../domain/testing/spoc-profile-builders';
import { theAcmeTeam } from '../domain/testing/routing-builders';
import { applyTriageActionRequest } from './apply-triage-action';
import { offboardSpoc } from './offboard-spoc';
import { previewOffboarding } from './preview-offboarding';
import { routeClientIssue } from './route-client-issue';
import { runSweep } from './run-sweep';
import { messageText } from './support/message';
import { takeBackHandedOverIssues } from './take-back-handed-over-issues';
import { acmeConfiguration, ADMIN, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/**
 * Priya leaves the SPOC team on Monday 9 June 2025 at 10:00 London. She is Acme's primary SPOC (Ana and
 * Kenji back her up, Maria manages); Tom takes over. A project administrator previews it, then applies it:
 * Acme's roster gets a version from now with Tom as primary, and Priya's open issues move to Tom.
 */
let world: World;

beforeEach(() => {
  world = aWorld();
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

const request = {
  leavingAccountId: PEOPLE.priya,
  successorAccountId: PEOPLE.tom,
  reason: 'Priya joins the platform team.',
};
const preview = (payload: unknown = request, permissions = ADMIN) =>
  previewOffboarding.execute(
    { callerAccountId: PEOPLE.maria, projectKey: 'SUP', payload },
    world.as(permissions),
  );
const asPreviewed = (p: OffboardingPreview) => ({
  ...request,
  expectedVersion: p.configurationVersion,
  issues: p.issueMoves.map((m) => ({ issueId: m.issueId, fromAccountId: m.from.accountId })),
});
const apply = (payload: unknown, options = {}, permissions = ADMIN) =>
  offboardSpoc.execute(
    { callerAccountId: PEOPLE.maria, projectKey: 'SUP', payload, ...options },
    world.as(permissions),
  );
const comments = (id: string) => world.jira.issue(id).comments.map((c) => messageText(c.body));
const acmeVersions = () => world.config.configuration.rosters.find((r) => r.clientId === 'acme')?.versions;

describe('the preview', () => {
  it('shows every roster change and issue move before anything is changed', async () => {
    await route(1);
    await route(2);
    const writes = world.jira.writes().length;
    const version = world.config.version;
    const shown = await preview();
    expect(shown).toMatchObject({
      leaving: { accountId: PEOPLE.priya, displayName: 'Priya Shah' },
      successor: { accountId: PEOPLE.tom, displayName: 'Tom Berg' },
      configurationVersion: version,
      rosterChanges: [
        {
          clientId: 'acme',
          clientName: 'Acme Ltd',
          effectiveFrom: '2025-06-09T09:00:00.000Z',
          planned: false,
          changes: [
            {
              role: 'primary',
              from: { displayName: 'Priya Shah' },
              to: { displayName: 'Tom Berg' },
              reason: 'Tom Berg becomes the primary SPOC in place of Priya Shah.',
            },
          ],
        },
      ],
      issuesLeft: [],
      moreIssues: false,
      warnings: [],
      nothingToDo: false,
    });
    expect(
      shown.issueMoves.map((m) => [m.issueKey, m.kind, m.from.displayName, m.to.displayName, m.summary]),
    ).toEqual([
      ['SUP-1', 'move', 'Priya Shah', 'Tom Berg', 'Issue 1'],
      ['SUP-2', 'move', 'Priya Shah', 'Tom Berg', 'Issue 2'],
    ]);
    expect(world.jira.writes()).toHaveLength(writes);
    expect(world.config.version).toBe(version);
  });

  it('warns of a successor with no profile or over capacity', async () => {
    for (let n = 1; n <= 6; n += 1) await route(n);
    // Tom's capacity is 5; Dev has no SPOC profile.
    expect((await preview()).warnings).toEqual([
      'Tom Berg would hold 6 open client issues, over their capacity of 5: routing sends them no new issues until some are vetted.',
    ]);
    expect((await preview({ ...request, successorAccountId: PEOPLE.dev })).warnings).toEqual([
      'Dev Eloper has no SPOC profile: routing skips them for new issues of these clients, and the response clocks of the issues they get run around the clock. Add their availability first.',
    ]);
  });

  it('is only for project administrators, and refuses malformed input in words', async () => {
    await expect(preview(request, STAFF)).rejects.toThrow(
      'Only administrators of project SUP can offboard a SPOC.',
    );
    await expect(preview({ ...request, successorAccountId: PEOPLE.priya })).rejects.toThrow(
      'Choose someone other than the person who is leaving to take over.',
    );
    await expect(preview({ ...request, reason: ' ' })).rejects.toThrow(
      'A reason for the offboarding is required.',
    );
    await expect(preview({ ...request, successorAccountId: 'acc-nobody' })).rejects.toThrow(
      'No Jira user has the account id acc-nobody.',
    );
    await expect(preview('Priya')).rejects.toThrow('Send the offboarding as a JSON object.');
  });

  it('leaves the issues of projects where the caller may not assign, and says why', async () => {
    await route(1);
    const shown = await preview(request, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
    expect(shown.issueMoves).toEqual([]);
    expect(shown.issuesLeft).toEqual([
      {
        issueId: issueRef(1).id,
        issueKey: 'SUP-1',
        reason:
          'You do not administer project SUP, or may not assign its issues, so SUP-1 stays with Priya Shah; an administrator of SUP can reassign it.',
      },
    ]);
    // The rosters still change: they are the app's, kept by any project administrator.
    expect(shown.rosterChanges).toHaveLength(1);
  });

  it('says when there is nothing to change', async () => {
    expect(await preview({ ...request, leavingAccountId: PEOPLE.dev })).toMatchObject({
      rosterChanges: [],
      issueMoves: [],
      nothingToDo: true,
    });
  });
});

describe('applying it', () => {
  it('adds a roster version from now, keeps the old one, and moves each issue with its reason', async () => {
    const [first, second] = [await route(1), await route(2)];
    const shown = await preview();
    const before = world.config.version;
    const report = await apply(asPreviewed(shown));
    expect(report).toEqual({
      configurationVersion: before + 1,
      rostersChanged: 1,
      results: [first, second].map((ref) => ({
        issueId: ref!.id,
        issueKey: ref!.key,
        outcome: 'done',
        message: 'Moved to Tom Berg, who is its SPOC and assignee now.',
      })),
      summary: '1 roster changed (configuration version 2). Moved: 2 issues.',
    });
    expect(acmeVersions()?.map((v) => [v.effectiveFrom, v.primarySpocAccountId])).toEqual([
      ['2025-01-01T00:00:00.000Z', PEOPLE.priya],
      ['2025-06-09T09:00:00.000Z', PEOPLE.tom],
    ]);
    expect(acmeVersions()?.[1]?.handoverNote).toBe(
      'Priya Shah leaves the SPOC team; Tom Berg takes over their roles. Priya joins the platform team.',
    );
    for (const ref of [first!, second!]) {
      const jira = world.jira.issue(ref.id);
      expect([jira.spocField, jira.assignee]).toEqual([PEOPLE.tom, PEOPLE.tom]);
      expect(jira.comments.at(-1)?.role).toBe('members');
      expect(comments(ref.id).at(-1)).toBe(
        '@Maria Gomez moved this client issue from @Priya Shah to @Tom Berg.\n' +
          'Priya Shah leaves the SPOC team; Tom Berg takes over their clients.\n' +
          'Reason given: Priya joins the platform team.',
      );
      expect(world.triage.entry(ref.id).record).toMatchObject({
        spocAccountId: PEOPLE.tom,
        // A fresh clock in Tom's London hours, as any reassignment.
        dueAt: '2025-06-09T13:00:00.000Z',
      });
      expect(world.triage.entry(ref.id).record.history.at(-1)).toMatchObject({
        event: 'reassign',
        by: PEOPLE.maria,
        note: 'Priya Shah leaves the SPOC team; Tom Berg takes over their clients.',
      });
    }
    // Done is done: another preview has nothing left to change.
    expect(await preview()).toMatchObject({ nothingToDo: true });
    // New issues of Acme go to Tom now.
    await route(3);
    expect(world.triage.entry(issueRef(3).id).record.spocAccountId).toBe(PEOPLE.tom);
  });

  it('refuses a stale preview whole, changing nothing', async () => {
    await route(1);
    const shown = await preview();
    await route(2);
    const writes = world.jira.writes().length;
    const version = world.config.version;
    await expect(apply(asPreviewed(shown))).rejects.toThrow(
      'Things changed since your preview, so nothing was applied: SUP-2 is now among the issues to move. ' +
        'Preview the offboarding again and check it before you apply it.',
    );
    await world.config.save({ names: { x: 'X' } }, version, PEOPLE.maria);
    await expect(apply(asPreviewed(await preview()))).resolves.toMatchObject({ rostersChanged: 1 });
    expect(world.jira.writes().length).toBeGreaterThan(writes);
  });

  it('refuses a preview made on an older configuration', async () => {
    await route(1);
    const shown = await preview();
    await world.config.save({ names: { x: 'X' } }, world.config.version, PEOPLE.maria);
    await expect(apply(asPreviewed(shown))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(
        `The configuration is at version ${shown.configurationVersion + 1}, your preview was made on version ${shown.configurationVersion}.`,
      ),
    });
    expect(world.triage.entry(issueRef(1).id).record.spocAccountId).toBe(PEOPLE.priya);
    expect(acmeVersions()).toHaveLength(1);
  });

  it('reports an issue someone acts on at the same moment and leaves it as they made it', async () => {
    await route(1);
    await route(2);
    const shown = await preview();
    world.triage.conflictNext = true;
    const report = await apply(asPreviewed(shown));
    expect(report.results.map((r) => r.outcome).sort()).toEqual(['conflict', 'done']);
    expect(report.results.find((r) => r.outcome === 'conflict')?.message).toMatch(
      /at the same moment; nothing of theirs was overwritten/,
    );
    expect(report.summary).toBe(
      '1 roster changed (configuration version 2). Moved: 1 of 2 issues; see the others below.',
    );
    // What is left moves in a second turn: the rosters are done, the issue is still Priya's.
    const again = await preview();
    expect(again.rosterChanges).toEqual([]);
    expect(again.issueMoves).toHaveLength(1);
    expect((await apply(asPreviewed(again))).results.map((r) => r.outcome)).toEqual(['done']);
  });

  it('stores every move first and leaves to the sweep the Jira writes that did not fit', async () => {
    const refs = [await route(1), await route(2), await route(3)];
    const report = await apply(asPreviewed(await preview()), { sendAtMost: 1 });
    expect(report.results.map((r) => r.outcome)).toEqual(['done', 'writes-pending', 'writes-pending']);
    expect(refs.map((r) => world.triage.entry(r.id).record.spocAccountId)).toEqual([
      PEOPLE.tom,
      PEOPLE.tom,
      PEOPLE.tom,
    ]);
    expect(world.jira.issue(refs[2]!.id).assignee).toBe(PEOPLE.priya);
    expect([...(await sweep()).finished].sort()).toEqual(['SUP-2', 'SUP-3']);
    expect(refs.map((r) => world.jira.issue(r.id).assignee)).toEqual([PEOPLE.tom, PEOPLE.tom, PEOPLE.tom]);
  });

  it('is only for project administrators, and refuses a payload without the preview', async () => {
    await route(1);
    const shown = await preview();
    await expect(apply(asPreviewed(shown), {}, STAFF)).rejects.toThrow(
      'Only administrators of project SUP can offboard a SPOC.',
    );
    await expect(apply({ ...request, expectedVersion: shown.configurationVersion })).rejects.toThrow(
      "Send issues: the preview's issue moves",
    );
    await expect(apply({ ...asPreviewed(shown), issues: [{ issueId: 'SUP-1' }] })).rejects.toThrow(
      'Each of issues must be { issueId, fromAccountId }, as the preview gave it.',
    );
    expect(world.triage.entry(issueRef(1).id).record.spocAccountId).toBe(PEOPLE.priya);
  });
});

describe('offboarding someone in the middle of an absence', () => {
  // Priya is away from 11:00Z, Ana covering; the sweep handed her waiting issues to Ana.
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
                delegateAccountId: PEOPLE.ana,
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

  it('moves what was handed over during it to the successor, and nothing comes back to her', async () => {
    const refs = [await route(1), await route(2)];
    world.clock.set('2025-06-09T11:00:00Z');
    expect((await sweep()).handedOver.map((h) => h.to)).toEqual([PEOPLE.ana, PEOPLE.ana]);
    const shown = await preview();
    expect(shown.warnings).toEqual([
      'Priya Shah is out of office until Mon 16 Jun 2025 01:00 Europe/London: the issues handed over during the absence pass to the successor too, and none come back to them.',
    ]);
    expect(shown.issueMoves.map((m) => [m.issueKey, m.kind, m.from.displayName, m.handedOver])).toEqual([
      ['SUP-1', 'move', 'Ana Lima', true],
      ['SUP-2', 'move', 'Ana Lima', true],
    ]);
    await apply(asPreviewed(shown));
    for (const ref of refs) {
      expect(world.triage.entry(ref.id).record).toMatchObject({
        spocAccountId: PEOPLE.tom,
        handedOverFrom: null,
      });
      expect(comments(ref.id).at(-1)).toContain(
        "Ana Lima covered this issue during Priya Shah's absence; Priya Shah leaves the SPOC team, so Tom Berg takes it over.",
      );
    }
    // Back on Monday, she has nothing to take back, and the sweep hands nothing over from her.
    world.clock.set('2025-06-16T08:00:00Z');
    expect(
      (
        await takeBackHandedOverIssues.execute(
          { callerAccountId: PEOPLE.priya, payload: {} },
          world.as(STAFF),
        )
      ).results,
    ).toEqual([]);
    expect((await sweep()).handedOver).toEqual([]);
  });

  it('lets the successor who covered an issue keep it for good, its clock as it was', async () => {
    await route(1);
    world.clock.set('2025-06-09T11:00:00Z');
    await sweep();
    const dueAt = world.triage.entry(issueRef(1).id).record.dueAt;
    const shown = await preview({ ...request, successorAccountId: PEOPLE.ana });
    expect(shown.issueMoves.map((m) => [m.issueKey, m.kind])).toEqual([['SUP-1', 'keep']]);
    const writes = world.jira.writes(issueRef(1).id).length;
    const report = await apply({
      ...asPreviewed(shown),
      successorAccountId: PEOPLE.ana,
    });
    expect(report.results.map((r) => r.message)).toEqual(['Ana Lima keeps it as its SPOC.']);
    expect(world.triage.entry(issueRef(1).id).record).toMatchObject({
      spocAccountId: PEOPLE.ana,
      handedOverFrom: null,
      dueAt,
    });
    // Only the comment that says so: SPOC field and assignee are Ana's already.
    expect(
      world.jira
        .writes(issueRef(1).id)
        .slice(writes)
        .map((c) => c.call),
    ).toEqual(['addComment']);
    expect(comments(issueRef(1).id).at(-1)).toBe(
      '@Ana Lima keeps this client issue as its SPOC, as @Maria Gomez offboarded its former SPOC.\n' +
        "Ana Lima covered this issue during Priya Shah's absence and keeps it, as Priya Shah leaves the SPOC team.\n" +
        'Reason given: Priya joins the platform team.',
    );
  });

  it('does not move what the caller cannot see, and says how many stay', async () => {
    await route(1);
    await route(2);
    const shown = await previewOffboarding.execute(
      { callerAccountId: PEOPLE.maria, projectKey: 'SUP', payload: request },
      world.as(ADMIN, (issue) => issue.key !== 'SUP-2'),
    );
    expect(shown.issueMoves.map((m) => m.issueKey)).toEqual(['SUP-1']);
    expect(shown.warnings).toContain(
      '1 open issue of Priya Shah is in projects you cannot see; they stay where they are until an administrator of those projects reassigns them.',
    );
  });
});

describe('a panel action meanwhile', () => {
  it('is reported when it changed an issue between preview and apply', async () => {
    await route(1);
    const shown = await preview();
    await applyTriageActionRequest.execute(
      { callerAccountId: PEOPLE.ana, issueIdOrKey: 'SUP-1', input: { action: 'take-over' } },
      world.as(STAFF),
    );
    await expect(apply(asPreviewed(shown))).rejects.toThrow(
      'Things changed since your preview, so nothing was applied: SUP-1 is no longer to move (someone vetted, took or reassigned it).',
    );
    expect(acmeVersions()).toHaveLength(1);
  });
});

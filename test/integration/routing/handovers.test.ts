import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from './routing-site';

/**
 * A SPOC's absence and a SPOC leaving, through the app's real handlers on the local site, with the site's
 * clock moved and the scheduled sweep run as Forge would run it: Priya goes out of office and the sweep
 * hands her waiting issues on; back, she takes them all back in one action. Then Daniel, away for the week,
 * leaves the team: a project administrator previews and applies his offboarding to Yuki, rosters and open
 * issues alike, while Jira is busy for part of the writes, which the sweep finishes.
 */
let site: RoutingSite;

beforeAll(async () => {
  site = await startRoutingSite();
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopRoutingSite(site);
});

type Reply<T = any> = { ok: true; data: T } | { ok: false; error: string; code?: string };

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Expected success, got: ${reply.error}`);
  return reply.data;
}

const page = <T = any>(functionKey: string, as: string, payload?: unknown): Promise<Reply<T>> =>
  site.invoke<T>('spoc-project-page', functionKey, as, { payload });
const panel = <T = any>(functionKey: string, as: string, issueKey: string, payload?: unknown) =>
  site.invoke<T>('spoc-panel', functionKey, as, { issueKey, payload }) as Promise<Reply<T>>;

const textOf = (node: any): string =>
  node.type === 'text'
    ? node.text
    : node.type === 'mention'
      ? node.attrs.text
      : (node.content ?? []).map(textOf).join(node.type === 'paragraph' ? '' : '\n');

async function jiraSide(key: string) {
  const issue = (
    await site
      .asPerson(PEOPLE.hannah)
      .get(`/rest/api/3/issue/${key}?fields=assignee,comment,${site.spocFieldId}`)
  ).body;
  const last = issue.fields.comment.comments.at(-1);
  return {
    assignee: issue.fields.assignee?.accountId ?? null,
    spoc: issue.fields[site.spocFieldId]?.accountId ?? null,
    lastComment: last ? textOf(last.body) : '',
    internal: last?.visibility !== undefined,
  };
}

const acmeIssue = async (summary: string) =>
  (
    await site.fileIssue(PEOPLE.liWei, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary,
      components: [{ name: 'Acme Portal' }],
    })
  ).key;

async function sweep(): Promise<void> {
  const runs = await site.forge.runScheduledTriggers({ all: true });
  expect(runs).toEqual([expect.objectContaining({ key: 'spoc-sweep', ok: true })]);
  await site.idle();
}

describe('a SPOC out of office, then back', () => {
  it('takes back in one action what the sweep handed over while she was out', async () => {
    const mine = ok(await page('getMyProfile', PEOPLE.priya));
    const from = new Date(Date.now() + 60 * 60_000);
    const until = new Date(from.getTime() + 24 * 60 * 60_000);
    ok(
      await page('saveProfile', PEOPLE.priya, {
        profile: {
          ...mine.profile,
          outOfOffice: [{ from: from.toISOString(), until: until.toISOString(), delegateAccountId: null }],
        },
        expectedVersion: mine.version,
      }),
    );
    const keys = [
      await acmeIssue('Delivery slots vanish at midnight'),
      await acmeIssue('Tracking map is blank'),
    ];
    const demo = site.demo.issues.find((i) => i.reporter === PEOPLE.liWei)!.key;
    for (const key of keys) expect((await jiraSide(key)).spoc).toBe(PEOPLE.priya);

    site.clock.advanceMinutes(61);
    await sweep();
    // Daniel, her first backup, is away too: Chloe, the next, gets them.
    for (const key of [demo, ...keys]) {
      expect(await jiraSide(key)).toMatchObject({
        spoc: PEOPLE.chloe,
        assignee: PEOPLE.chloe,
        internal: true,
      });
    }
    expect((await jiraSide(keys[0]!)).lastComment).toContain(
      '@Priya Shah is out of office, so the app handed this client issue to @Chloe Wilson.',
    );

    const whileAway = ok(await page('getHandedOverIssues', PEOPLE.priya));
    expect(whileAway.awayUntil).toBe(until.toISOString());
    expect(whileAway.items.map((i: any) => [i.issueKey, i.spoc.displayName]).sort()).toEqual(
      [demo, ...keys].map((key) => [key, 'Chloe Wilson']).sort(),
    );
    const early = await page('takeBackHandedOverIssues', PEOPLE.priya, {});
    expect(early).toMatchObject({ ok: false, code: 'refused' });
    // Others have nothing handed over from them, and may not take hers.
    expect(ok(await page('getHandedOverIssues', PEOPLE.chloe)).items).toEqual([]);
    expect(ok(await page('takeBackHandedOverIssues', PEOPLE.chloe, {})).results).toEqual([]);

    site.clock.set(new Date(until.getTime() + 60_000));
    const report = ok(await page('takeBackHandedOverIssues', PEOPLE.priya, {}));
    expect(report.summary).toBe('Taken back: 3 issues.');
    expect(report.results.map((r: any) => r.outcome)).toEqual(['done', 'done', 'done']);
    for (const key of [demo, ...keys]) {
      expect(await jiraSide(key)).toEqual({
        spoc: PEOPLE.priya,
        assignee: PEOPLE.priya,
        lastComment: '@Priya Shah is back and took this client issue back from @Chloe Wilson.',
        internal: true,
      });
      const view = ok(await panel<any>('getSpocView', PEOPLE.priya, key));
      expect(view.history.at(-1)).toMatchObject({ event: 'take-back', what: 'take back' });
      expect(view.allowedActions).not.toContain('take-back');
    }
    expect(ok(await page('getHandedOverIssues', PEOPLE.priya)).items).toEqual([]);
  });
});

describe('offboarding a SPOC in the middle of his absence', () => {
  let handedOver: string;
  let his: string;
  /** Who the sweep handed Daniel's issue to: the next of Acme's roster who can take it. */
  let holder: string;

  beforeAll(async () => {
    site.clock.advanceMinutes(5);
    // Daniel (away all week) gets an issue; the sweep hands it on; then he is given another.
    handedOver = await acmeIssue('Customs form rejects Swiss postcodes');
    ok(
      await panel('applyTriageAction', PEOPLE.hannah, handedOver, {
        action: 'reassign',
        toAccountId: PEOPLE.daniel,
        reason: 'Daniel knows the customs module.',
        // Hannah is told he is out of office and gives it to him all the same.
        evenIfUnavailable: true,
      }),
    );
    site.clock.advanceMinutes(5);
    await sweep();
    holder = (await jiraSide(handedOver)).spoc;
    expect([PEOPLE.priya, PEOPLE.chloe]).toContain(holder);
    his = await acmeIssue('Pallet labels print twice');
    site.clock.advanceMinutes(1);
    ok(
      await panel('applyTriageAction', PEOPLE.hannah, his, {
        action: 'reassign',
        toAccountId: PEOPLE.daniel,
        reason: 'Labels are his.',
        // Hannah is told he is out of office and gives it to him all the same.
        evenIfUnavailable: true,
      }),
    );
  });

  const request = {
    leavingAccountId: PEOPLE.daniel,
    successorAccountId: PEOPLE.yuki,
    reason: 'Daniel moves to the platform team.',
  };
  const applying = (preview: any) => ({
    ...request,
    expectedVersion: preview.configurationVersion,
    issues: preview.issueMoves.map((m: any) => ({ issueId: m.issueId, fromAccountId: m.from.accountId })),
  });

  it('is only for project administrators', async () => {
    for (const who of [PEOPLE.priya, PEOPLE.marco, PEOPLE.liWei]) {
      expect(await page('previewOffboarding', who, request)).toMatchObject({
        ok: false,
        code: 'not-allowed',
      });
    }
    expect(await page('previewOffboarding', PEOPLE.hannah, { ...request, reason: '' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
      error: 'A reason for the offboarding is required.',
    });
  });

  it('shows every change first, and refuses a preview that went stale, changing nothing', async () => {
    const preview = ok(await page('previewOffboarding', PEOPLE.hannah, request));
    expect(preview.rosterChanges.map((r: any) => [r.clientId, r.changes.map((c: any) => c.reason)])).toEqual([
      ['acme', ["Yuki Tanaka takes Daniel Okafor's place as backup 1."]],
      [
        'globex',
        [
          'Yuki Tanaka becomes the primary SPOC in place of Daniel Okafor. Yuki Tanaka leaves backup place 1; the backups after move up.',
        ],
      ],
    ]);
    expect(
      preview.issueMoves.map((m: any) => [m.issueKey, m.from.accountId, m.to.displayName, m.handedOver]),
    ).toEqual([
      [handedOver, holder, 'Yuki Tanaka', true],
      [his, PEOPLE.daniel, 'Yuki Tanaka', false],
    ]);
    expect(preview.warnings).toEqual([
      expect.stringMatching(/^Yuki Tanaka would hold 3 open client issues, over their capacity of 1/),
      expect.stringMatching(
        /^Daniel Okafor is out of office until .*: the issues handed over during the absence pass/,
      ),
    ]);

    // Meanwhile the one covering escalates theirs (nothing the preview shows), and Chloe takes over Daniel's,
    // which the preview showed moving from him: it no longer says what would happen.
    site.clock.advanceMinutes(1);
    ok(
      await panel('applyTriageAction', holder, handedOver, {
        action: 'escalate',
        reason: 'Customs deadline',
      }),
    );
    ok(await panel('applyTriageAction', PEOPLE.chloe, his, { action: 'take-over' }));
    const version = ok(await page('getConfiguration', PEOPLE.hannah)).version;
    const stale = await page('applyOffboarding', PEOPLE.hannah, applying(preview));
    expect(stale).toMatchObject({
      ok: false,
      code: 'conflict',
      error: expect.stringContaining(`${his} is no longer to move`),
    });
    expect(ok(await page('getConfiguration', PEOPLE.hannah)).version).toBe(version);
    expect((await jiraSide(his)).spoc).toBe(PEOPLE.chloe);
    // Put it back with Daniel for what follows.
    ok(
      await panel('applyTriageAction', PEOPLE.hannah, his, {
        action: 'reassign',
        toAccountId: PEOPLE.daniel,
        reason: 'Back to Daniel.',
        // Hannah is told he is out of office and gives it to him all the same.
        evenIfUnavailable: true,
      }),
    );
  });

  it('applies it: new roster versions from now, each issue reassigned with its reason; the sweep finishes what Jira held back', async () => {
    site.clock.advanceMinutes(1);
    const preview = ok(await page('previewOffboarding', PEOPLE.hannah, request));
    const before = ok(await page('getConfiguration', PEOPLE.hannah));
    // Jira is busy for the first SPOC-field write of the app.
    site.gateway.faults.set({
      status: 429,
      count: 1,
      callers: 'app',
      methods: ['PUT'],
      pathPrefix: '/rest/api/3/app/field/',
      retryAfterSeconds: 30,
    });
    const report = ok(await page('applyOffboarding', PEOPLE.hannah, applying(preview)));
    expect(report).toMatchObject({ configurationVersion: before.version + 1, rostersChanged: 2 });
    expect(report.results.map((r: any) => r.outcome).sort()).toEqual(['done', 'writes-pending']);
    expect(report.summary).toBe(
      `2 rosters changed (configuration version ${before.version + 1}). Moved: 2 issues. Jira is still being updated for 1 issue; the app finishes it within a few minutes.`,
    );

    const after = ok(await page('getConfiguration', PEOPLE.hannah));
    const versions = (client: string) =>
      after.document.rosters.find((r: any) => r.clientId === client).versions;
    expect(versions('acme')).toHaveLength(
      before.document.rosters.find((r: any) => r.clientId === 'acme').versions.length + 1,
    );
    expect(versions('globex').at(-1)).toMatchObject({
      effectiveFrom: new Date().toISOString(),
      primarySpocAccountId: PEOPLE.yuki,
      backupAccountIds: [PEOPLE.arjun],
      handoverNote:
        'Daniel Okafor leaves the SPOC team; Yuki Tanaka takes over their roles. Daniel moves to the platform team.',
    });

    site.clock.advanceMinutes(1);
    await sweep();
    for (const key of [handedOver, his]) {
      const side = await jiraSide(key);
      expect(side).toMatchObject({ spoc: PEOPLE.yuki, assignee: PEOPLE.yuki, internal: true });
      expect(side.lastComment).toContain('@Hannah Becker moved this client issue from');
      expect(side.lastComment).toContain('Reason given: Daniel moves to the platform team.');
      const view = ok(await panel<any>('getSpocView', PEOPLE.yuki, key));
      expect(view.history.at(-1)).toMatchObject({ event: 'reassign', by: { displayName: 'Hannah Becker' } });
      expect(view.pendingJiraUpdates).toBe(false);
    }
    // Daniel, back one day, has nothing to take back; another preview has nothing left to do.
    expect(ok(await page('getHandedOverIssues', PEOPLE.daniel)).items).toEqual([]);
    expect(ok(await page('previewOffboarding', PEOPLE.hannah, request))).toMatchObject({ nothingToDo: true });
  });
});

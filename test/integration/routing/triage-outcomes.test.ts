import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from '../sweep/sweep-site';

/**
 * Triage outcomes leave Jira as its users expect, through the app's real handlers on the local site (SUP's
 * simplified workflow, whose Done transition has a resolve screen): a rejected issue and a duplicate are
 * in Done with a resolution (Won't Do, Duplicate), a duplicate is linked with Jira's Duplicate link type,
 * and neither is found by a board's `resolution = Unresolved` filter; reopening (the SPOC's, or the
 * client answering a rejection) brings them back. A duplicate's target is one the client can open, and the
 * picker lists only those. A move Jira is too busy to take is finished by the sweep.
 */
let site: SweepSite;

beforeAll(async () => {
  site = await startSweepSite();
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

// People take minutes between steps; Jira's per-issue write limit counts on the site clock.
beforeEach(async () => {
  await site.advance(1);
});

const BOARD = 'project = SUP AND resolution = Unresolved ORDER BY created DESC';

async function jiraState(key: string) {
  const answer = await site
    .asPerson(PEOPLE.hannah)
    .get(`/rest/api/3/issue/${key}?fields=status,resolution,assignee,labels,issuelinks`);
  const f = answer.body.fields;
  return {
    status: f.status.name as string,
    category: f.status.statusCategory.key as string,
    resolution: (f.resolution?.name ?? null) as string | null,
    assignee: (f.assignee?.accountId ?? null) as string | null,
    labels: f.labels as string[],
    duplicates: (f.issuelinks as Array<{ type: { name: string }; outwardIssue?: { key: string } }>)
      .filter((l) => l.type.name === 'Duplicate' && l.outwardIssue)
      .map((l) => l.outwardIssue?.key),
  };
}

describe('rejecting, marking a duplicate and reopening', () => {
  let rejected: string;
  let duplicate: string;
  let original: string;

  beforeAll(async () => {
    original = (await site.fileAcmeIssue('Scanner drops scans at the Leeds depot')).key;
    rejected = (await site.fileAcmeIssue('Please make the portal purple')).key;
    duplicate = (await site.fileAcmeIssue('Scans vanish at Leeds')).key;
    for (const key of [original, rejected, duplicate])
      expect((await site.jql(BOARD)).includes(key)).toBe(true);
  });

  it("a rejected issue is Done with Won't Do, still assigned to its SPOC, and off the unresolved board", async () => {
    site.ok(
      await site.act(PEOPLE.priya, rejected, { action: 'reject', reason: 'Colours are set by your admin.' }),
    );
    expect(await jiraState(rejected)).toMatchObject({
      status: 'Done',
      category: 'done',
      resolution: "Won't Do",
      assignee: PEOPLE.priya,
      labels: expect.arrayContaining(['spoc-rejected']),
    });
    expect(await site.jql(BOARD)).not.toContain(rejected);
    expect(
      await site.jql(`${BOARD.replace(' ORDER BY created DESC', '')} AND statusCategory != Done`),
    ).not.toContain(rejected);
    const view = await site.panel(rejected, PEOPLE.priya);
    expect(view).toMatchObject({ state: 'rejected', mayReopen: true });
    // The panel's notices say what the app did in the workflow.
    expect(JSON.stringify(view.notices)).toContain(
      "Moved from To Do to Done (transition Done); resolution Won't Do.",
    );
  });

  it('the picker lists only issues the client can open, and an internal target is refused in words', async () => {
    // Tom Fischer's report matches too, but Li Wei cannot open another client's report.
    const toms = await site.fileIssue(PEOPLE.tom, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: 'Scans lost on the handhelds',
    });
    const found = site.ok(
      await site.invoke<any>('spoc-panel', 'getDuplicateCandidates', PEOPLE.priya, {
        issueKey: duplicate,
        payload: { query: 'scans' },
      }),
    );
    expect(found.reporter).toMatchObject({ accountId: PEOPLE.liWei, displayName: 'Li Wei' });
    expect(found.candidates.map((c: { key: string }) => c.key)).toContain(original);
    expect(found.candidates.map((c: { key: string }) => c.key)).not.toContain(toms.key);
    expect(found.hiddenFromClient).toBeGreaterThanOrEqual(1);
    for (const c of found.candidates) expect(c.clientSight).toBe('can-open');
    const internal = (await site.jql('project = DEV ORDER BY key ASC', PEOPLE.priya))[0] as string;
    const refusal = await site.act(PEOPLE.priya, duplicate, {
      action: 'mark-duplicate',
      duplicateOf: internal,
    });
    expect(refusal).toEqual({
      ok: false,
      error: expect.stringContaining(`Li Wei cannot open ${internal}: they would get "Not found" there.`),
      code: 'refused',
    });
    expect((await jiraState(duplicate)).status).toBe('To Do');
  });

  it('a duplicate is linked, Done with the resolution Duplicate, and off the unresolved board', async () => {
    site.ok(await site.act(PEOPLE.priya, duplicate, { action: 'mark-duplicate', duplicateOf: original }));
    expect(await jiraState(duplicate)).toMatchObject({
      status: 'Done',
      resolution: 'Duplicate',
      duplicates: [original],
    });
    const board = await site.jql(BOARD);
    expect(board).not.toContain(duplicate);
    expect(board).not.toContain(rejected);
    expect(board).toContain(original);
    // Li Wei, told to follow the original, can open it.
    expect((await site.asPerson(PEOPLE.liWei).get(`/rest/api/3/issue/${original}`)).status).toBe(200);
  });

  it('the SPOC reopens the duplicate: back in To Do, unresolved, unlinked, on the board', async () => {
    site.ok(await site.act(PEOPLE.priya, duplicate, { action: 'reopen', note: 'A different scanner.' }));
    expect(await jiraState(duplicate)).toMatchObject({
      status: 'To Do',
      resolution: null,
      duplicates: [],
    });
    expect(await site.jql(BOARD)).toContain(duplicate);
    expect(await site.panel(duplicate, PEOPLE.priya)).toMatchObject({
      state: 'awaiting-spoc',
      mayReopen: false,
      duplicateOf: null,
    });
  });

  it('the client answers the rejection: reopened, back in To Do and on the board, and the SPOC is told', async () => {
    const answer = await site.asPerson(PEOPLE.liWei).post(`/rest/api/3/issue/${rejected}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Our admin cannot find it.' }] }],
      },
    });
    expect(answer.status).toBe(201);
    await site.idle();
    expect(await jiraState(rejected)).toMatchObject({ status: 'To Do', resolution: null });
    expect((await jiraState(rejected)).labels).not.toContain('spoc-rejected');
    expect(await site.jql(BOARD)).toContain(rejected);
    expect((await site.panel(rejected, PEOPLE.priya)).state).toBe('awaiting-spoc');
    const told = (await site.comments(rejected)).at(-1);
    expect(told).toMatchObject({ internal: true, mentions: [PEOPLE.priya] });
  });
});

describe('while Jira refuses the app’s transitions for a while', () => {
  it('the rejection is saved and the sweep finishes the move once Jira takes it, with one comment', async () => {
    const { key, id } = await site.fileAcmeIssue('Export to PDF is slow');
    await site.advance(1);
    const fault = await site.anonymous.post('/local/api/faults', {
      status: 503,
      methods: ['POST'],
      pathPrefix: `/rest/api/3/issue/${id}/transitions`,
      callers: 'app',
      retryAfterSeconds: 60,
    });
    expect(fault.status).toBe(200);
    const busy = await site.act(PEOPLE.priya, key, {
      action: 'reject',
      reason: 'PDF export is out of scope.',
    });
    expect(busy).toMatchObject({ ok: false, error: expect.stringMatching(/Your change is saved/) });
    expect(await jiraState(key)).toMatchObject({ status: 'To Do', resolution: null });
    expect(await site.jql(BOARD)).toContain(key);
    expect((await site.panel(key, PEOPLE.priya)).state).toBe('rejected');

    expect((await site.anonymous.delete('/local/api/faults')).status).toBe(204);
    const runsBefore = site.sweepRuns().length;
    for (let m = 0; m < 6; m += 1) await site.advance(1);
    const finished = site
      .sweepRuns()
      .slice(runsBefore)
      .flatMap((r) => r.result?.finished ?? []);
    expect(finished).toContain(key);
    expect(await jiraState(key)).toMatchObject({ status: 'Done', resolution: "Won't Do" });
    expect(await site.jql(BOARD)).not.toContain(key);
    const rejections = (await site.comments(key)).filter((c) => c.text.startsWith('We will not take'));
    expect(rejections).toHaveLength(1);
    expect((await site.panel(key, PEOPLE.priya)).pendingJiraUpdates).toBe(false);
  });
});

import { RECONCILE_SLICE } from '../../../src/usecases/run-sweep';
import { PEOPLE, startSweepSite, stopSweepSite, type SweepSite } from './sweep-site';

/**
 * Anyone who can edit an issue can rewrite or delete its `spoc` property, the searchable copy of the app's
 * record. Jira sends no event for that, so the app restores the copy on the next event for the issue, and
 * the sweep checks a slice of the open issues each run, so that within a bounded number of runs every copy
 * is right again, without anyone opening the issue. Each repair is noted in the issue's triage history.
 */
let site: SweepSite;
let keys: string[];

beforeAll(async () => {
  site = await startSweepSite();
  await site.configure((document) => {
    document.profiles.find((p: { accountId: string }) => p.accountId === PEOPLE.priya).capacity = 20;
  });
  keys = [];
  // A minute apart, as people file them.
  for (let n = 1; n <= 8; n += 1) {
    await site.advance(1);
    keys.push((await site.fileAcmeIssue(`Depot ${n} sees no pickups`)).key);
  }
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

const asDeveloper = () => site.asPerson(PEOPLE.marco);

async function rewrite(key: string) {
  const current = (await site.issue(key)).property;
  const answer = await asDeveloper().put(`/rest/api/3/issue/${key}/properties/spoc`, {
    ...current,
    state: 'vetted',
    spocAccountId: PEOPLE.marco,
  });
  expect(answer.status).toBeLessThan(300);
}

async function remove(key: string) {
  expect((await asDeveloper().delete(`/rest/api/3/issue/${key}/properties/spoc`)).status).toBe(204);
}

/** Runs the sweep as often as a full pass over the open issues takes (a slice a run), and once more. */
async function sweepsFor(tampered: number) {
  const open = await site.jql('project = SUP AND issue.property[spoc].state = "awaiting-spoc"');
  const bound = Math.ceil((open.length + tampered) / RECONCILE_SLICE) + 1;
  const before = site.sweepRuns().length;
  for (let run = 0; run < bound; run += 1) await site.advance(5);
  const runs = site.sweepRuns().slice(before);
  expect(runs).toHaveLength(bound);
  return runs;
}

const repairsIn = async (key: string) =>
  (await site.panel(key)).history.filter((h: { event: string }) => h.event === 'property-repaired');

describe('the sweep’s reconcile slice', () => {
  it('restores a rewritten and a deleted copy within a bounded number of runs, nobody opening the issues', async () => {
    const rewritten = keys.at(-1)!;
    const deleted = keys[3]!;
    await rewrite(rewritten);
    await remove(deleted);
    expect(await site.jql('project = SUP AND issue.property[spoc].state = "vetted"')).toContain(rewritten);

    const runs = await sweepsFor(2);

    expect((await site.issue(rewritten)).property).toMatchObject({
      state: 'awaiting-spoc',
      spocAccountId: PEOPLE.priya,
    });
    expect((await site.issue(deleted)).property).toMatchObject({
      state: 'awaiting-spoc',
      spocAccountId: PEOPLE.priya,
    });
    expect(await site.jql('project = SUP AND issue.property[spoc].state = "vetted"')).not.toContain(
      rewritten,
    );
    expect(runs.flatMap((r) => r.result.repaired).sort()).toEqual([deleted, rewritten].sort());
  });

  it('notes each repair in the issue’s history, saying what differed', async () => {
    const [repair] = await repairsIn(keys.at(-1)!);
    expect(repair).toMatchObject({ by: null, what: 'restored the spoc property' });
    expect(repair.note).toMatch(/state is "vetted" on the issue but "awaiting-spoc" in the app's record/);
    expect(await repairsIn(keys[3]!)).toHaveLength(1);
  });

  it('repairs nothing twice: later runs leave the copies alone', async () => {
    const runsBefore = site.sweepRuns().length;
    for (let run = 0; run < 4; run += 1) await site.advance(5);
    expect(
      site
        .sweepRuns()
        .slice(runsBefore)
        .flatMap((r) => r.result.repaired),
    ).toEqual([]);
    expect(await repairsIn(keys.at(-1)!)).toHaveLength(1);
  });
});

describe('the next event on the issue', () => {
  it('restores a rewritten copy at once, from the values the event carries, before any sweep runs', async () => {
    const key = keys[0]!;
    await rewrite(key);
    const runsBefore = site.sweepRuns().length;
    const edited = await asDeveloper().put(`/rest/api/3/issue/${key}`, {
      fields: { summary: 'Depot 1 sees no pickups since Monday' },
    });
    expect(edited.status).toBe(204);
    await site.idle();
    expect(site.sweepRuns()).toHaveLength(runsBefore);
    expect((await site.issue(key)).property).toMatchObject({
      state: 'awaiting-spoc',
      spocAccountId: PEOPLE.priya,
    });
    expect(await repairsIn(key)).toHaveLength(1);
  });

  it('restores a deleted copy when the client comments', async () => {
    const key = keys[1]!;
    await remove(key);
    const commented = await site.asPerson(PEOPLE.liWei).post(`/rest/api/3/issue/${key}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Still nothing at depot 2.' }] }],
      },
    });
    expect(commented.status).toBe(201);
    await site.idle();
    expect((await site.issue(key)).property).toMatchObject({
      state: 'awaiting-spoc',
      spocAccountId: PEOPLE.priya,
    });
    expect(await repairsIn(key)).toHaveLength(1);
  });
});

describe('issues the app changed in the same instant', () => {
  // The reconcile cursor names the issue as well as its change time, so issues changed in the same
  // instant past a slice's end are reached on the next run instead of skipped.
  it('get their copies checked too, within a bounded number of runs', async () => {
    const together: string[] = [];
    for (let n = 1; n <= 6; n += 1) together.push((await site.fileAcmeIssue(`Hub ${n} is offline`)).key);
    await rewrite(together.at(-1)!);
    await sweepsFor(1);
    expect((await site.issue(together.at(-1)!)).property).toMatchObject({ state: 'awaiting-spoc' });
  });
});

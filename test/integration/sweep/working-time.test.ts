import { PEOPLE, startSweepSite, stopSweepSite, weekdays, type SweepSite } from './sweep-site';

/**
 * Ladder steps fall due in the working time of whoever holds the issue, across nights, a weekend and the
 * change to British Summer Time (Sunday 28 March 2027, 01:00 GMT becomes 02:00 BST). Priya works Monday to
 * Friday, 09:00–17:00 London time, and nobody else on Acme's roster can take an issue, so each issue stays
 * with her and every step is counted in her hours.
 */
let site: SweepSite;
let overnight: string;
let overTheWeekend: string;

beforeAll(async () => {
  site = await startSweepSite();
  // Thursday 25 March 2027, 16:00 in London (GMT): one working hour left today.
  await site.setClock('2027-03-25T16:00:00Z');
  await site.configure((document) => {
    const priya = document.profiles.find((p: { accountId: string }) => p.accountId === PEOPLE.priya);
    priya.workingHours = weekdays('09:00', '17:00');
    const acme = document.rosters.find((r: { clientId: string }) => r.clientId === 'acme');
    acme.versions[0].backupAccountIds = [];
    acme.versions[0].poolAccountIds = [];
  });
  // High: a 2 h target. Warned after 90 working minutes, due after 120, the manager told after 180.
  overnight = (await site.fileAcmeIssue('Pallet labels show yesterday’s date', 'High')).key;
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

const levelOf = async (key: string) => (await site.panel(key)).escalationLevel as number;
const lastComment = async (key: string) => (await site.comments(key)).at(-1)!;

describe('an issue filed an hour before the end of the SPOC’s day', () => {
  it('is due the next morning in her hours, and the night passes without a step', async () => {
    const view = await site.panel(overnight, PEOPLE.priya);
    expect(view.dueAt).toBe('2027-03-26T10:00:00.000Z');
    await site.setClock('2027-03-25T23:00:00Z');
    await site.setClock('2027-03-26T09:29:00Z');
    expect(site.sweepRuns().at(-1)?.ok).toBe(true);
    expect(await levelOf(overnight)).toBe(0);
  });

  it('warns her at 09:30, half an hour into her Friday', async () => {
    await site.setClock('2027-03-26T09:30:00Z');
    expect(await levelOf(overnight)).toBe(1);
    expect((await lastComment(overnight)).text).toContain('is due Fri 26 Mar 2027 10:00 Europe/London');
  });

  it('stays with her at 10:00, nobody else on the roster being able to take it, and the manager is told at 11:00', async () => {
    await site.setClock('2027-03-26T10:00:00Z');
    expect(await levelOf(overnight)).toBe(2);
    const stays = await lastComment(overnight);
    expect(stays.text).toContain(
      'nobody else on the roster can take the issue now, so it stays with @Priya Shah.',
    );
    expect((await site.issue(overnight)).assignee).toBe(PEOPLE.priya);
    await site.setClock('2027-03-26T10:59:00Z');
    expect(await levelOf(overnight)).toBe(2);
    await site.setClock('2027-03-26T11:00:00Z');
    expect(await levelOf(overnight)).toBe(3);
    expect((await lastComment(overnight)).mentions).toEqual([PEOPLE.hannah]);
  });
});

describe('an issue filed on Friday afternoon, before the clocks go forward', () => {
  beforeAll(async () => {
    // Friday 26 March 2027, 15:00 GMT: two of its four hours (Medium) fall on Friday, two on Monday.
    await site.setClock('2027-03-26T15:00:00Z');
    overTheWeekend = (await site.fileAcmeIssue('Monthly invoice run stops at the first credit note')).key;
  });

  it('takes no step over the weekend, however the clock moves', async () => {
    for (const at of ['2027-03-26T17:00:00Z', '2027-03-27T12:00:00Z', '2027-03-28T12:00:00Z']) {
      await site.setClock(at);
      expect(await levelOf(overTheWeekend)).toBe(0);
    }
    expect((await site.panel(overTheWeekend)).responseStatus).toBe('on-track');
  });

  it('is due on Monday at 11:00 British Summer Time, which is 10:00 UTC', async () => {
    expect((await site.panel(overTheWeekend)).dueAt).toBe('2027-03-29T10:00:00.000Z');
  });

  it('warns her at 10:00 BST (09:00 UTC) on Monday, an hour into her week, and not a minute before', async () => {
    await site.setClock('2027-03-29T08:59:00Z');
    expect(await levelOf(overTheWeekend)).toBe(0);
    await site.setClock('2027-03-29T09:00:00Z');
    expect(await levelOf(overTheWeekend)).toBe(1);
    expect((await lastComment(overTheWeekend)).text).toContain('is due Mon 29 Mar 2027 11:00 Europe/London');
  });

  it('breaches at 11:00 BST and tells the manager at 13:00 BST, six of her working hours in', async () => {
    await site.setClock('2027-03-29T09:59:00Z');
    expect(await levelOf(overTheWeekend)).toBe(1);
    await site.setClock('2027-03-29T10:00:00Z');
    expect(await levelOf(overTheWeekend)).toBe(2);
    expect((await site.panel(overTheWeekend)).responseStatus).toBe('breached');
    await site.setClock('2027-03-29T11:59:00Z');
    expect(await levelOf(overTheWeekend)).toBe(2);
    await site.setClock('2027-03-29T12:00:00Z');
    expect(await levelOf(overTheWeekend)).toBe(3);
    expect((await lastComment(overTheWeekend)).mentions).toEqual([PEOPLE.hannah]);
  });
});

describe('an issue moved to a backup in another time zone', () => {
  let moved: string;

  beforeAll(async () => {
    // Tuesday 30 March 2027, 09:00 BST (08:00 UTC). Daniel works 09:00–17:00 New York time (13:00–21:00 UTC).
    await site.setClock('2027-03-30T08:00:00Z');
    await site.configure((document) => {
      for (const profile of document.profiles) {
        if (profile.accountId === PEOPLE.priya) profile.workingHours = weekdays('09:00', '17:00');
        if (profile.accountId === PEOPLE.daniel) profile.outOfOffice = [];
      }
      const acme = document.rosters.find((r: { clientId: string }) => r.clientId === 'acme');
      acme.versions[0].backupAccountIds = [PEOPLE.daniel];
      acme.versions[0].poolAccountIds = [];
    });
    moved = (await site.fileAcmeIssue('Portal search ignores the consignee filter')).key;
  });

  it('moves at breach (13:00 BST) to the backup whose day starts within the target', async () => {
    await site.setClock('2027-03-30T12:00:00Z');
    expect(await site.issue(moved)).toMatchObject({ assignee: PEOPLE.daniel, spocField: PEOPLE.daniel });
    expect((await lastComment(moved)).text).toMatch(
      /Daniel Okafor \(backup 1\) is off shift; starts .*: chosen\./,
    );
  });

  it('tells the manager after six hours of Daniel’s working time, not of Priya’s', async () => {
    // In Priya's hours 150% would fall at 14:00 UTC; Daniel's first six hours end at 19:00 UTC.
    await site.setClock('2027-03-30T14:00:00Z');
    await site.setClock('2027-03-30T18:59:00Z');
    expect(await levelOf(moved)).toBe(2);
    await site.setClock('2027-03-30T19:00:00Z');
    expect(await levelOf(moved)).toBe(3);
    expect((await lastComment(moved)).mentions).toEqual([PEOPLE.hannah]);
  });
});

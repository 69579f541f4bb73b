import { PEOPLE, startSweepSite, stopSweepSite, weekdays, type SweepSite } from './sweep-site';

/**
 * An issue nobody can take still has a response clock: the escalation manager's, in their working hours.
 * On Monday 23 November 2026 Priya is away until Wednesday, Daniel is away all week, and Chloe is full
 * (capacity 0). Hannah, Acme's escalation manager, works 09:00–17:00 in Berlin (08:00–16:00 UTC). An Acme
 * issue filed at 14:00 UTC with the Medium target of 4 h is due on Tuesday at 10:00 UTC.
 */
let site: SweepSite;
let key: string;

beforeAll(async () => {
  site = await startSweepSite();
  await site.setClock('2026-11-23T14:00:00Z');
  await site.configure((document) => {
    for (const profile of document.profiles) {
      if (profile.accountId === PEOPLE.priya) {
        profile.outOfOffice = [
          {
            from: '2026-11-23T00:00:00.000Z',
            until: '2026-11-25T00:00:00.000Z',
            delegateAccountId: null,
            note: 'Off sick',
          },
        ];
      }
      if (profile.accountId === PEOPLE.chloe) profile.capacity = 0;
    }
    document.profiles.push({
      accountId: PEOPLE.hannah,
      displayName: 'Hannah Becker',
      timeZone: 'Europe/Berlin',
      workingHours: weekdays('09:00', '17:00'),
      capacity: 0,
      outOfOffice: [],
    });
  });
  key = (await site.fileAcmeIssue('Proof of delivery is missing the signature')).key;
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopSweepSite(site);
});

const levelOf = async () => (await site.panel(key)).escalationLevel as number;

describe('an issue nobody on the roster can take', () => {
  it('is flagged, left unassigned and the escalation manager is told at once, with every reason', async () => {
    const jira = await site.issue(key);
    expect(jira).toMatchObject({ assignee: null, spocField: null });
    expect(jira.labels).toContain('spoc-unrouted');
    // The searchable copy leaves the SPOC out while there is none.
    expect(jira.property?.spocAccountId).toBeUndefined();
    expect(jira.property).toMatchObject({
      escalationLevel: 1,
      dueAt: '2026-11-24T10:00:00.000Z',
    });
    const [told] = await site.comments(key);
    expect(told!.mentions).toEqual([PEOPLE.hannah]);
    expect(told!.text).toContain('(escalation manager), please find someone.');
    expect(told!.text).toMatch(/Priya Shah \(primary\) is out of office/);
    expect(told!.text).toMatch(/Daniel Okafor \(backup 1\) is out of office/);
    expect(told!.text).toMatch(/Chloe Wilson \(backup 2\) has \d+ of 0 open client issues: full/);
    expect(await site.jql('project = SUP AND labels = spoc-unrouted')).toContain(key);
  });

  it('shows on the gadget as unrouted, with its response clock running', async () => {
    const snapshot = await site.escalations();
    expect(snapshot.totals.unrouted).toBeGreaterThanOrEqual(1);
    expect(snapshot.rows.find((r: { issueKey: string }) => r.issueKey === key)).toMatchObject({
      spoc: null,
      escalationLevel: 1,
      response: 'on-track',
      dueAt: '2026-11-24T10:00:00.000Z',
    });
  });

  it('breaches on Tuesday at 10:00 UTC, in the manager’s hours, not overnight', async () => {
    await site.setClock('2026-11-23T18:00:00Z');
    await site.setClock('2026-11-24T09:59:00Z');
    expect(await levelOf()).toBe(1);
    await site.setClock('2026-11-24T10:00:00Z');
    expect(await levelOf()).toBe(2);
    const stays = (await site.comments(key)).at(-1)!;
    expect(stays.text).toContain('nobody else on the roster can take the issue now, so it stays.');
    const row = (await site.escalations()).rows.find((r: { issueKey: string }) => r.issueKey === key);
    expect(row).toMatchObject({ escalationLevel: 2, response: 'breached', spoc: null });
    expect(await site.jql('project = SUP AND issue.property[spoc].escalationLevel = 2')).toContain(key);
  });

  it('climbs to the manager at 150% of the target, six of their working hours in', async () => {
    await site.setClock('2026-11-24T11:59:00Z');
    expect(await levelOf()).toBe(2);
    await site.setClock('2026-11-24T12:00:00Z');
    expect(await levelOf()).toBe(3);
    const told = (await site.comments(key)).at(-1)!;
    expect(told.mentions).toEqual([PEOPLE.hannah]);
    expect(told.text).toMatch(
      /^@Hannah Becker \(escalation manager\): the response to this client issue was due/,
    );
    const jira = await site.issue(key);
    expect(jira.property).toMatchObject({ escalationLevel: 3 });
    expect(jira).toMatchObject({ assignee: null, spocField: null });
  });
});

import { applyTriageAction } from '../domain';
import { InvalidInputError, NotAllowedError, NotFoundError } from './errors';
import { buildReportsCsv, getReports, getReportsCsv, parseReportRequest } from './get-reports';
import { routeClientIssue } from './route-client-issue';
import { ADMIN, aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/**
 * Reports from the app's records: two Acme issues routed to Priya on Mon 9 Jun 2025 at 09:00Z; she accepts
 * SUP-1 at 09:45 (45 minutes to respond and to vet); SUP-2 is reassigned to Tom and still unanswered the
 * next morning, past its due time. Priya is a SPOC, Maria Acme's escalation manager, Dev delivery.
 */
let world: World;

async function act(n: number, by: string, at: string, action: Parameters<typeof applyTriageAction>[1]) {
  const stored = await world.triage.get(issueRef(n).id);
  if (!stored) throw new Error(`SUP-${n} was not routed`);
  const outcome = applyTriageAction(stored.entry.record, action, { by, at });
  if (!outcome.ok) throw new Error(outcome.refusal);
  await world.triage.update({ ...stored.entry, record: outcome.record }, stored.revision, new Date(at));
}

beforeEach(async () => {
  world = aWorld();
  for (const n of [1, 2]) {
    const ref = issueRef(n);
    world.jira.addIssue(ref, { components: [{ id: '1', name: 'Acme Portal' }] });
    await routeClientIssue.execute(
      {
        issueId: ref.id,
        issueKey: ref.key,
        ...SUP,
        summary: `Problem ${n}`,
        reporterAccountId: PEOPLE.client,
        facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
      },
      world,
    );
  }
  await act(1, PEOPLE.priya, '2025-06-09T09:45:00Z', { type: 'accept-for-delivery' });
  await act(2, PEOPLE.maria, '2025-06-09T09:50:00Z', { type: 'reassign', toAccountId: PEOPLE.tom });
  world.clock.set('2025-06-10T09:00:00Z');
  world.jira.calls.length = 0;
});

const reports = (caller: string, payload: unknown = { preset: 'last-7-days' }, permissions = STAFF) =>
  getReports.execute({ callerAccountId: caller, projectKey: 'SUP', payload }, world.as(permissions));

describe('getReports', () => {
  it('gives a project administrator every figure, per SPOC and client, with burnout and coverage', async () => {
    const view = await reports('acc-admin', { preset: 'last-7-days', timeZone: 'Europe/London' }, ADMIN);
    expect(view.audience).toBe('manager');
    // Today and the six days before, in London.
    expect(view.from).toBe('2025-06-03T23:00:00.000Z');
    expect(view.to).toBe('2025-06-10T23:00:00.000Z');
    expect(view.overall.routed).toBe(2);
    expect(view.overall.firstResponse).toEqual({ count: 1, medianMinutes: 45, p90Minutes: 45 });
    expect(view.overall.vetted).toBe(1);
    expect(view.overall.breaches).toBe(1);
    expect(view.basedOn).toEqual({ issues: 2, truncated: false });
    const byName = Object.fromEntries(view.spocs.map((s) => [s.displayName, s]));
    expect(Object.keys(byName).sort()).toEqual(['Priya Shah', 'Tom Berg']);
    expect(byName['Priya Shah']?.metrics.routed).toBe(2);
    expect(byName['Tom Berg']?.metrics.breaches).toBe(1);
    expect(byName['Tom Berg']?.burnout?.issuesReceived).toBe(1);
    expect(byName['Priya Shah']?.burnout?.actions).toBe(1);
    expect(view.clients).toHaveLength(1);
    expect(view.clients[0]).toMatchObject({
      clientId: 'acme',
      clientName: 'Acme Ltd',
      coverage: { gaps: [] },
    });
    expect(view.weeks.map((w) => w.label)).toEqual(['2025-06-02', '2025-06-09']);
    expect(view.notes).toContain('No satisfaction ratings are available for this site yet.');
  });

  it('reads the app’s records only: no Jira search over issues', async () => {
    const deps = world.as(ADMIN);
    deps.user.search = () => Promise.reject(new Error('The report searched Jira'));
    const view = await getReports.execute(
      { callerAccountId: 'acc-admin', projectKey: 'SUP', payload: {} },
      deps,
    );
    expect(view.overall.routed).toBe(2);
    expect(deps.user.calls).toEqual(['projectPermissions ADMINISTER_PROJECTS,ADMINISTER']);
    expect(world.jira.calls).toEqual([]);
  });

  it('gives a SPOC the team’s figures and only their own burnout signals', async () => {
    const view = await reports(PEOPLE.priya);
    expect(view.audience).toBe('spoc');
    const priya = view.spocs.find((s) => s.accountId === PEOPLE.priya);
    const tom = view.spocs.find((s) => s.accountId === PEOPLE.tom);
    expect(priya?.burnout).not.toBeNull();
    expect(tom?.metrics.breaches).toBe(1);
    expect(tom?.burnout).toBeNull();
  });

  it('gives an escalation manager what an administrator sees; refuses anyone else', async () => {
    const view = await reports(PEOPLE.maria);
    expect(view.audience).toBe('manager');
    expect(view.spocs.every((s) => s.burnout !== null)).toBe(true);
    await expect(reports(PEOPLE.dev)).rejects.toThrow(NotAllowedError);
    await expect(reports(PEOPLE.stranger)).rejects.toThrow(
      'Only SPOCs, escalation managers and administrators of project SUP can see its reports.',
    );
    await expect(
      getReports.execute({ callerAccountId: PEOPLE.priya, projectKey: 'NOPE', payload: {} }, world.as(ADMIN)),
    ).rejects.toThrow(NotFoundError);
  });

  it('counts dates as whole days in the zone asked for, the last day included', async () => {
    const view = await reports(PEOPLE.maria, {
      from: '2025-06-09',
      to: '2025-06-09',
      timeZone: 'Asia/Tokyo',
    });
    expect(view.from).toBe('2025-06-08T15:00:00.000Z');
    expect(view.to).toBe('2025-06-09T15:00:00.000Z');
    expect(view.overall.routed).toBe(2);
    expect(view.overall.breaches).toBe(1);
  });
});

describe('the report request', () => {
  const now = new Date('2025-06-10T09:00:00Z');
  const refusal = (payload: unknown) => {
    try {
      parseReportRequest(payload, 'UTC', now);
    } catch (error) {
      if (error instanceof InvalidInputError)
        return { message: error.message, fields: error.problems.map((p) => p.field) };
      throw error;
    }
    throw new Error('Expected a refusal');
  };

  it('defaults to the last 30 days, today included, in the fallback zone', () => {
    expect(parseReportRequest(undefined, 'Europe/London', now)).toEqual({
      period: { fromMs: Date.parse('2025-05-11T23:00:00Z'), toMs: Date.parse('2025-06-10T23:00:00Z') },
      timeZone: 'Europe/London',
    });
  });

  it('refuses what it cannot read, at the field', () => {
    expect(refusal('last week')).toEqual({
      message: 'Send the report request as a JSON object.',
      fields: [],
    });
    expect(refusal({ preset: 'last-year' }).fields).toEqual(['preset']);
    expect(refusal({ preset: 'last-7-days', from: '2025-01-01', to: '2025-01-02' }).fields).toEqual([
      'preset',
    ]);
    expect(refusal({ from: '2025-02-30', to: '2025-03-01' })).toEqual({
      message: 'The first day 2025-02-30 is not a day of the calendar.',
      fields: ['from'],
    });
    expect(refusal({ from: '2025-03-01' }).fields).toEqual(['to']);
    expect(refusal({ from: '2025-03-02', to: '2025-03-01' }).message).toBe(
      'The last day cannot come before the first day.',
    );
    expect(refusal({ from: '2024-01-01', to: '2025-01-01' }).message).toMatch(/at most 366 days/);
    expect(refusal({ timeZone: 'Mars/Olympus' }).fields).toEqual(['timeZone']);
    // A leap year fits.
    expect(() => parseReportRequest({ from: '2024-01-01', to: '2024-12-31' }, 'UTC', now)).not.toThrow();
  });
});

describe('the CSV', () => {
  it('holds the same figures as the report, a row per scope and week', async () => {
    const view = await reports(PEOPLE.maria, {
      from: '2025-06-09',
      to: '2025-06-10',
      timeZone: 'Europe/London',
    });
    const { filename, csv } = buildReportsCsv(view);
    expect(filename).toBe('spoc-report-SUP-2025-06-09-to-2025-06-10.csv');
    const lines = csv.trimEnd().split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    expect(header.slice(0, 5)).toEqual(['scope', 'week', 'id', 'name', 'routed']);
    const overall = rows.find((r) => r.scope === 'overall' && r.week === '');
    expect(overall).toMatchObject({
      routed: '2',
      'first response median min': '45',
      vetted: '1',
      'bounce-back rate': '0',
      breaches: '1',
    });
    const tom = rows.find((r) => r.scope === 'spoc' && r.id === PEOPLE.tom && r.week === '');
    expect(tom).toMatchObject({ name: 'Tom Berg', breaches: '1', 'escalations received': '0' });
    expect(rows.filter((r) => r.scope === 'client').map((r) => r.week)).toEqual(['', '2025-06-09']);
    const fromUseCase = await getReportsCsv.execute(
      {
        callerAccountId: PEOPLE.maria,
        projectKey: 'SUP',
        payload: { from: '2025-06-09', to: '2025-06-10', timeZone: 'Europe/London' },
      },
      world.as(STAFF),
    );
    expect(fromUseCase.csv).toBe(csv);
  });

  it('keeps names as text a spreadsheet will not run, and quotes commas', async () => {
    const view = await reports(PEOPLE.maria);
    const client = view.clients[0];
    if (!client) throw new Error('no client row');
    const { csv } = buildReportsCsv({
      ...view,
      clients: [{ ...client, clientName: '=HYPERLINK("http://x"),Acme' }],
    });
    expect(csv).toContain(`,"'=HYPERLINK(""http://x""),Acme",`);
  });
});

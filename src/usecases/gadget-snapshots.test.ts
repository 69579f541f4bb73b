import {
  checkEscalationsConfig,
  checkWorkloadConfig,
  type EscalationsGadgetConfig,
  type WorkloadGadgetConfig,
} from '../contract/gadgets';
import { applyTriageActionRequest } from './apply-triage-action';
import { getEscalationSnapshot } from './get-escalation-snapshot';
import { getWorkloadSnapshot } from './get-workload-snapshot';
import { routeClientIssue } from './route-client-issue';
import { FORMER_USER, NAME_NOT_AVAILABLE } from './support/gadget-snapshot';
import { aWorld, issueRef, PEOPLE, STAFF, SUP, type World } from './testing/world';

/** The gadgets' numbers come from the app's records alone: no Jira call per view. */
let world: World;

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
  world.jira.calls.length = 0;
});

const WORKLOAD: WorkloadGadgetConfig = { maxRows: 10, capacityWarnPercent: 80 };
const ESCALATIONS: EscalationsGadgetConfig = { maxRows: 10 };

const workload = (caller: string, config: Partial<WorkloadGadgetConfig> = {}) =>
  getWorkloadSnapshot.execute({ callerAccountId: caller, config: { ...WORKLOAD, ...config } }, world);
const escalations = (caller: string, config: Partial<EscalationsGadgetConfig> = {}) =>
  getEscalationSnapshot.execute({ callerAccountId: caller, config: { ...ESCALATIONS, ...config } }, world);

/**
 * More open client issues, as copies of the routed SUP-1 with another number, project, SPOC or escalation
 * level (the triage repository is the app's record; how they were routed does not matter here).
 */
async function addOpenIssue(
  n: number,
  change: { projectKey?: string; spoc?: string | null; level?: number } = {},
): Promise<string> {
  const stored = await world.triage.get(issueRef(1).id);
  if (!stored) throw new Error('SUP-1 was not routed');
  const projectKey = change.projectKey ?? 'SUP';
  const issueKey = `${projectKey}-${n}`;
  await world.triage.create({
    ...stored.entry,
    issueId: String(20000 + n),
    issueKey,
    projectKey,
    projectId: projectKey === 'SUP' ? SUP.projectId : '10100',
    record: {
      ...stored.entry.record,
      spocAccountId: change.spoc === undefined ? stored.entry.record.spocAccountId : change.spoc,
      escalationLevel: change.level ?? 0,
    },
  });
  return issueKey;
}

describe('the SPOC workload gadget', () => {
  it('counts each SPOC’s open client issues by state, with capacity and whether they are working now', async () => {
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: 'SUP-2',
        input: { action: 'request-info', message: 'Which page?' },
      },
      world.as(STAFF),
    );
    world.jira.calls.length = 0;
    const snapshot = await workload(PEOPLE.maria);
    expect(snapshot.rows[0]).toMatchObject({
      accountId: PEOPLE.priya,
      awaitingTriage: 1,
      informationRequested: 1,
      open: 2,
      capacity: 8,
      load: 'under',
      status: 'available',
      oldestWaiting: { issueKey: 'SUP-1' },
    });
    expect(snapshot.rows.find((r) => r.accountId === PEOPLE.kenji)).toMatchObject({
      open: 0,
      status: 'off-shift',
    });
    expect(snapshot.totals).toEqual({
      awaitingTriage: 1,
      informationRequested: 1,
      open: 2,
      nearlyFull: 0,
      full: 0,
    });
    expect(world.jira.calls).toEqual([]);
  });

  it('shows only the chosen SPOCs, even when more SPOCs are busier than the rows it may show', async () => {
    for (const n of [3, 4, 5]) await addOpenIssue(n, { spoc: PEOPLE.tom });
    await addOpenIssue(6, { spoc: PEOPLE.ana });
    const busiest = await workload(PEOPLE.maria, { maxRows: 1 });
    expect(busiest.rows.map((r) => r.accountId)).toEqual([PEOPLE.tom]);
    expect(busiest.matched).toBe(4);
    // The totals count every SPOC in scope, not only the row shown.
    expect(busiest.totals.open).toBe(6);

    const chosen = await workload(PEOPLE.maria, { maxRows: 1, spocAccountIds: [PEOPLE.ana] });
    expect(chosen.rows.map((r) => [r.accountId, r.open])).toEqual([[PEOPLE.ana, 1]]);
    expect(chosen.matched).toBe(1);
    expect(chosen.totals.open).toBe(1);
    expect(chosen.scope.spocs).toEqual([{ accountId: PEOPLE.ana, displayName: 'Ana Lima' }]);

    // A chosen SPOC with nothing open is still listed, with zeros.
    const idle = await workload(PEOPLE.maria, { spocAccountIds: [PEOPLE.kenji, PEOPLE.ana] });
    expect(idle.rows.map((r) => [r.displayName, r.open])).toEqual([
      ['Ana Lima', 1],
      ['Kenji Sato', 0],
    ]);
  });

  it('counts only the chosen projects', async () => {
    await addOpenIssue(3, { projectKey: 'OPS', spoc: PEOPLE.tom });
    await addOpenIssue(4, { projectKey: 'OPS', spoc: PEOPLE.priya });
    const ops = await workload(PEOPLE.maria, { projectKeys: ['OPS'] });
    expect(ops.rows.map((r) => [r.displayName, r.open])).toEqual([
      ['Priya Shah', 1],
      ['Tom Berg', 1],
    ]);
    expect(ops.scope.projectKeys).toEqual(['OPS']);
    const both = await workload(PEOPLE.maria, { projectKeys: ['SUP', 'OPS'] });
    expect(both.rows.find((r) => r.accountId === PEOPLE.priya)?.open).toBe(3);
    // A project with nothing open lists nobody, rather than every idle SPOC.
    expect((await workload(PEOPLE.maria, { projectKeys: ['NONE'] })).rows).toEqual([]);
  });

  it('marks SPOCs nearly full from the gadget’s share of their capacity, and full at it', async () => {
    // Tom's capacity is 5: three open issues are 60 % of it.
    for (const n of [3, 4, 5]) await addOpenIssue(n, { spoc: PEOPLE.tom });
    const tom = async (capacityWarnPercent: number) =>
      (await workload(PEOPLE.maria, { capacityWarnPercent })).rows.find((r) => r.accountId === PEOPLE.tom);
    expect((await tom(60))?.load).toBe('nearly-full');
    expect((await tom(61))?.load).toBe('under');
    expect((await workload(PEOPLE.maria, { capacityWarnPercent: 60 })).totals).toMatchObject({
      nearlyFull: 1,
      full: 0,
    });
    for (const n of [6, 7]) await addOpenIssue(n, { spoc: PEOPLE.tom });
    expect((await tom(60))?.load).toBe('full');
    expect((await workload(PEOPLE.maria)).totals.full).toBe(1);
  });

  it('says when each SPOC’s status changes, as an instant the view words, and knows nothing of one without a profile', async () => {
    // Monday 10:00 in London: Priya works until 17:00 there, Kenji starts at 09:00 in Tokyo tomorrow.
    const snapshot = await workload(PEOPLE.maria, {
      spocAccountIds: [PEOPLE.priya, PEOPLE.kenji, PEOPLE.dev],
    });
    expect(snapshot.rows.map((r) => [r.displayName, r.status, r.statusUntil, r.capacity])).toEqual([
      ['Priya Shah', 'available', '2025-06-09T16:00:00.000Z', 8],
      ['Dev Eloper', 'no-profile', null, null],
      ['Kenji Sato', 'off-shift', '2025-06-10T00:00:00.000Z', 8],
    ]);
    // Dev has no profile, but the configuration keeps his name: Jira is not asked.
    expect(world.jira.calls).toEqual([]);
  });

  it('names a SPOC the app’s records do not name from Jira, in one call, and never shows an account id', async () => {
    world.jira.users['acc-nina'] = 'Nina Neumann';
    await addOpenIssue(3, { spoc: 'acc-nina' });
    const snapshot = await workload(PEOPLE.maria, {
      spocAccountIds: ['acc-nina', PEOPLE.stranger, PEOPLE.dev],
    });
    expect(snapshot.rows.map((r) => [r.displayName, r.open, r.status])).toEqual([
      ['Nina Neumann', 1, 'no-profile'],
      ['Dev Eloper', 0, 'no-profile'],
      // Jira no longer knows this account: it says what Jira itself says.
      [FORMER_USER, 0, 'no-profile'],
    ]);
    expect(snapshot.scope.spocs.map((s) => s.displayName)).toEqual([
      'Nina Neumann',
      FORMER_USER,
      'Dev Eloper',
    ]);
    expect(world.jira.calls).toEqual([{ call: 'userNames', args: ['acc-nina', PEOPLE.stranger] }]);
  });

  it('still shows its numbers when Jira is too busy to name someone, and says the name is missing', async () => {
    await addOpenIssue(3, { spoc: 'acc-nina' });
    world.jira.busy.set('userNames', 1);
    const snapshot = await workload(PEOPLE.maria);
    expect(snapshot.rows.find((r) => r.accountId === 'acc-nina')).toMatchObject({
      displayName: NAME_NOT_AVAILABLE,
      open: 1,
    });
    expect(snapshot.totals.open).toBe(3);
  });

  it('is not for people outside the SPOC team, and says why in words', async () => {
    await expect(workload(PEOPLE.client)).rejects.toThrow(/SPOC gadgets are for .* not shown to you/);
  });
});

describe('the escalation status gadget', () => {
  it('lists escalated and late issues first, with totals by level', async () => {
    await applyTriageActionRequest.execute(
      {
        callerAccountId: PEOPLE.priya,
        issueIdOrKey: 'SUP-2',
        input: { action: 'escalate', reason: 'Angry client' },
      },
      world.as(STAFF),
    );
    world.clock.set('2025-06-09T14:00:00Z'); // past the 13:00 due time
    const snapshot = await escalations(PEOPLE.priya);
    // A manual escalation is the ladder's "escalation manager told" step: level 3.
    expect(snapshot.totals).toEqual({ byLevel: { '3': 1 }, breached: 2, atRisk: 0, unrouted: 0 });
    expect(snapshot.rows.map((r) => [r.issueKey, r.escalationLevel, r.response])).toEqual([
      ['SUP-2', 3, 'breached'],
      ['SUP-1', 0, 'breached'],
    ]);
    expect(snapshot.matched).toBe(2);
  });

  it('counts an issue at risk from the gadget’s own share of the response target', async () => {
    // Routed at 09:00 with a 4 h target: at 11:00 half of it is used.
    world.clock.set('2025-06-09T11:00:00Z');
    const policyLine = await escalations(PEOPLE.maria);
    expect(policyLine.atRiskPercent).toBe(75);
    expect(policyLine.totals.atRisk).toBe(0);
    expect(policyLine.rows).toEqual([]);
    const early = await escalations(PEOPLE.maria, { atRiskPercent: 50 });
    expect(early.atRiskPercent).toBe(50);
    expect(early.totals.atRisk).toBe(2);
    expect(early.rows.map((r) => [r.issueKey, r.response])).toEqual([
      ['SUP-1', 'at-risk'],
      ['SUP-2', 'at-risk'],
    ]);
  });

  it('lists only issues at or above the lowest level shown, then cuts to the rows it may show', async () => {
    await addOpenIssue(3, { level: 1 });
    await addOpenIssue(4, { level: 2 });
    await addOpenIssue(5, { level: 3 });
    await addOpenIssue(6, { spoc: null });
    const all = await escalations(PEOPLE.maria, { maxRows: 2 });
    expect(all.rows.map((r) => r.issueKey)).toEqual(['SUP-5', 'SUP-4']);
    expect(all.matched).toBe(4); // three escalated, one unrouted
    const level2 = await escalations(PEOPLE.maria, { minLevel: 2 });
    expect(level2.rows.map((r) => r.issueKey)).toEqual(['SUP-5', 'SUP-4']);
    // Totals stay those of the gadget's projects and SPOCs.
    expect(level2.totals).toMatchObject({ byLevel: { '1': 1, '2': 1, '3': 1 }, unrouted: 1 });
  });

  it('follows only the chosen SPOCs’ and projects’ issues, before the cut to the rows it may show', async () => {
    await addOpenIssue(3, { level: 2, spoc: PEOPLE.tom });
    await addOpenIssue(4, { level: 3, spoc: PEOPLE.tom, projectKey: 'OPS' });
    await addOpenIssue(5, { level: 1, spoc: PEOPLE.ana });
    await addOpenIssue(6, { spoc: null });
    const ana = await escalations(PEOPLE.maria, { maxRows: 1, spocAccountIds: [PEOPLE.ana] });
    expect(ana.rows.map((r) => r.issueKey)).toEqual(['SUP-5']);
    expect(ana.totals).toEqual({ byLevel: { '1': 1 }, breached: 0, atRisk: 0, unrouted: 0 });
    expect(ana.scope.spocs).toEqual([{ accountId: PEOPLE.ana, displayName: 'Ana Lima' }]);
    const tomInSup = await escalations(PEOPLE.maria, { spocAccountIds: [PEOPLE.tom], projectKeys: ['SUP'] });
    expect(tomInSup.rows.map((r) => r.issueKey)).toEqual(['SUP-3']);
    const ops = await escalations(PEOPLE.maria, { projectKeys: ['OPS'] });
    expect(ops.rows.map((r) => r.issueKey)).toEqual(['OPS-4']);
    expect(world.jira.calls).toEqual([]);
  });

  it('names whoever holds an issue, from Jira when the app’s records do not', async () => {
    world.jira.users['acc-nina'] = 'Nina Neumann';
    await addOpenIssue(3, { spoc: 'acc-nina', level: 2 });
    const snapshot = await escalations(PEOPLE.maria);
    expect(snapshot.rows[0]).toMatchObject({
      issueKey: 'SUP-3',
      spoc: { accountId: 'acc-nina', displayName: 'Nina Neumann' },
    });
    expect(world.jira.calls).toEqual([{ call: 'userNames', args: ['acc-nina'] }]);
  });

  it('is not for clients', async () => {
    await expect(escalations(PEOPLE.client)).rejects.toThrow(/SPOC gadgets are for/);
  });
});

describe('a saved gadget configuration', () => {
  it('takes defaults for what was never saved', () => {
    expect(checkWorkloadConfig(undefined)).toEqual({
      ok: true,
      config: { maxRows: 10, capacityWarnPercent: 80 },
    });
    expect(checkEscalationsConfig({})).toEqual({ ok: true, config: { maxRows: 10 } });
  });

  it('keeps the single project the first version saved', () => {
    expect(checkWorkloadConfig({ projectKey: 'SUP', maxRows: 5, capacityWarnPercent: 80 })).toEqual({
      ok: true,
      config: { projectKeys: ['SUP'], maxRows: 5, capacityWarnPercent: 80 },
    });
  });

  it('reads every field the edit views save, and drops repeats', () => {
    const saved = {
      projectKeys: ['SUP', 'OPS', 'SUP'],
      spocAccountIds: ['557058:abc-1', PEOPLE.ana],
      maxRows: 50,
      refresh: 1440,
      atRiskPercent: 60,
      minLevel: 2,
      breachedAlert: 3,
    };
    expect(checkEscalationsConfig(saved)).toEqual({
      ok: true,
      config: { ...saved, projectKeys: ['SUP', 'OPS'] },
    });
  });

  it('names every field that is wrong, and what it should be', () => {
    const check = checkWorkloadConfig({
      projectKeys: 'SUP',
      spocAccountIds: ['ok', 'not ok!'],
      maxRows: 0,
      refresh: 2.5,
      capacityWarnPercent: '80',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.field)).toEqual([
      'projectKeys',
      'spocAccountIds',
      'maxRows',
      'refresh',
      'capacityWarnPercent',
    ]);
    expect(check.problems.find((p) => p.field === 'maxRows')?.message).toBe(
      'Rows to show: enter a whole number from 1 to 50 (saved: 0).',
    );
    expect(check.problems.find((p) => p.field === 'projectKeys')?.message).toMatch(
      /expected a list of project keys \(saved: "SUP"\)/,
    );
  });

  it('refuses more projects or SPOCs than a gadget follows, out-of-range thresholds and non-objects', () => {
    const many = Array.from({ length: 21 }, (_, i) => `P${i}`);
    const check = checkEscalationsConfig({ projectKeys: many, atRiskPercent: 100, minLevel: 10 });
    expect(check.ok ? [] : check.problems.map((p) => p.message)).toEqual([
      'Projects: choose at most 20 (saved: 21).',
      'At risk from (% of the response target): enter a whole number from 1 to 99 (saved: 100).',
      'Lowest escalation level listed: enter a whole number from 0 to 9 (saved: 10).',
    ]);
    expect(checkWorkloadConfig(['SUP'])).toMatchObject({ ok: false, problems: [{ field: 'configuration' }] });
  });
});

import type { EscalationSnapshot, WorkloadSnapshot } from '../../src/contract/gadgets';
import { expectText, moduleFrame, refreshGadget, restAs, signIn } from '../support/browser';
import {
  CHLOE,
  chooseProject,
  configure,
  ESCALATIONS,
  expectNoBrowserErrors,
  expectNumber,
  gadgetView,
  HANNAH,
  jiraCallsDuring,
  LI_WEI,
  listedRows,
  MARCO,
  newDashboard,
  press,
  PRIYA,
  putConfig,
  resolverSnapshot,
  SAM,
  savedConfig,
  setNumber,
  startGadgetWorld,
  stopGadgetWorld,
  triageAs,
  viewAfterEdit,
  waitingFor,
  WORKLOAD,
  type GadgetWorld,
} from '../support/gadgets';

/**
 * Who sees what: the administrator's settings on the shared system dashboard give a SPOC and a developer
 * the numbers, a client the words saying they are not for them; a view costs no Jira call at all; saved
 * settings the edit view would never write are refused in words and the edit view offers to fix them; and
 * a gadget saved with a refresh interval is rendered anew when it comes round.
 */
const SYSTEM = '10000';
const WORKLOAD_CONFIG = {
  spocAccountIds: [PRIYA.accountId, CHLOE.accountId],
  capacityWarnPercent: 50,
  maxRows: 5,
};
const ESCALATIONS_CONFIG = { projectKeys: ['SUP'], maxRows: 5 };

let world: GadgetWorld;

beforeAll(async () => {
  world = await startGadgetWorld();
  // Two days on, some response targets are breached, so the escalation gadget has rows.
  world.site.clock.advanceMinutes(2 * 24 * 60);
  await putConfig(world, SAM.email, SYSTEM, WORKLOAD, WORKLOAD_CONFIG);
  await putConfig(world, SAM.email, SYSTEM, ESCALATIONS, ESCALATIONS_CONFIG);
}, 90_000);

afterEach(() => expectNoBrowserErrors(world));
afterAll(() => stopGadgetWorld(world));

describe('the SPOC gadgets on the shared dashboard', () => {
  it.each([
    ['a SPOC', PRIYA],
    ['a developer', MARCO],
  ])(
    'show %s the numbers the saved settings give, without a Jira call and without Configure',
    async (_, who) => {
      const calls = await jiraCallsDuring(world, async () => {
        await signIn(world.page, world.site.url, who.email, `/jira/dashboards/${SYSTEM}`);
        const workload = await gadgetView(world.page, WORKLOAD);
        const escalations = await gadgetView(world.page, ESCALATIONS);
        const numbers = await resolverSnapshot<WorkloadSnapshot>(
          world,
          WORKLOAD,
          WORKLOAD_CONFIG,
          who.accountId,
        );
        expect(await listedRows(workload, 'workload')).toEqual(numbers.rows.map((r) => r.accountId));
        expect(numbers.rows.map((r) => r.accountId).sort()).toEqual(
          [PRIYA.accountId, CHLOE.accountId].sort(),
        );
        const urgent = await resolverSnapshot<EscalationSnapshot>(
          world,
          ESCALATIONS,
          ESCALATIONS_CONFIG,
          who.accountId,
        );
        expect(urgent.rows.length).toBeGreaterThan(0);
        expect(await listedRows(escalations, 'escalation')).toEqual(urgent.rows.map((r) => r.issueKey));
        // The gadget's Refresh asks its resolver again: still no Jira call.
        const again = await refreshGadget(world.page, WORKLOAD);
        await again.waitForSelector('[data-testid=workload-table]');
      });
      // Neither the app nor the frames (as the signed-in person) called Jira to show the numbers.
      expect(calls).toEqual([]);
      expect(await world.page.$('[data-action=configure-gadget]')).toBeNull();
    },
  );

  it('tell a client in words that the numbers are not for them', async () => {
    await signIn(world.page, world.site.url, LI_WEI.email, `/jira/dashboards/${SYSTEM}`);
    for (const moduleKey of [WORKLOAD, ESCALATIONS]) {
      const view = await gadgetView(world.page, moduleKey);
      await expectText(view, '[data-testid=gadget-error]', 'SPOC gadgets are for SPOCs, the delivery team');
      await expectText(view, '[data-testid=gadget-error]', 'not shown to you');
      expect(await view.$('table')).toBeNull();
    }
  });
});

describe('the gadget resolvers, called as the bridge would', () => {
  const invoke = (moduleKey: string, accountId: string, gadgetConfiguration: unknown) =>
    world.site.forge.invokeResolver({
      moduleKey,
      functionKey: 'getSnapshot',
      accountId,
      context: { extension: { type: 'jira:dashboardGadget', gadgetConfiguration } },
    }) as Promise<{ ok: boolean; data?: WorkloadSnapshot; error?: string }>;

  it('refuse unusable settings in words, but tell a client only that the numbers are not for them', async () => {
    const broken = { spocAccountIds: [PRIYA.accountId, 'not an id!'], refresh: 0 };
    const calls = await jiraCallsDuring(world, async () => {
      for (const moduleKey of [WORKLOAD, ESCALATIONS]) {
        const reply = await invoke(moduleKey, HANNAH.accountId, broken);
        expect(reply.ok).toBe(false);
        expect(reply.error).toMatch(
          /^This gadget's saved settings cannot be used: SPOCs: expected a list of account ids/,
        );
        expect(reply.error).toContain(
          'Refresh every (minutes): enter a whole number from 1 to 1440 (saved: 0).',
        );
        const client = await invoke(moduleKey, LI_WEI.accountId, broken);
        expect(client).toEqual({
          ok: false,
          error: expect.stringMatching(/^SPOC gadgets are for/),
          code: 'not-allowed',
        });
      }
    });
    expect(calls).toEqual([]);
  });

  it('keep the one project a gadget saved before projects became a list', async () => {
    const reply = await invoke(WORKLOAD, HANNAH.accountId, { projectKey: 'SUP', maxRows: 3 });
    expect(reply.data?.config).toEqual({ projectKeys: ['SUP'], maxRows: 3, capacityWarnPercent: 80 });
    expect(reply.data?.scope.projectKeys).toEqual(['SUP']);
    expect(reply.data?.rows.length).toBeLessThanOrEqual(3);
  });
});

describe('saved settings the gadget cannot use', () => {
  it('are refused in words in the view, and the edit view marks them and saves them fixed', async () => {
    const dashboardId = await newDashboard(world, HANNAH.email, 'Broken settings');
    await restAs(world.site.url, HANNAH.email, 'POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
      moduleKey: WORKLOAD,
    });
    // As a script might write them: one project as a bare string, no rows, a percentage as text.
    await putConfig(world, HANNAH.email, dashboardId, WORKLOAD, {
      projectKeys: 'SUP',
      maxRows: 0,
      capacityWarnPercent: 'high',
    });
    await world.page.reload();
    let view = await gadgetView(world.page, WORKLOAD);
    await expectText(view, '[data-testid=gadget-error]', 'saved settings cannot be used');
    for (const words of ['Projects: expected a list of project keys', 'Rows to show', 'Nearly full from'])
      await expectText(view, '[data-testid=gadget-error]', words);
    expect(await view.$('table')).toBeNull();

    let edit = await configure(world.page, WORKLOAD);
    // Only the edit view asks Jira, as the signed-in manager: the projects to choose from.
    await press(world.page, edit, 'edit-cancel', 'mouse');
    await viewAfterEdit(world.page, WORKLOAD);
    const editCalls = await jiraCallsDuring(world, async () => {
      edit = await configure(world.page, WORKLOAD);
      await edit.waitForSelector('[data-testid=projectKeys-select--control]');
      await expectText(
        edit,
        '[data-testid=saved-problems]',
        'Rows to show: enter a whole number from 1 to 50',
      );
      await edit.waitForFunction(
        () => !document.querySelector('[data-testid=projectKeys-select--loading-indicator]'),
      );
    });
    expect(editCalls).toEqual([`user:${HANNAH.accountId} GET /rest/api/3/project/search`]);
    expect(await edit.inputValue('input[name=maxRows]')).toBe('0');
    expect(await edit.getAttribute('input[name=maxRows]', 'aria-invalid')).toBe('true');
    expect(await edit.getAttribute('input[name=capacityWarnPercent]', 'aria-invalid')).toBe('true');
    await expectText(edit, '[data-testid=projectKeys-error]', 'project');
    await chooseProject(world.page, edit, 'SUP', 'mouse');
    await setNumber(world.page, edit, 'capacityWarnPercent', '75', 'mouse');
    await setNumber(world.page, edit, 'maxRows', '5', 'mouse');
    await press(world.page, edit, 'edit-save', 'mouse');
    view = await viewAfterEdit(world.page, WORKLOAD);
    const fixed = { projectKeys: ['SUP'], capacityWarnPercent: 75, maxRows: 5 };
    expect(await savedConfig(world, HANNAH.email, dashboardId, WORKLOAD)).toEqual(fixed);
    const snapshot = await resolverSnapshot<WorkloadSnapshot>(world, WORKLOAD, fixed);
    expect(await listedRows(view, 'workload')).toEqual(snapshot.rows.map((r) => r.accountId));
  });
});

describe('a gadget saved with a refresh interval', () => {
  it('is rendered anew, with new numbers, each time the interval comes round', async () => {
    const dashboardId = await newDashboard(world, HANNAH.email, 'Refreshing itself');
    await restAs(world.site.url, HANNAH.email, 'POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
      moduleKey: WORKLOAD,
    });
    const config = { spocAccountIds: [CHLOE.accountId], capacityWarnPercent: 80, maxRows: 5, refresh: 2 };
    await putConfig(world, HANNAH.email, dashboardId, WORKLOAD, config);
    // The browser's clock is Playwright's from here on, so two minutes pass at once.
    await world.page.clock.install();
    await world.page.reload();
    const view = await gadgetView(world.page, WORKLOAD);
    const open = async () =>
      Number(
        await (
          await moduleFrame(world.page, WORKLOAD)
        ).textContent(`[data-testid=workload-row-${CHLOE.accountId}] [data-testid=open]`),
      );
    const before = await open();
    const [issue] = await waitingFor(world, CHLOE.accountId);
    await triageAs(world, CHLOE.accountId, issue as string, {
      action: 'accept-for-delivery',
      note: 'Clear.',
    });
    expect(await open()).toBe(before);
    await world.page.clock.runFor(2 * 60_000);
    await expectNumber(open, before - 1);
    expect(await moduleFrame(world.page, WORKLOAD)).not.toBe(view);
  });
});

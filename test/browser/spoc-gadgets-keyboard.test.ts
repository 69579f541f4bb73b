import type { Frame } from 'playwright-core';
import type { EscalationSnapshot, WorkloadSnapshot } from '../../src/contract/gadgets';
import { expectText } from '../support/browser';
import {
  CHLOE,
  chooseOption,
  chooseProject,
  chooseSpoc,
  chosenIn,
  ESCALATIONS,
  expectNoBrowserErrors,
  expectNumber,
  fileGlobexIssueInDev,
  focusFrame,
  focusedOnPage,
  HANNAH,
  listedRows,
  newDashboard,
  press,
  refreshGadgetByKeyboard,
  PRIYA,
  resolverSnapshot,
  savedConfig,
  setNumber,
  startGadgetWorld,
  stopGadgetWorld,
  tabTo,
  triageAs,
  viewAfterEdit,
  waitingFor,
  WORKLOAD,
  type GadgetWorld,
} from '../support/gadgets';
import { moduleFrame } from '../support/browser';

/**
 * Every gadget action by keyboard alone: the dashboard's own controls are reached with the focus and
 * Enter, and inside the gadgets only Tab, typing, arrows, Backspace and Enter are used. Mistakes are
 * explained in words next to their fields. Numbers are compared with the resolvers' answers.
 */
let world: GadgetWorld;

beforeAll(async () => {
  world = await startGadgetWorld();
  await fileGlobexIssueInDev(world, 'Globex price feed arrives twice');
}, 90_000);

afterEach(() => expectNoBrowserErrors(world));
afterAll(() => stopGadgetWorld(world));

/** A dashboard control (Add, Configure) activated from the keyboard. */
async function activate(selector: string): Promise<void> {
  await world.page.focus(selector);
  await world.page.keyboard.press('Enter');
}

/** A new gadget on the dashboard, added from the gallery by keyboard; answers its edit view with the focus in it. */
async function addByKeyboard(moduleKey: string): Promise<Frame> {
  await activate('details summary');
  await Promise.all([
    world.page.waitForURL(/configure=\d+/),
    activate(`[data-action=add-gadget][data-module-key=${moduleKey}]`),
  ]);
  return editWithFocus(moduleKey);
}

async function configureByKeyboard(moduleKey: string): Promise<Frame> {
  await activate(`section.gadget:has(iframe[data-module-key=${moduleKey}]) [data-action=configure-gadget]`);
  return editWithFocus(moduleKey);
}

async function editWithFocus(moduleKey: string): Promise<Frame> {
  const edit = await moduleFrame(world.page, moduleKey, 'edit');
  await edit.waitForSelector('[data-testid=gadget-edit]');
  await focusFrame(edit);
  return edit;
}

describe('the SPOC workload gadget by keyboard alone', () => {
  it('is configured field by field, explains mistakes, saves, cancels and refreshes', async () => {
    const { page } = world;
    const dashboardId = await newDashboard(world, HANNAH.email, 'Workload by keyboard');
    let edit = await addByKeyboard(WORKLOAD);

    // Projects: DEV, then SUP, then Backspace takes SUP away again.
    await chooseProject(page, edit, 'DEV', 'keyboard');
    await chooseProject(page, edit, 'SUP', 'keyboard');
    await page.keyboard.press('Backspace');
    expect(await chosenIn(edit, 'projectKeys')).toEqual(['Delivery (DEV)']);
    // SPOCs: Jira's people search as the signed-in manager.
    await chooseSpoc(page, edit, CHLOE.name, 'keyboard');
    await chooseSpoc(page, edit, PRIYA.name, 'keyboard');
    // Mistakes first: each is named next to its field, and nothing is saved.
    await setNumber(page, edit, 'capacityWarnPercent', '120', 'keyboard');
    await setNumber(page, edit, 'maxRows', '0', 'keyboard');
    await setNumber(page, edit, 'refresh', 'soon', 'keyboard');
    await page.keyboard.press('Enter');
    await expectText(edit, '[data-testid=capacityWarnPercent-error]', 'from 1 to 100');
    await expectText(edit, '[data-testid=maxRows-error]', 'from 1 to 50');
    await expectText(edit, '[data-testid=refresh-error]', 'minutes');
    await expectText(edit, '[data-testid=edit-errors]', 'need fixing');
    expect(await edit.getAttribute('input[name=maxRows]', 'aria-invalid')).toBe('true');
    expect(await edit.getAttribute('input[name=maxRows]', 'aria-describedby')).toBe('maxRows-error');
    expect(await savedConfig(world, HANNAH.email, dashboardId, WORKLOAD)).toBeUndefined();

    // Fixed (Shift+Tab goes back up the form), then saved with Enter on Save.
    await tabTo(page, edit, 'capacityWarnPercent', true);
    await setNumber(page, edit, 'capacityWarnPercent', '50', 'keyboard');
    await setNumber(page, edit, 'maxRows', '4', 'keyboard');
    await setNumber(page, edit, 'refresh', '15', 'keyboard');
    await press(page, edit, 'edit-save', 'keyboard');
    let view = await viewAfterEdit(page, WORKLOAD);
    const config = {
      projectKeys: ['DEV'],
      spocAccountIds: [CHLOE.accountId, PRIYA.accountId],
      capacityWarnPercent: 50,
      maxRows: 4,
      refresh: 15,
    };
    expect(await savedConfig(world, HANNAH.email, dashboardId, WORKLOAD)).toEqual(config);
    const snapshot = await resolverSnapshot<WorkloadSnapshot>(world, WORKLOAD, config);
    // Priya has nothing in DEV but is chosen, so she is listed with zeros, after Chloe.
    expect(snapshot.rows.map((r) => [r.accountId, r.open])).toEqual([
      [CHLOE.accountId, 1],
      [PRIYA.accountId, 0],
    ]);
    expect(await listedRows(view, 'workload')).toEqual([CHLOE.accountId, PRIYA.accountId]);
    await expectText(
      view,
      '[data-testid=gadget-snapshot]',
      `Clients of DEV · SPOCs: ${CHLOE.name}, ${PRIYA.name}`,
    );

    // Cancel by keyboard keeps the saved settings.
    edit = await configureByKeyboard(WORKLOAD);
    await tabTo(page, edit, 'spocAccountIds');
    await page.keyboard.press('Backspace');
    expect(await chosenIn(edit, 'spocAccountIds')).toEqual([CHLOE.name]);
    await press(page, edit, 'edit-cancel', 'keyboard');
    view = await viewAfterEdit(page, WORKLOAD);
    expect(await savedConfig(world, HANNAH.email, dashboardId, WORKLOAD)).toEqual(config);
    expect(await listedRows(view, 'workload')).toEqual([CHLOE.accountId, PRIYA.accountId]);

    // Chloe vets her DEV issue; the gadget's Refresh, pressed from the keyboard, shows it.
    const [devIssue] = (await waitingFor(world, CHLOE.accountId)).filter((k) => k.startsWith('DEV-'));
    await triageAs(world, CHLOE.accountId, devIssue as string, {
      action: 'accept-for-delivery',
      note: 'Clear.',
    });
    view = await refreshGadgetByKeyboard(page, WORKLOAD);
    const open = async () =>
      Number(await view.textContent(`[data-testid=workload-row-${CHLOE.accountId}] [data-testid=open]`));
    await expectNumber(open, 0);
    expect(await focusedOnPage(page)).toBe('refresh-gadget');
  });
});

describe('the escalation status gadget by keyboard alone', () => {
  it('is configured field by field, saved with Enter, and opens a listed issue', async () => {
    const { page } = world;
    const dashboardId = await newDashboard(world, HANNAH.email, 'Escalations by keyboard');
    const [escalated] = await waitingFor(world, PRIYA.accountId);
    // Escalated by hand twice: level 4, above where the ladder alone takes an issue (3).
    for (const reason of ['Blocks billing.', 'Still blocks billing.']) {
      await triageAs(world, PRIYA.accountId, escalated as string, { action: 'escalate', reason });
    }
    // A day on, the issues nobody answered are past their targets (and the ladder raised them to 3); the
    // ladder also moved the escalated one to a backup, whose issues the gadget is set to show.
    world.site.clock.advanceMinutes(24 * 60);
    await world.site.idle();
    const holderId = world.site.jira.store.getIssue(escalated as string)?.assignee ?? PRIYA.accountId;
    const holder = { accountId: holderId, name: world.site.jira.store.getUser(holderId)?.displayName ?? '' };

    const edit = await addByKeyboard(ESCALATIONS);
    await chooseProject(page, edit, 'SUP', 'keyboard');
    await chooseSpoc(page, edit, holder.name, 'keyboard');
    await setNumber(page, edit, 'atRiskPercent', '60', 'keyboard');
    await chooseOption(page, edit, 'minLevel', '4', 'keyboard');
    await setNumber(page, edit, 'breachedAlert', '1', 'keyboard');
    await setNumber(page, edit, 'maxRows', '3', 'keyboard');
    await setNumber(page, edit, 'refresh', '5', 'keyboard');
    // Enter in a field submits the form.
    await page.keyboard.press('Enter');
    const view = await viewAfterEdit(page, ESCALATIONS);
    const config = {
      projectKeys: ['SUP'],
      spocAccountIds: [holder.accountId],
      atRiskPercent: 60,
      minLevel: 4,
      breachedAlert: 1,
      maxRows: 3,
      refresh: 5,
    };
    expect(await savedConfig(world, HANNAH.email, dashboardId, ESCALATIONS)).toEqual(config);
    const snapshot = await resolverSnapshot<EscalationSnapshot>(world, ESCALATIONS, config);
    expect(snapshot.rows.map((r) => r.issueKey)).toEqual([escalated]);
    expect(await listedRows(view, 'escalation')).toEqual([escalated]);
    expect(snapshot.totals.breached).toBeGreaterThan(0);
    await expectText(view, '[data-testid=breached-alert]', `${snapshot.totals.breached} response target`);
    await expectText(view, '[data-testid=total-at-risk]', 'from 60 %');

    // The issue opens from the list with Tab and Enter.
    await focusFrame(view);
    await tabTo(page, view, `open-${escalated}`);
    await Promise.all([page.waitForURL(new RegExp(`/browse/${escalated}$`)), page.keyboard.press('Enter')]);
  });
});

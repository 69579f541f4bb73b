import type { Frame } from 'playwright-core';
import {
  expectText,
  moduleFrame,
  restAs,
  screenshot,
  seriousAxeViolations,
  signIn,
} from '../support/browser';
import {
  chooseSpoc,
  COLUMN_WIDTHS,
  configure,
  ESCALATIONS,
  expectNoBrowserErrors,
  fileGlobexIssueInDev,
  gadgetView,
  HANNAH,
  inColumnsOf,
  LI_WEI,
  newDashboard,
  press,
  PRIYA,
  putConfig,
  setNumber,
  startGadgetWorld,
  stopGadgetWorld,
  viewAfterEdit,
  WORKLOAD,
  type GadgetWorld,
} from '../support/gadgets';

/**
 * No serious or critical axe violations in either gadget, in light and dark theme: the views with their
 * numbers (as a table in a wide column, as cards in a narrow one), the views' words for a person the
 * numbers are not for, and the edit views with a picker open, with mistakes showing and with unusable saved
 * settings. Takes the README's gadget screenshots.
 */
let world: GadgetWorld;
let dashboardId: string;

beforeAll(async () => {
  world = await startGadgetWorld();
  await fileGlobexIssueInDev(world, 'Globex coupons expire a day early');
  world.site.clock.advanceMinutes(3 * 24 * 60);
  dashboardId = await newDashboard(world, HANNAH.email, 'Accessible');
  for (const moduleKey of [WORKLOAD, ESCALATIONS])
    await restAs(world.site.url, HANNAH.email, 'POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
      moduleKey,
    });
}, 90_000);

afterEach(() => expectNoBrowserErrors(world));
afterAll(() => stopGadgetWorld(world));

async function colorMode(): Promise<string | null> {
  return (await moduleFrame(world.page, WORKLOAD)).evaluate(() =>
    document.documentElement.getAttribute('data-color-mode'),
  );
}

async function expectAxeClean(frame: Frame, what: string): Promise<void> {
  const violations = await seriousAxeViolations(frame);
  expect({ what, violations }).toEqual({ what, violations: [] });
}

async function toTheme(theme: 'light' | 'dark'): Promise<void> {
  if ((await colorMode()) !== theme) await world.page.click('[data-action=theme-toggle]');
  expect(await colorMode()).toBe(theme);
}

describe('the SPOC gadgets’ accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'views are axe-clean in %s theme, with numbers and with words',
    async (theme) => {
      await signIn(world.page, world.site.url, HANNAH.email, `/jira/dashboards/${dashboardId}`);
      await toTheme(theme);
      for (const moduleKey of [WORKLOAD, ESCALATIONS]) {
        const view = await gadgetView(world.page, moduleKey);
        await view.waitForSelector('[data-layout]');
        await expectAxeClean(view, `${moduleKey} view, ${theme}`);
      }
      await screenshot(world.page, `gadgets-${theme}`);
      // In a narrow column the rows are cards, in a wide one a table: both are checked.
      for (const [name, width] of [
        ['narrow', COLUMN_WIDTHS.narrow],
        ['wide', COLUMN_WIDTHS.wide],
      ] as const) {
        await inColumnsOf(world.page, width);
        for (const moduleKey of [WORKLOAD, ESCALATIONS]) {
          const view = await gadgetView(world.page, moduleKey);
          await view.waitForSelector(`[data-layout=${name === 'narrow' ? 'stacked' : 'table'}]`);
          await expectAxeClean(view, `${moduleKey} view in a ${name} column, ${theme}`);
        }
      }

      // A client on the shared dashboard gets words, not numbers: those are checked too.
      await signIn(world.page, world.site.url, LI_WEI.email, '/jira/dashboards/10000');
      await toTheme(theme);
      for (const moduleKey of [WORKLOAD, ESCALATIONS]) {
        const view = await gadgetView(world.page, moduleKey);
        await expectText(view, '[data-testid=gadget-error]', 'not shown to you');
        await expectAxeClean(view, `${moduleKey} refusal, ${theme}`);
      }
    },
  );

  it.each(['light', 'dark'] as const)(
    'edit views are axe-clean in %s theme, with a picker open, with mistakes and with unusable saved settings',
    async (theme) => {
      await signIn(world.page, world.site.url, HANNAH.email, `/jira/dashboards/${dashboardId}`);
      await toTheme(theme);
      // Workload: the people picker open on a search, then mistakes showing.
      let edit = await configure(world.page, WORKLOAD);
      await edit.click('[data-testid=spocAccountIds-select--control]');
      await world.page.keyboard.type('Pri');
      await edit.waitForSelector(
        `[data-testid=spocAccountIds-select--listbox] [role=option]:has-text("${PRIYA.name}")`,
      );
      await expectAxeClean(edit, `workload edit with people listed, ${theme}`);
      await world.page.keyboard.press('Escape');
      await setNumber(world.page, edit, 'maxRows', '0', 'mouse');
      await setNumber(world.page, edit, 'refresh', 'soon', 'mouse');
      await press(world.page, edit, 'edit-save', 'mouse');
      await expectText(edit, '[data-testid=maxRows-error]', 'whole number');
      await expectAxeClean(edit, `workload edit with mistakes, ${theme}`);
      await press(world.page, edit, 'edit-cancel', 'mouse');
      await viewAfterEdit(world.page, WORKLOAD);

      // Escalations: the project menu open and a SPOC chosen, then unusable saved settings.
      edit = await configure(world.page, ESCALATIONS);
      await chooseSpoc(world.page, edit, PRIYA.name, 'mouse');
      await edit.click('[data-testid=projectKeys-select--control]');
      await edit.waitForSelector('[data-testid=projectKeys-select--listbox] [role=option]');
      await expectAxeClean(edit, `escalations edit with projects listed, ${theme}`);
      await world.page.keyboard.press('Escape');
      await press(world.page, edit, 'edit-cancel', 'mouse');
      await viewAfterEdit(world.page, ESCALATIONS);
      await putConfig(world, HANNAH.email, dashboardId, ESCALATIONS, { maxRows: 'ten', minLevel: 12 });
      await world.page.reload();
      const view = await gadgetView(world.page, ESCALATIONS);
      await expectText(view, '[data-testid=gadget-error]', 'saved settings cannot be used');
      await expectAxeClean(view, `escalations view refusing its settings, ${theme}`);
      edit = await configure(world.page, ESCALATIONS);
      await expectText(edit, '[data-testid=saved-problems]', 'Lowest escalation level listed');
      await expectAxeClean(edit, `escalations edit with unusable settings, ${theme}`);
      await putConfig(world, HANNAH.email, dashboardId, ESCALATIONS, { maxRows: 10 });
    },
  );
});

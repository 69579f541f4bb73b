import type { Frame } from 'playwright-core';
import type { EscalationSnapshot, WorkloadSnapshot } from '../../src/contract/gadgets';
import { formatDayAndTime, formatMoment, type Viewer } from '../../static/shared/time';
import { restAs, signIn } from '../support/browser';
import {
  cellsOf,
  CHLOE,
  COLUMN_WIDTHS,
  ESCALATIONS,
  expectNoBrowserErrors,
  fileGlobexIssueInDev,
  gadgetsScreenshot,
  gadgetView,
  HANNAH,
  inColumnsOf,
  layoutProblems,
  linesOf,
  MARCO,
  newDashboard,
  putConfig,
  resolverSnapshot,
  startGadgetWorld,
  stopGadgetWorld,
  triageAs,
  waitingFor,
  WORKLOAD,
  type GadgetWorld,
} from '../support/gadgets';

/**
 * Both SPOC gadgets in the columns a Jira dashboard gives them: a third of a laptop screen (narrow) and two
 * thirds of a monitor (wide). At each width every row shows every column's value under its heading, nothing
 * reaches past the frame or is cut off, and names keep to one line. The rows are the resolver's, so nothing
 * here is written down but the widths; the manager reads in German and Berlin time while the browser itself
 * is en-US and UTC, so a time written in the browser's own zone or locale would show. Takes the README's
 * gadgets-narrow and gadgets-wide screenshots (half and two-thirds columns, in between, are checked too).
 */
let world: GadgetWorld;
let dashboardId: string;
let workloadConfig: { spocAccountIds: string[]; maxRows: number };

/** Hannah Becker as the local site's Forge context gives her (local/spoc-demo/seed.ts). */
const HANNAH_VIEWER: Viewer = { locale: 'de-DE', timeZone: 'Europe/Berlin' };

const WORKLOAD_COLUMNS = [
  'Awaiting triage',
  'Information requested',
  'Open',
  'Capacity',
  'Now',
  'Oldest waiting',
];
const WORKLOAD_CELLS = ['awaiting', 'info', 'open', 'capacity', 'status', 'oldest'];
const ESCALATION_COLUMNS = ['Level', 'Response', 'Routed', 'SPOC'];
const ESCALATION_CELLS = ['level', 'response', 'age', 'spoc'];

beforeAll(async () => {
  world = await startGadgetWorld();
  await fileGlobexIssueInDev(world, 'Globex invoices list every line twice when a credit note is attached');
  // Chloe escalates one issue by hand; half a day on, others are at risk or past their targets too.
  const [escalated] = await waitingFor(world, CHLOE.accountId);
  await triageAs(world, CHLOE.accountId, escalated as string, {
    action: 'escalate',
    reason: 'Client is stuck.',
  });
  world.site.clock.advanceMinutes(12 * 60);
  await world.site.idle();

  dashboardId = await newDashboard(world, HANNAH.email, 'Columns');
  for (const moduleKey of [WORKLOAD, ESCALATIONS])
    await restAs(world.site.url, HANNAH.email, 'POST', `/rest/api/3/dashboard/${dashboardId}/gadget`, {
      moduleKey,
    });
  // Every SPOC the workload gadget lists on its own, and Marco, who has no SPOC profile: he is shown by name.
  const everyone = await resolverSnapshot<WorkloadSnapshot>(world, WORKLOAD, { maxRows: 50 });
  workloadConfig = {
    spocAccountIds: [...everyone.rows.map((r) => r.accountId), MARCO.accountId],
    maxRows: 50,
  };
  await putConfig(world, HANNAH.email, dashboardId, WORKLOAD, workloadConfig);
  await putConfig(world, HANNAH.email, dashboardId, ESCALATIONS, { maxRows: 8 });
}, 120_000);

afterEach(() => expectNoBrowserErrors(world));
afterAll(() => stopGadgetWorld(world));

/** Each column's heading as the view shows it: the table's column headers, or every card's labels. */
function headingsOf(frame: Frame, rowTestId: string) {
  return frame.evaluate((row) => {
    const layout = document.querySelector('[data-layout]')?.getAttribute('data-layout');
    const visible = (e: Element) =>
      e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().height > 0;
    const texts = (elements: Element[]) => elements.filter(visible).map((e) => (e.textContent ?? '').trim());
    if (layout === 'table') return texts(Array.from(document.querySelectorAll('thead th')));
    return texts(Array.from(document.querySelectorAll(`[data-testid="${row}"] dt`)));
  }, rowTestId);
}

async function expectEveryColumn(
  frame: Frame,
  rowTestIds: readonly string[],
  headings: readonly string[],
  cells: readonly string[],
  rowHeading: string,
): Promise<void> {
  expect(rowTestIds.length).toBeGreaterThan(0);
  const layout = await frame.getAttribute('[data-layout]', 'data-layout');
  for (const row of rowTestIds) {
    // The table names its first column; a card starts with what that column would say.
    expect(await headingsOf(frame, row)).toEqual(layout === 'table' ? [rowHeading, ...headings] : headings);
    const shown = await cellsOf(frame, row, cells);
    expect({ row, empty: cells.filter((id) => shown[id] === '') }).toEqual({ row, empty: [] });
  }
}

/** Every `<time>` says in its tooltip the moment in full, in the viewer's locale and zone. */
async function expectTimesInViewersZone(frame: Frame): Promise<void> {
  const times = await frame.$$eval('time', (elements) =>
    elements.map((e) => ({ at: e.getAttribute('datetime') ?? '', title: e.getAttribute('title') ?? '' })),
  );
  expect(times.length).toBeGreaterThan(0);
  for (const { at, title } of times) expect(title).toBe(formatMoment(at, HANNAH_VIEWER));
}

/** Below this many pixels both gadgets stack their rows (MIN_TABLE_WIDTH in each view). */
const TABLE_FROM = 560;

describe.each(Object.entries(COLUMN_WIDTHS))('the SPOC gadgets in a %s dashboard column', (name, width) => {
  it(`show every column of every row, uncut, with names on one line (${width} px)`, async () => {
    await signIn(world.page, world.site.url, HANNAH.email, `/jira/dashboards/${dashboardId}`);
    await inColumnsOf(world.page, width);
    const workload = await gadgetView(world.page, WORKLOAD);
    const escalations = await gadgetView(world.page, ESCALATIONS);
    await workload.waitForSelector('[data-layout]');
    await escalations.waitForSelector('[data-layout]');
    // A table while every column fits, else a card per row: which one is the frame's width's to say.
    const expected = width < TABLE_FROM ? 'stacked' : 'table';
    expect(await workload.getAttribute('[data-layout]', 'data-layout')).toBe(expected);
    expect(await escalations.getAttribute('[data-layout]', 'data-layout')).toBe(expected);

    const spocs = await resolverSnapshot<WorkloadSnapshot>(world, WORKLOAD, workloadConfig);
    const urgent = await resolverSnapshot<EscalationSnapshot>(world, ESCALATIONS, { maxRows: 8 });
    await expectEveryColumn(
      workload,
      spocs.rows.map((r) => `workload-row-${r.accountId}`),
      WORKLOAD_COLUMNS,
      WORKLOAD_CELLS,
      'SPOC',
    );
    await expectEveryColumn(
      escalations,
      urgent.rows.map((r) => `escalation-row-${r.issueKey}`),
      ESCALATION_COLUMNS,
      ESCALATION_CELLS,
      'Issue',
    );
    expect(urgent.rows.some((r) => r.escalationLevel > 0)).toBe(true);

    for (const frame of [workload, escalations])
      expect({ width, problems: await layoutProblems(frame) }).toEqual({ width, problems: [] });
    // Names keep to one line: the SPOCs in the workload, the holders in the escalation list.
    expect(await linesOf(workload, '[data-testid=spoc-name]')).toEqual(spocs.rows.map(() => 1));
    expect(await linesOf(escalations, '[data-testid=spoc] > span')).toEqual(urgent.rows.map(() => 1));

    // Marco has no SPOC profile: his name, not his account id, and that the gadget knows nothing of his hours.
    const marco = `[data-testid=workload-row-${MARCO.accountId}]`;
    expect(await workload.textContent(`${marco} [data-testid=spoc-name]`)).toBe(MARCO.name);
    expect(await workload.textContent(marco)).not.toContain(MARCO.accountId);
    expect(await workload.textContent(`${marco} [data-testid=status]`)).toMatch(/no profile/i);

    // Times in Hannah's words and zone, wherever the browser is.
    expect(await workload.textContent('[data-testid=gadget-snapshot]')).toContain(
      `as of ${formatDayAndTime(spocs.takenAt, HANNAH_VIEWER, new Date(spocs.takenAt))}`,
    );
    await expectTimesInViewersZone(workload);
    await expectTimesInViewersZone(escalations);

    // One Refresh per gadget: Jira's, on the gadget's header; the views have none of their own.
    for (const [moduleKey, frame] of [
      [WORKLOAD, workload],
      [ESCALATIONS, escalations],
    ] as const) {
      const section = `section.gadget:has(iframe[data-module-key=${moduleKey}])`;
      expect(await world.page.$$(`${section} [data-action=refresh-gadget]`)).toHaveLength(1);
      expect(await frame.$$('button:has-text("Refresh"), a:has-text("Refresh")')).toHaveLength(0);
    }

    if (name === 'narrow' || name === 'wide') await gadgetsScreenshot(world.page, `gadgets-${name}`);
  });
});

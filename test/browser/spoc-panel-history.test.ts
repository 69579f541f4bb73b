import { expectText } from '../support/browser';
import { screenshotOf } from '../support/project-page';
import {
  ACME,
  actAs,
  expectHistoryLine,
  expectPanelWithinPolicy,
  fileAcmeIssue,
  jiraFacts,
  offeredActions,
  openPanel,
  rest,
  runSweep,
  setAway,
  startPanelSite,
  stopPanelSite,
  type PanelSite,
} from '../support/panel';

/**
 * The SPOC panel's history as time passes, in words, with what each person is offered at each point: the
 * sweep's ladder step (the SPOC warned), "I am on it", the app's handover while the SPOC is away, the repair
 * of a rewritten `spoc` property, and the take-back once she is back. The site's clock moves, so this file
 * has a site of its own.
 */
let panelSite: PanelSite;

beforeAll(async () => {
  panelSite = await startPanelSite();
}, 90_000);

afterEach(() => expectPanelWithinPolicy(panelSite));
afterAll(async () => {
  await stopPanelSite(panelSite);
});

describe('the history of an issue nobody answered in time', () => {
  it('shows ladder steps, acknowledgements, handovers, repairs and the take-back in words', async () => {
    const { site } = panelSite;
    const key = await fileAcmeIssue(panelSite, 'Manifests print without barcodes');
    let panel = await openPanel(panelSite, ACME.spoc, key);
    expect(await offeredActions(panel)).not.toContain('I am on it');

    // Three working hours later (75% of the four-hour target) the sweep warns Priya.
    site.clock.advanceMinutes(181);
    await runSweep(panelSite);
    panel = await openPanel(panelSite, ACME.spoc, key);
    await expectHistoryLine(panel, 'the app: escalation step (Due now: warn the SPOC');
    await expectText(panel, '[data-testid=panel-escalation]', 'Escalation level 1');
    expect(await offeredActions(panel)).toContain('I am on it');

    await actAs(panelSite, ACME.spoc, key, { action: 'acknowledge', note: 'Printing a test batch.' });
    panel = await openPanel(panelSite, ACME.spoc, key);
    await expectHistoryLine(panel, 'Priya Shah: acknowledge the escalation (Printing a test batch.)');
    expect(await offeredActions(panel)).not.toContain('I am on it');

    // She is called away: the sweep hands the issue to Chloe, the next of Acme's roster who can take it.
    site.clock.advanceMinutes(5);
    await setAway(panelSite, ACME.spoc, true);
    await runSweep(panelSite);
    expect((await jiraFacts(panelSite, ACME.spoc, key)).spoc).toBe(ACME.backup.accountId);

    // Someone rewrites the searchable copy by hand; the sweep's reconcile slice puts it right.
    site.clock.advanceMinutes(5);
    const property = (await jiraFacts(panelSite, ACME.backup, key)).property;
    await rest(panelSite.site, ACME.backup, 'PUT', `/rest/api/3/issue/${key}/properties/spoc`, {
      ...property,
      state: 'vetted',
    });
    await site.idle();
    for (let run = 0; run < 5; run += 1) {
      if ((await jiraFacts(panelSite, ACME.backup, key)).property?.state === 'awaiting-spoc') break;
      site.clock.advanceMinutes(5);
      await runSweep(panelSite);
    }
    expect((await jiraFacts(panelSite, ACME.backup, key)).property?.state).toBe('awaiting-spoc');

    await setAway(panelSite, ACME.spoc, false);
    panel = await openPanel(panelSite, ACME.spoc, key);
    await expectHistoryLine(panel, 'the app: hand over (Moved to Chloe Wilson');
    await expectHistoryLine(panel, 'the app: restored the spoc property (state is "vetted" on the issue');
    expect(await offeredActions(panel)).toEqual(['Take back']);
    await panel.click('[data-testid=panel-history] summary');
    await screenshotOf(panelSite.page, panel, '[data-testid=panel-history]', 'spoc-panel-history');

    await panel.click('[data-testid=action-take-back]');
    await panel.click('[data-testid=action-confirm]');
    await expectText(panel, '[data-testid=panel-spoc]', 'Priya Shah');
    await expectHistoryLine(panel, 'Priya Shah: take back');
    expect(await offeredActions(panel)).not.toContain('Take back');
    expect(await offeredActions(panel)).toContain('Accept for delivery');
  });
});

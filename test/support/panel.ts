import type { Frame, Page } from 'playwright-core';
import { SiteClock } from '../../local/clock';
import type { TriageActionName } from '../../src/contract/issue-panel';
import { seedAppDemo, type AppDemo } from '../../local/seed/app-demo';
import { DEMO_SEED } from '../../local/seed/demo';
import {
  ensureCustomUiBuilt,
  expectNoCspRefusals,
  expectText,
  launchBrowser,
  moduleFrame,
  signIn,
  TEST_TIME,
  type TestBrowser,
} from './browser';
import { startTestSite, type TestSite } from './site';

/**
 * Helpers for the SPOC panel's browser tests: a site with the app's demo configuration, issues filed for
 * one test over the REST API as a client, the panel of an issue as a person, what Jira holds about the issue
 * afterwards (asked over REST as a person), and keyboard moves that report where the focus went.
 */

export interface DemoPerson {
  readonly accountId: string;
  readonly email: string;
  readonly displayName: string;
}

function demoPerson(displayName: string): DemoPerson {
  const found = DEMO_SEED.people.find((p) => p.displayName === displayName);
  if (!found) throw new Error(`The demo seed has nobody called ${displayName}.`);
  return { accountId: found.accountId, email: found.email, displayName: found.displayName };
}

/**
 * Who is who for the client Acme Logistics in the app's demo configuration (local/seed/app-demo.ts):
 * Priya is its SPOC and works now; Chloe is its backup who works now (Daniel, the other, is away with no
 * delegate); Ben is its delivery target and on the delivery team; Hannah manages the SUP project (project
 * administrator); Arjun is a SPOC of other clients only, so he has no role on Acme's issues; Li Wei reports
 * for Acme.
 */
export const ACME = {
  spoc: demoPerson('Priya Shah'),
  backup: demoPerson('Chloe Wilson'),
  backupAway: demoPerson('Daniel Okafor'),
  developer: demoPerson('Ben Carter'),
  manager: demoPerson('Hannah Becker'),
  noRole: demoPerson('Arjun Mehta'),
  reporter: demoPerson('Li Wei'),
} as const;

export interface PanelSite {
  readonly site: TestSite;
  readonly browser: TestBrowser;
  readonly page: Page;
  /** The SPOC field's id (`customfield_…`) as Jira names it. */
  readonly spocFieldId: string;
  /** The issues the app's demo filed (one per demo reporter). */
  readonly demo: AppDemo;
}

export async function startPanelSite(
  options: { readonly viewport?: { width: number; height: number } } = {},
): Promise<PanelSite> {
  await ensureCustomUiBuilt();
  const site = await startTestSite({ clock: new SiteClock('frozen', TEST_TIME) });
  const demo = await seedAppDemo(site);
  // Every test files its own issues for Priya: room for all of them, so her capacity decides nothing here.
  await setCapacity(site, ACME.spoc, 40);
  const fields = await rest<Array<{ id: string; name: string }>>(
    site,
    ACME.manager,
    'GET',
    '/rest/api/3/field',
  );
  const spocField = fields.find((f) => f.name === 'SPOC');
  if (!spocField) throw new Error('Jira has no SPOC field.');
  const browser = await launchBrowser(options.viewport ? { viewport: options.viewport } : {});
  return { site, browser, page: browser.page, spocFieldId: spocField.id, demo };
}

/** After each panel test: no Content-Security-Policy refusal on any screen it opened. */
export function expectPanelWithinPolicy(panelSite: PanelSite | undefined): void {
  expectNoCspRefusals(panelSite?.browser);
}

/** Closes the browser and the site, then fails if any Jira answer the tests saw broke Jira's OpenAPI shapes. */
export async function stopPanelSite(panelSite: PanelSite | undefined): Promise<void> {
  try {
    await panelSite?.browser.close();
  } finally {
    await panelSite?.site.close();
  }
  panelSite?.site.conformance.expectNoViolations();
}

/** The site's REST API as a person (Basic email:token, as a script would call Jira Cloud). */
export async function rest<T = any>(
  site: TestSite,
  person: DemoPerson,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const client = site.as(person.email);
  const answer =
    method === 'GET'
      ? await client.get<T>(path)
      : method === 'POST'
        ? await client.post<T>(path, body)
        : await client.put<T>(path, body);
  if (answer.status >= 300)
    throw new Error(
      `${method} ${path} as ${person.displayName}: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  return answer.body;
}

/**
 * Files a new SUP issue as Li Wei of Acme over the REST API and waits until the app has routed it; checks it
 * went to Acme's SPOC, so a test never acts on an issue that landed elsewhere.
 */
export async function fileAcmeIssue(panelSite: PanelSite, summary: string): Promise<string> {
  const { site } = panelSite;
  const created = await rest<{ key: string }>(site, ACME.reporter, 'POST', '/rest/api/3/issue', {
    fields: { project: { key: 'SUP' }, issuetype: { name: 'Bug' }, summary },
  });
  await site.idle();
  const facts = await jiraFacts(panelSite, ACME.spoc, created.key);
  if (facts.spoc !== ACME.spoc.accountId) {
    throw new Error(
      `${created.key} was routed to ${facts.spoc ?? 'nobody'}, not to ${ACME.spoc.displayName}.`,
    );
  }
  return created.key;
}

/** A triage action taken outside the browser (to set the scene), exactly as the panel's bridge would. */
export async function actAs(
  panelSite: PanelSite,
  person: DemoPerson,
  issueKey: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const issue = panelSite.site.jira.store.getIssue(issueKey);
  if (!issue) throw new Error(`No issue ${issueKey}.`);
  const reply = (await panelSite.site.forge.invokeResolver({
    moduleKey: 'spoc-panel',
    functionKey: 'applyTriageAction',
    payload,
    accountId: person.accountId,
    context: { extension: { issue: { id: issue.id, key: issue.key } } },
  })) as { ok: boolean; error?: string };
  if (!reply.ok) throw new Error(`${String(payload.action)} as ${person.displayName} failed: ${reply.error}`);
}

/** Runs the app's scheduled sweep now, as Forge would, and waits for what it set off. */
export async function runSweep(panelSite: PanelSite): Promise<void> {
  const runs = await panelSite.site.forge.runScheduledTriggers({ all: true });
  if (!runs.every((r) => r.ok)) throw new Error(`The sweep failed: ${JSON.stringify(runs)}`);
  await panelSite.site.idle();
}

/**
 * The person's own absences, saved as on their availability page: away from an hour ago for two days with
 * nobody covering, or (false) none.
 */
export async function setAway(panelSite: PanelSite, person: DemoPerson, away: boolean): Promise<void> {
  const call = asOnProjectPage(panelSite.site, person);
  const mine = await call('getMyProfile');
  const now = panelSite.site.clock.now().getTime();
  const outOfOffice = away
    ? [
        {
          from: new Date(now - 60 * 60_000).toISOString(),
          until: new Date(now + 2 * 24 * 60 * 60_000).toISOString(),
          delegateAccountId: null,
        },
      ]
    : [];
  await call('saveProfile', { profile: { ...mine.profile, outOfOffice }, expectedVersion: mine.version });
}

/** The SPOC project page's resolver as the person, as their availability page calls it. */
function asOnProjectPage(site: TestSite, person: DemoPerson) {
  return async (functionKey: string, payload?: unknown) => {
    const reply = (await site.forge.invokeResolver({
      moduleKey: 'spoc-project-page',
      functionKey,
      payload,
      accountId: person.accountId,
      context: { extension: { project: { key: 'SUP' } } },
    })) as { ok: boolean; data?: any; error?: string };
    if (!reply.ok) throw new Error(`${functionKey} as ${person.displayName} failed: ${reply.error}`);
    return reply.data;
  };
}

/** The person's capacity, saved as on their availability page. */
async function setCapacity(site: TestSite, person: DemoPerson, capacity: number): Promise<void> {
  const call = asOnProjectPage(site, person);
  const mine = await call('getMyProfile');
  await call('saveProfile', { profile: { ...mine.profile, capacity }, expectedVersion: mine.version });
}

/** What the policy says about reassigning to someone away or full, saved as Hannah on the Policy page. */
export async function setReassignPolicy(panelSite: PanelSite, choice: 'warn' | 'refuse'): Promise<void> {
  const call = asOnProjectPage(panelSite.site, ACME.manager);
  const current = await call('getConfiguration');
  await call('savePolicy', {
    policy: { ...current.policy, reassignToUnavailable: choice },
    expectedVersion: current.version,
  });
}

/** Signs in as the person on the issue's page and answers the panel's frame once it shows the issue. */
export async function openPanel(panelSite: PanelSite, person: DemoPerson, issueKey: string): Promise<Frame> {
  await signIn(panelSite.page, panelSite.site.url, person.email, `/browse/${issueKey}`);
  const panel = await moduleFrame(panelSite.page, 'spoc-panel');
  await panel.waitForSelector('[data-testid=spoc-panel], [data-testid=panel-error]');
  await expectText(panel, '[data-testid=panel-issue]', issueKey);
  // Gone if the page reloads: the issue view must show what an action changed without a reload.
  await panelSite.page.evaluate(
    () => ((window as unknown as { __panelOpened?: boolean }).__panelOpened = true),
  );
  return panel;
}

const nameOf = (accountId: string) =>
  DEMO_SEED.people.find((p) => p.accountId === accountId)?.displayName ?? accountId;

/**
 * The issue page around the panel shows what Jira holds (assignee, SPOC field), refreshed by the panel's
 * `view.refresh()`: the page was not reloaded since openPanel.
 */
export async function expectIssueViewShows(panelSite: PanelSite, facts: JiraFacts): Promise<void> {
  const { page, spocFieldId } = panelSite;
  await expectText(
    page,
    '[data-testid=issue-assignee]',
    facts.assignee ? nameOf(facts.assignee) : 'Unassigned',
  );
  if (facts.spoc) await expectText(page, `dd[data-field-id="${spocFieldId}"]`, nameOf(facts.spoc));
  const sameDocument = await page.evaluate(
    () => (window as unknown as { __panelOpened?: boolean }).__panelOpened === true,
  );
  expect({ reloaded: !sameDocument }).toEqual({ reloaded: false });
}

/** The labels of the action buttons the panel offers. */
export const offeredActions = (panel: Frame) =>
  panel.$$eval('[data-testid=panel-actions] button', (buttons) => buttons.map((b) => b.textContent ?? ''));

/** Waits until the panel's history (opened or not) has a line containing every one of `parts`. */
export async function expectHistoryLine(panel: Frame, ...parts: string[]): Promise<void> {
  await panel.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('[data-testid=panel-history] li')].some((li) =>
        wanted.every((part) => (li.textContent ?? '').includes(part)),
      ),
    parts,
  );
}

/** Whether the panel's history is open, so its lines are on screen. */
export const historyOpen = (panel: Frame) =>
  panel.$eval('[data-testid=panel-history]', (details) => (details as HTMLDetailsElement).open);

export interface JiraFacts {
  readonly assignee: string | null;
  /** The SPOC field's account id. */
  readonly spoc: string | null;
  readonly labels: readonly string[];
  /** "Duplicate → SUP-7" for each link this issue has, from its side. */
  readonly links: readonly string[];
  /** Each comment the person can read, as plain text (mentions as their names). */
  readonly comments: readonly string[];
  /** The `spoc` issue property, the searchable copy of the triage record. */
  readonly property: Record<string, unknown> | null;
}

/** What Jira holds about the issue, as the person sees it through the REST API. */
export async function jiraFacts(
  panelSite: PanelSite,
  person: DemoPerson,
  issueKey: string,
): Promise<JiraFacts> {
  const { site, spocFieldId } = panelSite;
  const issue = await rest(
    site,
    person,
    'GET',
    `/rest/api/3/issue/${issueKey}?fields=assignee,labels,issuelinks,comment,${spocFieldId}`,
  );
  const property = await site.as(person.email).get(`/rest/api/3/issue/${issueKey}/properties/spoc`);
  const fields = issue.fields;
  return {
    assignee: fields.assignee?.accountId ?? null,
    spoc: fields[spocFieldId]?.accountId ?? null,
    labels: fields.labels ?? [],
    links: (fields.issuelinks ?? []).map((link: any) =>
      link.outwardIssue
        ? `${link.type.name} → ${link.outwardIssue.key}`
        : `${link.type.name} ← ${link.inwardIssue?.key}`,
    ),
    comments: (fields.comment?.comments ?? []).map((c: any) => adfText(c.body).trim()),
    property: property.status === 200 ? (property.body.value as Record<string, unknown>) : null,
  };
}

/** The text of an Atlassian Document Format node; mentions read as their names, paragraphs as lines. */
function adfText(node: any): string {
  if (!node || typeof node !== 'object') return '';
  if (node.type === 'text') return String(node.text ?? '');
  if (node.type === 'mention') return String(node.attrs?.text ?? '').replace(/^@/, '');
  const inner = ((node.content ?? []) as unknown[]).map(adfText).join('');
  return node.type === 'paragraph' || node.type === 'listItem' ? `${inner}\n` : inner;
}

// Keyboard: every move is a real key press; these only report where the focus is.

/** The focused element in the panel, as its test id (or tag), or null when the focus is outside the frame. */
export async function focusedInPanel(panel: Frame): Promise<string | null> {
  return panel.evaluate(() => {
    if (!document.hasFocus()) return null;
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const testId = element.closest('[data-testid]')?.getAttribute('data-testid');
    return element.getAttribute('data-testid') ?? `${element.tagName.toLowerCase()} in ${testId ?? 'panel'}`;
  });
}

/** Whether the focused element in the panel matches the selector. */
export const panelFocusIs = (panel: Frame, selector: string) =>
  panel.evaluate((s) => document.hasFocus() && !!document.activeElement?.matches(s), selector);

/**
 * Presses Tab (or Shift+Tab) until the focus is on the panel's element matching `selector`, from wherever the
 * focus is now (the top of the issue page after signing in). Fails when it takes more than `limit` presses.
 */
export async function tabTo(
  page: Page,
  panel: Frame,
  selector: string,
  options: { readonly backwards?: boolean; readonly limit?: number } = {},
): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.limit ?? 60); i++) {
    if (await panelFocusIs(panel, selector)) return;
    await page.keyboard.press(key);
  }
  if (await panelFocusIs(panel, selector)) return;
  throw new Error(`${key} never reached ${selector}; the focus is on ${await focusedInPanel(panel)}.`);
}

/** Waits until the focus is on the panel's element matching `selector`. */
export async function expectPanelFocus(panel: Frame, selector: string): Promise<void> {
  try {
    await panel.waitForFunction(
      (s) => document.hasFocus() && !!document.activeElement?.matches(s),
      selector,
      {
        timeout: 5_000,
      },
    );
  } catch {
    throw new Error(`Expected the focus on ${selector}, but it is on ${await focusedInPanel(panel)}.`);
  }
}

/**
 * Chooses a person in the reassign form's picker by keyboard: types part of the name, then moves with the
 * arrow keys to the option with that name and presses Enter.
 */
export async function pickPersonByKeyboard(
  page: Page,
  panel: Frame,
  search: string,
  name: string,
): Promise<void> {
  await page.keyboard.type(search);
  await panel.waitForSelector(`[role=option]:has-text("${name}")`);
  for (let i = 0; i < 20; i++) {
    // The picker marks the option the arrow keys are on for assistive technology.
    const current = await panel.evaluate(() => {
      const input = document.activeElement as HTMLInputElement | null;
      const id = input?.getAttribute('aria-activedescendant');
      const option = id
        ? document.getElementById(id)
        : document.querySelector('[role=option][aria-selected=true]');
      return option?.textContent ?? '';
    });
    if (current.includes(name)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expectText(panel, '[data-testid=action-person]', name);
}

// Every triage action (reassign by a project administrator too), each on issues filed for the test.

export interface ActionInput {
  /** The text field: the message, reason or optional note. */
  readonly text: string;
  /** For mark-duplicate: the key of the issue it duplicates. */
  readonly duplicateOf?: string;
  /** For reassign: what to type in the picker, and the name to choose. */
  readonly person?: { readonly search: string; readonly name: string };
  /** What the form says about the chosen person before anything is sent (a warning for someone away). */
  readonly verdict?: string;
}

export interface ActedOn {
  readonly key: string;
  /** The other issue, for mark-duplicate. */
  readonly other?: string;
}

export interface ActionScenario {
  readonly name: string;
  readonly action: TriageActionName;
  /** The button's label. */
  readonly button: string;
  readonly by: DemoPerson;
  /** How the panel names the person's role on the issue. */
  readonly role: string;
  /** Files the issue (and whatever else the action needs) as a client and sets the scene. */
  readonly prepare: (panelSite: PanelSite, summary: string) => Promise<ActedOn>;
  readonly input: (on: ActedOn) => ActionInput;
  /** The flag's sentence. */
  readonly flag: (on: ActedOn) => string;
  /** The state lozenge afterwards. */
  readonly state: string;
  /** Words of the new history line (after the person's name). */
  readonly history: string;
  /** The buttons the person is offered afterwards. */
  readonly actionsAfter: readonly string[];
  /** What else the panel shows afterwards: test id → text. */
  readonly panelAfter?: Readonly<Record<string, string>>;
  /** What Jira holds afterwards, as the person who acted and as the client who reported it. */
  readonly inJira: (facts: { staff: JiraFacts; client: JiraFacts }, on: ActedOn) => void;
}

const SPOC_ACTIONS = [
  'Accept for delivery',
  'Request information',
  'Reject',
  'Duplicate',
  'Reassign',
  'Escalate',
];
const one = (summary: string) => async (panelSite: PanelSite) => ({
  key: await fileAcmeIssue(panelSite, summary),
});
const contains = (list: readonly string[], ...parts: string[]) =>
  list.some((item) => parts.every((part) => item.includes(part)));

export const ACTION_SCENARIOS: readonly ActionScenario[] = [
  {
    // First: the sweep hands over every issue waiting for Priya, and Chloe must have room for this one.
    name: 'the SPOC, back from an absence, takes back an issue the app handed over',
    action: 'take-back',
    button: 'Take back',
    by: ACME.spoc,
    role: 'You were this issue’s SPOC until the app handed it over while you were away.',
    prepare: async (s, summary) => {
      const key = await fileAcmeIssue(s, summary);
      await setAway(s, ACME.spoc, true);
      await runSweep(s);
      await setAway(s, ACME.spoc, false);
      const facts = await jiraFacts(s, ACME.spoc, key);
      if (facts.spoc !== ACME.backup.accountId) throw new Error(`${key} was not handed over to Chloe.`);
      return { key };
    },
    input: () => ({ text: 'Back from the conference.' }),
    flag: () => 'Priya Shah took the issue back after their absence.',
    state: 'waiting for its SPOC',
    history: 'take back (Back from the conference.)',
    actionsAfter: SPOC_ACTIONS,
    panelAfter: { 'panel-spoc': 'Priya Shah', 'panel-roles': 'the SPOC' },
    inJira: ({ staff, client }) => {
      expect(staff.spoc).toBe(ACME.spoc.accountId);
      expect(staff.assignee).toBe(ACME.spoc.accountId);
      expect(staff.property).toMatchObject({ state: 'awaiting-spoc', spocAccountId: ACME.spoc.accountId });
      expect(
        contains(staff.comments, 'Priya Shah is back and took this client issue back from Chloe Wilson'),
      ).toBe(true);
      expect(contains(client.comments, 'took this client issue back')).toBe(false);
    },
  },
  {
    name: 'the SPOC accepts an issue for delivery',
    action: 'accept-for-delivery',
    button: 'Accept for delivery',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({ text: 'Reproduced on the staging portal with 250 parcels.' }),
    flag: () => 'Priya Shah accepted the issue for delivery.',
    state: 'vetted for delivery',
    history: 'accept for delivery (Reproduced on the staging portal with 250 parcels.)',
    actionsAfter: [],
    inJira: ({ staff, client }) => {
      expect(staff.assignee).toBe(ACME.developer.accountId); // Acme's delivery target
      expect(staff.labels).toContain('spoc-vetted');
      expect(staff.labels).not.toContain('spoc-routed');
      expect(staff.property).toMatchObject({ state: 'vetted', spocAccountId: ACME.spoc.accountId });
      expect(staff.property?.vettedAt).toEqual(expect.any(String));
      expect(contains(staff.comments, 'Priya Shah accepted the issue for delivery', '250 parcels')).toBe(
        true,
      );
      // An internal note for the delivery team: the client does not read it.
      expect(contains(client.comments, 'accepted the issue')).toBe(false);
    },
  },
  {
    name: 'the SPOC asks the client for information',
    action: 'request-info',
    button: 'Request information',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({ text: 'Which browser and which portal account do you use?' }),
    flag: () => 'Priya Shah asked the client for more information.',
    state: 'waiting for information from the client',
    history: 'ask the client for information (Which browser and which portal account do you use?)',
    actionsAfter: ['Accept for delivery', 'Reject', 'Duplicate', 'Reassign', 'Escalate'],
    inJira: ({ staff, client }) => {
      expect(staff.assignee).toBe(ACME.spoc.accountId);
      expect(staff.property).toMatchObject({ state: 'info-requested' });
      expect(staff.property?.dueAt).toBeUndefined(); // the response clock waits for the client
      // A public comment that names the reporter, so Jira tells them.
      expect(contains(client.comments, 'Li Wei, we need some more information', 'Which browser')).toBe(true);
    },
  },
  {
    name: 'the SPOC rejects an issue',
    action: 'reject',
    button: 'Reject',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({ text: 'The portal is meant to work this way; see the user guide, section 4.' }),
    flag: () => 'Priya Shah rejected the issue.',
    state: 'rejected',
    history: 'reject (The portal is meant to work this way',
    actionsAfter: [],
    inJira: ({ staff, client }) => {
      expect(staff.labels).toContain('spoc-rejected');
      expect(staff.property).toMatchObject({ state: 'rejected' });
      expect(contains(client.comments, 'We will not take this issue forward', 'user guide, section 4')).toBe(
        true,
      );
    },
  },
  {
    name: 'the SPOC marks an issue as a duplicate',
    action: 'mark-duplicate',
    button: 'Duplicate',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: async (s, summary) => {
      const other = await fileAcmeIssue(s, `${summary} (first report)`);
      return { key: await fileAcmeIssue(s, summary), other };
    },
    input: (on) => ({
      text: 'Same timeout as the first report.',
      duplicateOf: (on.other ?? '').toLowerCase(),
    }),
    flag: (on) => `Priya Shah marked the issue as a duplicate of ${on.other}.`,
    state: 'marked as a duplicate',
    history: 'mark as duplicate (Same timeout as the first report.)',
    actionsAfter: [],
    inJira: ({ staff, client }, on) => {
      expect(staff.links).toEqual([`Duplicate → ${on.other}`]);
      expect(staff.property).toMatchObject({ state: 'duplicate' });
      expect(contains(client.comments, `This is a duplicate of ${on.other}`, 'Same timeout')).toBe(true);
    },
  },
  {
    name: 'the SPOC reassigns an issue to another SPOC',
    action: 'reassign',
    button: 'Reassign',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({
      text: 'Chloe covers the portal this week.',
      person: { search: 'c', name: 'Chloe Wilson' },
    }),
    flag: () => 'Priya Shah reassigned the issue to Chloe Wilson.',
    state: 'waiting for its SPOC',
    history: 'reassign (Chloe covers the portal this week.)',
    // Priya is no longer its SPOC, and not one of Acme's backups.
    actionsAfter: [],
    panelAfter: { 'panel-spoc': 'Chloe Wilson' },
    inJira: ({ staff, client }) => {
      expect(staff.spoc).toBe(ACME.backup.accountId);
      expect(staff.assignee).toBe(ACME.backup.accountId);
      expect(staff.property).toMatchObject({ state: 'awaiting-spoc', spocAccountId: ACME.backup.accountId });
      expect(
        contains(staff.comments, 'Priya Shah handed this client issue to Chloe Wilson', 'covers the portal'),
      ).toBe(true);
      expect(contains(client.comments, 'handed this client issue')).toBe(false);
    },
  },
  {
    name: 'a project administrator reassigns an issue to another SPOC',
    action: 'reassign',
    button: 'Reassign',
    by: ACME.manager,
    role: 'a project administrator',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({
      text: 'Priya is at capacity next week.',
      person: { search: 'chl', name: 'Chloe Wilson' },
    }),
    flag: () => 'Hannah Becker reassigned the issue to Chloe Wilson.',
    state: 'waiting for its SPOC',
    history: 'reassign (Priya is at capacity next week.)',
    actionsAfter: ['Reassign'],
    panelAfter: { 'panel-spoc': 'Chloe Wilson' },
    inJira: ({ staff }) => {
      expect(staff.spoc).toBe(ACME.backup.accountId);
      expect(staff.assignee).toBe(ACME.backup.accountId);
      expect(staff.property).toMatchObject({ spocAccountId: ACME.backup.accountId });
      expect(contains(staff.comments, 'Hannah Becker handed this client issue to Chloe Wilson')).toBe(true);
    },
  },
  {
    name: 'the SPOC escalates an issue',
    action: 'escalate',
    button: 'Escalate',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({ text: 'Blocks every large shipment today.' }),
    // A manual escalation is the ladder's "escalation manager told" step: level 3.
    flag: () => 'Priya Shah escalated the issue (level 3).',
    state: 'waiting for its SPOC',
    history: 'escalate (Blocks every large shipment today.)',
    // The escalation is on her clock now, so the backend offers to acknowledge it.
    actionsAfter: [...SPOC_ACTIONS, 'I am on it'],
    panelAfter: { 'panel-escalation': 'Escalation level 3' },
    inJira: ({ staff, client }) => {
      expect(staff.property).toMatchObject({ state: 'awaiting-spoc', escalationLevel: 3 });
      expect(
        contains(
          staff.comments,
          'Priya Shah escalated this client issue to level 3',
          'Hannah Becker (escalation manager)',
        ),
      ).toBe(true);
      expect(contains(client.comments, 'escalated')).toBe(false);
    },
  },
  {
    name: 'the escalation manager says "I am on it" to an escalation',
    action: 'acknowledge',
    button: 'I am on it',
    by: ACME.manager,
    role: 'the escalation manager',
    prepare: async (s, summary) => {
      const key = await fileAcmeIssue(s, summary);
      await actAs(s, ACME.spoc, key, { action: 'escalate', reason: 'The depot cannot ship.' });
      return { key };
    },
    input: () => ({ text: 'Calling their logistics lead now.' }),
    flag: () => 'Hannah Becker acknowledged the escalation; the next step waits until',
    state: 'waiting for its SPOC',
    history: 'acknowledge the escalation (Calling their logistics lead now.)',
    // Held now: nothing more to acknowledge until the hold ends. (The reply's view knows only the roles the
    // action asked Jira about, so her Reassign as a project administrator shows again when the panel reloads.)
    actionsAfter: [],
    panelAfter: { 'panel-escalation': 'Escalation level 3' },
    inJira: ({ staff, client }) => {
      expect(staff.spoc).toBe(ACME.spoc.accountId);
      expect(
        contains(
          staff.comments,
          'Hannah Becker is on it: the next escalation step waits until',
          'Calling their logistics lead',
        ),
      ).toBe(true);
      expect(contains(client.comments, 'is on it')).toBe(false);
    },
  },
  {
    name: 'a backup takes an issue over',
    action: 'take-over',
    button: 'Take over',
    by: ACME.backup,
    role: 'You are a backup for Acme Logistics.',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({ text: 'Priya is in workshops all afternoon.' }),
    flag: () => 'Chloe Wilson took over the issue from Priya Shah.',
    state: 'waiting for its SPOC',
    history: 'take over (Priya is in workshops all afternoon.)',
    // Chloe is its SPOC now: she vets it, and there is nothing left to take over.
    actionsAfter: SPOC_ACTIONS,
    panelAfter: { 'panel-spoc': 'Chloe Wilson', 'panel-roles': 'the SPOC' },
    inJira: ({ staff }) => {
      expect(staff.spoc).toBe(ACME.backup.accountId);
      expect(staff.assignee).toBe(ACME.backup.accountId);
      expect(staff.property).toMatchObject({ spocAccountId: ACME.backup.accountId });
      expect(
        contains(staff.comments, 'Chloe Wilson took over this client issue from Priya Shah', 'workshops'),
      ).toBe(true);
    },
  },
  {
    name: 'a developer of the delivery team returns a vetted issue to its SPOC',
    action: 'return-to-spoc',
    button: 'Return to SPOC',
    by: ACME.developer,
    role: 'on the delivery team',
    prepare: async (s, summary) => {
      const key = await fileAcmeIssue(s, summary);
      await actAs(s, ACME.spoc, key, { action: 'accept-for-delivery' });
      return { key };
    },
    input: () => ({ text: 'Which portal version shows the timeout?' }),
    flag: () => 'Ben Carter returned the issue to its SPOC.',
    state: 'returned to its SPOC by delivery',
    history: 'return to SPOC (Which portal version shows the timeout?)',
    actionsAfter: [],
    panelAfter: { 'panel-bounce-backs': 'Sent back once' },
    inJira: ({ staff }) => {
      expect(staff.assignee).toBe(ACME.spoc.accountId);
      expect(staff.labels).not.toContain('spoc-vetted');
      expect(staff.property).toMatchObject({ state: 'returned', bounceBacks: 1 });
      expect(
        contains(staff.comments, 'Ben Carter sent this issue back to Priya Shah (SPOC)', 'portal version'),
      ).toBe(true);
    },
  },
  {
    // Daniel, Acme's other backup, is out of office until Tuesday 24 November (00:00 in New York).
    name: 'the SPOC reassigns an issue to a backup who is out of office, after the warning',
    action: 'reassign',
    button: 'Reassign',
    by: ACME.spoc,
    role: 'the SPOC',
    prepare: (s, summary) => one(summary)(s),
    input: () => ({
      text: 'Daniel asked for the customs issues; they can wait until he is back.',
      person: { search: 'dan', name: 'Daniel Okafor' },
      verdict: 'Daniel Okafor is out of office',
    }),
    flag: () => 'Priya Shah reassigned the issue to Daniel Okafor.',
    state: 'waiting for its SPOC',
    history: 'reassign (Daniel asked for the customs issues',
    actionsAfter: [],
    // His four working hours count from 09:00 in New York on his first day back (14:00 in London).
    panelAfter: { 'panel-spoc': 'Daniel Okafor', 'panel-due': 'Tue 24 Nov, 18:00' },
    inJira: ({ staff }) => {
      expect(staff.spoc).toBe(ACME.backupAway.accountId);
      expect(staff.assignee).toBe(ACME.backupAway.accountId);
      expect(staff.property).toMatchObject({
        spocAccountId: ACME.backupAway.accountId,
        dueAt: '2026-11-24T18:00:00.000Z',
      });
    },
  },
];

/**
 * What the person sees after the action, whichever way they took it: the flag, the new state, the history
 * line, the actions now offered, and what Jira holds (asked as them and as the client who reported it).
 */
export async function expectActionDone(
  panelSite: PanelSite,
  panel: Frame,
  scenario: ActionScenario,
  on: ActedOn,
): Promise<void> {
  const { page } = panelSite;
  await expectText(page, '#flags .flag-success', scenario.button);
  await expectText(page, '#flags .flag-success', scenario.flag(on));
  await expectText(panel, '[data-testid=panel-state]', scenario.state);
  await panel.waitForSelector('[data-testid=action-form]', { state: 'detached' });
  for (const [testId, text] of Object.entries(scenario.panelAfter ?? {}))
    await expectText(panel, `[data-testid=${testId}]`, text);
  expect(await offeredActions(panel)).toEqual(scenario.actionsAfter);
  if (scenario.actionsAfter.length === 0)
    await expectText(panel, '[data-testid=panel-no-actions]', 'nothing for you to do');
  await expectHistoryLine(panel, `${scenario.by.displayName}: ${scenario.history}`);
  const [staff, client] = await Promise.all([
    jiraFacts(panelSite, scenario.by, on.key),
    jiraFacts(panelSite, ACME.reporter, on.key),
  ]);
  scenario.inJira({ staff, client }, on);
  await expectIssueViewShows(panelSite, staff);
}

/**
 * Where the focus goes once the form closed: back to the action's button when it is still offered, else to
 * the issue's state at the top of the panel.
 */
export const focusAfter = (scenario: ActionScenario) =>
  scenario.actionsAfter.includes(scenario.button)
    ? `[data-testid=action-${scenario.action}]`
    : '[data-testid=panel-summary]';

/** Chooses a person in the reassign form's picker with the mouse: types part of the name, clicks the option. */
export async function pickPersonByMouse(panel: Frame, search: string, name: string): Promise<void> {
  const picker = '[data-testid=action-person] [role=combobox]';
  await panel.waitForSelector(picker);
  // The list opens below the picker, maybe below the window's edge: scroll the form up, as a person would.
  await panel.$eval('[data-testid=action-form]', (form) => form.scrollIntoView({ block: 'start' }));
  // Where someone is chosen already, their name lies over the text box: the click lands on the box all the same.
  await panel.click(picker, { force: true });
  await panel.fill(picker, search);
  await panel.click(`[role=option]:has-text("${name}")`);
  await expectText(panel, '[data-testid=action-person]', name);
}

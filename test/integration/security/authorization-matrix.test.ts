import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { TRIAGE_VERBS } from '../../../src/usecases/support/triage-verbs';
import { PEOPLE, startRoutingSite, stopRoutingSite, type RoutingSite } from '../routing/routing-site';
import { resolverFunctionsByModule, storedState } from './security-site';

/**
 * Every resolver function of the app (every triage action of the panel's `applyTriageAction` apart) ×
 * every kind of caller, through the real handlers on the local site with Jira's permissions behind them.
 * A cell is allowed (the call succeeds) or forbidden (the reply says sign in, not allowed or not found,
 * and Jira and the app's storage are byte for byte as they were, with no event emitted). A resolver
 * function without a row here fails the first test: the rows are checked against the functions the
 * resolver modules define and the triage actions the panel offers.
 *
 * Where the design is silent the cells say what a Jira user would expect: a Jira administrator is a
 * project administrator but not a SPOC (may reassign, may not vet, sees no SPOC gadget); a client sees the
 * panel and the vetted queue only for the issues Jira shows them.
 */
jest.setTimeout(240_000);

const CALLERS = {
  anonymous: undefined,
  /** Tom Fischer (Acme Logistics): reports every issue the rows act on. */
  client: PEOPLE.tom,
  /** Maria Garcia (Globex Retail): Jira hides Acme's issues from her. */
  otherClient: PEOPLE.maria,
  /** Marco Rossi: on the delivery team. */
  developer: PEOPLE.marco,
  /** Priya Shah: Acme's primary SPOC, who holds the issues. Out of office from the start, see beforeAll. */
  spoc: PEOPLE.priya,
  /** Chloe Wilson: a backup on Acme's roster. */
  backup: PEOPLE.chloe,
  /** Yuki Tanaka: a SPOC of other clients, and Priya's delegate while she is away. */
  delegate: PEOPLE.yuki,
  /** Sam Patel: Jira administrator, administrator of every project, no SPOC profile. */
  projectAdmin: PEOPLE.sam,
  /** Lena Novak: a contractor, member of DEV only. */
  otherProjectOnly: PEOPLE.lena,
} as const;
type Caller = keyof typeof CALLERS;
const EVERY_CALLER = Object.keys(CALLERS) as Caller[];
const SIGNED_IN = EVERY_CALLER.filter((c) => c !== 'anonymous');
const VETTERS: readonly Caller[] = ['spoc', 'backup', 'delegate'];
const SPOCS_AND_ADMINS: readonly Caller[] = [...VETTERS, 'projectAdmin'];
/** SPOC profiles and the delivery team: who the gadgets' numbers are for (and escalation managers). */
const GADGET_VIEWERS: readonly Caller[] = ['developer', ...VETTERS];
const ADMINS: readonly Caller[] = ['projectAdmin'];

type ModuleKey = 'spoc-panel' | 'spoc-project-page' | 'spoc-workload-gadget' | 'spoc-escalations-gadget';
/** The state the issue of a panel row must be in for the action to be possible at all. */
type IssueState = 'awaiting' | 'vetted' | 'escalated';

interface Call {
  readonly issueKey?: string;
  readonly projectKey?: string;
  readonly payload?: unknown;
}

interface Row {
  readonly id: string;
  readonly allowed: readonly Caller[];
  /** Panel rows: the issue's state; `mutates` rows give each allowed caller an issue of their own. */
  readonly issue?: IssueState;
  readonly mutates?: boolean;
  /** Allowed callers the state refuses (code `refused`), with why: the rights were not the reason. */
  readonly refusedFor?: Partial<Record<Caller, RegExp>>;
  /** The payload and context of the call; the same valid payload for allowed and forbidden callers. */
  readonly call?: (caller: Caller, issueKey: string | undefined) => Promise<Call> | Call;
}

type Reply = { ok: true; data: any } | { ok: false; error: string; code: string };

let site: RoutingSite;
/** Issues Tom filed while Priya was in, each routed to her and untouched: taken one per mutating cell. */
const pool: string[] = [];
const shared: Partial<Record<IssueState, string>> = {};

async function invoke(
  moduleKey: ModuleKey,
  functionKey: string,
  accountId: string | undefined,
  options: Call & { readonly context?: Record<string, unknown> } = {},
): Promise<Reply> {
  const issue = options.issueKey ? site.jira.store.getIssue(options.issueKey) : undefined;
  const extension =
    moduleKey === 'spoc-panel'
      ? { issue: issue ? { id: issue.id, key: issue.key } : { key: options.issueKey } }
      : moduleKey === 'spoc-project-page'
        ? { project: { key: options.projectKey ?? 'SUP' } }
        : { gadgetConfiguration: { maxRows: 10 } };
  return (await site.forge.invokeResolver({
    moduleKey,
    functionKey,
    payload: options.payload,
    accountId,
    context: { extension, ...options.context },
  })) as Reply;
}

function ok(reply: Reply): any {
  if (!reply.ok) throw new Error(`Expected success, got ${reply.code}: ${reply.error}`);
  return reply.data;
}

const act = (as: string, issueKey: string, payload: Record<string, unknown>) =>
  invoke('spoc-panel', 'applyTriageAction', as, { issueKey, payload });

/** Brings a fresh issue (Priya's, awaiting her) to the state a row needs, as Priya. */
async function bringTo(state: IssueState, issueKey: string): Promise<void> {
  if (state === 'vetted') ok(await act(PEOPLE.priya, issueKey, { action: 'accept-for-delivery' }));
  if (state === 'escalated')
    ok(await act(PEOPLE.priya, issueKey, { action: 'escalate', reason: 'The fleet stands still' }));
}

async function freshIssue(state: IssueState): Promise<string> {
  const key = pool.shift();
  if (!key) throw new Error('The pool of fresh issues ran out: file more in beforeAll.');
  await bringTo(state, key);
  return key;
}

async function configurationVersion(): Promise<number> {
  return ok(await invoke('spoc-project-page', 'getConfiguration', PEOPLE.sam)).version;
}

const panelRow = (functionKey: string, allowed: readonly Caller[], call?: Row['call']): Row => ({
  id: `spoc-panel.${functionKey}`,
  allowed,
  issue: 'awaiting',
  ...(call ? { call } : {}),
});

const actionRow = (
  action: string,
  allowed: readonly Caller[],
  payload: Record<string, unknown>,
  issue: IssueState = 'awaiting',
): Row => ({
  id: `spoc-panel.applyTriageAction:${action}`,
  allowed,
  issue,
  mutates: true,
  call: () => ({ payload: { action, ...payload } }),
});

const pageRow = (functionKey: string, allowed: readonly Caller[], rest: Partial<Row> = {}): Row => ({
  id: `spoc-project-page.${functionKey}`,
  allowed,
  ...rest,
});

const ROWS: readonly Row[] = [
  // The issue panel: Jira decides who sees the issue; the app's record decides who the caller is for it.
  panelRow('getSpocView', ['client', 'developer', ...SPOCS_AND_ADMINS]),
  panelRow('getReassignCandidates', SPOCS_AND_ADMINS),
  // The duplicate picker is for those who may mark the issue a duplicate.
  panelRow('getDuplicateCandidates', VETTERS, () => ({ payload: { query: 'depot' } })),
  panelRow('previewRouting', SPOCS_AND_ADMINS),
  actionRow('accept-for-delivery', VETTERS, {}),
  actionRow('request-info', VETTERS, { message: 'Which depot, and since when?' }),
  actionRow('reject', VETTERS, { reason: 'This is set in your own admin screen.' }),
  // SUP-2: Tom's own, so he can follow it.
  actionRow('mark-duplicate', VETTERS, { duplicateOf: 'SUP-2' }),
  actionRow('reassign', SPOCS_AND_ADMINS, {
    toAccountId: PEOPLE.arjun,
    reason: 'Arjun knows the depot system',
    evenIfUnavailable: true,
  }),
  actionRow('escalate', VETTERS, { reason: 'Every depot stands still' }),
  actionRow('take-over', ['backup', 'delegate'], { note: 'Priya is away' }),
  actionRow('return-to-spoc', ['developer'], { reason: 'Which vehicle types?' }, 'vetted'),
  actionRow('acknowledge', ['spoc'], { note: 'On it' }, 'escalated'),
  // Only the SPOC an issue was handed over from takes it back; none of these callers is that person here
  // (test/integration/routing/handovers.test.ts covers the allowed case).
  actionRow('take-back', [], {}),

  // The project page: rights asked of Jira as the caller for the page's project, and the app's records.
  pageRow('getMyQueue', SIGNED_IN),
  pageRow(
    'getVettedQueue',
    SIGNED_IN.filter((c) => c !== 'otherProjectOnly'),
  ),
  pageRow('getConfiguration', ['developer', ...SPOCS_AND_ADMINS]),
  pageRow('exportConfiguration', ADMINS),
  pageRow('importConfiguration', ADMINS, {
    call: async () => {
      const document = ok(await invoke('spoc-project-page', 'exportConfiguration', PEOPLE.sam));
      return { payload: { document, expectedVersion: document.version } };
    },
  }),
  pageRow('saveRoster', ADMINS, {
    call: async () => ({
      payload: {
        clientId: 'initech',
        expectedVersion: await configurationVersion(),
        version: {
          primarySpocAccountId: PEOPLE.yuki,
          backupAccountIds: [PEOPLE.arjun, PEOPLE.priya],
          deliveryTarget: { kind: 'user', accountId: PEOPLE.marco },
          escalationManagerAccountId: PEOPLE.hannah,
        },
      },
    }),
  }),
  pageRow('saveRules', ADMINS, {
    call: async () => {
      const view = ok(await invoke('spoc-project-page', 'getConfiguration', PEOPLE.sam));
      return { payload: { rules: view.document.rules, expectedVersion: view.version } };
    },
  }),
  pageRow('getMyProfile', SIGNED_IN),
  pageRow('saveProfile', SPOCS_AND_ADMINS, {
    // Each caller saves their own profile as it is (a new one for those without); the administrator Chloe's.
    call: async (caller) => {
      const view = ok(await invoke('spoc-project-page', 'getConfiguration', PEOPLE.sam));
      const profiles = view.document.profiles as Array<{ accountId: string }>;
      const whose = caller === 'projectAdmin' ? PEOPLE.chloe : CALLERS[caller];
      const profile = profiles.find((p) => p.accountId === whose) ?? {
        accountId: whose ?? PEOPLE.priya,
        displayName: 'New SPOC',
        timeZone: 'Europe/London',
        workingHours: [{ day: 'mon', start: '09:00', end: '17:00' }],
        capacity: 5,
        outOfOffice: [],
      };
      return { payload: { profile, expectedVersion: view.version } };
    },
  }),
  pageRow('savePolicy', ADMINS, {
    call: async () => {
      const view = ok(await invoke('spoc-project-page', 'getConfiguration', PEOPLE.sam));
      return { payload: { policy: view.document.policy, expectedVersion: view.version } };
    },
  }),
  pageRow('previewRouting', SPOCS_AND_ADMINS, {
    call: () => ({ payload: { reporterAccountId: PEOPLE.tom, components: ['Acme Portal'] } }),
  }),
  pageRow('getHandedOverIssues', SIGNED_IN),
  // Acts only on the caller's own handed-over issues; Priya is away, so the app would hand them over again.
  pageRow('takeBackHandedOverIssues', SIGNED_IN, {
    call: () => ({ payload: {} }),
    refusedFor: { spoc: /You are out of office/ },
  }),
  // Reports name SPOCs and clients: for SPOCs, escalation managers and the project's administrators.
  pageRow('getReports', SPOCS_AND_ADMINS, { call: () => ({ payload: { preset: 'last-30-days' } }) }),
  pageRow('getReportsCsv', SPOCS_AND_ADMINS, { call: () => ({ payload: { preset: 'last-30-days' } }) }),
  pageRow(
    'getProjectOverview',
    SIGNED_IN.filter((c) => c !== 'otherProjectOnly'),
  ),
  pageRow('previewOffboarding', ADMINS, {
    call: () => ({
      payload: { leavingAccountId: PEOPLE.arjun, successorAccountId: PEOPLE.chloe, reason: 'Arjun leaves' },
    }),
  }),
  pageRow('applyOffboarding', ADMINS, {
    call: async () => {
      const request = {
        leavingAccountId: PEOPLE.arjun,
        successorAccountId: PEOPLE.chloe,
        reason: 'Arjun leaves',
      };
      const preview = ok(
        await invoke('spoc-project-page', 'previewOffboarding', PEOPLE.sam, { payload: request }),
      );
      return {
        payload: {
          ...request,
          expectedVersion: await configurationVersion(),
          issues: (preview.issueMoves as Array<{ issueId: string; from: { accountId: string } }>).map(
            (move) => ({ issueId: move.issueId, fromAccountId: move.from.accountId }),
          ),
        },
      };
    },
  }),

  // The gadgets: numbers from the app's records, for SPOCs, the delivery team and escalation managers.
  { id: 'spoc-workload-gadget.getSnapshot', allowed: GADGET_VIEWERS },
  { id: 'spoc-escalations-gadget.getSnapshot', allowed: GADGET_VIEWERS },
];

const AUTHORIZATION_REFUSALS = ['sign-in', 'not-allowed', 'not-found'];

beforeAll(async () => {
  site = await startRoutingSite();
  // Priya takes every issue the rows need: room for them all, then away with Yuki as her delegate.
  const mine = ok(await invoke('spoc-project-page', 'getMyProfile', PEOPLE.priya));
  ok(
    await invoke('spoc-project-page', 'saveProfile', PEOPLE.priya, {
      payload: { profile: { ...mine.profile, capacity: 100 }, expectedVersion: await configurationVersion() },
    }),
  );
  for (let i = 0; i < 30; i++) {
    const { key } = await site.fileIssue(PEOPLE.tom, {
      project: { key: 'SUP' },
      issuetype: { name: 'Bug' },
      summary: `Depot scanner problem ${i + 1}`,
      components: [{ name: 'Acme Portal' }],
    });
    pool.push(key);
  }
  const first = ok(await invoke('spoc-panel', 'getSpocView', PEOPLE.priya, { issueKey: pool[0] }));
  expect(first.spoc.accountId ?? first.spoc.displayName).toMatch(/Priya Shah|5b10a2844c20165700ede001/);
  const now = site.clock.now().getTime();
  const profile = ok(await invoke('spoc-project-page', 'getMyProfile', PEOPLE.priya)).profile;
  ok(
    await invoke('spoc-project-page', 'saveProfile', PEOPLE.priya, {
      payload: {
        profile: {
          ...profile,
          outOfOffice: [
            {
              from: new Date(now - 3_600_000).toISOString(),
              until: new Date(now + 7 * 86_400_000).toISOString(),
              delegateAccountId: PEOPLE.yuki,
              note: 'Parental leave',
            },
          ],
        },
        expectedVersion: await configurationVersion(),
      },
    }),
  );
  for (const state of ['awaiting', 'vetted', 'escalated'] as const) shared[state] = await freshIssue(state);
  await site.idle();
});

afterAll(async () => {
  site?.conformance.expectNoViolations();
  await stopRoutingSite(site);
});

it('has a row for every resolver function of every module, and for every triage action of the panel', async () => {
  const manifest = parseYaml(fs.readFileSync(path.join(__dirname, '../../../manifest.yml'), 'utf8'));
  const functions = await resolverFunctionsByModule(manifest);
  expect(Object.keys(functions).sort()).toEqual([
    'spoc-escalations-gadget',
    'spoc-panel',
    'spoc-project-page',
    'spoc-workload-gadget',
  ]);
  const expected = Object.entries(functions).flatMap(([moduleKey, keys]) =>
    keys.flatMap((key) =>
      key === 'applyTriageAction' && moduleKey === 'spoc-panel'
        ? Object.keys(TRIAGE_VERBS).map((action) => `${moduleKey}.${key}:${action}`)
        : [`${moduleKey}.${key}`],
    ),
  );
  expect(ROWS.map((r) => r.id).sort()).toEqual(expected.sort());
});

describe.each(ROWS)('$id', (row) => {
  const [moduleKey, rest] = row.id.split('.') as [ModuleKey, string];
  const functionKey = rest.split(':')[0] as string;

  it.each(EVERY_CALLER)('%s', async (caller) => {
    const allowed = row.allowed.includes(caller);
    const issueKey =
      moduleKey !== 'spoc-panel'
        ? undefined
        : allowed && row.mutates
          ? await freshIssue(row.issue ?? 'awaiting')
          : shared[row.issue ?? 'awaiting'];
    const call = (await row.call?.(caller, issueKey)) ?? {};
    await site.idle();
    const before = storedState(site.db);
    const events = site.emitted.length;
    const reply = await invoke(moduleKey, functionKey, CALLERS[caller], { ...call, issueKey });
    await site.idle();
    const refusal = row.refusedFor?.[caller];
    if (!allowed) {
      expect(reply).toMatchObject({ ok: false });
      if (!reply.ok) expect(AUTHORIZATION_REFUSALS).toContain(reply.code);
      expect(storedState(site.db)).toEqual(before);
      expect(site.emitted.length).toBe(events);
    } else if (refusal) {
      expect(reply).toMatchObject({ ok: false, code: 'refused', error: expect.stringMatching(refusal) });
    } else {
      if (!reply.ok) throw new Error(`${caller} was refused (${reply.code}): ${reply.error}`);
      expect(reply.ok).toBe(true);
    }
  });
});

describe('keys in the context and the payload are re-checked against the caller', () => {
  async function unchanged(run: () => Promise<Reply>, code: string, message?: RegExp): Promise<void> {
    await site.idle();
    const before = storedState(site.db);
    const reply = await run();
    await site.idle();
    expect(reply).toMatchObject({ ok: false, code });
    if (message && !reply.ok) expect(reply.error).toMatch(message);
    expect(storedState(site.db)).toEqual(before);
  }

  it("a SPOC's panel naming an issue of DEV, which the app never routed, acts on nothing", async () => {
    await unchanged(
      () => act(PEOPLE.priya, 'DEV-1', { action: 'accept-for-delivery' }),
      'not-found',
      /DEV-1 is not a client issue/,
    );
  });

  it("a SPOC of one client may not act on another client's issue she can see", async () => {
    const globex = site.demo.issues.find((i) => i.reporter === PEOPLE.maria);
    if (!globex) throw new Error('The demo has no Globex issue');
    const roles = ok(await invoke('spoc-panel', 'getSpocView', PEOPLE.priya, { issueKey: globex.key }));
    expect(roles.callerRoles).toEqual([]);
    await unchanged(() => act(PEOPLE.priya, globex.key, { action: 'reject', reason: 'x' }), 'not-allowed');
  });

  it('a member of DEV only learns nothing of SUP through the panel or the page, whatever the context says', async () => {
    const key = shared.awaiting as string;
    await unchanged(
      () => invoke('spoc-panel', 'getSpocView', PEOPLE.lena, { issueKey: key }),
      'not-found',
      /does not exist or you cannot see it/,
    );
    await unchanged(
      () => invoke('spoc-project-page', 'getVettedQueue', PEOPLE.lena, { projectKey: 'SUP' }),
      'not-found',
    );
    await unchanged(
      () =>
        invoke('spoc-project-page', 'previewRouting', PEOPLE.lena, {
          projectKey: 'DEV',
          payload: { issueKey: key },
        }),
      'not-found',
    );
    await unchanged(
      () =>
        invoke('spoc-project-page', 'previewRouting', PEOPLE.lena, {
          projectKey: 'DEV',
          payload: { projectKey: 'SUP', reporterAccountId: PEOPLE.tom },
        }),
      'not-found',
    );
    // Her own project's page works, and shows only what is hers to see.
    expect(
      ok(await invoke('spoc-project-page', 'getVettedQueue', PEOPLE.lena, { projectKey: 'DEV' })),
    ).toEqual([]);
    await unchanged(
      () => invoke('spoc-project-page', 'getConfiguration', PEOPLE.lena, { projectKey: 'DEV' }),
      'not-allowed',
    );
  });

  it('a project key in the payload is asked of Jira as the caller, not taken from the page', async () => {
    // A SPOC on the DEV page asking about SUP is fine: she can see SUP.
    ok(
      await invoke('spoc-project-page', 'previewRouting', PEOPLE.priya, {
        projectKey: 'DEV',
        payload: { projectKey: 'SUP', reporterAccountId: PEOPLE.tom },
      }),
    );
    // A client may not preview routing in his own project, whichever project the page names.
    await unchanged(
      () =>
        invoke('spoc-project-page', 'previewRouting', PEOPLE.tom, {
          projectKey: 'DEV',
          payload: { projectKey: 'SUP', reporterAccountId: PEOPLE.tom },
        }),
      'not-allowed',
    );
    // A project that does not exist administers nobody, not even the Jira administrator.
    const document = ok(await invoke('spoc-project-page', 'exportConfiguration', PEOPLE.sam));
    await unchanged(
      () =>
        invoke('spoc-project-page', 'importConfiguration', PEOPLE.sam, {
          projectKey: 'NOPE',
          payload: { document, expectedVersion: document.version },
        }),
      'not-allowed',
    );
  });

  it('taking back issue ids of SUP tells a member of DEV only nothing about them', async () => {
    const issue = site.jira.store.getIssue(shared.awaiting as string);
    if (!issue) throw new Error('No shared issue');
    const before = storedState(site.db);
    const report = ok(
      await invoke('spoc-project-page', 'takeBackHandedOverIssues', PEOPLE.lena, {
        projectKey: 'DEV',
        payload: { issueIds: [issue.id, '99999'] },
      }),
    );
    // A client issue she cannot see reads exactly as an issue that does not exist.
    expect(report.results).toEqual([
      expect.objectContaining({ issueId: issue.id, issueKey: issue.id, outcome: 'not-found' }),
      expect.objectContaining({ issueId: '99999', issueKey: '99999', outcome: 'not-found' }),
    ]);
    expect(report.results[0].message.replace(issue.id, 'ID')).toBe(
      report.results[1].message.replace('99999', 'ID'),
    );
    expect(JSON.stringify(report)).not.toContain(issue.key);
    expect(storedState(site.db)).toEqual(before);
  });

  it('a duplicate target is looked up as the caller: an issue key nobody can see links nothing', async () => {
    const key = shared.awaiting as string;
    await unchanged(
      () => act(PEOPLE.priya, key, { action: 'mark-duplicate', duplicateOf: 'NOPE-9' }),
      'not-found',
      /NOPE-9 does not exist or you cannot see it/,
    );
  });
});

describe('only context.accountId says who acts', () => {
  it('an account id in the payload or in the context changes nothing about who the caller is', async () => {
    const key = shared.awaiting as string;
    const before = storedState(site.db);
    const asPriya = { accountId: PEOPLE.priya, callerAccountId: PEOPLE.priya, by: PEOPLE.priya };
    const tries: Reply[] = [
      await act(PEOPLE.tom, key, { action: 'accept-for-delivery', ...asPriya }),
      await invoke('spoc-panel', 'applyTriageAction', PEOPLE.tom, {
        issueKey: key,
        payload: { action: 'accept-for-delivery' },
        context: { accountId: PEOPLE.priya, principal: { accountId: PEOPLE.priya } },
      }),
      await invoke('spoc-panel', 'applyTriageAction', undefined, {
        issueKey: key,
        payload: { action: 'accept-for-delivery', ...asPriya },
        context: { accountId: PEOPLE.priya },
      }),
    ];
    await site.idle();
    expect(tries.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['not-allowed', 'not-allowed', 'sign-in']);
    expect(storedState(site.db)).toEqual(before);
  });

  it("a profile naming someone else is not the caller's own; reads answer for the caller alone", async () => {
    const priya = ok(await invoke('spoc-project-page', 'getMyProfile', PEOPLE.priya));
    const before = storedState(site.db);
    const reply = await invoke('spoc-project-page', 'saveProfile', PEOPLE.tom, {
      payload: { profile: { ...priya.profile, capacity: 0 }, expectedVersion: await configurationVersion() },
    });
    expect(reply).toMatchObject({ ok: false, code: 'not-allowed' });
    expect(storedState(site.db)).toEqual(before);
    const marco = ok(
      await invoke('spoc-project-page', 'getMyProfile', PEOPLE.marco, {
        payload: { accountId: PEOPLE.priya },
      }),
    );
    expect(marco).toBeNull(); // Marco has no profile; Priya's is not his to read here
    const tomsQueue = ok(
      await invoke('spoc-project-page', 'getMyQueue', PEOPLE.tom, { payload: { accountId: PEOPLE.priya } }),
    );
    expect(tomsQueue).toEqual([]);
  });

  it('an account id naming whom an issue goes to must be a SPOC: the reporting client cannot be made one', async () => {
    const key = shared.awaiting as string;
    await site.idle();
    const before = storedState(site.db);
    const reply = await act(PEOPLE.priya, key, {
      action: 'reassign',
      toAccountId: PEOPLE.tom,
      reason: 'Let the client vet it himself',
      evenIfUnavailable: true,
    });
    expect(reply).toMatchObject({ ok: false, code: 'invalid-input' });
    if (!reply.ok) expect(reply.error).toMatch(/has no SPOC profile/);
    await site.idle();
    expect(storedState(site.db)).toEqual(before);
  });

  it('the person who acts is recorded as the caller, whatever the payload claims', async () => {
    const key = await freshIssue('awaiting');
    const { view } = ok(
      await act(PEOPLE.priya, key, {
        action: 'escalate',
        reason: 'Nothing moves',
        by: PEOPLE.sam,
        callerAccountId: PEOPLE.sam,
        accountId: PEOPLE.sam,
      }),
    );
    expect(view.history.at(-1).by).toMatchObject({ accountId: PEOPLE.priya });
  });
});

import { DateTime } from 'luxon';
import type { Site } from '../site';
import { DEMO_SEED, PEOPLE } from './seed';

/**
 * The app's side of the demo. It configures SPOC for Jira the way an administrator would, through the app's
 * own `importConfiguration` resolver as the seeded Jira administrator, then files a few client issues over
 * the REST API as their reporters, so the app's real trigger routes them.
 *
 * Working hours are laid around the site clock's time when the demo is seeded, so that whatever the hour,
 * routing shows the whole failover chain in its reasons: Daniel is out of office, Yuki is full (capacity 1,
 * and the first Initech issue goes to her), Arjun is off shift until ten hours from now, and Priya and Chloe
 * are working.
 */
const P = PEOPLE;
const ADMIN = DEMO_SEED.people.find((p) => p.roles.includes('admin'))?.accountId ?? P.sam;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WORKDAYS = DAYS.slice(0, 5);

const clock = (hour: number): string => `${String(((hour % 24) + 24) % 24).padStart(2, '0')}:00`;

/** Every day, a shift that starts `startInHours` from the current local hour and lasts `hours`. */
function dailyShiftAround(now: Date, zone: string, startInHours: number, hours: number) {
  const hour = DateTime.fromJSDate(now, { zone }).hour;
  return DAYS.map((day) => ({
    day,
    start: clock(hour + startInHours),
    end: clock(hour + startInHours + hours),
  }));
}

const officeHours = (start: string, end: string) => WORKDAYS.map((day) => ({ day, start, end }));

export interface AppDemo {
  /** False when the app was configured already (nothing was done). */
  readonly seeded: boolean;
  readonly configurationVersion: number;
  /** The issues filed for the demo, in order, with who reported them. */
  readonly issues: ReadonlyArray<{ readonly key: string; readonly id: string; readonly reporter: string }>;
}

export function demoConfiguration(now: Date): Record<string, unknown> {
  const zone = (accountId: string) =>
    DEMO_SEED.people.find((p) => p.accountId === accountId)?.timeZone ?? 'UTC';
  const name = (accountId: string) =>
    DEMO_SEED.people.find((p) => p.accountId === accountId)?.displayName ?? accountId;
  const awayFrom = DateTime.fromJSDate(now, { zone: zone(P.daniel) })
    .startOf('day')
    .minus({ days: 1 });
  const profile = (
    accountId: string,
    workingHours: unknown,
    capacity: number | null,
    outOfOffice: unknown[] = [],
  ) => ({
    accountId,
    displayName: name(accountId),
    timeZone: zone(accountId),
    workingHours,
    capacity,
    outOfOffice,
  });
  const clientZone = (key: string) => DEMO_SEED.clients.find((c) => c.key === key)?.timeZone ?? 'UTC';
  const roster = (
    clientId: string,
    primary: string,
    backups: string[],
    pool: string[],
    deliveryTarget: unknown,
  ) => ({
    clientId,
    versions: [
      {
        clientId,
        effectiveFrom: DateTime.fromJSDate(now).minus({ days: 30 }).toUTC().toISO(),
        primarySpocAccountId: primary,
        backupAccountIds: backups,
        poolAccountIds: pool,
        supportHours: { timeZone: clientZone(clientId), shifts: officeHours('08:00', '18:00') },
        deliveryTarget,
        escalationManagerAccountId: P.hannah,
      },
    ],
  });
  return {
    schemaVersion: 1,
    clients: DEMO_SEED.clients.map((c) => ({ id: c.key, name: c.name })),
    rules: [
      { id: 'acme-portal', clientId: 'acme', kind: 'component', values: ['Acme Portal'] },
      { id: 'globex-label', clientId: 'globex', kind: 'label', values: ['globex'] },
      { id: 'acme-reporters', clientId: 'acme', kind: 'reporter-account', values: [P.liWei, P.tom] },
      { id: 'globex-reporters', clientId: 'globex', kind: 'reporter-account', values: [P.maria, P.james] },
      { id: 'initech-reporters', clientId: 'initech', kind: 'reporter-account', values: [P.aisha, P.peter] },
    ],
    rosters: [
      roster('acme', P.priya, [P.daniel, P.chloe], [], { kind: 'user', accountId: P.ben }),
      roster('globex', P.daniel, [P.yuki, P.arjun], [P.chloe], {
        kind: 'component-lead',
        componentId: '10012',
      }),
      roster('initech', P.yuki, [P.arjun, P.priya], [], { kind: 'user', accountId: P.marco }),
    ],
    profiles: [
      profile(P.priya, dailyShiftAround(now, zone(P.priya), -2, 10), 8),
      profile(P.daniel, officeHours('09:00', '17:00'), 8, [
        {
          from: awayFrom.toUTC().toISO(),
          until: awayFrom.plus({ days: 5 }).toUTC().toISO(),
          delegateAccountId: null,
          note: 'Conference and travel',
        },
      ]),
      profile(P.arjun, dailyShiftAround(now, zone(P.arjun), 10, 8), 8),
      profile(P.yuki, dailyShiftAround(now, zone(P.yuki), -1, 10), 1),
      profile(P.chloe, dailyShiftAround(now, zone(P.chloe), -3, 11), 6),
    ],
    policy: { bypass: 'revert' },
    settings: { deliveryTeamAccountIds: [P.marco, P.sofia, P.ben], internalCommentRole: 'members' },
  };
}

interface DemoIssue {
  readonly reporter: string;
  readonly fields: Record<string, unknown>;
  /** Filed this long before the demo opens (the site clock steps back while it is filed and routed). */
  readonly filedMinutesAgo?: number;
}

/**
 * The demo's client issues, in the order they are filed. The first is filed 80 minutes before the demo
 * opens, so its SPOC's response clock has run 80 of its 120 minutes (priority High): whoever moves the site
 * clock sees it warn Priya (at 90), move to Chloe (at 120) and tell Hannah (at 180) within a few moves.
 */
const DEMO_ISSUES: readonly DemoIssue[] = [
  {
    reporter: P.tom,
    filedMinutesAgo: 80,
    fields: {
      issuetype: { name: 'Bug' },
      summary: 'Hamburg depot cannot sign in to the portal',
      priority: { name: 'High' },
      components: [{ name: 'Acme Portal' }],
    },
  },
  {
    reporter: P.aisha,
    fields: {
      issuetype: { name: 'Bug' },
      summary: 'Lab results page shows the previous patient after switching clinics',
      priority: { name: 'Medium' },
    },
  },
  {
    reporter: P.maria,
    fields: {
      issuetype: { name: 'Bug' },
      summary: 'Gift card balance is not restored after a refund',
      priority: { name: 'Medium' },
      labels: ['globex'],
    },
  },
  {
    reporter: P.peter,
    fields: {
      issuetype: { name: 'Task' },
      summary: 'Add the new Austin clinic to appointment reminders',
      priority: { name: 'Medium' },
    },
  },
  {
    reporter: P.liWei,
    fields: {
      issuetype: { name: 'Bug' },
      summary: 'Proof-of-delivery photos fail to upload from the portal',
      priority: { name: 'Medium' },
      components: [{ name: 'Acme Portal' }],
    },
  },
];

async function invoke(site: Site, functionKey: string, payload?: unknown): Promise<Record<string, unknown>> {
  const reply = (await site.forge.invokeResolver({
    moduleKey: 'spoc-project-page',
    functionKey,
    payload,
    accountId: ADMIN,
    context: { extension: { project: { key: 'SUP' } } },
  })) as { ok: boolean; data?: Record<string, unknown>; error?: string };
  if (!reply.ok) throw new Error(`Demo seed: ${functionKey} failed: ${reply.error}`);
  return reply.data ?? {};
}

export async function seedAppDemo(site: Site): Promise<AppDemo> {
  const current = await invoke(site, 'getConfiguration');
  const currentVersion = Number(current.version);
  if (currentVersion > 0) {
    // Configured already (a kept database, or a second call): report the demo issues filed back then.
    const issues = DEMO_ISSUES.flatMap((demo) =>
      site.jira.store
        .listIssues()
        .filter((i) => i.summary === demo.fields.summary && i.reporter === demo.reporter)
        .map((i) => ({ key: i.key, id: i.id, reporter: demo.reporter })),
    );
    return { seeded: false, configurationVersion: currentVersion, issues };
  }
  const saved = await invoke(site, 'importConfiguration', {
    document: demoConfiguration(site.clock.now()),
    expectedVersion: currentVersion,
  });
  const issues: Array<{ key: string; id: string; reporter: string }> = [];
  for (const issue of DEMO_ISSUES) {
    const back = issue.filedMinutesAgo ?? 0;
    if (back > 0) site.clock.advanceMinutes(-back);
    try {
      issues.push(await fileDemoIssue(site, issue));
    } finally {
      if (back > 0) site.clock.advanceMinutes(back);
    }
  }
  return { seeded: true, configurationVersion: Number(saved.version), issues };
}

/** Files the issue over REST as its reporter, and waits until the app's trigger has routed it. */
async function fileDemoIssue(
  site: Site,
  issue: DemoIssue,
): Promise<{ key: string; id: string; reporter: string }> {
  const answer = await site.gateway.fetch(
    { kind: 'user', accountId: issue.reporter },
    {
      method: 'POST',
      url: '/rest/api/3/issue',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'SUP' }, ...issue.fields } }),
    },
  );
  if (answer.status !== 201) throw new Error(`Demo seed: filing an issue failed (${answer.status}).`);
  const { key, id } = answer.body as { key: string; id: string };
  // One at a time: each routing counts the issues routed before it (Yuki fills up with the first of hers).
  await site.idle();
  return { key, id, reporter: issue.reporter };
}

import fc from 'fast-check';
import { checkEscalationsConfig, checkWorkloadConfig } from '../../src/contract/gadgets';
import { DEFAULT_POLICY } from '../../src/domain';
import { aRosterVersion } from '../../src/domain/testing/roster-builders';
import { aSpocProfile, anOutOfOffice } from '../../src/domain/testing/spoc-profile-builders';
import { answer } from '../../src/resolvers/answer';
import { applyTriageActionRequest } from '../../src/usecases/apply-triage-action';
import { InvalidInputError, UseCaseError } from '../../src/usecases/errors';
import { exportConfiguration } from '../../src/usecases/export-configuration';
import { importConfiguration } from '../../src/usecases/import-configuration';
import { offboardSpoc } from '../../src/usecases/offboard-spoc';
import { previewOffboarding } from '../../src/usecases/preview-offboarding';
import { previewRouting } from '../../src/usecases/preview-routing';
import { routeClientIssue } from '../../src/usecases/route-client-issue';
import { saveClientRoster } from '../../src/usecases/save-client-roster';
import { saveClientRules } from '../../src/usecases/save-client-rules';
import { savePolicy } from '../../src/usecases/save-policy';
import { saveSpocProfile } from '../../src/usecases/save-spoc-profile';
import { TRIAGE_VERBS } from '../../src/usecases/support/triage-verbs';
import { takeBackHandedOverIssues } from '../../src/usecases/take-back-handed-over-issues';
import {
  ACME_RULES,
  ADMIN,
  aWorld,
  issueRef,
  PEOPLE,
  STAFF,
  SUP,
  type World,
} from '../../src/usecases/testing/world';
import { anyJson, anyPayload, anyRecord, brokenCopyOf, isCrash, longEcho, RUNS } from './arbitraries';

/**
 * Every resolver payload, as a browser or a script may send it: any JSON, the fields each parser reads with
 * values of every type, long texts, and valid payloads with one part broken. Each use case either does its
 * work or refuses with one of its own errors (never a TypeError or an 'internal' reply); a refusal changes
 * nothing (configuration, triage records and Jira as before); and no message repeats more than a short
 * excerpt of what was sent.
 */

const ISSUE = issueRef(1);

async function aWorldWithAnIssue(): Promise<World> {
  const world = aWorld();
  world.jira.addIssue(ISSUE, {
    components: [{ id: '1', name: 'Acme Portal' }],
    reporterAccountId: PEOPLE.client,
  });
  await routeClientIssue.execute(
    {
      issueId: ISSUE.id,
      issueKey: ISSUE.key,
      ...SUP,
      summary: 'Tracking page times out',
      reporterAccountId: PEOPLE.client,
      facts: { labels: [], components: [{ id: '1', name: 'Acme Portal' }], priority: 'Medium' },
    },
    world,
  );
  world.jira.calls.length = 0;
  return world;
}

/** What a refusal must leave alone. */
function stateOf(world: World): string {
  return JSON.stringify({
    version: world.config.version,
    configuration: world.config.configuration,
    names: world.config.names,
    triage: [...world.triage.rows.values()],
    writes: world.jira.writes(),
  });
}

/**
 * Runs a use case on the payload as its resolver would (through `answer`) and checks the outcome: done, or
 * refused with a use case error that changed nothing and echoes no more than a short excerpt.
 */
async function checkOutcome(world: World, payload: unknown, run: () => Promise<unknown>): Promise<void> {
  const before = stateOf(world);
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) return;
  if (isCrash(thrown) || !(thrown instanceof UseCaseError)) {
    throw new Error(`Crashed instead of refusing: ${String(thrown)}`);
  }
  expect(stateOf(world)).toBe(before);
  expect(longEcho(thrown.message, payload)).toBeNull();
  // The reply the screen gets says the same, capped.
  const reply = await answer({ accountId: PEOPLE.maria }, () => Promise.reject(thrown));
  expect(reply.ok).toBe(false);
  if (!reply.ok) {
    expect(reply.code).not.toBe('internal');
    expect(reply.error.length).toBeLessThanOrEqual(2000);
    expect(longEcho(reply.error, payload)).toBeNull();
    for (const p of reply.problems ?? []) expect(longEcho(`${p.field} ${p.message}`, payload)).toBeNull();
  }
}

const version = fc.oneof(fc.constant(1), fc.constant(0), anyJson([], 1));

describe('triage action payloads (the issue panel)', () => {
  const FIELDS = ['action', 'note', 'reason', 'message', 'duplicateOf', 'toAccountId', 'evenIfUnavailable'];

  it.each(Object.entries(TRIAGE_VERBS))(
    '%s: parse returns its input or refuses it in words',
    (_name, verb) => {
      fc.assert(
        fc.property(anyPayload(FIELDS), (payload) => {
          try {
            verb.parse(payload);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidInputError);
            expect(longEcho((error as Error).message, payload)).toBeNull();
          }
        }),
        RUNS,
      );
    },
  );

  it('applyTriageAction takes the action or refuses it, and a refusal changes nothing', async () => {
    const action = fc.oneof(fc.constantFrom(...Object.keys(TRIAGE_VERBS)), anyJson([], 1));
    const payload = fc
      .tuple(action, anyRecord(FIELDS))
      .map(([a, rest]) => ({ ...rest, action: a }))
      .chain((p) => fc.oneof(fc.constant(p as unknown), anyJson(FIELDS, 2)));
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.constantFrom(PEOPLE.priya, PEOPLE.ana, PEOPLE.dev, PEOPLE.maria),
        async (input, caller) => {
          const world = await aWorldWithAnIssue();
          await checkOutcome(world, input, () =>
            applyTriageActionRequest.execute(
              { callerAccountId: caller, issueIdOrKey: ISSUE.key, input },
              world.as(ADMIN),
            ),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('project page payloads', () => {
  const page = (payload: unknown) => ({ callerAccountId: PEOPLE.maria, projectKey: 'SUP', payload });

  it('importConfiguration: any document, or an export with one part broken', async () => {
    const template = await exportConfiguration.execute(page(undefined), aWorld().as(ADMIN));
    const fields = [
      'schemaVersion',
      'clients',
      'rules',
      'rosters',
      'profiles',
      'policy',
      'settings',
      'id',
      'name',
    ];
    const document = fc.oneof(anyJson(fields), brokenCopyOf(template, fields));
    const payload = fc.oneof(
      fc.record({ document, expectedVersion: version }),
      anyPayload(['document', 'expectedVersion']),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const world = aWorld();
        await checkOutcome(world, p, () => importConfiguration.execute(page(p), world.as(ADMIN)));
      }),
      RUNS,
    );
  });

  it('saveRoster: any roster, or a valid roster version with one part broken', async () => {
    const valid = { ...aRosterVersion(), supportHours: null, effectiveFrom: '2025-07-01T00:00:00.000Z' };
    const fields = ['primarySpocAccountId', 'backupAccountIds', 'poolAccountIds', 'deliveryTarget', 'kind'];
    const payload = fc.oneof(
      fc.record({
        clientId: fc.oneof(fc.constant('acme'), fc.constant('globex'), anyJson([], 1)),
        clientName: fc.oneof(fc.constant(undefined), fc.constant('Globex'), anyJson([], 1)),
        version: fc.oneof(brokenCopyOf(valid, fields), anyJson(fields)),
        expectedVersion: version,
      }),
      anyPayload(['clientId', 'clientName', 'version', 'expectedVersion']),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const world = aWorld();
        await checkOutcome(world, p, () => saveClientRoster.execute(page(p), world.as(ADMIN)));
      }),
      RUNS,
    );
  });

  it('saveRules: any list of rules, or the valid rules with one part broken', async () => {
    const fields = ['id', 'clientId', 'kind', 'values', 'enabled'];
    const payload = fc.oneof(
      fc.record({
        rules: fc.oneof(brokenCopyOf(ACME_RULES, fields), anyJson(fields)),
        expectedVersion: version,
      }),
      anyPayload(['rules', 'expectedVersion']),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const world = aWorld();
        await checkOutcome(world, p, () => saveClientRules.execute(page(p), world.as(ADMIN)));
      }),
      RUNS,
    );
  });

  it('saveProfile: any profile, or a valid profile with one part broken', async () => {
    const valid = aSpocProfile({
      outOfOffice: [anOutOfOffice({ from: '2025-07-01T00:00:00.000Z', until: '2025-07-05T00:00:00.000Z' })],
    });
    const fields = [
      'accountId',
      'displayName',
      'timeZone',
      'workingHours',
      'capacity',
      'outOfOffice',
      'day',
      'start',
      'end',
    ];
    const payload = fc.oneof(
      fc.record({
        profile: fc.oneof(brokenCopyOf(valid, fields), anyJson(fields)),
        expectedVersion: version,
      }),
      anyPayload(['profile', 'expectedVersion']),
    );
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom(PEOPLE.priya, PEOPLE.maria), async (p, caller) => {
        const world = aWorld();
        await checkOutcome(world, p, () =>
          saveSpocProfile.execute(
            { ...page(p), callerAccountId: caller },
            world.as(caller === PEOPLE.maria ? ADMIN : STAFF),
          ),
        );
      }),
      RUNS,
    );
  });

  it('savePolicy: any policy and settings, or the default policy with one part broken', async () => {
    const fields = [
      'responseTargets',
      'byPriority',
      'defaultMinutes',
      'ladder',
      'bypass',
      'deliveryTeamAccountIds',
    ];
    const settings = { deliveryTeamAccountIds: [PEOPLE.dev], internalCommentRole: 'members' };
    const payload = fc.oneof(
      fc.record({
        policy: fc.oneof(brokenCopyOf(DEFAULT_POLICY, fields), anyJson(fields)),
        settings: fc.oneof(fc.constant(undefined), brokenCopyOf(settings, fields)),
        expectedVersion: version,
      }),
      anyPayload(['policy', 'settings', 'expectedVersion']),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const world = aWorld();
        await checkOutcome(world, p, () => savePolicy.execute(page(p), world.as(ADMIN)));
      }),
      RUNS,
    );
  });

  it('previewRouting: any issue or described issue', async () => {
    const fields = ['issueKey', 'projectKey', 'reporterAccountId', 'priority', 'labels', 'components'];
    await fc.assert(
      fc.asyncProperty(anyPayload(fields), async (p) => {
        const world = await aWorldWithAnIssue();
        await checkOutcome(world, p, () => previewRouting.execute(page(p), world.as(ADMIN)));
      }),
      RUNS,
    );
  });

  it('previewOffboarding and applyOffboarding: any request', async () => {
    const fields = [
      'leavingAccountId',
      'successorAccountId',
      'reason',
      'issues',
      'expectedVersion',
      'issueId',
      'fromAccountId',
    ];
    const plausible = fc.record({
      leavingAccountId: fc.oneof(fc.constant(PEOPLE.priya), anyJson([], 1)),
      successorAccountId: fc.oneof(fc.constant(PEOPLE.ana), anyJson([], 1)),
      reason: fc.oneof(fc.constant('Leaves the company'), anyJson([], 1)),
      issues: fc.oneof(fc.constant([{ issueId: ISSUE.id, fromAccountId: PEOPLE.priya }]), anyJson(fields, 2)),
      expectedVersion: version,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(plausible, anyPayload(fields)), fc.boolean(), async (p, apply) => {
        const world = await aWorldWithAnIssue();
        await checkOutcome(world, p, () =>
          apply
            ? offboardSpoc.execute({ ...page(p), timeLeftMs: () => 10_000 }, world.as(ADMIN))
            : previewOffboarding.execute(page(p), world.as(ADMIN)),
        );
      }),
      RUNS,
    );
  });

  it('takeBackHandedOverIssues: any list of issues', async () => {
    await fc.assert(
      fc.asyncProperty(anyPayload(['issueIds']), async (p) => {
        const world = await aWorldWithAnIssue();
        await checkOutcome(world, p, () =>
          takeBackHandedOverIssues.execute(
            { callerAccountId: PEOPLE.priya, payload: p, timeLeftMs: () => 10_000 },
            world.as(STAFF),
          ),
        );
      }),
      RUNS,
    );
  });
});

describe('gadget configurations (saved by whoever can edit the dashboard)', () => {
  const FIELDS = [
    'projectKeys',
    'spocAccountIds',
    'maxRows',
    'refresh',
    'capacityWarnPercent',
    'atRiskPercent',
    'minLevel',
    'breachedAlert',
  ];

  it.each([
    ['workload', checkWorkloadConfig],
    ['escalations', checkEscalationsConfig],
  ] as const)('%s: a configuration or its problems, in words', (_name, check) => {
    fc.assert(
      fc.property(anyPayload(FIELDS), (raw) => {
        const checked = check(raw);
        if (!checked.ok) {
          expect(checked.problems.length).toBeGreaterThan(0);
          for (const p of checked.problems) expect(longEcho(p.message, raw)).toBeNull();
        }
      }),
      RUNS,
    );
  });
});

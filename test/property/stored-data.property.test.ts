import fc from 'fast-check';
import {
  accountIdsIn,
  applyTriageAction,
  compareWithProperty,
  configurationWarnings,
  CONFIGURATION_SCHEMA_VERSION,
  DEFAULT_POLICY,
  DEFAULT_SETTINGS,
  readTriageRecord,
  toTriageProperty,
  validateClientRoster,
  validateConfiguration,
  validateMatchRules,
  validatePolicy,
  validateSpocProfile,
  type Configuration,
  type TriageRecord,
} from '../../src/domain';
import { aClientRoster, aRosterVersion } from '../../src/domain/testing/roster-builders';
import { theAcmeTeam } from '../../src/domain/testing/routing-builders';
import { anOutOfOffice } from '../../src/domain/testing/spoc-profile-builders';
import { afterActions, aTriageRecord } from '../../src/domain/testing/triage-builders';
import { KvsConfigurationRepository } from '../../src/storage/configuration-repository';
import { ShardCache } from '../../src/storage/shard-cache';
import { KvsSweepState } from '../../src/storage/sweep-state-repository';
import { KvsTriageRepository } from '../../src/storage/triage-repository';
import { ACME_RULES, PEOPLE } from '../../src/usecases/testing/world';
import { storageHarness, type StorageHarness } from '../integration/forge/storage-harness';
import { anyJson, brokenCopyOf, isCrash, longEcho, RUNS, throughJson } from './arbitraries';

/**
 * What the app reads back from storage and from Jira, damaged in every way a property test can think of:
 * any JSON, an older or newer schema version, a field missing or of the wrong type, a long text. Each reader
 * accepts it (and then everything downstream works on it) or refuses it in words, never with a TypeError.
 */

/** A record that has lived: asked, answered, escalated, handed over, with notes. */
const LIVED: TriageRecord = afterActions(aTriageRecord(), [
  { type: 'request-info', note: 'Which consignment?' },
  { type: 'client-replied', dueAt: '2025-06-10T09:00:00Z', note: 'ABC-123' },
  { type: 'escalate', note: 'Client is waiting' },
  { type: 'acknowledge', until: '2025-06-09T12:00:00Z' },
  { type: 'reassign', toAccountId: 'acc-ana', dueAt: '2025-06-10T13:00:00Z', note: 'Priya is away' },
]);

const RECORD_FIELDS = Object.keys(LIVED);

const ACME: Configuration = {
  schemaVersion: CONFIGURATION_SCHEMA_VERSION,
  clients: [{ id: 'acme', name: 'Acme Ltd' }],
  rules: ACME_RULES,
  rosters: [aClientRoster(aRosterVersion(), aRosterVersion({ effectiveFrom: '2025-06-01T00:00:00.000Z' }))],
  profiles: [
    { ...theAcmeTeam.priya, outOfOffice: [anOutOfOffice({ delegateAccountId: 'acc-ana', note: 'Holiday' })] },
    theAcmeTeam.ana,
    theAcmeTeam.kenji,
  ],
  policy: DEFAULT_POLICY,
  settings: { ...DEFAULT_SETTINGS, deliveryTeamAccountIds: [PEOPLE.dev] },
};

const damagedRecord = fc.oneof(
  { weight: 1, arbitrary: anyJson(RECORD_FIELDS) },
  { weight: 4, arbitrary: brokenCopyOf(LIVED, RECORD_FIELDS) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.constantFrom(0, 2, '1', null), anyJson([], 1))
      .map((schemaVersion) => ({ ...LIVED, schemaVersion })),
  },
);

/** Every problem message of a refusal is words about the value, with no long excerpt of it. */
function expectPlainProblems(problems: readonly { readonly message: string }[], input: unknown): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p.message).toBe('string');
    expect(longEcho(p.message, input)).toBeNull();
  }
}

describe('triage records read back (the authority, from KVS)', () => {
  it('readTriageRecord accepts a usable record or names its problems', () => {
    fc.assert(
      fc.property(damagedRecord, (input) => {
        const read = readTriageRecord(input);
        if (!read.ok) return expectPlainProblems(read.problems, input);
        // Accepted means usable: the copy, the comparison and the next action all work on it.
        const record = read.value;
        toTriageProperty(record);
        compareWithProperty(record, toTriageProperty(record));
        applyTriageAction(
          record,
          { type: 'escalate', note: 'again' },
          { by: 'acc-priya', at: new Date('2025-06-11T09:00:00Z') },
        );
      }),
      RUNS,
    );
  });

  it('compareWithProperty names the differences of any property a person wrote over REST', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyJson(Object.keys(toTriageProperty(LIVED))), brokenCopyOf(toTriageProperty(LIVED))),
        (readBack) => {
          const compared = compareWithProperty(LIVED, readBack);
          if (!compared.matches) for (const d of compared.differences) expect(typeof d).toBe('string');
        },
      ),
      RUNS,
    );
  });
});

describe('configuration parts read back or imported', () => {
  const template = throughJson(ACME);

  it('validateConfiguration: accepted means usable; refused means problems in words', () => {
    const fields = [
      'schemaVersion',
      'clients',
      'rules',
      'rosters',
      'profiles',
      'policy',
      'settings',
      'versions',
    ];
    fc.assert(
      fc.property(fc.oneof(brokenCopyOf(template, fields), anyJson(fields)), (input) => {
        const checked = validateConfiguration(input);
        if (!checked.ok) return expectPlainProblems(checked.problems, input);
        configurationWarnings(checked.value);
        accountIdsIn(checked.value);
      }),
      RUNS,
    );
  });

  it.each([
    ['a roster', ACME.rosters[0], (v: unknown) => validateClientRoster(v)],
    ['a profile', ACME.profiles[0], (v: unknown) => validateSpocProfile(v)],
    ['the policy', DEFAULT_POLICY, (v: unknown) => validatePolicy(v)],
    ['the rules', ACME_RULES, (v: unknown) => validateMatchRules(v, ['acme'])],
  ] as const)('%s: accepted or refused in words, never a crash', (_what, valid, validate) => {
    fc.assert(
      fc.property(fc.oneof(brokenCopyOf(valid), anyJson()), (input) => {
        const checked = validate(input);
        if (!checked.ok) expectPlainProblems(checked.problems, input);
      }),
      RUNS,
    );
  });
});

describe('the KVS repositories over damaged stored values (real @forge/kvs, local KVS)', () => {
  let h: StorageHarness;
  beforeEach(() => {
    h = storageHarness();
  });
  afterEach(() => h.close());

  /** What a reader does with the value: an answer, or an error that says what is damaged. */
  async function readOrRefuse(read: () => Promise<unknown>): Promise<'read' | 'refused'> {
    try {
      await h.invoke(read);
      return 'read';
    } catch (error) {
      if (isCrash(error)) throw new Error(`Crashed on a damaged value: ${String(error)}`, { cause: error });
      expect((error as Error).message).toMatch(/damaged|missing|not one this app reads/);
      return 'refused';
    }
  }

  const storable = (value: unknown): value is NonNullable<unknown> => value !== null && value !== undefined;

  it('a triage row with any envelope is read or refused as damaged', async () => {
    const entry = {
      issueId: '10001',
      issueKey: 'SUP-1',
      projectId: '10000',
      projectKey: 'SUP',
      summary: 'Tracking page times out',
      reporterAccountId: PEOPLE.client,
      clientName: 'Acme Ltd',
      record: LIVED,
      routing: {
        outcome: 'routed',
        summary: 'Routed.',
        reasons: [],
        matchReason: 'Rule 1.',
        responseTargetMinutes: 240,
        priority: 'Medium',
      },
      notices: [],
      outbox: [],
    };
    const row = { revision: 1, issueId: '10001', issueKey: 'SUP-1', projectId: '10000', envelope: entry };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(brokenCopyOf(row, ['envelope', 'record']), anyJson(['envelope', 'revision'])),
        async (stored) => {
          h.store.clear();
          if (!storable(stored)) return;
          h.store.write('entity', 'triage-record', 'issue-10001', JSON.stringify(stored));
          await readOrRefuse(() => new KvsTriageRepository().get('10001'));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a damaged configuration head or shard is refused as damaged, never half read', async () => {
    await h.invoke(() =>
      new KvsConfigurationRepository({ shards: new ShardCache() }).save(
        { replaceWith: ACME },
        0,
        PEOPLE.maria,
        h.clock.now(),
      ),
    );
    const saved = h.store
      .entries()
      .map((e) => ({ store: e.store, entityName: e.entityName, key: e.key, value: e.value }));
    const headEntry = saved.find((e) => e.entityName === 'config-head');
    const shardKeys = saved.filter((e) => e.store === 'kvs').map((e) => e.key);
    if (!headEntry) throw new Error('The save wrote no head.');
    const restore = () => {
      h.store.clear();
      for (const e of saved) h.store.write(e.store, e.entityName, e.key, JSON.stringify(e.value));
    };
    const damage = fc.oneof(
      fc.record({
        target: fc.constant('head'),
        value: fc.oneof(
          brokenCopyOf(headEntry.value, ['head', 'shards', 'clients']),
          anyJson(['version', 'head']),
        ),
      }),
      fc.record({
        target: fc.constantFrom(...shardKeys),
        value: fc.oneof(anyJson(), fc.constant(undefined)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(damage, async ({ target, value }) => {
        restore();
        if (target === 'head') {
          if (!storable(value)) return;
          h.store.write('entity', 'config-head', 'current', JSON.stringify(value));
        } else {
          const original = saved.find((e) => e.key === target)?.value;
          if (storable(value)) h.store.write('kvs', '', target, JSON.stringify(value));
          else h.store.delete(target);
          // An untouched or equivalent shard is not damage.
          if (JSON.stringify(value) === JSON.stringify(original)) return;
        }
        const repo = () => new KvsConfigurationRepository({ shards: new ShardCache() });
        await readOrRefuse(() => repo().head());
        await readOrRefuse(() => repo().all());
        await readOrRefuse(async () => {
          const r = repo();
          await Promise.all([
            r.rules(),
            r.policy(),
            r.roster('acme'),
            r.profiles([PEOPLE.priya, PEOPLE.ana]),
          ]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the sweep cursor reads any stored value as a cursor or none', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson(), async (value) => {
        h.store.clear();
        if (storable(value)) h.store.set('sweep:reconcile-after', value);
        const after = await h.invoke(() => new KvsSweepState().reconcileAfter());
        expect(typeof after).toBe('string');
      }),
      { numRuns: 100 },
    );
  });
});

import {
  CONFIGURATION_SCHEMA_VERSION,
  DEFAULT_POLICY,
  DEFAULT_SETTINGS,
  type Configuration,
} from '../../../src/domain';
import { aClientRoster, aRosterVersion } from '../../../src/domain/testing/roster-builders';
import { theAcmeTeam } from '../../../src/domain/testing/routing-builders';
import { aTriageRecord } from '../../../src/domain/testing/triage-builders';
import { KvsConfigurationRepository } from '../../../src/storage/configuration-repository';
import { KvsEventLedger, ledgerKey } from '../../../src/storage/event-ledger';
import { BatchReader, isRetryableStorageError, readMany } from '../../../src/storage/kvs-helpers';
import { ShardCache } from '../../../src/storage/shard-cache';
import { KvsTriageRepository } from '../../../src/storage/triage-repository';
import { TriageConflictError } from '../../../src/usecases/errors';
import type { TriageEntry } from '../../../src/usecases/support/triage-entry';
import { ACME_RULES, PEOPLE } from '../../../src/usecases/testing/world';
import { paths, storageHarness, TOO_MANY_REQUESTS, type StorageHarness } from './storage-harness';

/**
 * The storage behaviour routing's latency rests on, through the real @forge/kvs against the local KVS:
 * reads asked for side by side go out as one batch, configuration shards are read once per warm function
 * instance, and a triage change is stored together with its event claim, or not at all.
 */
let h: StorageHarness;
beforeEach(() => {
  h = storageHarness();
});
afterEach(() => h.close());

const ACME: Configuration = {
  schemaVersion: CONFIGURATION_SCHEMA_VERSION,
  clients: [{ id: 'acme', name: 'Acme Ltd' }],
  rules: ACME_RULES,
  rosters: [aClientRoster(aRosterVersion())],
  profiles: Object.values(theAcmeTeam),
  policy: DEFAULT_POLICY,
  settings: DEFAULT_SETTINGS,
};

async function saved(configuration: Configuration = ACME): Promise<void> {
  await h.invoke(() =>
    new KvsConfigurationRepository({ shards: new ShardCache() }).save(
      { replaceWith: configuration },
      0,
      PEOPLE.tom,
      h.clock.now(),
    ),
  );
  h.requests.length = 0;
}

function anEntry(issueId = '10001'): TriageEntry {
  return {
    issueId,
    issueKey: `SUP-${issueId}`,
    projectId: '10000',
    projectKey: 'SUP',
    summary: 'Tracking page times out',
    reporterAccountId: PEOPLE.client,
    clientName: 'Acme Ltd',
    record: aTriageRecord(),
    routing: {
      outcome: 'routed',
      summary: 'Routed to Priya Shah (primary).',
      reasons: [],
      matchReason: 'Client Acme Ltd matched by rule 1 of 2 (component Acme Portal).',
      responseTargetMinutes: 240,
      priority: 'Medium',
    },
    notices: [],
    outbox: [],
  };
}

/** The routing reads of the configuration: head, rules and policy together, then the roster, then profiles. */
async function routingReads(config: KvsConfigurationRepository) {
  const [head, rules, policy] = await Promise.all([config.head(), config.rules(), config.policy()]);
  const roster = await config.roster('acme');
  const profiles = await config.profiles(roster?.versions[0]?.backupAccountIds ?? []);
  return { head, rules, policy, roster, profiles };
}

const batchKeys = (body: unknown): string[] => (body as Array<{ key: string }>).map((item) => item.key);

describe('reads asked for side by side', () => {
  it('go out as one batchGet across repositories: head, triage record and event claim', async () => {
    await saved();
    const reads = new BatchReader();
    const [head, triage, claimed] = await h.invoke(() =>
      Promise.all([
        new KvsConfigurationRepository({ reads, shards: new ShardCache() }).head(),
        new KvsTriageRepository({ reads }).get('10001'),
        new KvsEventLedger({ reads }).claimed('comment:10001:1'),
      ]),
    );
    expect(paths(h.requests)).toEqual(['/api/v1/batch/get']);
    expect(h.requests[0]?.body).toEqual([
      { key: 'current', entityName: 'config-head' },
      { key: 'issue-10001', entityName: 'triage-record' },
      { key: 'event:comment:10001:1' },
    ]);
    expect(head.version).toBe(1);
    expect(head.clients).toEqual(ACME.clients);
    expect([triage, claimed]).toEqual([undefined, false]);
  });

  it('read more than 25 keys in batches of 25, side by side, leaving missing keys out', async () => {
    for (let i = 0; i < 30; i += 2) h.store.set(`k${i}`, { i });
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const values = await h.invoke(() => readMany(keys));
    expect(h.requests.map((r) => batchKeys(r.body).length)).toEqual([25, 5]);
    expect([...values.values()]).toHaveLength(15);
  });

  it('all fail with an error the trigger retries when storage answers 429, and read again later', async () => {
    await saved();
    h.intercept((request) => (request.path === '/api/v1/batch/get' ? TOO_MANY_REQUESTS : undefined));
    const reads = new BatchReader();
    const outcomes = await h.invoke(() =>
      Promise.allSettled([
        new KvsConfigurationRepository({ reads, shards: new ShardCache() }).head(),
        new KvsTriageRepository({ reads }).get('10001'),
      ]),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes.every((o) => o.status === 'rejected' && isRetryableStorageError(o.reason))).toBe(true);

    h.intercept(undefined);
    const head = await h.invoke(() => new KvsConfigurationRepository({ reads }).head());
    expect(head.version).toBe(1);
  });
});

describe('configuration shards', () => {
  it('on a cold instance: routing reads the head, then rules and policy in one batch, the roster, the profiles', async () => {
    await saved();
    const { rules, policy, roster, profiles } = await h.invoke(() =>
      routingReads(new KvsConfigurationRepository({ shards: new ShardCache() })),
    );
    expect(h.requests.map((r) => batchKeys(r.body).map((k) => k.replace(/^cfg:[^:]+:/, '')))).toEqual([
      ['current'],
      ['rules:0', 'policy'],
      ['roster:acme'],
      [`profile:${PEOPLE.ana}`, `profile:${PEOPLE.kenji}`],
    ]);
    expect(rules).toEqual(ACME_RULES);
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(roster?.clientId).toBe('acme');
    expect(profiles.map((p) => p.accountId)).toEqual([PEOPLE.ana, PEOPLE.kenji]);
  });

  it('on a warm instance: only the head is read, and a saved change is read anew', async () => {
    await saved();
    const shards = new ShardCache();
    const cold = await h.invoke(() => routingReads(new KvsConfigurationRepository({ shards })));
    h.requests.length = 0;
    const warm = await h.invoke(() => routingReads(new KvsConfigurationRepository({ shards })));
    expect(h.requests).toHaveLength(1);
    expect(warm).toEqual(cold);

    const policy = { ...DEFAULT_POLICY, defaultCapacity: DEFAULT_POLICY.defaultCapacity + 1 };
    await h.invoke(() =>
      new KvsConfigurationRepository({ shards }).save({ policy }, 1, PEOPLE.tom, h.clock.now()),
    );
    h.requests.length = 0;
    const after = await h.invoke(() => routingReads(new KvsConfigurationRepository({ shards })));
    expect(after.policy).toEqual(policy);
    expect(after.head.version).toBe(2);
    // The head, and the policy under its new key: rules, roster and profiles are the ones already known.
    expect(h.requests.map((r) => batchKeys(r.body).map((k) => k.replace(/^cfg:[^:]+:/, '')))).toEqual([
      ['current'],
      ['policy'],
    ]);
  });

  it('shares frozen values between invocations, so no invocation can change another one’s', async () => {
    await saved();
    const shards = new ShardCache();
    const first = await h.invoke(() => routingReads(new KvsConfigurationRepository({ shards })));
    const profile = first.profiles[0] as { displayName: string };
    expect(() => (profile.displayName = 'Someone else')).toThrow(TypeError);
    const roster = first.roster as unknown as { versions: unknown[] };
    expect(() => roster.versions.push(aRosterVersion())).toThrow(TypeError);
    const second = await h.invoke(() => routingReads(new KvsConfigurationRepository({ shards })));
    expect(second.profiles[0]?.displayName).toBe(theAcmeTeam.ana.displayName);
  });

  it("remember each installation's last head, for deciding early on a warm instance", async () => {
    await saved();
    const shards = new ShardCache();
    expect(await h.invoke(async () => new KvsConfigurationRepository({ shards }).lastSeen())).toBeUndefined();
    await h.invoke(() => routingReads(new KvsConfigurationRepository({ shards })));
    h.requests.length = 0;

    const seen = await h.invoke(async () => {
      const guess = new KvsConfigurationRepository({ shards }).lastSeen();
      return guess && routingReads(guess);
    });
    expect(h.requests).toEqual([]);
    expect(seen?.head.version).toBe(1);
    expect(seen?.profiles.map((p) => p.accountId)).toEqual([PEOPLE.ana, PEOPLE.kenji]);
    // Storage is per installation: another one has seen nothing here yet.
    const elsewhere = await h.invoke(async () => new KvsConfigurationRepository({ shards }).lastSeen(), {
      installationId: 'another-installation',
    });
    expect(elsewhere).toBeUndefined();
  });

  it('says so when a shard the head names is gone', async () => {
    await saved();
    const key = h.store.entries().find((e) => e.key.endsWith(':policy'))?.key as string;
    h.store.delete(key);
    await expect(
      h.invoke(() => new KvsConfigurationRepository({ shards: new ShardCache() }).policy()),
    ).rejects.toThrow(/shard .*policy is missing; reload and try again/);
  });
});

describe('a triage change with its event claim', () => {
  const claim = 'comment:10001:c1';
  const stored = (issueId = '10001') => h.invoke(() => new KvsTriageRepository().get(issueId));

  beforeEach(async () => {
    await h.invoke(() => new KvsTriageRepository().create(anEntry(), h.clock.now()));
    h.requests.length = 0;
  });

  it('is one transaction: the record moves on and the claim is kept for a week', async () => {
    const changed = { ...anEntry(), summary: 'Changed' };
    const revision = await h.invoke(() =>
      new KvsTriageRepository().update(changed, 1, h.clock.now(), { claim }),
    );
    expect(revision).toBe(2);
    expect(paths(h.requests)).toEqual(['/api/v1/transaction']);
    expect((await stored())?.entry.summary).toBe('Changed');
    const entry = h.store.entries().find((e) => e.key === ledgerKey(claim));
    expect(entry?.expireAt).toBe(h.clock.nowMs() + 7 * 86_400_000);
    expect(await h.invoke(() => new KvsEventLedger().claimed(claim))).toBe(true);
  });

  it('stores neither when another writer changed the record first', async () => {
    h.intercept((request) => {
      if (request.path === '/api/v1/transaction') {
        // Another delivery's change lands just before this one.
        const row = h.store.read('entity', 'triage-record', 'issue-10001')?.value as { revision: number };
        h.store.write('entity', 'triage-record', 'issue-10001', JSON.stringify({ ...row, revision: 2 }));
      }
      return undefined;
    });
    await expect(
      h.invoke(() => new KvsTriageRepository().update(anEntry(), 1, h.clock.now(), { claim })),
    ).rejects.toBeInstanceOf(TriageConflictError);
    expect(await h.invoke(() => new KvsEventLedger().claimed(claim))).toBe(false);
  });

  it('stores neither when storage answers 429, with an error the trigger retries', async () => {
    h.intercept((request) => (request.path === '/api/v1/transaction' ? TOO_MANY_REQUESTS : undefined));
    const failure = await h
      .invoke(() => new KvsTriageRepository().update(anEntry(), 1, h.clock.now(), { claim }))
      .catch((error: unknown) => error);
    expect(isRetryableStorageError(failure)).toBe(true);
    h.intercept(undefined);
    expect((await stored())?.revision).toBe(1);
    expect(await h.invoke(() => new KvsEventLedger().claimed(claim))).toBe(false);
  });

  it('refuses a second record for the same issue', async () => {
    expect(await h.invoke(() => new KvsTriageRepository().create(anEntry(), h.clock.now()))).toBe(false);
  });
});

describe('open loads', () => {
  it('are counted per SPOC with one index query each, up to the cap, vetted issues left out', async () => {
    const repository = new KvsTriageRepository();
    await h.invoke(async () => {
      for (const [issueId, spoc] of [
        ['1', PEOPLE.priya],
        ['2', PEOPLE.priya],
        ['3', PEOPLE.priya],
        ['4', PEOPLE.ana],
      ] as const) {
        const entry = anEntry(issueId);
        await repository.create(
          { ...entry, record: { ...entry.record, spocAccountId: spoc } },
          h.clock.now(),
        );
      }
      const vetted = anEntry('5');
      await repository.create({ ...vetted, record: { ...vetted.record, state: 'vetted' } }, h.clock.now());
    });
    h.requests.length = 0;
    const counts = await h.invoke(() =>
      repository.openCounts([PEOPLE.priya, PEOPLE.ana, PEOPLE.kenji, PEOPLE.priya], 2),
    );
    expect(counts).toEqual({ [PEOPLE.priya]: 2, [PEOPLE.ana]: 1, [PEOPLE.kenji]: 0 });
    expect(paths(h.requests)).toEqual(Array(3).fill('/api/v1/entity/query'));
  });
});

import type { ClientMatchRule, ClientRoster, Configuration, SpocProfile } from '../domain';
import { DEFAULT_POLICY, DEFAULT_SETTINGS } from '../domain';
import { aRosterVersion } from '../domain/testing/roster-builders';
import { aSpocProfile, anOutOfOffice } from '../domain/testing/spoc-profile-builders';
import { StorageLimitError } from '../usecases/errors';
import {
  bytesOf,
  EMPTY_HEAD,
  MAX_KVS_VALUE_BYTES,
  packRules,
  planSave,
  SHARD_BUDGET_BYTES,
  type HeadDocument,
} from './configuration-layout';

/** The configuration's KVS layout at the scale the app promises: 500 clients, 200 SPOCs. */
const accountId = (n: number) => `5b10a2844c2016570${String(n).padStart(7, '0')}`;

function atScale(): Configuration {
  const profiles: SpocProfile[] = Array.from({ length: 200 }, (_, i) =>
    aSpocProfile({
      accountId: accountId(i),
      displayName: `SPOC number ${i} with a fairly long display name`,
      // Every absence slot used: the largest a profile can be.
      outOfOffice: Array.from({ length: 50 }, (_, j) =>
        anOutOfOffice({
          from: new Date(Date.UTC(2030, 0, 1 + j * 3)).toISOString(),
          until: new Date(Date.UTC(2030, 0, 2 + j * 3)).toISOString(),
          delegateAccountId: accountId((i + 1) % 200),
          note: 'Covering the northern region while the team is at the annual planning offsite',
        }),
      ),
    }),
  );
  const rosters: ClientRoster[] = Array.from({ length: 500 }, (_, c) => ({
    clientId: `client-${c}`,
    clientName: `Client number ${c} Holdings International`,
    versions: Array.from({ length: 12 }, (_, v) =>
      aRosterVersion({
        clientId: `client-${c}`,
        effectiveFrom: new Date(Date.UTC(2025, v, 1)).toISOString(),
        primarySpocAccountId: accountId(c % 200),
        backupAccountIds: Array.from({ length: 10 }, (_, b) => accountId((c + b + 1) % 200)),
        poolAccountIds: Array.from({ length: 20 }, (_, p) => accountId((c + p + 20) % 200)),
        escalationManagerAccountId: accountId((c + 100) % 200),
      }),
    ),
  }));
  const rules: ClientMatchRule[] = rosters.map((r, i) => ({
    id: `rule-${i}`,
    clientId: r.clientId,
    kind: 'label',
    values: Array.from({ length: 20 }, (_, v) => `${r.clientId}-label-${v}`),
  }));
  return {
    schemaVersion: 1,
    clients: rosters.map((r) => ({ id: r.clientId, name: r.clientName })),
    rules,
    rosters,
    profiles,
    policy: DEFAULT_POLICY,
    settings: DEFAULT_SETTINGS,
  };
}

const save = (version: number) => ({
  version,
  prefix: `cfg:${version}-test`,
  by: 'acc-admin',
  at: new Date('2026-01-01T00:00:00Z'),
});

describe('the configuration layout', () => {
  const configuration = atScale();
  const names = Object.fromEntries(configuration.profiles.map((p) => [p.accountId, p.displayName]));
  const first = planSave(EMPTY_HEAD, { replaceWith: configuration, names }, save(1));

  it('keeps 500 clients and 200 SPOCs inside KVS limits, every value under 240 KiB', () => {
    expect(bytesOf(first.head)).toBeLessThan(MAX_KVS_VALUE_BYTES);
    for (const write of first.writes) expect(bytesOf(write.value)).toBeLessThanOrEqual(MAX_KVS_VALUE_BYTES);
    // One shard per roster and per profile, the policy, and the rules packed into a few values.
    const rulesShards = first.head.shards.rules.length;
    expect(rulesShards).toBeGreaterThan(1);
    expect(first.writes).toHaveLength(500 + 200 + 1 + rulesShards);
  });

  it('rewrites only the shards whose content changed', () => {
    const head: HeadDocument = first.head;
    const roster = configuration.rosters[7] as ClientRoster;
    const changed = { ...roster, clientName: 'Renamed client' };
    const second = planSave(head, { rosters: [changed] }, save(2));
    expect(second.writes.map((w) => w.key)).toEqual(['cfg:2-test:roster:client-7']);
    expect(second.head.shards.profiles).toEqual(head.shards.profiles);
    expect(second.head.retired).toEqual([{ key: 'cfg:1-test:roster:client-7', since: 2 }]);
    // The third save may delete what the second one dropped.
    expect(planSave(second.head, { rosters: [roster] }, save(3)).deletable).toEqual([
      'cfg:1-test:roster:client-7',
    ]);
  });

  it('packs the ordered rules into values under the shard budget, keeping their order', () => {
    const groups = packRules(configuration.rules);
    expect(groups.flat().map((r) => r.id)).toEqual(configuration.rules.map((r) => r.id));
    for (const group of groups) expect(bytesOf(group)).toBeLessThanOrEqual(SHARD_BUDGET_BYTES);
  });

  it('refuses a part too large to store, naming it', () => {
    const huge = aSpocProfile({ displayName: 'x'.repeat(250), workingHours: [] });
    const oversized = {
      ...huge,
      outOfOffice: Array.from({ length: 3000 }, () => anOutOfOffice({ note: 'y'.repeat(100) })),
    };
    expect(() => planSave(EMPTY_HEAD, { profiles: [oversized] }, save(1))).toThrow(StorageLimitError);
    expect(() => planSave(EMPTY_HEAD, { profiles: [oversized] }, save(1))).toThrow(
      /The profile of x+ takes \d+ KiB/,
    );
  });
});

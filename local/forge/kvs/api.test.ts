import { SiteClock } from '../../clock';
import { openDatabase } from '../../db/database';
import { createForgeFetch } from '../forge-fetch';
import type { StorageEntity } from '../manifest';
import { createRuntime } from '../runtime';
import { createKvsApi } from './api';
import { depthOf } from './limits';
import { KvsStore } from './store';

/** The KVS wire protocol as @forge/kvs 1.6.5 expects it (out/storage-api.js). */
describe('local KVS API', () => {
  const clock = new SiteClock('frozen', new Date('2026-01-01T00:00:00Z'));
  const db = openDatabase(':memory:');
  const store = new KvsStore(db, 'app-1', clock);
  const api = createKvsApi(store, []);
  const post = (path: string, body: unknown) => api.handle(path, JSON.stringify(body));
  afterAll(() => db.close());
  beforeEach(() => store.clear());

  it('answers get with the entry and its metadata, and a missing key with 404 KEY_NOT_FOUND', () => {
    expect(post('/api/v1/set', { key: 'a', value: { x: 1 } })).toEqual({ status: 204 });
    expect(post('/api/v1/get', { key: 'a' })).toEqual({
      status: 200,
      body: { key: 'a', value: { x: 1 }, createdAt: clock.nowMs(), updatedAt: clock.nowMs() },
    });
    expect(post('/api/v1/get', { key: 'b' })).toEqual({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: 'The key b does not exist.' },
    });
  });

  it('answers delete with 204 whether or not the key exists', () => {
    store.set('a', 1);
    expect(post('/api/v1/delete', { key: 'a' })).toEqual({ status: 204 });
    expect(post('/api/v1/delete', { key: 'a' })).toEqual({ status: 204 });
    expect(store.get('a')).toBeUndefined();
  });

  it('answers query with data and a cursor only while more entries follow', () => {
    for (const key of ['c', 'a', 'b']) store.set(key, key.toUpperCase());
    const first = post('/api/v1/query', { limit: 2 }) as {
      status: number;
      body: { data: unknown[]; cursor?: string };
    };
    expect(first.body.data).toEqual([
      { key: 'a', value: 'A' },
      { key: 'b', value: 'B' },
    ]);
    expect(typeof first.body.cursor).toBe('string');
    expect(post('/api/v1/query', { limit: 2, after: first.body.cursor })).toEqual({
      status: 200,
      body: { data: [{ key: 'c', value: 'C' }] },
    });
  });

  it('keeps paging correct when keys are written between pages', () => {
    for (const key of ['k1', 'k3', 'k5']) store.set(key, 0);
    const first = post('/api/v1/query', { limit: 2 }) as { body: { cursor: string } };
    store.set('k0', 0);
    store.set('k4', 0);
    const second = post('/api/v1/query', { limit: 2, after: first.body.cursor }) as {
      body: { data: Array<{ key: string }> };
    };
    expect(second.body.data.map((d) => d.key)).toEqual(['k4', 'k5']);
  });

  it.each([
    [
      {
        where: [
          { property: 'key', condition: 'BEGINS_WITH', values: ['a'] },
          { property: 'key', condition: 'BEGINS_WITH', values: ['b'] },
        ],
      },
      'QUERY_WHERE_INVALID',
    ],
    [
      { where: [{ property: 'value', condition: 'BEGINS_WITH', values: ['a'] }] },
      'QUERY_WHERE_FIELD_INVALID',
    ],
    [{ where: [{ property: 'key', condition: 'CONTAINS', values: ['a'] }] }, 'INVALID_FILTER_CONDITION'],
    [{ where: [{ property: 'key', condition: 'BEGINS_WITH', values: [] }] }, 'INVALID_FILTER_VALUES'],
    [{ limit: 0 }, 'LIST_QUERY_LIMIT_EXCEEDED'],
    [{ limit: 2.5 }, 'LIST_QUERY_LIMIT_EXCEEDED'],
  ])('refuses the query %j with %s', (body, code) => {
    expect(post('/api/v1/query', body)).toMatchObject({ status: 400, body: { code } });
  });

  it('refuses bad bodies and unknown endpoints in the { code, message } shape, changing nothing', () => {
    expect(api.handle('/api/v1/set', '{not json')).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST' },
    });
    expect(post('/api/v1/set', { key: 'a' })).toMatchObject({ status: 400, body: { code: 'INVALID_VALUE' } });
    expect(post('/api/v1/set', { key: 'a', value: null })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_VALUE' },
    });
    expect(
      post('/api/v1/set', { key: 'a', value: 1, options: { ttl: { value: -1, unit: 'DAYS' } } }),
    ).toMatchObject({
      status: 400,
      body: { code: 'INVALID_TTL' },
    });
    expect(post('/api/v2/whatever', {})).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(post('/api/v1/batch/set', [null])).toMatchObject({ status: 400 });
    expect(post('/api/v1/transaction', { set: 'x' })).toMatchObject({ status: 400 });
    expect(store.entries()).toEqual([]);
  });

  it('keeps apps apart in one database', () => {
    const other = new KvsStore(db, 'app-2', clock);
    store.set('shared', 'mine');
    expect(other.get('shared')).toBeUndefined();
    other.clear();
    expect(store.get('shared')).toBe('mine');
  });

  it('measures depth without walking a hostile value to the bottom', () => {
    expect(depthOf('x')).toBe(0);
    expect(depthOf({ a: 1 })).toBe(1);
    expect(depthOf([[[]]])).toBe(3);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(depthOf(deep)).toBe(34);
  });

  describe('custom entity indexes', () => {
    const ticket: StorageEntity = {
      name: 'ticket',
      attributes: { owner: { type: 'string' }, rank: { type: 'integer' }, open: { type: 'string' } },
      indexes: [{ name: 'by-owner', partition: ['owner'], range: ['rank'] }],
    };
    const query = (owner: string, extra: Record<string, unknown> = {}) => {
      const answer = indexed.handle(
        '/api/v1/entity/query',
        JSON.stringify({
          entityName: 'ticket',
          indexName: 'by-owner',
          partition: [owner],
          limit: 100,
          ...extra,
        }),
      ) as { status: number; body: { data: Array<{ key: string }> } };
      expect(answer.status).toBe(200);
      return answer.body.data.map((d) => d.key);
    };
    const entitySet = (key: string, value: unknown, options?: unknown) =>
      indexed.handle('/api/v1/entity/set', JSON.stringify({ entityName: 'ticket', key, value, options }));
    let indexed: ReturnType<typeof createKvsApi>;
    beforeEach(() => {
      indexed = createKvsApi(store, [ticket]);
    });

    it('answers a query from its partition, in range order, kept right through every kind of write', () => {
      entitySet('t1', { owner: 'alice', rank: 3 });
      entitySet('t2', { owner: 'bob', rank: 1 });
      entitySet('t3', { owner: 'alice', rank: 1 });
      entitySet('t4', { owner: 'alice' }); // no range value: not in the index
      expect(query('alice')).toEqual(['t3', 't1']);
      expect(store.scanPartition('ticket', 'by-owner', ['alice'])?.map((e) => e.key)).toEqual(['t1', 't3']);

      // A transaction moves t1 to bob; a batch moves t2 to alice; a delete removes t3.
      expect(
        indexed.handle(
          '/api/v1/transaction',
          JSON.stringify({ set: [{ key: 't1', value: { owner: 'bob', rank: 3 }, entityName: 'ticket' }] }),
        ),
      ).toEqual({ status: 204 });
      indexed.handle(
        '/api/v1/batch/set',
        JSON.stringify([{ key: 't2', value: { owner: 'alice', rank: 2 }, entityName: 'ticket' }]),
      );
      indexed.handle('/api/v1/entity/delete', JSON.stringify({ entityName: 'ticket', key: 't3' }));
      expect(query('alice')).toEqual(['t2']);
      expect(query('bob')).toEqual(['t1']);
    });

    it('finds rows stored before the index was declared, and forgets them when the store is cleared', () => {
      const unindexed = createKvsApi(store, [{ ...ticket, indexes: [] }]);
      unindexed.handle(
        '/api/v1/entity/set',
        JSON.stringify({ entityName: 'ticket', key: 't1', value: { owner: 'alice', rank: 1 } }),
      );
      indexed = createKvsApi(store, [ticket]);
      expect(query('alice')).toEqual(['t1']);
      store.clear();
      expect(query('alice')).toEqual([]);
    });

    it('leaves rows out once their time to live has passed', () => {
      const ticking = new SiteClock('frozen', new Date('2026-01-01T00:00:00Z'));
      const own = new KvsStore(db, 'app-ttl', ticking);
      indexed = createKvsApi(own, [ticket]);
      entitySet('t1', { owner: 'alice', rank: 1 }, { ttl: { value: 1, unit: 'HOURS' } });
      entitySet('t2', { owner: 'alice', rank: 2 });
      ticking.advanceMinutes(61);
      expect(query('alice')).toEqual(['t2']);
      own.clear();
    });
  });

  describe('simulated round trips', () => {
    afterEach(() => {
      store.roundTripMs = 0;
      jest.useRealTimers();
    });

    it('answer a request from the app only after the round trip the store is set to', async () => {
      jest.useFakeTimers();
      const forgeFetch = createForgeFetch({
        appId: 'app-1',
        jira: { fetch: async () => ({ status: 500 }) },
        kvs: api,
        allowImpersonation: false,
        log: () => undefined,
      });
      const runtime = createRuntime({
        appId: 'app-1',
        environmentId: 'env',
        installationId: 'inst',
        cloudId: 'cloud',
        functionKey: 'fn',
        moduleType: 'trigger',
        moduleKey: 'mod',
        timeoutSeconds: 25,
        scopes: [],
        external: {},
        handlerFile: 'index.fn',
      });
      store.roundTripMs = 20;
      let answered = false;
      const request = forgeFetch(runtime, { type: 'kvs' }, '/api/v1/set', {
        method: 'POST',
        body: JSON.stringify({ key: 'a', value: 1 }),
      }).then((response) => {
        answered = true;
        return response.status;
      });
      await jest.advanceTimersByTimeAsync(19);
      expect([answered, store.get('a')]).toEqual([false, undefined]);
      await jest.advanceTimersByTimeAsync(1);
      expect(await request).toBe(204);
      expect(store.get('a')).toBe(1);
    });
  });
});

import { kvsCall, startTestHost, valueOf, type KvsOutcome, type TestHost } from './helpers';

/**
 * Contract tests: the real @forge/kvs 1.6.5, bundled into the fixture app, against the local KVS. Every
 * result is what the app's code sees, including the ForgeKvsAPIError codes of broken limits.
 */
describe('local Forge KVS through @forge/kvs', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());
  beforeEach(() => t.host.kvs.clear());

  const call = (operation: Record<string, unknown>) => kvsCall(t.host, operation);
  const failure = (outcome: KvsOutcome) => {
    if (outcome.ok) throw new Error(`Expected an error, got ${JSON.stringify(outcome.value)}`);
    return outcome.error;
  };

  describe('get, set, delete', () => {
    it.each([
      ['a string', 'hello'],
      ['an empty string', ''],
      ['zero', 0],
      ['a negative float', -12.5],
      ['true', true],
      ['false', false],
      ['an object', { a: 1, nested: { list: [1, 'two', { three: 3 }] } }],
      ['an empty object', {}],
      ['an array', [1, 'b', null, { c: false }]],
      ['an empty array', []],
      ['unicode text', 'Grüße, 世界 🚀'],
    ])('round-trips %s', async (_name, value) => {
      valueOf(await call({ op: 'set', key: 'value', value }));
      expect(valueOf(await call({ op: 'get', key: 'value' }))).toEqual(value);
    });

    it('overwrites a value and keeps its creation time', async () => {
      valueOf(await call({ op: 'set', key: 'k', value: 1 }));
      const first = valueOf(await call({ op: 'get', key: 'k', metadata: true })) as {
        createdAt: number;
        updatedAt: number;
      };
      t.clock.advanceMinutes(5);
      valueOf(await call({ op: 'set', key: 'k', value: { v: 2 } }));
      const second = valueOf(await call({ op: 'get', key: 'k', metadata: true }));
      expect(second).toEqual({
        key: 'k',
        value: { v: 2 },
        createdAt: first.createdAt,
        updatedAt: first.updatedAt + 5 * 60_000,
      });
    });

    it('gets undefined for a missing key and deletes a missing key without error', async () => {
      expect(valueOf(await call({ op: 'get', key: 'missing' }))).toEqual({ undefined: true });
      expect(valueOf(await call({ op: 'delete', key: 'missing' }))).toEqual({ undefined: true });
    });

    it('deletes a key', async () => {
      valueOf(await call({ op: 'set', key: 'gone', value: 'soon' }));
      valueOf(await call({ op: 'delete', key: 'gone' }));
      expect(valueOf(await call({ op: 'get', key: 'gone' }))).toEqual({ undefined: true });
    });

    it('honours keyPolicy FAIL_IF_EXISTS and returnValue PREVIOUS', async () => {
      valueOf(
        await call({ op: 'set', key: 'lock', value: 'first', options: { keyPolicy: 'FAIL_IF_EXISTS' } }),
      );
      expect(
        failure(
          await call({ op: 'set', key: 'lock', value: 'second', options: { keyPolicy: 'FAIL_IF_EXISTS' } }),
        ),
      ).toMatchObject({
        code: 'KEY_CONFLICT',
        status: 409,
        apiError: true,
      });
      const previous = valueOf(
        await call({
          op: 'set',
          key: 'lock',
          value: 'third',
          options: { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' },
        }),
      );
      expect(previous).toEqual({ key: 'lock', value: 'first' });
      expect(valueOf(await call({ op: 'get', key: 'lock' }))).toBe('third');
    });

    it('expires values set with a TTL on the site clock', async () => {
      valueOf(
        await call({ op: 'set', key: 'short', value: 1, options: { ttl: { value: 2, unit: 'MINUTES' } } }),
      );
      const withMeta = valueOf(await call({ op: 'get', key: 'short', metadata: true })) as {
        expireTime: string;
      };
      expect(withMeta.expireTime).toBe(new Date(t.clock.nowMs() + 2 * 60_000).toISOString());
      t.clock.advanceMinutes(1);
      expect(valueOf(await call({ op: 'get', key: 'short' }))).toBe(1);
      t.clock.advanceMinutes(1);
      expect(valueOf(await call({ op: 'get', key: 'short' }))).toEqual({ undefined: true });
    });
  });

  describe('limits, as ForgeKvsAPIError codes', () => {
    it.each([
      ['an empty key', '', 'KEY_TOO_SHORT'],
      ['a key of 501 characters', 'k'.repeat(501), 'KEY_TOO_LONG'],
      ['a key with a slash', 'a/b', 'INVALID_KEY'],
      ['a key of only spaces', '   ', 'INVALID_KEY'],
    ])('refuses %s', async (_name, key, code) => {
      expect(failure(await call({ op: 'set', key, value: 1 }))).toMatchObject({
        code,
        status: 400,
        apiError: true,
        kvsError: true,
      });
      expect(failure(await call({ op: 'get', key }))).toMatchObject({ code });
    });

    it('accepts a key of exactly 500 characters with every allowed character', async () => {
      const key = `aZ09:._ -#${'x'.repeat(490)}`;
      valueOf(await call({ op: 'set', key, value: 'ok' }));
      expect(valueOf(await call({ op: 'get', key }))).toBe('ok');
    });

    it('refuses a value over 240 KiB serialised, and accepts one just under', async () => {
      const under = 'x'.repeat(240 * 1024 - 2); // two quotes make it exactly 240 KiB
      valueOf(await call({ op: 'set', key: 'big', value: under }));
      expect(failure(await call({ op: 'set', key: 'big', value: `${under}x` }))).toMatchObject({
        code: 'MAX_SIZE',
        status: 400,
      });
    });

    it('refuses a value nested deeper than 32 levels', async () => {
      const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { d: nest(depth - 1) });
      valueOf(await call({ op: 'set', key: 'deep', value: nest(32) }));
      expect(failure(await call({ op: 'set', key: 'deep', value: nest(33) }))).toMatchObject({
        code: 'MAX_DEPTH',
        status: 400,
      });
    });

    it('refuses a query page larger than 20', async () => {
      expect(valueOf(await call({ op: 'query', limit: 20 }))).toMatchObject({ results: [] });
      expect(failure(await call({ op: 'query', limit: 21 }))).toMatchObject({
        code: 'LIST_QUERY_LIMIT_EXCEEDED',
        status: 400,
      });
    });

    it('refuses a cursor it did not issue', async () => {
      expect(failure(await call({ op: 'query', cursor: 'not-a-cursor' }))).toMatchObject({
        code: 'INVALID_CURSOR',
        status: 400,
      });
    });
  });

  describe('query', () => {
    const keys = ['task:10', 'task:2', 'task:1', 'user:b', 'user:a', 'task:1:sub', 'Task:9'];
    beforeEach(async () => {
      valueOf(await call({ op: 'batchSet', items: keys.map((key) => ({ key, value: { key } })) }));
    });

    it('returns keys in code point order with their values, ten by default', async () => {
      const page = valueOf(await call({ op: 'query' })) as {
        results: Array<{ key: string; value: unknown }>;
        nextCursor?: string;
      };
      // '0' (U+0030) sorts before ':' (U+003A), and upper case before lower case.
      expect(page.results.map((r) => r.key)).toEqual([
        'Task:9',
        'task:1',
        'task:10',
        'task:1:sub',
        'task:2',
        'user:a',
        'user:b',
      ]);
      expect(page.results[0]).toEqual({ key: 'Task:9', value: { key: 'Task:9' } });
      expect(page.nextCursor).toBeUndefined();
    });

    it('filters by key prefix, case-sensitively', async () => {
      const page = valueOf(await call({ op: 'query', prefix: 'task:1' })) as {
        results: Array<{ key: string }>;
      };
      expect(page.results.map((r) => r.key)).toEqual(['task:1', 'task:10', 'task:1:sub']);
    });

    it('pages with a cursor until the last page, which has none', async () => {
      const all = valueOf(await call({ op: 'queryAll', prefix: 'task:', pageSize: 2 }));
      expect(all).toEqual({ keys: ['task:1', 'task:10', 'task:1:sub', 'task:2'], pageSizes: [2, 2] });
      const odd = valueOf(await call({ op: 'queryAll', pageSize: 3 }));
      expect(odd).toEqual({
        keys: ['Task:9', 'task:1', 'task:10', 'task:1:sub', 'task:2', 'user:a', 'user:b'],
        pageSizes: [3, 3, 1],
      });
    });

    it('does not list secrets', async () => {
      valueOf(await call({ op: 'setSecret', key: 'task:secret', value: 's3cret' }));
      const page = valueOf(await call({ op: 'query', prefix: 'task:s' })) as { results: unknown[] };
      expect(page.results).toEqual([]);
    });
  });

  describe('batch operations', () => {
    it('sets, gets and deletes several keys, reporting each', async () => {
      const set = valueOf(
        await call({
          op: 'batchSet',
          items: [
            { key: 'b1', value: 1 },
            { key: 'b 2', value: [2] },
            { key: 'bad/key', value: 3 },
          ],
        }),
      );
      expect(set).toEqual({
        successfulKeys: [{ key: 'b1' }, { key: 'b 2' }],
        failedKeys: [{ key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } }],
      });
      const got = valueOf(
        await call({ op: 'batchGet', items: [{ key: 'b1' }, { key: 'b 2' }, { key: 'nope' }] }),
      );
      expect(got).toEqual({
        successfulKeys: [
          { key: 'b1', value: 1 },
          { key: 'b 2', value: [2] },
        ],
        failedKeys: [{ key: 'nope', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }],
      });
      valueOf(await call({ op: 'batchDelete', items: [{ key: 'b1' }, { key: 'nope' }] }));
      expect(t.host.kvs.get('b1')).toBeUndefined();
      expect(t.host.kvs.get('b 2')).toEqual([2]);
    });

    it('refuses a batch with the same key twice, more than 25 keys, or none', async () => {
      expect(
        failure(
          await call({
            op: 'batchSet',
            items: [
              { key: 'x', value: 1 },
              { key: 'x', value: 2 },
            ],
          }),
        ),
      ).toMatchObject({
        code: 'DUPLICATE_KEY',
        status: 400,
      });
      const many = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
      expect(failure(await call({ op: 'batchSet', items: many }))).toMatchObject({ code: 'TOO_MANY_ITEMS' });
      expect(failure(await call({ op: 'batchGet', items: [] }))).toMatchObject({ status: 400 });
      expect(t.host.kvs.entries()).toEqual([]);
    });
  });

  describe('transactions', () => {
    it('applies all sets and deletes together', async () => {
      valueOf(await call({ op: 'set', key: 'old', value: 'x' }));
      valueOf(
        await call({
          op: 'transact',
          set: [
            { key: 't1', value: 1 },
            { key: 't2', value: { two: 2 } },
          ],
          delete: ['old'],
        }),
      );
      expect([t.host.kvs.get('t1'), t.host.kvs.get('t2'), t.host.kvs.get('old')]).toEqual([
        1,
        { two: 2 },
        undefined,
      ]);
    });

    it('writes nothing when any operation is invalid', async () => {
      const outcome = await call({
        op: 'transact',
        set: [
          { key: 'fine', value: 1 },
          { key: 'not/fine', value: 2 },
        ],
      });
      expect(failure(outcome)).toMatchObject({ code: 'INVALID_KEY' });
      expect(t.host.kvs.get('fine')).toBeUndefined();
    });

    it('allows 25 operations, refuses 26, and refuses a key used twice', async () => {
      const set = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `op${i}`, value: i }));
      valueOf(await call({ op: 'transact', set: set(25) }));
      expect(
        failure(await call({ op: 'transact', set: set(20), delete: ['a', 'b', 'c', 'd', 'e', 'f'] })),
      ).toMatchObject({
        code: 'TOO_MANY_OPERATIONS',
        status: 400,
      });
      expect(
        failure(await call({ op: 'transact', set: [{ key: 'same', value: 1 }], delete: ['same'] })),
      ).toMatchObject({
        code: 'DUPLICATE_KEY',
      });
      expect(t.host.kvs.get('same')).toBeUndefined();
    });
  });

  describe('secrets', () => {
    it('stores secrets apart from plain keys', async () => {
      valueOf(await call({ op: 'setSecret', key: 'token', value: { t: 'abc' } }));
      expect(valueOf(await call({ op: 'getSecret', key: 'token' }))).toEqual({ t: 'abc' });
      expect(valueOf(await call({ op: 'get', key: 'token' }))).toEqual({ undefined: true });
      valueOf(await call({ op: 'deleteSecret', key: 'token' }));
      expect(valueOf(await call({ op: 'getSecret', key: 'token' }))).toEqual({ undefined: true });
    });
  });

  describe('custom entities', () => {
    const tickets = [
      { key: 't1', value: { owner: 'alice', priority: 3, open: true } },
      { key: 't2', value: { owner: 'bob', priority: 1, open: true } },
      { key: 't3', value: { owner: 'alice', priority: 2, open: false } },
      { key: 't4', value: { owner: 'alice', priority: 5, open: true } },
    ];
    beforeEach(async () => {
      for (const ticket of tickets) valueOf(await call({ op: 'entitySet', entity: 'ticket', ...ticket }));
    });

    it('gets, sets and deletes entities apart from plain keys', async () => {
      expect(valueOf(await call({ op: 'entityGet', entity: 'ticket', key: 't1' }))).toEqual(
        tickets[0]?.value,
      );
      expect(valueOf(await call({ op: 'get', key: 't1' }))).toEqual({ undefined: true });
      valueOf(await call({ op: 'entityDelete', entity: 'ticket', key: 't1' }));
      expect(valueOf(await call({ op: 'entityGet', entity: 'ticket', key: 't1' }))).toEqual({
        undefined: true,
      });
    });

    it('refuses values that do not fit the declared attributes, and undeclared entities', async () => {
      expect(
        failure(await call({ op: 'entitySet', entity: 'ticket', key: 'x', value: { priority: 'high' } })),
      ).toMatchObject({
        code: 'INVALID_ENTITY_VALUE',
      });
      expect(
        failure(await call({ op: 'entitySet', entity: 'ticket', key: 'x', value: { colour: 'red' } })),
      ).toMatchObject({
        code: 'INVALID_ENTITY_VALUE',
      });
      expect(
        failure(await call({ op: 'entitySet', entity: 'nothing-here', key: 'x', value: {} })),
      ).toMatchObject({ status: 400 });
    });

    it('queries an index with a range, filters, sort and paging', async () => {
      const byPriority = valueOf(
        await call({ op: 'entityQuery', entity: 'ticket', index: 'priority', minPriority: 2 }),
      ) as {
        results: Array<{ key: string }>;
      };
      expect(byPriority.results.map((r) => r.key)).toEqual(['t3', 't1', 't4']);
      const openDesc = valueOf(
        await call({
          op: 'entityQuery',
          entity: 'ticket',
          index: 'priority',
          onlyOpen: true,
          sort: 'DESC',
          limit: 2,
        }),
      ) as { results: Array<{ key: string }>; nextCursor: string };
      expect(openDesc.results.map((r) => r.key)).toEqual(['t4', 't1']);
      const rest = valueOf(
        await call({
          op: 'entityQuery',
          entity: 'ticket',
          index: 'priority',
          onlyOpen: true,
          sort: 'DESC',
          limit: 2,
          cursor: openDesc.nextCursor,
        }),
      ) as { results: Array<{ key: string }>; nextCursor?: string };
      expect(rest.results.map((r) => r.key)).toEqual(['t2']);
      expect(rest.nextCursor).toBeUndefined();
      const alices = valueOf(
        await call({ op: 'entityQuery', entity: 'ticket', index: 'by-owner', partition: ['alice'] }),
      ) as {
        results: Array<{ key: string }>;
      };
      expect(alices.results.map((r) => r.key)).toEqual(['t3', 't1', 't4']);
    });

    it('applies a conditional transaction only when its conditions hold', async () => {
      const changed = { owner: 'alice', priority: 9, open: true };
      expect(
        failure(
          await call({
            op: 'entityTransact',
            entity: 'ticket',
            key: 't2',
            value: changed,
            requireOwner: 'alice',
          }),
        ),
      ).toMatchObject({
        code: 'CONDITIONS_NOT_MET',
        status: 409,
      });
      expect(valueOf(await call({ op: 'entityGet', entity: 'ticket', key: 't2' }))).toEqual(
        tickets[1]?.value,
      );
      valueOf(
        await call({
          op: 'entityTransact',
          entity: 'ticket',
          key: 't1',
          value: changed,
          requireOwner: 'alice',
        }),
      );
      expect(valueOf(await call({ op: 'entityGet', entity: 'ticket', key: 't1' }))).toEqual(changed);
    });
  });
});

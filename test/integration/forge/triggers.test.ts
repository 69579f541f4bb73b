import { FIXTURE_APP_ID, issueEvent, startTestHost, type TestHost } from './helpers';

/**
 * Contract tests: the fixture's triggers (real @forge/events InvocationError, real @forge/kvs) delivered by
 * the local Forge host from the ProductEventBus, with retries and schedules on a frozen site clock.
 */
describe('local Forge host: product event triggers', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(() => t.close());

  const alice = { kind: 'user', accountId: 'alice' } as const;
  const asApp = { kind: 'app', appId: FIXTURE_APP_ID } as const;

  it('delivers an event to the subscribed trigger after the emitting call, not inside it', async () => {
    t.events.emit(issueEvent('avi:jira:created:issue', 'X-1', alice));
    expect(t.host.kvs.get('seen:avi:jira:created:issue:X-1')).toBeUndefined();
    await t.host.idle();
    expect(t.host.kvs.get('seen:avi:jira:created:issue:X-1')).toBe(1);
    expect(t.host.kvs.get('context:avi:jira:created:issue')).toEqual({
      installContext: 'ari:cloud:jira::site/test-cloud',
      moduleKey: 'issue-listener',
    });
    expect(t.host.invocations()).toEqual([
      expect.objectContaining({
        kind: 'trigger',
        functionKey: 'on-issue-event',
        moduleKey: 'issue-listener',
        eventType: 'avi:jira:created:issue',
        retryCount: 0,
        outcome: 'ok',
      }),
    ]);
  });

  it('waits until the resolver whose Jira call caused an event has returned', async () => {
    await t.host.invokeResolver({
      moduleKey: 'fixture-panel',
      functionKey: 'commentAsApp',
      payload: { issueKey: 'X-1', text: 'hi' },
    });
    expect(t.host.kvs.get('audit')).toBeUndefined();
    await t.host.idle();
    expect(t.host.kvs.get('audit')).toEqual(['avi:jira:commented:issue X-1 by the app']);
  });

  it('honours ignoreSelf: events the app caused, as itself or for a person, skip that trigger only', async () => {
    // The created event makes the trigger comment as the app; that commented event comes back.
    t.events.emit(issueEvent('avi:jira:created:issue', 'X-2', alice, { summary: 'needs a welcome' }));
    await t.host.idle();
    expect(t.host.kvs.get('seen:avi:jira:created:issue:X-2')).toBe(1);
    expect(t.host.kvs.get('seen:avi:jira:commented:issue:X-2')).toBeUndefined();
    expect(t.host.kvs.get('audit')).toEqual(['avi:jira:commented:issue X-2 by the app']);

    t.events.emit(
      issueEvent('avi:jira:commented:issue', 'X-1', {
        kind: 'app-user',
        appId: FIXTURE_APP_ID,
        accountId: 'alice',
      }),
    );
    t.events.emit(issueEvent('avi:jira:commented:issue', 'X-1', asApp));
    await t.host.idle();
    expect(t.host.kvs.get('seen:avi:jira:commented:issue:X-1')).toBeUndefined();

    // Another app's events, and people's, are delivered.
    // One after the other: the fixture counts with a plain read and write, which deliveries running side
    // by side would race.
    t.events.emit(issueEvent('avi:jira:commented:issue', 'X-1', { kind: 'app', appId: 'another-app' }));
    await t.host.idle();
    t.events.emit(issueEvent('avi:jira:commented:issue', 'X-1', alice));
    await t.host.idle();
    expect(t.host.kvs.get('seen:avi:jira:commented:issue:X-1')).toBe(2);
  });

  it('retries a trigger that returns InvocationError after retryAfter on the site clock, until it succeeds', async () => {
    t.events.emit(issueEvent('avi:jira:updated:issue', 'X-1', alice));
    await t.host.idle();
    expect(t.host.kvs.get('flaky:X-1')).toBe(1);
    expect(t.host.pendingRetries()).toEqual([
      {
        functionKey: 'flaky',
        moduleKey: 'flaky-listener',
        retryCount: 1,
        dueAt: new Date(t.clock.nowMs() + 60_000).toISOString(),
      },
    ]);

    t.clock.advanceMinutes(0.5);
    await t.host.idle();
    expect(t.host.kvs.get('flaky:X-1')).toBe(1);

    t.clock.advanceMinutes(0.5);
    await t.host.idle();
    expect(t.host.kvs.get('flaky:X-1')).toBe(2);
    expect(t.host.kvs.get('flaky:X-1:attempt-2')).toEqual({
      retryContext: {
        retryCount: 1,
        retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
        retryData: { attempts: 1 },
      },
    });

    t.clock.advanceMinutes(1);
    await t.host.idle();
    expect(t.host.kvs.get('flaky:X-1')).toBe(3);
    expect(t.host.kvs.get('flaky:X-1:attempt-3')).toEqual({
      retryContext: {
        retryCount: 2,
        retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
        retryData: { attempts: 2 },
      },
    });
    expect(t.host.kvs.get('flaky:X-1:done')).toBe(true);
    expect(t.host.pendingRetries()).toEqual([]);
    expect(t.host.invocations().map((r) => [r.retryCount, r.outcome])).toEqual([
      [0, 'retry'],
      [1, 'retry'],
      [2, 'ok'],
    ]);
  });

  it('stops after 4 retries of a trigger that always throws InvocationError', async () => {
    t.events.emit(issueEvent('avi:jira:assigned:issue', 'X-1', alice));
    await t.host.idle();
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(1);
      await t.host.idle();
    }
    expect(t.host.kvs.get('hopeless:X-1')).toBe(5);
    expect(t.host.kvs.get('hopeless:X-1:attempt-5')).toEqual({
      retryContext: { retryCount: 4, retryReason: 'FUNCTION_RETRY_REQUEST' },
    });
    expect(t.host.invocations().map((r) => r.retryCount)).toEqual([0, 1, 2, 3, 4]);
    expect(t.host.invocations().every((r) => r.outcome === 'retry')).toBe(true);
    expect(t.host.pendingRetries()).toEqual([]);
    expect(t.logs.join('\n')).toContain('still asks for a retry after 4 retries');
  });

  it('logs an ordinary error and does not retry it', async () => {
    t.events.emit(issueEvent('avi:jira:deleted:issue', 'X-1', alice));
    await t.host.idle();
    t.clock.advanceMinutes(30);
    await t.host.idle();
    expect(t.host.kvs.get('broken:X-1')).toBe(1);
    expect(t.host.invocations()).toEqual([
      expect.objectContaining({ functionKey: 'broken', outcome: 'error', error: 'Error: broken trigger' }),
    ]);
    expect(t.logs.join('\n')).toContain(
      'trigger broken-listener (avi:jira:deleted:issue) failed: Error: broken trigger',
    );
  });

  it('adds what payload.include asks for, read from Jira when the event is emitted', async () => {
    t.events.emit(issueEvent('avi:jira:commented:issue', 'X-1', alice));
    await t.host.idle();
    expect(t.host.kvs.get('included:X-1')).toEqual({
      fields: { summary: 'First issue', labels: ['vip'], priority: { name: 'High' } },
      // The fixture property has no `missing` sub-path: left out.
      properties: { "issue.properties['fixture'].state": 'open' },
    });
    // An issue without the property, and with empty fields: those come as Jira renders them.
    t.events.emit(issueEvent('avi:jira:commented:issue', 'X-2', alice, { summary: 'needs a welcome' }));
    await t.host.idle();
    expect(t.host.kvs.get('included:X-2')).toEqual({
      fields: { summary: 'needs a welcome', labels: [], priority: null },
      properties: {},
    });
    expect(t.logs.filter((l) => l.includes('payload.include'))).toEqual([]);
  });

  it('reset drops pending retries and the invocation log, and leaves KVS to kvs.clear()', async () => {
    t.events.emit(issueEvent('avi:jira:updated:issue', 'X-1', alice));
    await t.host.idle();
    expect(t.host.pendingRetries()).toHaveLength(1);
    expect(t.host.invocations()).toHaveLength(1);

    t.host.reset();
    expect(t.host.pendingRetries()).toEqual([]);
    expect(t.host.invocations()).toEqual([]);
    t.clock.advanceMinutes(5);
    await t.host.idle();
    expect(t.host.kvs.get('flaky:X-1')).toBe(1);
    expect(t.host.invocations()).toEqual([]);

    // Still delivering after the reset.
    t.events.emit(issueEvent('avi:jira:created:issue', 'X-1', alice));
    await t.host.idle();
    expect(t.host.invocations().map((r) => r.moduleKey)).toEqual(['issue-listener']);
  });

  it('stops delivering once closed', async () => {
    t.host.close();
    t.events.emit(issueEvent('avi:jira:created:issue', 'X-1', alice));
    await t.host.idle();
    expect(t.host.invocations()).toEqual([]);
  });
});

describe('local Forge host: payload.include without a way to read Jira', () => {
  it('delivers the event as Jira emitted it and warns once for the trigger', async () => {
    const t = await startTestHost({ enrich: false });
    try {
      const alice = { kind: 'user', accountId: 'alice' } as const;
      t.events.emit(issueEvent('avi:jira:commented:issue', 'X-1', alice));
      t.events.emit(issueEvent('avi:jira:commented:issue', 'X-1', alice));
      await t.host.idle();
      expect(t.host.kvs.get('included:X-1')).toEqual({
        fields: { summary: 'First issue' },
        properties: null,
      });
      expect(t.logs.filter((l) => l.includes('payload.include'))).toEqual([
        'trigger enriched-listener: payload.include.fields is not honoured: the site cannot read issue fields for events.',
        'trigger enriched-listener: payload.include.propertyPaths is not honoured: the site cannot read entity properties for events.',
      ]);
    } finally {
      t.close();
    }
  });
});

describe('local Forge host: scheduled triggers', () => {
  let t: TestHost;
  beforeEach(async () => {
    t = await startTestHost();
  });
  afterEach(() => t.close());

  it('runs each scheduled trigger one interval after start, then every interval', async () => {
    t.clock.advanceMinutes(59);
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBeUndefined();

    t.clock.advanceMinutes(1);
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBe(1);
    expect(t.host.kvs.get('sweep:last')).toEqual({
      request: {
        context: { cloudId: 'test-cloud', moduleKey: 'hourly-sweep' },
        contextToken: expect.any(String),
      },
      installContext: 'ari:cloud:jira::site/test-cloud',
      moduleKey: 'hourly-sweep',
    });

    t.clock.advanceMinutes(60);
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBe(2);
  });

  it('runs once, not once per missed slot, when the clock jumps several intervals', async () => {
    t.clock.advanceMinutes(5 * 60 + 10);
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBe(1);
    expect(t.host.nextScheduledRuns()).toContainEqual({
      key: 'hourly-sweep',
      interval: 'hour',
      nextRunAt: new Date(Date.parse('2026-03-02T09:00:00Z') + 6 * 3_600_000).toISOString(),
    });
  });

  it('logs a failing scheduled trigger and does not retry it', async () => {
    t.clock.advanceMinutes(24 * 60);
    await t.host.idle();
    t.clock.advanceMinutes(10);
    await t.host.idle();
    const failures = t.host.invocations().filter((r) => r.functionKey === 'failing-sweep');
    expect(failures).toEqual([
      expect.objectContaining({
        kind: 'scheduled',
        outcome: 'error',
        error: 'Error: the daily sweep failed',
      }),
    ]);
    expect(t.logs.join('\n')).toContain('scheduled trigger daily-failure failed');
  });

  it('runs the due ones on request, or all of them, and reports each', async () => {
    expect(await t.host.runScheduledTriggers()).toEqual([]);
    expect(await t.host.runScheduledTriggers({ all: true })).toEqual([
      { key: 'hourly-sweep', ok: true },
      { key: 'daily-failure', ok: false, error: 'Error: the daily sweep failed' },
    ]);
    expect(t.host.kvs.get('sweep:runs')).toBe(1);
    // A manual run leaves the schedule alone: the hourly run still comes an hour after start, by itself.
    t.clock.advanceMinutes(60);
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBe(2);
    expect(await t.host.runScheduledTriggers()).toEqual([]);
  });

  it('restarts the schedules on reset: the next run is one interval after it', async () => {
    t.clock.advanceMinutes(45);
    t.host.reset();
    expect(t.host.nextScheduledRuns()).toContainEqual({
      key: 'hourly-sweep',
      interval: 'hour',
      nextRunAt: '2026-03-02T10:45:00.000Z',
    });
    t.clock.advanceMinutes(15); // 10:00, when it was due before the reset
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBeUndefined();
    t.clock.advanceMinutes(45);
    await t.host.idle();
    expect(t.host.kvs.get('sweep:runs')).toBe(1);
  });
});

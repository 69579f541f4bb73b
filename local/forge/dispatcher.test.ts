import { SiteClock } from '../clock';
import type { ProductEvent } from '../events';
import {
  DeliverySettingsError,
  TriggerDispatcher,
  type DispatcherOptions,
  type RunOutcome,
  type TriggerJob,
} from './dispatcher';
import type { ScheduledTriggerModule, TriggerModule } from './manifest';
import type { EventEnrichment } from './payload-include';

const trigger: TriggerModule = { key: 'listener', function: 'on-event', events: ['avi:jira:updated:issue'] };
const event: ProductEvent = {
  eventType: 'avi:jira:updated:issue',
  payload: { eventType: 'avi:jira:updated:issue', issue: { key: 'X-1' } },
  causedBy: { kind: 'user', accountId: 'alice' },
};

function dispatcher(
  clock: SiteClock,
  answers: RunOutcome[],
  hold?: () => Promise<void> | undefined,
  extra: Partial<DispatcherOptions> = {},
) {
  const runs: TriggerJob[] = [];
  const d = new TriggerDispatcher({
    ...extra,
    appId: 'app',
    clock,
    cloudId: 'cloud',
    triggers: [trigger],
    scheduled: [],
    run:
      extra.run ??
      (async (job) => {
        runs.push(job);
        return answers.shift() ?? { outcome: 'ok' };
      }),
    currentInvocationDone: hold ?? (() => undefined),
    log: () => undefined,
  });
  return { d, runs };
}

describe('TriggerDispatcher', () => {
  it('fires a retry on a wall-clock timer when the site clock runs in real mode', async () => {
    const { d, runs } = dispatcher(new SiteClock('real'), [
      { outcome: 'retry', retryOptions: { retryAfter: 1 } },
    ]);
    try {
      d.onProductEvent(event);
      await d.idle();
      expect(runs).toHaveLength(1);
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (runs.length === 2) {
            clearInterval(poll);
            resolve();
          }
        }, 50);
      });
      expect(runs[1]?.event).toMatchObject({
        retryContext: { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST' },
      });
    } finally {
      d.close();
    }
  });

  it('on a frozen clock, fires retries only when the clock is moved', async () => {
    const clock = new SiteClock('frozen');
    const { d, runs } = dispatcher(clock, [{ outcome: 'retry', retryOptions: { retryAfter: 0 } }]);
    try {
      d.onProductEvent(event);
      await d.idle();
      // retryAfter below 1 s is raised to Forge's minimum of 1 s.
      expect(d.pendingRetries()).toEqual([
        expect.objectContaining({ dueAt: new Date(clock.nowMs() + 1000).toISOString() }),
      ]);
      clock.advanceMinutes(1 / 60);
      await d.idle();
      expect(runs).toHaveLength(2);
    } finally {
      d.close();
    }
  });

  it('holds deliveries caused inside an invocation until that invocation ends', async () => {
    let release = (): void => undefined;
    const invocationEnds = new Promise<void>((resolve) => (release = resolve));
    const { d, runs } = dispatcher(new SiteClock('frozen'), [], () => invocationEnds);
    try {
      d.onProductEvent(event);
      await new Promise((resolve) => setImmediate(resolve));
      expect(runs).toHaveLength(0);
      const idle = d.idle();
      release();
      await idle;
      expect(runs).toHaveLength(1);
    } finally {
      d.close();
    }
  });

  it('starts deliveries in the order events arrived', async () => {
    const { d, runs } = dispatcher(new SiteClock('frozen'), []);
    try {
      for (const key of ['A-1', 'A-2', 'A-3'])
        d.onProductEvent({ ...event, payload: { ...event.payload, issue: { key } } });
      await d.idle();
      expect(runs.map((r) => (r.event as { issue: { key: string } }).issue.key)).toEqual([
        'A-1',
        'A-2',
        'A-3',
      ]);
    } finally {
      d.close();
    }
  });

  it('runs up to `concurrency` deliveries side by side, never more', async () => {
    let running = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const { d } = dispatcher(new SiteClock('frozen'), [], undefined, {
      delivery: { concurrency: 3 },
      run: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return { outcome: 'ok' };
      },
    });
    try {
      for (let i = 1; i <= 7; i++)
        d.onProductEvent({ ...event, payload: { ...event.payload, issue: { key: `A-${i}` } } });
      const idle = d.idle();
      const release = setInterval(() => gates.shift()?.(), 1);
      await idle;
      clearInterval(release);
      expect(most).toBe(3);
      expect(running).toBe(0);
    } finally {
      d.close();
    }
  });

  it('with maxCopies, delivers each event one to that many times, copies overlapping the first', async () => {
    const draws = [0.99, 0, 0.5];
    const started: string[] = [];
    let overlapping = 0;
    let running = 0;
    const { d } = dispatcher(new SiteClock('frozen'), [], undefined, {
      delivery: { maxCopies: 3, concurrency: 10 },
      random: () => draws.shift() ?? 0,
      run: async (job) => {
        started.push((job.event as { issue: { key: string } }).issue.key);
        running++;
        if (running > 1) overlapping++;
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return { outcome: 'ok' };
      },
    });
    try {
      for (const key of ['A-1', 'A-2', 'A-3'])
        d.onProductEvent({ ...event, payload: { ...event.payload, issue: { key } } });
      await d.idle();
      expect(started).toEqual(['A-1', 'A-1', 'A-1', 'A-2', 'A-3', 'A-3']);
      expect(overlapping).toBeGreaterThan(0);
      expect(d.deliverySettings().copiesMade).toBe(3);
    } finally {
      d.close();
    }
  });

  it('with shuffle, picks the next due delivery at random', async () => {
    const draws = [0.9, 0.9, 0];
    const { d, runs } = dispatcher(new SiteClock('frozen'), [], undefined, {
      delivery: { shuffle: true, concurrency: 1 },
      random: () => draws.shift() ?? 0,
    });
    try {
      for (const key of ['A-1', 'A-2', 'A-3'])
        d.onProductEvent({ ...event, payload: { ...event.payload, issue: { key } } });
      await d.idle();
      expect(runs.map((r) => (r.event as { issue: { key: string } }).issue.key)).toEqual([
        'A-3',
        'A-2',
        'A-1',
      ]);
    } finally {
      d.close();
    }
  });

  it("refuses bad delivery settings in words and keeps the ones it had; reset restores the site's own", () => {
    const { d } = dispatcher(new SiteClock('frozen'), [], undefined, { delivery: { concurrency: 2 } });
    try {
      expect(() => d.setDelivery({ concurrency: 0 })).toThrow(
        new DeliverySettingsError('concurrency must be a whole number from 1 to 1000.'),
      );
      expect(() => d.setDelivery({ copies: 2 })).toThrow('Unknown delivery setting: copies.');
      expect(() => d.setDelivery('fast')).toThrow('Delivery settings must be an object.');
      expect(d.setDelivery({ maxCopies: 3 })).toEqual({ concurrency: 2, maxCopies: 3, shuffle: false });
      d.reset();
      expect(d.deliverySettings()).toEqual({ concurrency: 2, maxCopies: 1, shuffle: false, copiesMade: 0 });
    } finally {
      d.close();
    }
  });

  it('gives each delivery its own copy of the payload', async () => {
    const { d, runs } = dispatcher(new SiteClock('frozen'), []);
    try {
      d.onProductEvent(event);
      await d.idle();
      expect(runs[0]?.event).toEqual(event.payload);
      expect(runs[0]?.event).not.toBe(event.payload);
    } finally {
      d.close();
    }
  });

  it('ignores events of types no trigger lists', async () => {
    const { d, runs } = dispatcher(new SiteClock('frozen'), []);
    try {
      d.onProductEvent({ ...event, eventType: 'avi:jira:deleted:issue' });
      await d.idle();
      expect(runs).toEqual([]);
    } finally {
      d.close();
    }
  });

  describe('payload.include', () => {
    const created: ProductEvent = {
      eventType: 'avi:jira:created:issue',
      payload: {
        eventType: 'avi:jira:created:issue',
        issue: { id: '10001', key: 'X-1', fields: { summary: 's' } },
      },
      causedBy: { kind: 'user', accountId: 'alice' },
    };
    const includeTrigger: TriggerModule = {
      key: 'router',
      function: 'route',
      events: [
        { eventType: 'avi:jira:created:issue', payload: { include: { fields: ['labels'] } } },
        'avi:jira:updated:issue',
      ],
      // The event's own payload.include wins over the trigger's, as filter does.
      payload: { include: { fields: ['priority'] } },
    };

    function includer(enrichment: EventEnrichment | undefined, logs: string[]) {
      const runs: TriggerJob[] = [];
      const d = new TriggerDispatcher({
        appId: 'app',
        clock: new SiteClock('frozen'),
        cloudId: 'cloud',
        triggers: [includeTrigger],
        scheduled: [],
        run: async (job) => {
          runs.push(job);
          return { outcome: 'ok' };
        },
        currentInvocationDone: () => undefined,
        log: (message) => logs.push(message),
        enrichment,
      });
      return { d, runs };
    }

    it('adds the fields each event asks for, as they were when the event was emitted', async () => {
      const logs: string[] = [];
      let labels = ['vip'];
      const asked: string[][] = [];
      const { d, runs } = includer(
        {
          eventFields: (issueId, fieldIds) => {
            asked.push([issueId, ...fieldIds]);
            return { labels: [...labels], priority: { name: 'High' } };
          },
        },
        logs,
      );
      try {
        d.onProductEvent(created);
        labels = ['changed later'];
        d.onProductEvent({ ...event, payload: { ...event.payload, issue: { id: '10001', key: 'X-1' } } });
        await d.idle();
        expect(asked).toEqual([
          ['10001', 'labels'],
          ['10001', 'priority'],
        ]);
        expect(runs.map((r) => (r.event as { issue: { fields?: unknown } }).issue.fields)).toEqual([
          { summary: 's', labels: ['vip'] },
          { priority: { name: 'High' } },
        ]);
        expect(logs).toEqual([]);
      } finally {
        d.close();
      }
    });

    it('without a way to read Jira, delivers the event as it is and warns once per trigger', async () => {
      const logs: string[] = [];
      const { d, runs } = includer(undefined, logs);
      try {
        d.onProductEvent(created);
        d.onProductEvent(created);
        await d.idle();
        expect(runs.map((r) => r.event)).toEqual([created.payload, created.payload]);
        expect(logs).toEqual([
          'trigger router: payload.include.fields is not honoured: the site cannot read issue fields for events.',
        ]);
      } finally {
        d.close();
      }
    });
  });

  describe('reset', () => {
    const hourly: ScheduledTriggerModule = { key: 'sweep', function: 'sweep', interval: 'hour' };

    it('drops pending retries, drops a retry asked for by a run in progress, and restarts the schedules', async () => {
      const clock = new SiteClock('frozen', new Date('2026-03-02T09:00:00Z'));
      const runs: TriggerJob[] = [];
      let finishRun = (): void => undefined;
      const d = new TriggerDispatcher({
        appId: 'app',
        clock,
        cloudId: 'cloud',
        triggers: [trigger],
        scheduled: [hourly],
        run: async (job) => {
          runs.push(job);
          if (job.kind === 'scheduled') return { outcome: 'ok' };
          // The second delivery is still running when the site is reset.
          if (runs.length === 2) await new Promise<void>((resolve) => (finishRun = resolve));
          return { outcome: 'retry', retryOptions: { retryAfter: 60 } };
        },
        currentInvocationDone: () => undefined,
        log: () => undefined,
        // One at a time, so the retry due at 09:31 waits while the new delivery runs.
        delivery: { concurrency: 1 },
      });
      try {
        d.onProductEvent(event);
        await d.idle();
        expect(d.pendingRetries()).toHaveLength(1);

        clock.advanceMinutes(30);
        d.onProductEvent(event);
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        expect(runs).toHaveLength(2);

        d.reset();
        expect(d.pendingRetries()).toEqual([]);
        expect(d.nextScheduledRuns()).toEqual([
          { key: 'sweep', interval: 'hour', nextRunAt: '2026-03-02T10:30:00.000Z' },
        ]);
        finishRun();
        await d.idle();
        expect(d.pendingRetries()).toEqual([]);

        // 10:00, when the sweep was due before the reset: nothing runs; the old retry never comes.
        clock.advanceMinutes(30);
        await d.idle();
        expect(runs).toHaveLength(2);
        clock.advanceMinutes(30);
        await d.idle();
        expect(runs.map((r) => r.kind)).toEqual(['trigger', 'trigger', 'scheduled']);
      } finally {
        d.close();
      }
    });

    it('answers a queued manual scheduled run instead of leaving it waiting', async () => {
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const d = new TriggerDispatcher({
        appId: 'app',
        clock: new SiteClock('frozen'),
        cloudId: 'cloud',
        triggers: [trigger],
        scheduled: [hourly],
        run: async (job) => {
          if (job.kind === 'trigger') await held;
          return { outcome: 'ok' };
        },
        currentInvocationDone: () => undefined,
        log: () => undefined,
      });
      try {
        d.onProductEvent(event); // keeps the worker busy, so the manual run waits in the queue
        await new Promise((resolve) => setImmediate(resolve));
        const manual = d.runScheduled(true);
        d.reset();
        release();
        await expect(manual).resolves.toEqual([
          { key: 'sweep', ok: false, error: 'Dropped: the site was reset before it ran.' },
        ]);
      } finally {
        d.close();
      }
    });
  });
});

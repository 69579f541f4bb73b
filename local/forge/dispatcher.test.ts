import { SiteClock } from '../clock';
import type { ProductEvent } from '../events';
import { TriggerDispatcher, type RunOutcome, type TriggerJob } from './dispatcher';
import type { TriggerModule } from './manifest';

const trigger: TriggerModule = { key: 'listener', function: 'on-event', events: ['avi:jira:updated:issue'] };
const event: ProductEvent = {
  eventType: 'avi:jira:updated:issue',
  payload: { eventType: 'avi:jira:updated:issue', issue: { key: 'X-1' } },
  causedBy: { kind: 'user', accountId: 'alice' },
};

function dispatcher(clock: SiteClock, answers: RunOutcome[], hold?: () => Promise<void> | undefined) {
  const runs: TriggerJob[] = [];
  const d = new TriggerDispatcher({
    appId: 'app',
    clock,
    cloudId: 'cloud',
    triggers: [trigger],
    scheduled: [],
    run: async (job) => {
      runs.push(job);
      return answers.shift() ?? { outcome: 'ok' };
    },
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

  it('delivers in the order events arrived, one at a time', async () => {
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
});

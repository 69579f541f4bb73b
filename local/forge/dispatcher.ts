import type { SiteClock } from '../clock';
import type { ProductEvent } from '../events';
import type {
  ScheduledInterval,
  ScheduledTriggerModule,
  TriggerEventSpec,
  TriggerFilter,
  TriggerModule,
  TriggerPayload,
} from './manifest';
import { includeInPayload, type EventEnrichment } from './payload-include';

/**
 * Delivers product events to `trigger` modules and runs `scheduledTrigger` modules, on the site clock.
 *
 * - Deliveries are queued and run after the request that caused them (never inside it), so a test can
 *   emit, then `await idle()`. As on Forge, where each delivery is an invocation of its own, several run
 *   side by side (`delivery.concurrency`, 10 by default); scheduled runs overlap with them.
 * - Forge delivers each event at least once and in no guaranteed order. `delivery.maxCopies` above 1
 *   delivers each product event one to that many times (the copies may run while the first still runs),
 *   and `delivery.shuffle` picks the next delivery at random among those due instead of the oldest.
 * - `filter.ignoreSelf` drops events the app caused, as itself or acting for a person.
 * - `payload.include` adds issue fields and entity property values to each delivery, read from Jira when
 *   the event is emitted (see payload-include.ts).
 * - A trigger that returns or throws an `InvocationError` (`{ _retry: true, retryOptions }`) is delivered
 *   again after `retryAfter` seconds of site time (1–900), with `retryContext` on the event, at most 4 times.
 *   Any other error is logged and dropped: Forge retries only on request, or for platform failures
 *   (timeouts, out-of-memory, platform rate limits), which the local site does not produce.
 * - Scheduled triggers first run one interval after the host starts, then every interval; a run that
 *   fails is logged and not retried, as on Forge. When the clock jumps several intervals, one run happens
 *   and the next is set to the following slot (missed slots are not replayed).
 * - Work that falls due fires on a timer while the clock runs (`real` mode) and whenever the clock is
 *   moved (`onChange`, which is how a `frozen` clock advances).
 * - `reset()` drops pending deliveries and retries and starts the schedules afresh, as a new install would.
 */

export type RunOutcome =
  | { readonly outcome: 'ok' }
  | { readonly outcome: 'error'; readonly error: string }
  | { readonly outcome: 'retry'; readonly retryOptions: RetryOptions };

export interface RetryOptions {
  readonly retryAfter?: number;
  readonly retryReason?: string;
  readonly retryData?: unknown;
}

export interface TriggerJob {
  readonly kind: 'trigger' | 'scheduled';
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly moduleType: 'trigger' | 'scheduledTrigger';
  readonly event: unknown;
  readonly eventType?: string;
  readonly retryCount: number;
}

/** How the dispatcher delivers: how many at once, how many copies of each event, in what order. */
export interface DeliverySettings {
  /** Deliveries that may run at the same time (1..1000). */
  readonly concurrency: number;
  /** Each product event is delivered 1..maxCopies times, drawn per event (1..5); 1 is exactly once. */
  readonly maxCopies: number;
  /** Pick the next due delivery at random rather than the oldest. */
  readonly shuffle: boolean;
}

/**
 * Forge publishes no limit on trigger invocations running at once (each is its own function run); ten
 * at a time keeps the local site's log readable while still racing deliveries against each other.
 */
export const DEFAULT_DELIVERY: DeliverySettings = { concurrency: 10, maxCopies: 1, shuffle: false };

export interface DispatcherOptions {
  readonly appId: string;
  readonly clock: SiteClock;
  readonly cloudId: string;
  readonly triggers: readonly TriggerModule[];
  readonly scheduled: readonly ScheduledTriggerModule[];
  readonly run: (job: TriggerJob) => Promise<RunOutcome>;
  /**
   * When the event was emitted by a call the app made inside one of its own invocations, a promise that
   * settles when that invocation ends: its deliveries wait for it, so they never run inside the request.
   */
  readonly currentInvocationDone: () => Promise<void> | undefined;
  readonly log: (message: string) => void;
  /** How `payload.include` reads Jira; without it, `payload.include` is logged as not honoured. */
  readonly enrichment?: EventEnrichment;
  readonly delivery?: Partial<DeliverySettings>;
  /** Draws for copies and shuffling; injectable so a chaos run can be replayed. */
  readonly random?: () => number;
}

export const MAX_RETRIES = 4;
const MAX_RETRY_AFTER_SECONDS = 900;
const INTERVAL_MS: Readonly<Record<ScheduledInterval, number>> = {
  fiveMinute: 5 * 60_000,
  hour: 60 * 60_000,
  day: 24 * 60 * 60_000,
  week: 7 * 24 * 60 * 60_000,
};
/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2_147_483_647;

interface Work {
  readonly seq: number;
  readonly dueAtMs: number;
  readonly job: TriggerJob;
  readonly done?: (outcome: RunOutcome) => void;
  /** Waiting for the invocation that caused it to end. */
  held?: boolean;
}

interface Schedule {
  readonly module: ScheduledTriggerModule;
  readonly intervalMs: number;
  nextDueMs: number;
}

export class TriggerDispatcher {
  private readonly queue: Work[] = [];
  private readonly schedules: Schedule[];
  private seq = 0;
  /** Deliveries running now. */
  private readonly running = new Set<Promise<void>>();
  /** A start is queued for a later turn of the event loop. */
  private starting = false;
  private delivery: DeliverySettings;
  private readonly random: () => number;
  /** Product-event deliveries beyond the first, made to honour `maxCopies`. */
  private copiesMade = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly unsubscribeClock: () => void;
  /** Warnings already logged, by trigger and problem: each is logged once. */
  private readonly warned = new Set<string>();
  private readonly holds = new Set<Promise<void>>();
  /** Bumped by reset(): a run that started before it does not queue its retry. */
  private epoch = 0;

  constructor(private readonly options: DispatcherOptions) {
    this.delivery = parseDelivery({ ...DEFAULT_DELIVERY, ...options.delivery });
    this.random = options.random ?? Math.random;
    const start = options.clock.nowMs();
    this.schedules = options.scheduled.map((module) => {
      const intervalMs = INTERVAL_MS[module.interval];
      return { module, intervalMs, nextDueMs: start + intervalMs };
    });
    this.unsubscribeClock = options.clock.onChange(() => this.wake());
    this.arm();
  }

  /** Queues one delivery per trigger module subscribed to the event (listener of the ProductEventBus). */
  onProductEvent(event: ProductEvent): void {
    if (this.closed) return;
    const added: Work[] = [];
    for (const trigger of this.options.triggers) {
      const spec = subscription(trigger, event.eventType);
      if (!spec) continue;
      const filter = spec.filter ?? trigger.filter;
      if (filter?.ignoreSelf && this.causedBySelf(event)) continue;
      if (filter?.expression) {
        this.warnOnce(trigger, 'filter.expression is not evaluated locally; every event is delivered.');
      }
      // Each delivery gets its own copy, as if it had crossed the wire.
      const copy = JSON.parse(JSON.stringify(event.payload)) as unknown;
      const include = (spec.payload ?? trigger.payload)?.include;
      const { payload, problems } = includeInPayload(
        copy,
        event.eventType,
        include,
        this.options.enrichment ?? {},
      );
      for (const problem of problems) this.warnOnce(trigger, `${problem}.`);
      const copies =
        this.delivery.maxCopies === 1 ? 1 : 1 + Math.floor(this.random() * this.delivery.maxCopies);
      this.copiesMade += copies - 1;
      for (let n = 0; n < copies; n++) {
        added.push(
          this.enqueue(this.options.clock.nowMs(), {
            kind: 'trigger',
            functionKey: trigger.function,
            moduleKey: trigger.key,
            moduleType: 'trigger',
            event: n === 0 ? payload : (JSON.parse(JSON.stringify(payload)) as unknown),
            eventType: event.eventType,
            retryCount: 0,
          }),
        );
      }
    }
    const gate = added.length > 0 ? this.options.currentInvocationDone() : undefined;
    if (gate) {
      for (const work of added) work.held = true;
      const hold = gate.then(() => {
        this.holds.delete(hold);
        for (const work of added) work.held = false;
        this.kick();
      });
      this.holds.add(hold);
      return;
    }
    this.kick();
  }

  /** How deliveries are made now. */
  deliverySettings(): DeliverySettings & { readonly copiesMade: number } {
    return { ...this.delivery, copiesMade: this.copiesMade };
  }

  /** Changes how deliveries are made from now on (throws `DeliverySettingsError` on bad input). */
  setDelivery(settings: unknown): DeliverySettings {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      throw new DeliverySettingsError('Delivery settings must be an object.');
    }
    this.delivery = parseDelivery({ ...this.delivery, ...settings });
    this.kick();
    return this.delivery;
  }

  /** Resolves when nothing is due and nothing is running (retries and schedules in the future do not count). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running.size > 0) {
        await Promise.race(this.running);
        continue;
      }
      if (this.starting) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (this.nextDue()) {
        this.kick();
        continue;
      }
      if (this.holds.size > 0) {
        await Promise.race(this.holds);
        continue;
      }
      return;
    }
  }

  /** Runs the scheduled triggers that are due (or all) now, through the same queue, and reports each. */
  async runScheduled(all: boolean): Promise<Array<{ key: string; ok: boolean; error?: string }>> {
    const now = this.options.clock.nowMs();
    const picked = this.schedules.filter((s) => all || s.nextDueMs <= now);
    const runs = picked.map((schedule) => {
      // A manual run of a trigger that is not due yet leaves its schedule alone.
      if (schedule.nextDueMs <= now) this.advance(schedule, now);
      return new Promise<RunOutcome>((resolve) =>
        this.enqueue(now, this.scheduledJob(schedule.module), resolve),
      ).then((outcome) => ({
        key: schedule.module.key,
        ok: outcome.outcome === 'ok',
        ...(outcome.outcome === 'error' ? { error: outcome.error } : {}),
      }));
    });
    this.kick();
    this.arm();
    return Promise.all(runs);
  }

  /** When each scheduled trigger runs next (site clock), for the control API. */
  nextScheduledRuns(): Array<{ key: string; interval: ScheduledInterval; nextRunAt: string }> {
    return this.schedules.map((s) => ({
      key: s.module.key,
      interval: s.module.interval,
      nextRunAt: new Date(s.nextDueMs).toISOString(),
    }));
  }

  /** Deliveries waiting for a later time (retries), for inspection. */
  pendingRetries(): Array<{ functionKey: string; moduleKey: string; retryCount: number; dueAt: string }> {
    return this.queue
      .filter((w) => w.job.retryCount > 0)
      .map((w) => ({
        functionKey: w.job.functionKey,
        moduleKey: w.job.moduleKey,
        retryCount: w.job.retryCount,
        dueAt: new Date(w.dueAtMs).toISOString(),
      }));
  }

  /**
   * Forgets pending deliveries and retries (a manual scheduled run waiting in the queue reports an error)
   * and restarts every schedule: the next run is one interval from now; delivery settings return to the
   * site's own. A run in progress finishes, but its retry request is dropped.
   */
  reset(): void {
    this.epoch++;
    this.delivery = parseDelivery({ ...DEFAULT_DELIVERY, ...this.options.delivery });
    this.copiesMade = 0;
    for (const work of this.queue.splice(0)) {
      work.done?.({ outcome: 'error', error: 'Dropped: the site was reset before it ran.' });
    }
    const now = this.options.clock.nowMs();
    for (const schedule of this.schedules) schedule.nextDueMs = now + schedule.intervalMs;
    this.arm();
  }

  close(): void {
    this.closed = true;
    this.unsubscribeClock();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.length = 0;
  }

  private warnOnce(trigger: TriggerModule, message: string): void {
    const key = `${trigger.key}\n${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.log(`trigger ${trigger.key}: ${message}`);
  }

  private causedBySelf(event: ProductEvent): boolean {
    const by = event.causedBy;
    return (by.kind === 'app' || by.kind === 'app-user') && by.appId === this.options.appId;
  }

  private scheduledJob(module: ScheduledTriggerModule): TriggerJob {
    return {
      kind: 'scheduled',
      functionKey: module.function,
      moduleKey: module.key,
      moduleType: 'scheduledTrigger',
      // The request object Forge passes to a scheduled trigger function.
      event: {
        context: { cloudId: this.options.cloudId, moduleKey: module.key },
        contextToken: 'local-context-token',
      },
      retryCount: 0,
    };
  }

  /** Moves a due schedule to its first slot after `now`. */
  private advance(schedule: Schedule, now: number): void {
    const slots = Math.floor((now - schedule.nextDueMs) / schedule.intervalMs) + 1;
    schedule.nextDueMs += Math.max(1, slots) * schedule.intervalMs;
  }

  private enqueue(dueAtMs: number, job: TriggerJob, done?: (outcome: RunOutcome) => void): Work {
    const work: Work = { seq: ++this.seq, dueAtMs, job, done };
    this.queue.push(work);
    return work;
  }

  /** The oldest due delivery, or with `shuffle` any due one at random. */
  private nextDue(): Work | undefined {
    const now = this.options.clock.nowMs();
    const due = this.queue.filter((work) => work.dueAtMs <= now && !work.held);
    if (due.length === 0) return undefined;
    if (this.delivery.shuffle) return due[Math.floor(this.random() * due.length)];
    let best = due[0] as Work;
    for (const work of due) {
      if (work.dueAtMs < best.dueAtMs || (work.dueAtMs === best.dueAtMs && work.seq < best.seq)) best = work;
    }
    return best;
  }

  /** Fills free delivery slots with due work, on a later turn of the event loop. */
  private kick(): void {
    if (this.starting || this.closed) return;
    this.starting = true;
    setImmediate(() => {
      this.starting = false;
      this.fill();
    });
  }

  private fill(): void {
    for (;;) {
      if (this.closed || this.running.size >= this.delivery.concurrency) break;
      const work = this.nextDue();
      if (!work) break;
      this.queue.splice(this.queue.indexOf(work), 1);
      const run: Promise<void> = this.execute(work).finally(() => {
        this.running.delete(run);
        this.fill();
        this.arm();
      });
      this.running.add(run);
    }
  }

  private async execute(work: Work): Promise<void> {
    const epoch = this.epoch;
    let outcome: RunOutcome;
    try {
      outcome = await this.options.run(work.job);
    } catch (error) {
      outcome = { outcome: 'error', error: (error as Error).message };
    }
    work.done?.(outcome);
    if (outcome.outcome !== 'retry' || work.job.kind !== 'trigger' || epoch !== this.epoch) return;
    if (work.job.retryCount >= MAX_RETRIES) {
      this.options.log(
        `trigger ${work.job.moduleKey}: ${work.job.eventType} still asks for a retry after ${MAX_RETRIES} retries; dropped.`,
      );
      return;
    }
    const { retryAfter, retryReason, retryData } = outcome.retryOptions;
    const seconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Number(retryAfter) || 1));
    const retryCount = work.job.retryCount + 1;
    const original = work.job.event as Record<string, unknown>;
    this.enqueue(this.options.clock.nowMs() + seconds * 1000, {
      ...work.job,
      retryCount,
      event: {
        ...original,
        retryContext: {
          retryCount,
          retryReason: retryReason ?? 'FUNCTION_RETRY_REQUEST',
          ...(retryData === undefined ? {} : { retryData }),
        },
      },
    });
  }

  /** Something may have fallen due: queue due schedules, start the worker, re-arm the timer. */
  private wake(): void {
    if (this.closed) return;
    const now = this.options.clock.nowMs();
    for (const schedule of this.schedules) {
      if (schedule.nextDueMs > now) continue;
      this.advance(schedule, now);
      this.enqueue(now, this.scheduledJob(schedule.module));
    }
    if (this.nextDue()) this.kick();
    this.arm();
  }

  /**
   * Sets a wall-clock timer for the earliest future work. If the site clock did not move while the timer
   * ran, it is frozen: stop polling and wait for `onChange`.
   */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    const now = this.options.clock.nowMs();
    const times = [...this.queue.map((w) => w.dueAtMs), ...this.schedules.map((s) => s.nextDueMs)].filter(
      (t) => t > now,
    );
    if (times.length === 0) return;
    const delay = Math.min(MAX_TIMER_MS, Math.min(...times) - now);
    const armedAtWallMs = Date.now();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const frozen = this.options.clock.nowMs() === now && Date.now() > armedAtWallMs;
      if (!frozen) this.wake();
    }, delay);
    this.timer.unref();
  }
}

/** Bad delivery settings (from tests or, as JSON, from the control API). */
export class DeliverySettingsError extends Error {}

const DELIVERY_KEYS = new Set(['concurrency', 'maxCopies', 'shuffle']);

function parseDelivery(input: Record<string, unknown>): DeliverySettings {
  const unknown = Object.keys(input).filter((key) => !DELIVERY_KEYS.has(key));
  if (unknown.length > 0) throw new DeliverySettingsError(`Unknown delivery setting: ${unknown.join(', ')}.`);
  const whole = (value: unknown, name: string, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new DeliverySettingsError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return value;
  };
  if (typeof input.shuffle !== 'boolean') throw new DeliverySettingsError('shuffle must be true or false.');
  return {
    concurrency: whole(input.concurrency, 'concurrency', 1, 1000),
    maxCopies: whole(input.maxCopies, 'maxCopies', 1, 5),
    shuffle: input.shuffle,
  };
}

function subscription(
  trigger: TriggerModule,
  eventType: string,
): { filter?: TriggerFilter; payload?: TriggerPayload } | undefined {
  for (const spec of trigger.events as readonly TriggerEventSpec[]) {
    if (typeof spec === 'string' ? spec === eventType : spec.eventType === eventType) {
      return typeof spec === 'string' ? {} : { filter: spec.filter, payload: spec.payload };
    }
  }
  return undefined;
}

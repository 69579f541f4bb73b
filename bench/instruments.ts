import { performance } from 'node:perf_hooks';
import { invocations, type ForgeFetchInit, type ForgeFetchTarget } from '../local/forge/runtime';

/**
 * What the benchmark watches inside the local Forge host, without changing what it does:
 * - each invocation's handler time, on the high-resolution clock (the host's own log keeps whole
 *   milliseconds, too coarse for runs of a few milliseconds);
 * - each storage and product call the handler makes through `__forge_fetch__`: kind, path, keys, and when
 *   it started and ended, so a run can be split into storage, Jira and the app's own code.
 */
export interface Call {
  readonly kind: 'kvs-read' | 'kvs-write' | 'jira';
  readonly path: string;
  /** Keys a batch or transaction carried; 1 for single-key calls and queries. */
  readonly keys: number;
  readonly start: number;
  readonly end: number;
}

export interface Run {
  /** Wall time of the handler. */
  readonly ms: number;
  /** CPU time the process spent meanwhile: what other load on the machine does not inflate. */
  readonly cpuMs: number;
  readonly calls: readonly Call[];
}

export interface Instruments {
  /** The run of one invocation (by id), once it finished. */
  run(invocationId: string): Run | undefined;
  /** Runs `fn` as an invocation of its own, timed and watched like the host's. */
  readonly storage: ReturnType<typeof invocations>;
}

const READ_PATHS = [
  '/api/v1/get',
  '/api/v1/entity/get',
  '/api/v1/batch/get',
  '/api/v1/query',
  '/api/v1/entity/query',
];

export function instrument(): Instruments {
  const storage = invocations();
  const runs = new Map<string, { ms: number; cpuMs: number; calls: Call[] }>();
  const callsOf = (id: string) => {
    let run = runs.get(id);
    if (!run) {
      run = { ms: NaN, cpuMs: NaN, calls: [] };
      runs.set(id, run);
    }
    return run;
  };

  const run = storage.run.bind(storage);
  storage.run = ((
    scope: Parameters<typeof run>[0],
    fn: (...args: unknown[]) => unknown,
    ...args: unknown[]
  ) =>
    run(scope, async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      try {
        return await fn(...args);
      } finally {
        const used = process.cpuUsage(cpu);
        const record = callsOf(scope.runtime.appContext.invocationId);
        record.ms = performance.now() - started;
        record.cpuMs = (used.user + used.system) / 1000;
      }
    })) as typeof storage.run;

  const forgeFetch = (globalThis as unknown as { __forge_fetch__: ForgeFetch }).__forge_fetch__;
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    enumerable: false,
    writable: false,
    value: async (target: ForgeFetchTarget, path: string, init?: ForgeFetchInit): Promise<Response> => {
      const id = storage.getStore()?.runtime.appContext.invocationId;
      const start = performance.now();
      try {
        return await forgeFetch(target, path, init);
      } finally {
        if (id) {
          const bare = path.split('?')[0] as string;
          const kind =
            target.type === 'kvs' ? (READ_PATHS.includes(bare) ? 'kvs-read' : 'kvs-write') : 'jira';
          callsOf(id).calls.push({
            kind,
            path: bare,
            keys: keysOf(bare, init),
            start,
            end: performance.now(),
          });
        }
      }
    },
  });

  return {
    storage,
    run: (invocationId) => {
      const found = runs.get(invocationId);
      return found && !Number.isNaN(found.ms) ? found : undefined;
    },
  };
}

type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: ForgeFetchInit) => Promise<Response>;

function keysOf(path: string, init: ForgeFetchInit | undefined): number {
  if (!path.includes('/batch/') && !path.includes('/transaction')) return 1;
  try {
    const body = JSON.parse(String(init?.body)) as unknown;
    if (Array.isArray(body)) return body.length;
    const t = body as { set?: unknown[]; delete?: unknown[]; check?: unknown[] };
    return (t.set?.length ?? 0) + (t.delete?.length ?? 0) + (t.check?.length ?? 0);
  } catch {
    return 1;
  }
}

/** Where a run's time went: the wall time covered by storage calls, by Jira calls, and the rest. */
export function breakdown(run: Run): { kvs: number; jira: number; app: number } {
  const covered = (calls: readonly Call[]) => union(calls.map((c) => [c.start, c.end] as const));
  const kvs = covered(run.calls.filter((c) => c.kind !== 'jira'));
  const jira = covered(run.calls.filter((c) => c.kind === 'jira'));
  const io = covered(run.calls);
  return { kvs, jira, app: Math.max(0, run.ms - io) };
}

function union(intervals: ReadonlyArray<readonly [number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [-Infinity, -Infinity];
  for (const [start, end] of sorted) {
    if (start > to) {
      if (to > from) total += to - from;
      [from, to] = [start, end];
    } else {
      to = Math.max(to, end);
    }
  }
  if (to > from) total += to - from;
  return total;
}

/** Round trips one after another: calls that started before the previous ones ended count as one. */
export function roundTrips(calls: readonly Call[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let trips = 0;
  let end = -Infinity;
  for (const call of sorted) {
    if (call.start >= end) trips += 1;
    end = Math.max(end, call.end);
  }
  return trips;
}

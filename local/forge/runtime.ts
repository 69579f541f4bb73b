import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The two globals the Forge platform gives a function (local-runtime.md §2.1–2.3): `__forge_runtime__`,
 * the per-invocation runtime object, and `__forge_fetch__`, the door to product APIs and storage. Both
 * read the current invocation from one `AsyncLocalStorage`, so concurrent invocations, and two hosts in
 * one process, never see each other's identity or storage. Outside an invocation the runtime is absent and
 * `__forge_fetch__` throws, as on the platform (module top level has no invocation).
 */

/** What `@forge/api` 8.3.0 reads from `__forge_runtime__` (`out/api/runtime.d.ts` `ForgeRuntime`). */
export interface ForgeRuntime {
  readonly proxy: { readonly token: string; readonly url: string; readonly host?: string };
  readonly contextAri: string;
  readonly container: Readonly<Record<string, string | undefined>>;
  readonly appContext: {
    readonly appId: string;
    readonly appVersion: string;
    readonly environmentId: string;
    readonly environmentType: string;
    readonly invocationId: string;
    readonly installationId: string;
    readonly functionKey: string;
    readonly moduleType: string;
    readonly moduleKey: string;
    readonly license?: Readonly<Record<string, unknown>>;
    readonly permissions?: {
      readonly scopes: readonly string[];
      readonly external: Readonly<Record<string, unknown>>;
    };
  };
  readonly aaid?: string;
  readonly lambdaContext: { readonly awsRequestId: string; getRemainingTimeInMillis(): number };
  readonly tracing: { readonly traceId: string; readonly spanId: string };
  readonly realtime: Readonly<Record<string, unknown>>;
  readonly metrics: typeof NO_METRICS;
  /** Left undefined: `@forge/kvs` then sends storage calls as `{ type: 'kvs', provider: 'app', remote: 'kvs' }`. */
  readonly kvs?: undefined;
  readonly featureFlags: (flag: string) => boolean;
}

/** The `target` argument of `__forge_fetch__` (local-runtime.md §2.2). */
export interface ForgeFetchTarget {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  readonly accountId?: string;
  readonly contextAri?: string;
}

export type ForgeFetchInit = {
  readonly method?: string;
  readonly headers?: unknown;
  readonly body?: unknown;
  readonly [option: string]: unknown;
};

/** One running invocation: who it is and where its `__forge_fetch__` calls go. */
export interface InvocationScope {
  readonly runtime: ForgeRuntime;
  readonly fetch: (target: ForgeFetchTarget, path: string, init: ForgeFetchInit) => Promise<Response>;
  /** Settles when the invocation's handler has returned or thrown. */
  readonly finished: Promise<void>;
  /** The site clock: what `Date` tells the app's code during this invocation (see app-clock.ts). */
  readonly nowMs: () => number;
}

const STORAGE_KEY = Symbol.for('local-jira-site.forge.invocations');

/**
 * The process's invocation storage; installs the two globals the first time. Kept on `globalThis`, so every
 * copy of this module in one realm shares it (and a test realm gets its own).
 */
export function invocations(): AsyncLocalStorage<InvocationScope> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<InvocationScope> | undefined>;
  const existing = holder[STORAGE_KEY];
  if (existing) return existing;
  const storage = new AsyncLocalStorage<InvocationScope>();
  holder[STORAGE_KEY] = storage;
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    enumerable: false,
    get: () => storage.getStore()?.runtime,
  });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    configurable: true,
    enumerable: false,
    writable: false,
    value: async (target: ForgeFetchTarget, path: string, init?: ForgeFetchInit): Promise<Response> => {
      const scope = storage.getStore();
      if (!scope) {
        throw new Error(
          'Forge runtime not found: __forge_fetch__ was called outside a Forge function invocation ' +
            '(for example at module load time). Product and storage calls only work inside a handler.',
        );
      }
      return scope.fetch(target, path, init ?? {});
    },
  });
  return storage;
}

/** The current invocation, if code is running inside one (used by the gateway's request log). */
export function currentInvocation(): ForgeRuntime['appContext'] | undefined {
  return invocations().getStore()?.runtime.appContext;
}

const NO_TIMER = { stop: () => undefined };
const NO_COUNTER = {
  incr: () => undefined,
  incrBy: () => undefined,
  decr: () => undefined,
  decrBy: () => undefined,
};
/** Metrics must exist (storage and web-trigger wrappers call them); locally they go nowhere. */
export const NO_METRICS = {
  counter: () => NO_COUNTER,
  timing: () => ({ measure: () => NO_TIMER }),
  gauge: () => ({ set: () => undefined }),
};

export interface RuntimeOptions {
  readonly appId: string;
  readonly environmentId: string;
  readonly installationId: string;
  readonly cloudId: string;
  readonly functionKey: string;
  readonly moduleType: string;
  readonly moduleKey: string;
  /** The person who invoked the function; undefined for triggers and scheduled runs. */
  readonly accountId?: string;
  readonly timeoutSeconds: number;
  readonly scopes: readonly string[];
  readonly external: Readonly<Record<string, unknown>>;
  readonly handlerFile: string;
}

/** Builds the runtime object of one invocation. */
export function createRuntime(options: RuntimeOptions): ForgeRuntime {
  const invocationId = randomUUID();
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  return {
    proxy: { token: `local-${invocationId}`, url: 'http://forge-proxy.local.invalid' },
    contextAri: `ari:cloud:jira::site/${options.cloudId}`,
    container: { runtime: 'nodejs22.x', handler: options.handlerFile, region: 'local' },
    appContext: {
      appId: options.appId,
      appVersion: '1.0.0',
      environmentId: options.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId,
      installationId: options.installationId,
      functionKey: options.functionKey,
      moduleType: options.moduleType,
      moduleKey: options.moduleKey,
      permissions: { scopes: options.scopes, external: options.external },
    },
    ...(options.accountId ? { aaid: options.accountId } : {}),
    // Wall time, not the site clock: it measures how long the function itself has been running.
    lambdaContext: {
      awsRequestId: invocationId,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    },
    tracing: { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') },
    realtime: {},
    metrics: NO_METRICS,
    featureFlags: () => false,
  };
}

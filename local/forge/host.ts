import { createHash } from 'node:crypto';
import type { SiteClock } from '../clock';
import type { Db } from '../db/database';
import type { ProductEventBus } from '../events';
import type { JiraGateway } from '../gateway/types';
import type { JqlPropertyIndex } from '../jql/types';
import { siteDateClass } from './app-clock';
import { bundleHandlers, type AppBundler } from './bundle';
import { TriggerDispatcher, type DeliverySettings, type RunOutcome, type TriggerJob } from './dispatcher';
import { createForgeFetch } from './forge-fetch';
import { createKvsApi } from './kvs/api';
import { loadBundledModule } from './load-bundle';
import { KvsStore } from './kvs/store';
import type { EventEnrichment } from './payload-include';
import {
  allowsImpersonation,
  appFieldsOf,
  appIdOf,
  findModule,
  functionUses,
  handlerFilesOf,
  loadManifest,
  parseHandler,
  propertyIndexesOf,
  scopeList,
  type AppFieldDefinition,
  type FunctionUse,
  type LoadedManifest,
  type ManifestFunction,
} from './manifest';
import { createRuntime, invocations, type InvocationScope } from './runtime';

export interface ForgeHostOptions {
  /** Folder with manifest.yml and src/ (the real app, or a test fixture app). */
  readonly appDir: string;
  readonly db: Db;
  readonly clock: SiteClock;
  readonly events: ProductEventBus;
  /** Product calls go through it as `{ kind: 'app' }` or `{ kind: 'app-user' }`. */
  readonly jira: JiraGateway;
  readonly siteUrl: () => string;
  readonly cloudId: string;
  /** Where the host reports trigger failures and calls it does not emulate (default: console.warn). */
  readonly log?: (message: string) => void;
  /**
   * For triggers' `payload.include.fields`: the named fields of an issue as `GET /rest/api/3/issue/{id}
   * ?fields=` renders them for the app, read when the event is emitted. Without it the fields are not
   * added and the host logs that once per trigger.
   */
  readonly eventFields?: EventEnrichment['eventFields'];
  /** For `payload.include.propertyPaths`: an issue's, project's or user's property value (undefined: none). */
  readonly entityProperty?: EventEnrichment['entityProperty'];
  /** Which bundler makes the app's handler files (bundle.ts); esbuild by default. */
  readonly bundler?: AppBundler;
  /** How triggers are delivered (dispatcher.ts): at once, copies, order; Forge-like by default. */
  readonly delivery?: Partial<DeliverySettings>;
  /** Draws for delivery copies and order, so a chaos run can be replayed. */
  readonly random?: () => number;
}

export interface ResolverCall {
  readonly moduleKey: string;
  /** The key passed to `resolver.define` (what `invoke(functionKey)` names in the front end). */
  readonly functionKey: string;
  readonly payload?: unknown;
  /** The signed-in person; the only identity the resolver will see (`context.accountId`). */
  readonly accountId?: string;
  /** The front end's context (`extension`, `localId` …): untrusted, trusted fields are dropped. */
  readonly context?: Record<string, unknown>;
}

export interface InvocationRecord {
  readonly invocationId: string;
  readonly kind: 'resolver' | 'trigger' | 'scheduled' | 'function';
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly moduleType: string;
  /** For resolvers: the `resolver.define` key that was called. */
  readonly resolverFunction?: string;
  /** For triggers: the product event delivered. */
  readonly eventType?: string;
  /** For triggers: 0 for the first delivery, then 1–4. */
  readonly retryCount?: number;
  readonly accountId?: string;
  /** Site clock. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** `retry`: the function asked for redelivery with an InvocationError. */
  readonly outcome: 'ok' | 'error' | 'retry';
  readonly result?: unknown;
  readonly error?: string;
}

export interface ForgeHost {
  /** The uuid part of manifest `app.id`. */
  readonly appId: string;
  /** The development environment the app is installed from, as in context and field-type ARIs. */
  readonly environmentId: string;
  readonly cloudId: string;
  readonly manifest: LoadedManifest;
  /** The store behind `@forge/kvs`, for inspection and reset. */
  readonly kvs: KvsStore;
  /** Runs a module's resolver exactly as the bridge's `invoke` would; rejects when the resolver throws. */
  invokeResolver(call: ResolverCall): Promise<unknown>;
  /** Runs a function with the given arguments (a web-trigger-like direct call). */
  invokeFunction(functionKey: string, event: unknown, context?: Record<string, unknown>): Promise<unknown>;
  /** Resolves when every trigger delivery due now (and whatever it caused) is done. */
  idle(): Promise<void>;
  runScheduledTriggers(options?: {
    all?: boolean;
  }): Promise<ReadonlyArray<{ key: string; ok: boolean; error?: string }>>;
  nextScheduledRuns(): ReadonlyArray<{ key: string; interval: string; nextRunAt: string }>;
  pendingRetries(): ReadonlyArray<{
    functionKey: string;
    moduleKey: string;
    retryCount: number;
    dueAt: string;
  }>;
  /** How triggers are delivered now, and how many extra copies of events were delivered so far. */
  deliverySettings(): DeliverySettings & { readonly copiesMade: number };
  /** Changes how triggers are delivered from now on; throws `DeliverySettingsError` on bad settings. */
  setDelivery(settings: unknown): DeliverySettings;
  /** From `jira:customField`, in the shape Jira's `registerAppFields` takes. */
  appFields(): ReadonlyArray<AppFieldDefinition>;
  /** From `jira:entityProperty`. */
  propertyIndexes(): ReadonlyArray<JqlPropertyIndex>;
  /** The most recent invocations, oldest first. */
  invocations(): ReadonlyArray<InvocationRecord>;
  /**
   * Back to a fresh install for `site.reset()`: drops pending trigger deliveries and retries, restarts the
   * scheduled triggers (next run one interval from now) and empties the invocation log. KVS is cleared
   * separately (`kvs.clear()`).
   */
  reset(): void;
  close(): void;
}

/** Forge's limits on `invoke`: request payload 500 KB, response 5 MB. */
const MAX_INVOKE_PAYLOAD_BYTES = 500 * 1024;
const MAX_INVOKE_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Resolvers and product triggers: 25 s; scheduled triggers: 55 s unless the function sets timeoutSeconds. */
const DEFAULT_TIMEOUT_SECONDS = 25;
const SCHEDULED_TIMEOUT_SECONDS = 55;
const LOG_SIZE = 500;
/** Context fields only the platform may set (app-context-security docs). */
const TRUSTED_CONTEXT_FIELDS = [
  'accountId',
  'accountType',
  'installContext',
  'license',
  'installation',
  'principal',
  'jobId',
];

type Handler = (...args: unknown[]) => unknown;

export async function createForgeHost(options: ForgeHostOptions): Promise<ForgeHost> {
  const { clock, cloudId } = options;
  const log = options.log ?? ((message: string) => console.warn(`[forge] ${message}`));
  const manifest = loadManifest(options.appDir);
  const appId = appIdOf(manifest);
  const storage = invocations();
  const environmentId = stableUuid(`${appId}/environment/development`);
  const installationId = stableUuid(`${appId}/installation/${cloudId}`);
  const installContext = `ari:cloud:jira::site/${cloudId}`;

  const kvs = new KvsStore(options.db, appId, clock);
  const forgeFetch = createForgeFetch({
    appId,
    jira: options.jira,
    kvs: createKvsApi(kvs, manifest.app.storage?.entities ?? []),
    allowImpersonation: allowsImpersonation(manifest),
    log,
  });

  const functions = new Map<string, ManifestFunction>(
    (manifest.modules.function ?? []).map((f) => [f.key, f]),
  );
  const uses = functionUses(manifest);
  const bundle = await bundleHandlers(options.appDir, handlerFilesOf(manifest), options.bundler);
  // The app's `Date` follows the site clock during an invocation, as the platform's follows real time.
  const SiteDate = siteDateClass(() => storage.getStore()?.nowMs());
  const handlers = new Map<string, Handler>();
  const loaded = new Map<string, Record<string, unknown>>();
  try {
    // Outside any invocation, so module-level code sees no runtime (as at cold start on Forge).
    storage.exit(() => {
      for (const fn of functions.values()) {
        const { file, exportName } = parseHandler(fn.handler);
        // One module instance per file, shared by the functions it exports, as with Node's own require.
        const bundled = bundle.files.get(file) as string;
        const exports = loaded.get(bundled) ?? loadBundledModule(bundled, SiteDate);
        loaded.set(bundled, exports);
        const handler = exports[exportName];
        if (typeof handler !== 'function') {
          throw new Error(
            `Function ${fn.key}: src/${file} does not export a function named ${exportName} (handler ${fn.handler}).`,
          );
        }
        handlers.set(fn.key, handler as Handler);
      }
    });
  } catch (error) {
    bundle.remove();
    throw error;
  }

  const records: InvocationRecord[] = [];
  /** Bumped by reset(), so an invocation that was running then does not land in the emptied log. */
  let logEpoch = 0;
  let closed = false;

  interface Invocation {
    readonly functionKey: string;
    readonly use: FunctionUse;
    readonly kind: InvocationRecord['kind'];
    readonly args: readonly unknown[];
    readonly accountId?: string;
    readonly timeoutSeconds: number;
    readonly note?: Pick<InvocationRecord, 'resolverFunction' | 'eventType' | 'retryCount'>;
    /** Decides how the log files a settled call (a returned InvocationError is a retry, not a success). */
    readonly classify?: (settled: Settled) => InvocationRecord['outcome'];
  }
  type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

  async function invoke(call: Invocation): Promise<Settled> {
    if (closed) throw new Error('The Forge host is closed.');
    const handler = handlers.get(call.functionKey);
    const fn = functions.get(call.functionKey);
    if (!handler || !fn) throw new Error(`manifest.yml declares no function ${call.functionKey}.`);
    const runtime = createRuntime({
      appId,
      environmentId,
      installationId,
      cloudId,
      functionKey: call.functionKey,
      moduleType: call.use.moduleType,
      moduleKey: call.use.moduleKey,
      accountId: call.accountId,
      timeoutSeconds: call.timeoutSeconds,
      scopes: scopeList(manifest),
      external: (manifest.permissions?.external ?? {}) as Record<string, unknown>,
      handlerFile: fn.handler,
    });
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const scope: InvocationScope = {
      runtime,
      fetch: (target, path, init) => forgeFetch(runtime, target, path, init),
      finished,
      nowMs: () => clock.nowMs(),
    };
    const startedAt = clock.iso();
    const started = Date.now();
    const epoch = logEpoch;
    let settled: Settled;
    try {
      settled = { ok: true, value: await storage.run(scope, async () => handler(...call.args)) };
    } catch (error) {
      settled = { ok: false, error };
    }
    finish();
    const outcome = call.classify ? call.classify(settled) : settled.ok ? 'ok' : 'error';
    if (epoch !== logEpoch) return settled;
    records.push({
      invocationId: runtime.appContext.invocationId,
      kind: call.kind,
      functionKey: call.functionKey,
      moduleKey: call.use.moduleKey,
      moduleType: call.use.moduleType,
      ...call.note,
      ...(call.accountId ? { accountId: call.accountId } : {}),
      startedAt,
      durationMs: Date.now() - started,
      outcome,
      ...(settled.ok ? { result: settled.value } : { error: describe(settled.error) }),
    });
    if (records.length > LOG_SIZE) records.splice(0, records.length - LOG_SIZE);
    return settled;
  }

  const classifyTrigger = (settled: Settled): InvocationRecord['outcome'] =>
    isRetry(settled.ok ? settled.value : settled.error) ? 'retry' : settled.ok ? 'ok' : 'error';

  async function runTrigger(job: TriggerJob): Promise<RunOutcome> {
    const fn = functions.get(job.functionKey);
    const settled = await invoke({
      functionKey: job.functionKey,
      use: { moduleType: job.moduleType, moduleKey: job.moduleKey },
      kind: job.kind,
      args: [job.event, { installContext }],
      timeoutSeconds:
        job.kind === 'scheduled'
          ? (fn?.timeoutSeconds ?? SCHEDULED_TIMEOUT_SECONDS)
          : DEFAULT_TIMEOUT_SECONDS,
      note: job.kind === 'trigger' ? { eventType: job.eventType, retryCount: job.retryCount } : {},
      classify: classifyTrigger,
    });
    const answer = settled.ok ? settled.value : settled.error;
    if (job.kind === 'trigger' && isRetry(answer))
      return { outcome: 'retry', retryOptions: answer.retryOptions ?? {} };
    if (settled.ok) return { outcome: 'ok' };
    const error = describe(settled.error);
    log(
      `${job.kind === 'trigger' ? `trigger ${job.moduleKey} (${job.eventType})` : `scheduled trigger ${job.moduleKey}`} failed: ${error}`,
    );
    return { outcome: 'error', error };
  }

  const dispatcher = new TriggerDispatcher({
    appId,
    clock,
    cloudId,
    triggers: manifest.modules.trigger ?? [],
    scheduled: manifest.modules.scheduledTrigger ?? [],
    run: runTrigger,
    currentInvocationDone: () => storage.getStore()?.finished,
    log,
    enrichment: { eventFields: options.eventFields, entityProperty: options.entityProperty },
    delivery: options.delivery,
    random: options.random,
  });
  const unsubscribe = options.events.subscribe((event) => dispatcher.onProductEvent(event));

  return {
    appId,
    environmentId,
    cloudId,
    manifest,
    kvs,

    async invokeResolver(call) {
      const found = findModule(manifest, call.moduleKey);
      if (!found) throw new Error(`manifest.yml has no module ${call.moduleKey}.`);
      const resolverFunction = found.module.resolver?.function;
      if (!resolverFunction) throw new Error(`Module ${call.moduleKey} declares no resolver function.`);
      if (typeof call.functionKey !== 'string' || call.functionKey.length === 0) {
        throw new Error('invoke needs a functionKey string.');
      }
      const payloadText = call.payload === undefined ? '' : JSON.stringify(call.payload);
      if (Buffer.byteLength(payloadText ?? '', 'utf8') > MAX_INVOKE_PAYLOAD_BYTES) {
        throw new Error(`The invoke payload exceeds Forge's limit of ${MAX_INVOKE_PAYLOAD_BYTES} bytes.`);
      }
      const context: Record<string, unknown> = { ...(call.context ?? {}) };
      for (const field of TRUSTED_CONTEXT_FIELDS) delete context[field];
      Object.assign(context, {
        cloudId,
        siteUrl: options.siteUrl(),
        moduleKey: call.moduleKey,
        environmentId,
        environmentType: 'DEVELOPMENT',
        accountType: call.accountId ? 'licensed' : 'anonymous',
      });
      const settled = await invoke({
        functionKey: resolverFunction,
        use: { moduleType: found.moduleType, moduleKey: call.moduleKey },
        kind: 'resolver',
        args: [
          // The payload crosses the bridge as JSON, as in production.
          {
            call: {
              functionKey: call.functionKey,
              payload: payloadText ? JSON.parse(payloadText) : undefined,
            },
            context,
          },
          {
            principal: call.accountId ? { accountId: call.accountId } : undefined,
            installContext,
            license: undefined,
          },
        ],
        accountId: call.accountId,
        timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        note: { resolverFunction: call.functionKey },
      });
      if (!settled.ok)
        throw new Error(`There was an error invoking the function - ${describe(settled.error)}`);
      if (settled.value === undefined) return undefined;
      const text = JSON.stringify(settled.value);
      if (Buffer.byteLength(text, 'utf8') > MAX_INVOKE_RESPONSE_BYTES) {
        throw new Error(
          `The resolver's response exceeds Forge's limit of ${MAX_INVOKE_RESPONSE_BYTES} bytes.`,
        );
      }
      return JSON.parse(text);
    },

    async invokeFunction(functionKey, event, context) {
      const use = uses.get(functionKey)?.[0] ?? { moduleType: 'function', moduleKey: functionKey };
      const principal = context?.principal as { accountId?: unknown } | undefined;
      const accountId = typeof principal?.accountId === 'string' ? principal.accountId : undefined;
      const fn = functions.get(functionKey);
      const settled = await invoke({
        functionKey,
        use,
        kind: 'function',
        args: [event, context ?? { installContext }],
        accountId,
        timeoutSeconds: fn?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      });
      if (!settled.ok) throw settled.error;
      return settled.value;
    },

    idle: () => dispatcher.idle(),
    runScheduledTriggers: (opts) => dispatcher.runScheduled(opts?.all === true),
    nextScheduledRuns: () => dispatcher.nextScheduledRuns(),
    pendingRetries: () => dispatcher.pendingRetries(),
    deliverySettings: () => dispatcher.deliverySettings(),
    setDelivery: (settings) => dispatcher.setDelivery(settings),
    appFields: () => appFieldsOf(manifest).map((field) => ({ ...field, environmentId })),
    propertyIndexes: () => propertyIndexesOf(manifest),
    invocations: () => [...records],

    reset() {
      dispatcher.reset();
      records.length = 0;
      logEpoch++;
    },

    close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      dispatcher.close();
      bundle.remove();
    },
  };
}

/** `InvocationError` from `@forge/events` serialises itself to `{ _retry: true, retryOptions }`. */
function isRetry(value: unknown): value is { _retry: true; retryOptions?: Record<string, unknown> } {
  return typeof value === 'object' && value !== null && (value as { _retry?: unknown })._retry === true;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (isRetry(error)) return `InvocationError ${JSON.stringify(error.retryOptions ?? {})}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** A uuid-shaped id derived from a name, so ids stay the same across restarts. */
function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

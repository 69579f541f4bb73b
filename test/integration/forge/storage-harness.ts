import path from 'node:path';
import { SiteClock } from '../../../local/clock';
import { openDatabase } from '../../../local/db/database';
import { toResponse } from '../../../local/forge/forge-fetch';
import { createKvsApi, type KvsApiResponse } from '../../../local/forge/kvs/api';
import { KvsStore } from '../../../local/forge/kvs/store';
import { loadManifest } from '../../../local/forge/manifest';
import { createRuntime, invocations } from '../../../local/forge/runtime';

/**
 * The app's KVS repositories (src/storage) over the real `@forge/kvs` 1.6.5 and the local KVS, with the
 * app's own manifest entities, run inside a Forge invocation like a trigger's. Every storage request the
 * code makes is recorded, and a test may answer one itself (a 429, a 5xx) or let another writer act just
 * before a request is handled.
 */
export interface StorageRequest {
  readonly path: string;
  readonly body: unknown;
}

/** Answers a request instead of the store (a fault), or returns undefined to let the store answer. */
export type Interceptor = (request: StorageRequest) => KvsApiResponse | undefined;

export interface StorageHarness {
  readonly store: KvsStore;
  readonly clock: SiteClock;
  /** Requests made so far, oldest first. */
  readonly requests: StorageRequest[];
  /** Runs `fn` as one invocation of the app (for the given installation; one by default). */
  invoke<T>(fn: () => Promise<T>, options?: { readonly installationId?: string }): Promise<T>;
  /** Sets (or with undefined, clears) the interceptor. */
  intercept(interceptor: Interceptor | undefined): void;
  close(): void;
}

export const APP_DIR = path.resolve(__dirname, '../../..');

export function storageHarness(): StorageHarness {
  const db = openDatabase(':memory:');
  const clock = new SiteClock('frozen', new Date('2026-03-02T09:00:00Z'));
  const manifest = loadManifest(APP_DIR);
  const store = new KvsStore(db, 'storage-test-app', clock);
  const api = createKvsApi(store, manifest.app.storage?.entities ?? []);
  const storage = invocations();
  const requests: StorageRequest[] = [];
  let interceptor: Interceptor | undefined;

  return {
    store,
    clock,
    requests,
    invoke<T>(fn: () => Promise<T>, options: { readonly installationId?: string } = {}): Promise<T> {
      const runtime = createRuntime({
        appId: 'storage-test-app',
        environmentId: 'env',
        installationId: options.installationId ?? 'installation',
        cloudId: 'cloud',
        functionKey: 'storage-test',
        moduleType: 'trigger',
        moduleKey: 'storage-test',
        timeoutSeconds: 25,
        scopes: ['storage:app'],
        external: {},
        handlerFile: 'index.handler',
      });
      return storage.run(
        {
          runtime,
          fetch: async (target, requestPath, init) => {
            if (target.type !== 'kvs') throw new Error(`Only storage is reachable here, not ${target.type}.`);
            const text = typeof init.body === 'string' ? init.body : undefined;
            const request = { path: requestPath, body: text === undefined ? undefined : JSON.parse(text) };
            requests.push(request);
            return toResponse(interceptor?.(request) ?? api.handle(requestPath, text));
          },
          finished: new Promise<void>(() => undefined),
          nowMs: () => clock.nowMs(),
        },
        fn,
      );
    },
    intercept(next) {
      interceptor = next;
    },
    close() {
      db.close();
    },
  };
}

/** How the platform answers when it asks the app to slow down. */
export const TOO_MANY_REQUESTS: KvsApiResponse = {
  status: 429,
  body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests.' },
};

export const paths = (requests: readonly StorageRequest[]): string[] => requests.map((r) => r.path);

/**
 * The local Forge platform: runs the app's unmodified backend (bundled from `src/`) with the runtime globals
 * the platform supplies, a KVS in SQLite, resolver invocation, product-event triggers and scheduled
 * triggers on the site clock.
 */
export { createForgeHost } from './host';
export { APP_BUNDLERS, parseAppBundler, type AppBundler } from './bundle';
export type { ForgeHost, ForgeHostOptions, InvocationRecord, ResolverCall } from './host';
export type { AppFieldDefinition, LoadedManifest } from './manifest';
export type { EventEnrichment, PropertyEntity } from './payload-include';
export { KvsStore, type KvsEntry } from './kvs/store';
export { currentInvocation } from './runtime';

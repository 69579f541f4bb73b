import type { Principal } from './http/types';

/**
 * Product events the local Jira emits after each change made through its REST API, in the payload shapes
 * Forge delivers to `trigger` modules (see reference/forge-platform.md §4.5). The Forge host subscribes
 * and dispatches them to the app's triggers; `causedBy` lets it honour `ignoreSelf`.
 */
export type ProductEventType =
  | 'avi:jira:created:issue'
  | 'avi:jira:updated:issue'
  | 'avi:jira:commented:issue'
  | 'avi:jira:assigned:issue'
  | 'avi:jira:deleted:issue';

export interface ProductEvent {
  readonly eventType: ProductEventType;
  /** The trigger's first argument exactly as Forge would pass it (includes `eventType`). */
  readonly payload: Readonly<Record<string, unknown>> & { readonly eventType: ProductEventType };
  readonly causedBy: Principal;
}

export type ProductEventListener = (event: ProductEvent) => void;

export class ProductEventBus {
  private readonly listeners = new Set<ProductEventListener>();

  subscribe(listener: ProductEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the Jira layer after the change is committed; listeners must not throw. */
  emit(event: ProductEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

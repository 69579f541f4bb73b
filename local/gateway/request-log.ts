import type { Principal } from '../http/types';
import type { RequestLogEntry } from './types';

export interface RequestLogFilter {
  /** Exact caller: `app`, `app-as-user:<accountId>`, `user:<accountId>` or `anonymous`. */
  readonly caller?: string;
  /** `app` (app and app-as-user), `user` or `anonymous`. */
  readonly callerKind?: 'app' | 'user' | 'anonymous';
  readonly method?: string;
  readonly pathPrefix?: string;
  readonly status?: number;
  readonly invocationId?: string;
  /** Only entries with a larger id (for polling). */
  readonly afterId?: number;
  /** The last N matching entries. */
  readonly limit?: number;
}

export interface CallerTotals {
  readonly requests: number;
  readonly points: number;
  readonly rateLimited: number;
}

export interface RequestTotals extends CallerTotals {
  readonly injectedFaults: number;
  readonly byCaller: Readonly<Record<string, CallerTotals>>;
}

export interface RequestLog {
  /** Matching entries, oldest first. */
  entries(filter?: RequestLogFilter): RequestLogEntry[];
  /** Counts since the site started or the log was last cleared (older entries may have been dropped). */
  totals(): RequestTotals;
  clear(): void;
}

/** The caller as the log names it: `app`, `app-as-user:<accountId>`, `user:<accountId>` or `anonymous`. */
export function callerOf(principal: Principal): string {
  switch (principal.kind) {
    case 'app':
      return 'app';
    case 'app-user':
      return `app-as-user:${principal.accountId}`;
    case 'user':
      return `user:${principal.accountId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Keeps the newest `maxEntries` entries; totals count every request since the last `clear`. */
export class SiteRequestLog implements RequestLog {
  private log: RequestLogEntry[] = [];
  private nextId = 1;
  private totalsSoFar = emptyTotals();
  private byCaller = new Map<string, Mutable<CallerTotals>>();

  constructor(private readonly maxEntries = 10_000) {}

  record(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
    const full: RequestLogEntry = { id: this.nextId++, ...entry };
    this.log.push(full);
    if (this.log.length > this.maxEntries) this.log.splice(0, this.log.length - this.maxEntries);

    const limited = entry.status === 429 ? 1 : 0;
    this.totalsSoFar.requests += 1;
    this.totalsSoFar.points += entry.points;
    this.totalsSoFar.rateLimited += limited;
    this.totalsSoFar.injectedFaults += entry.injectedFault ? 1 : 0;
    const caller = this.byCaller.get(entry.caller) ?? { requests: 0, points: 0, rateLimited: 0 };
    caller.requests += 1;
    caller.points += entry.points;
    caller.rateLimited += limited;
    this.byCaller.set(entry.caller, caller);
    return full;
  }

  entries(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const method = filter.method?.toUpperCase();
    const found = this.log.filter(
      (e) =>
        (filter.caller === undefined || e.caller === filter.caller) &&
        (filter.callerKind === undefined || kindOf(e.caller) === filter.callerKind) &&
        (method === undefined || e.method === method) &&
        (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.invocationId === undefined || e.invocationId === filter.invocationId) &&
        (filter.afterId === undefined || e.id > filter.afterId),
    );
    return filter.limit === undefined ? found : found.slice(Math.max(0, found.length - filter.limit));
  }

  totals(): RequestTotals {
    return {
      ...this.totalsSoFar,
      byCaller: Object.fromEntries([...this.byCaller].map(([k, v]) => [k, { ...v }])),
    };
  }

  clear(): void {
    this.log = [];
    this.totalsSoFar = emptyTotals();
    this.byCaller = new Map();
  }
}

function kindOf(caller: string): 'app' | 'user' | 'anonymous' {
  if (caller === 'app' || caller.startsWith('app-as-user:')) return 'app';
  return caller === 'anonymous' ? 'anonymous' : 'user';
}

function emptyTotals(): Mutable<Omit<RequestTotals, 'byCaller'>> {
  return { requests: 0, points: 0, rateLimited: 0, injectedFaults: 0 };
}

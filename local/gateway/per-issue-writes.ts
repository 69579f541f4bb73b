/** A per-issue write window: at most `writes` writes to one issue in any `seconds`. */
export interface IssueWriteWindow {
  readonly writes: number;
  readonly seconds: number;
}

export interface IssueWriteDenial {
  readonly issue: string;
  readonly window: IssueWriteWindow;
  /** How long until the oldest write in the full window leaves it. */
  readonly retryAfterMs: number;
}

export interface IssueWriteState {
  readonly issue: string;
  readonly windows: ReadonlyArray<IssueWriteWindow & { readonly used: number }>;
}

const MAX_TRACKED_ISSUES = 1000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The issues a write request changes: the `{issueIdOrKey}` of an issue-scoped path, the `issueIds` of
 * app-field value updates, and both ends of a new issue link. Creating an issue writes no existing issue.
 * Issues are named as the caller named them (a key and an id of the same issue count apart).
 */
export function issuesWrittenBy(
  method: string,
  template: string | undefined,
  params: Readonly<Record<string, string>>,
  body: unknown,
): string[] {
  if (!WRITE_METHODS.has(method.toUpperCase()) || template === undefined) return [];
  const issues = new Set<string>();
  const issue = params.issueIdOrKey;
  if (template.includes('{issueIdOrKey}') && issue) issues.add(issue.toUpperCase());
  if (
    template === '/rest/api/3/app/field/value' ||
    template === '/rest/api/3/app/field/{fieldIdOrKey}/value'
  ) {
    for (const update of arrayAt(body, 'updates')) {
      for (const id of arrayAt(update, 'issueIds')) {
        if (typeof id === 'number' || typeof id === 'string') issues.add(String(id).toUpperCase());
      }
    }
  }
  if (template === '/rest/api/3/issueLink') {
    for (const end of ['inwardIssue', 'outwardIssue']) {
      const ref = isObject(body) ? body[end] : undefined;
      const name = isObject(ref) ? (ref.key ?? ref.id) : undefined;
      if (typeof name === 'string' || typeof name === 'number') issues.add(String(name).toUpperCase());
    }
  }
  return [...issues];
}

/**
 * Per-issue write limits with sliding windows (documented: 20 writes per 2 s and 100 per 30 s). A write
 * counts when it is admitted, whatever Jira then answers, so concurrent writes cannot slip past. `nowMs` is
 * the rate limiter's window time (real time plus site-clock moves, see `LimitClock`).
 */
export class PerIssueWrites {
  private readonly writes = new Map<string, number[]>();

  /** Admits the write to every issue, or names the first issue and window that is full. */
  admit(
    issues: readonly string[],
    windows: readonly IssueWriteWindow[],
    nowMs: number,
  ): IssueWriteDenial | undefined {
    for (const issue of issues) {
      const times = this.recent(issue, windows, nowMs);
      for (const window of windows) {
        const since = nowMs - window.seconds * 1000;
        const inWindow = times.filter((t) => t > since);
        if (inWindow.length >= window.writes) {
          const oldest = inWindow[inWindow.length - window.writes] as number;
          return { issue, window, retryAfterMs: oldest + window.seconds * 1000 - nowMs };
        }
      }
    }
    if (this.writes.size >= MAX_TRACKED_ISSUES) this.state(windows, nowMs); // drops issues with no recent writes
    for (const issue of issues) this.writes.set(issue, [...this.recent(issue, windows, nowMs), nowMs]);
    return undefined;
  }

  reset(): void {
    this.writes.clear();
  }

  state(windows: readonly IssueWriteWindow[], nowMs: number): IssueWriteState[] {
    const states: IssueWriteState[] = [];
    for (const issue of [...this.writes.keys()]) {
      const times = this.recent(issue, windows, nowMs);
      if (times.length === 0) continue;
      states.push({
        issue,
        windows: windows.map((w) => ({
          ...w,
          used: times.filter((t) => t > nowMs - w.seconds * 1000).length,
        })),
      });
    }
    return states;
  }

  /** The issue's writes still inside the longest window (and not after now, should the clock go back). */
  private recent(issue: string, windows: readonly IssueWriteWindow[], nowMs: number): number[] {
    const longestMs = Math.max(0, ...windows.map((w) => w.seconds * 1000));
    const times = (this.writes.get(issue) ?? []).filter((t) => t > nowMs - longestMs && t <= nowMs);
    if (times.length === 0) this.writes.delete(issue);
    else this.writes.set(issue, times);
    return times;
  }
}

function arrayAt(value: unknown, key: string): unknown[] {
  const found = isObject(value) ? value[key] : undefined;
  return Array.isArray(found) ? found : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

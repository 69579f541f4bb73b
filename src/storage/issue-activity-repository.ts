import { kvs } from '@forge/kvs';
import { BatchReader } from './kvs-helpers';

/**
 * The latest product event the app saw on each issue, for the panel's "the app is listening" line. Written
 * from the event payload alone, so it costs no Jira call.
 */
export interface IssueActivity {
  readonly issueKey: string;
  readonly summary: string;
  readonly lastEventType: string;
  readonly lastActorAccountId: string | null;
  readonly eventsSeen: number;
}

export const issueActivityKey = (issueId: string): string => `issue-activity:${issueId}`;

export class KvsIssueActivityRepository {
  private readonly reads: BatchReader;

  /** `reads`: the invocation's batch reader, so the read rides along with the other first reads. */
  constructor(options: { readonly reads?: BatchReader } = {}) {
    this.reads = options.reads ?? new BatchReader();
  }

  get(issueId: string): Promise<IssueActivity | undefined> {
    return this.reads.get<IssueActivity>({ key: issueActivityKey(issueId) });
  }

  async record(issueId: string, seen: Omit<IssueActivity, 'eventsSeen'>): Promise<void> {
    const previous = await this.get(issueId);
    await kvs.set(issueActivityKey(issueId), {
      ...seen,
      eventsSeen: (previous?.eventsSeen ?? 0) + 1,
    } satisfies IssueActivity);
  }
}

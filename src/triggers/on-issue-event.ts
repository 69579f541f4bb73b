import { kvs } from '@forge/kvs';

/**
 * First trigger: remembers the latest product event seen for each issue, so the panel can show that the
 * app is listening. SPOC routing replaces the body with the routing use case (issue "SPOC routing core").
 */
export interface IssueEventPayload {
  readonly eventType: string;
  readonly issue?: { readonly id?: string; readonly key?: string };
  readonly atlassianId?: string;
}

export interface IssueActivity {
  readonly issueKey: string;
  readonly lastEventType: string;
  readonly lastActorAccountId: string | null;
  readonly eventsSeen: number;
}

export const issueActivityKey = (issueId: string): string => `issue-activity:${issueId}`;

export async function onIssueEvent(event: IssueEventPayload): Promise<void> {
  const issueId = event.issue?.id;
  if (!issueId || !event.issue?.key) return;
  const previous = await kvs.get<IssueActivity>(issueActivityKey(issueId));
  const activity: IssueActivity = {
    issueKey: event.issue.key,
    lastEventType: event.eventType,
    lastActorAccountId: event.atlassianId ?? null,
    eventsSeen: (previous?.eventsSeen ?? 0) + 1,
  };
  await kvs.set(issueActivityKey(issueId), activity);
}

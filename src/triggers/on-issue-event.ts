import { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { forgeJiraClient } from '../jira/jira-client';

/**
 * First trigger: remembers, per issue, the latest product event and the issue's summary as Jira has it now,
 * so the panel can show that the app is listening. SPOC routing replaces the body with the routing use case
 * (issue "SPOC routing core").
 */
export interface IssueEventPayload {
  readonly eventType: string;
  readonly issue?: { readonly id?: string; readonly key?: string };
  readonly atlassianId?: string;
}

export interface IssueActivity {
  readonly issueKey: string;
  readonly summary: string;
  readonly lastEventType: string;
  readonly lastActorAccountId: string | null;
  readonly eventsSeen: number;
}

export const issueActivityKey = (issueId: string): string => `issue-activity:${issueId}`;

export async function onIssueEvent(event: IssueEventPayload): Promise<void> {
  const issueId = event.issue?.id;
  if (!issueId || !/^\d+$/.test(issueId) || !event.issue?.key) return;
  const issue = await forgeJiraClient.request<{ fields: { summary: string } }>(
    'app',
    route`/rest/api/3/issue/${issueId}?fields=summary`,
  );
  const previous = await kvs.get<IssueActivity>(issueActivityKey(issueId));
  await kvs.set(issueActivityKey(issueId), {
    issueKey: event.issue.key,
    summary: issue.fields.summary,
    lastEventType: event.eventType,
    lastActorAccountId: event.atlassianId ?? null,
    eventsSeen: (previous?.eventsSeen ?? 0) + 1,
  } satisfies IssueActivity);
}

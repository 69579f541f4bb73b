import { InvocationError, InvocationErrorCode } from '@forge/events';
import {
  appDependencies,
  isPassingStorageFailure,
  issueFactsFrom,
  type AppDependencies,
} from '../composition';
import { redeliveryDelaySeconds } from '../domain/backoff';
import { isIssueId } from '../domain/jira-keys';
import { JiraBusyError, TriageConflictError } from '../usecases/errors';
import { finishPendingUpdates } from '../usecases/finish-pending-updates';
import { recordAssignmentChange } from '../usecases/record-assignment-change';
import { recordClientReply } from '../usecases/record-client-reply';
import { restoreTriageCopy } from '../usecases/restore-triage-copy';
import { routeClientIssue } from '../usecases/route-client-issue';

/**
 * The product-event trigger (manifest `spoc-issue-events`): reads the event, hands it to the use case for
 * its type, and turns "Jira asked us to wait" into an InvocationError so the platform delivers the event
 * again later and nothing is lost. Events the app caused itself never arrive (`ignoreSelf`).
 */
interface EventPayload {
  readonly eventType?: unknown;
  readonly atlassianId?: unknown;
  readonly issue?: {
    readonly id?: unknown;
    readonly key?: unknown;
    readonly fields?: Record<string, unknown> & {
      readonly summary?: unknown;
      readonly project?: { readonly id?: unknown; readonly key?: unknown };
      readonly reporter?: { readonly accountId?: unknown } | null;
      readonly assignee?: { readonly accountId?: unknown } | null;
    };
  };
  readonly comment?: {
    readonly id?: unknown;
    readonly author?: { readonly accountId?: unknown };
    readonly visibility?: unknown;
    readonly jsdPublic?: unknown;
  };
  readonly changelog?: { readonly id?: unknown };
  /** The `spoc` copy's values, as the manifest's `payload.include.propertyPaths` asks for them. */
  readonly payloadIncludeProperties?: unknown;
  /** Set by the platform on a redelivery after an InvocationError. */
  readonly retryContext?: { readonly retryCount?: unknown };
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

export async function onIssueEvent(event: EventPayload): Promise<InvocationError | void> {
  const issueId = text(event.issue?.id);
  const issueKey = text(event.issue?.key);
  const eventType = text(event.eventType);
  if (!isIssueId(issueId) || !issueKey || !eventType) return;
  try {
    await handle(event, { issueId, issueKey, eventType }, appDependencies());
  } catch (error) {
    if (error instanceof JiraBusyError) {
      const retryCount = Number(event.retryContext?.retryCount ?? 0);
      return new InvocationError({
        retryAfter: redeliveryDelaySeconds(
          error.retryAfterSeconds,
          Number.isInteger(retryCount) ? retryCount : 0,
          Math.random,
        ),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      });
    }
    if (error instanceof TriageConflictError || isPassingStorageFailure(error)) {
      // Another delivery changed the record at the same moment, or storage hiccupped: look again shortly.
      return new InvocationError({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    throw error;
  }
}

/** Hands the event to the use case for its type. */
async function handle(
  event: EventPayload,
  { issueId, issueKey, eventType }: { issueId: string; issueKey: string; eventType: string },
  deps: AppDependencies,
): Promise<void> {
  const fields = event.issue?.fields ?? {};
  const included = event.payloadIncludeProperties;
  if (eventType !== 'avi:jira:created:issue' && typeof included === 'object' && included !== null) {
    // Compared before the event's own change, which would make a copy read earlier look outdated.
    await restoreTriageCopy.execute({ issueId, included: included as Record<string, unknown> }, deps);
  }
  switch (eventType) {
    case 'avi:jira:created:issue': {
      const projectId = text(fields.project?.id);
      const projectKey = text(fields.project?.key);
      if (!projectId || !projectKey) return;
      const carriesFacts = 'labels' in fields && 'components' in fields && 'priority' in fields;
      await routeClientIssue.execute(
        {
          issueId,
          issueKey,
          projectId,
          projectKey,
          summary: text(fields.summary) ?? '',
          reporterAccountId: text(fields.reporter?.accountId),
          facts: carriesFacts ? issueFactsFrom(fields) : null,
        },
        deps,
      );
      return;
    }
    case 'avi:jira:commented:issue': {
      const commentId = text(event.comment?.id);
      if (!commentId) return;
      await recordClientReply.execute(
        {
          issueId,
          commentId,
          authorAccountId: text(event.comment?.author?.accountId),
          isPublic: event.comment?.visibility === undefined && event.comment?.jsdPublic !== false,
        },
        deps,
      );
      return;
    }
    case 'avi:jira:assigned:issue': {
      const changelogId = text(event.changelog?.id);
      if (!changelogId) return;
      await recordAssignmentChange.execute(
        {
          issueId,
          changelogId,
          newAssigneeAccountId: text(fields.assignee?.accountId),
          actorAccountId: text(event.atlassianId),
        },
        deps,
      );
      return;
    }
    default:
      await finishPendingUpdates.execute({ issueId }, deps);
  }
}

import { route } from '@forge/api';
import { TRIAGE_PROPERTY_KEY } from '../domain';
import type { IssueEdit, IssueFacts } from '../usecases/ports';
import type { Message } from '../usecases/support/message';
import { toAdf } from './adf';
import { JiraNotFoundError, JiraRefusedError } from '../usecases/errors';
import type { JiraClient } from './jira-client';

/**
 * Issues as the app itself changes them: the few fields routing reads, one edit that carries assignee,
 * labels and the `spoc` property together (past the project's edit screen), the property alone, comments,
 * duplicate links, and the property read back.
 */
interface IssueFactsBody {
  readonly fields?: {
    readonly labels?: unknown;
    readonly components?: unknown;
    readonly priority?: { readonly name?: unknown } | null;
    readonly reporter?: { readonly accountId?: unknown } | null;
  };
}

/** Labels, components and priority from an issue's `fields` (the REST answer or an event payload). */
export function issueFactsFrom(fields: IssueFactsBody['fields']): IssueFacts {
  const labels = Array.isArray(fields?.labels)
    ? fields.labels.filter((l): l is string => typeof l === 'string')
    : [];
  const components = Array.isArray(fields?.components)
    ? fields.components
        .filter(
          (c): c is { id?: unknown; name: string } =>
            typeof c === 'object' && c !== null && typeof c.name === 'string',
        )
        .map((c) => ({ id: typeof c.id === 'string' ? c.id : null, name: c.name }))
    : [];
  const priority = typeof fields?.priority?.name === 'string' ? fields.priority.name : null;
  return { labels, components, priority };
}

export class IssueService {
  constructor(private readonly client: JiraClient) {}

  async readIssueFacts(issueId: string): Promise<IssueFacts & { reporterAccountId: string | null }> {
    const issue = await this.client.request<IssueFactsBody>(
      'app',
      route`/rest/api/3/issue/${issueId}?fields=labels,components,priority,reporter`,
    );
    const reporter = issue.fields?.reporter?.accountId;
    return {
      ...issueFactsFrom(issue.fields),
      reporterAccountId: typeof reporter === 'string' ? reporter : null,
    };
  }

  /**
   * Assignee, labels and the `spoc` property in one edit. A project's edit screen may lack assignee or
   * labels, and Jira then refuses a plain edit of them (400), so the edit asks Jira to skip the screen
   * (`overrideScreenSecurity`, open to an app whose user holds Administer Jira). Where Jira refuses the
   * override (403), the parts go to endpoints no screen concerns (assign, property) side by side, and the
   * labels alone as a plain edit: a refusal then costs the labels at most, never the SPOC or the property.
   */
  async editIssue(issueId: string, edit: IssueEdit): Promise<void> {
    const labelOps = [
      ...(edit.addLabels ?? []).map((label) => ({ add: label })),
      ...(edit.removeLabels ?? []).map((label) => ({ remove: label })),
    ];
    if (edit.assignee === undefined && labelOps.length === 0) {
      if (edit.property) await this.setTriageProperty(issueId, edit.property);
      return;
    }
    const body = {
      ...(edit.assignee !== undefined
        ? { fields: { assignee: edit.assignee === null ? null : { accountId: edit.assignee } } }
        : {}),
      ...(labelOps.length ? { update: { labels: labelOps } } : {}),
      ...(edit.property ? { properties: [{ key: TRIAGE_PROPERTY_KEY, value: edit.property }] } : {}),
    };
    try {
      await this.client.request('app', route`/rest/api/3/issue/${issueId}?overrideScreenSecurity=true`, {
        method: 'PUT',
        body,
      });
      return;
    } catch (error) {
      if (!(error instanceof JiraRefusedError) || error.status !== 403) throw error;
    }
    await Promise.all([
      edit.assignee !== undefined ? this.assign(issueId, edit.assignee) : undefined,
      edit.property ? this.setTriageProperty(issueId, edit.property) : undefined,
    ]);
    if (labelOps.length > 0) {
      await this.client.request('app', route`/rest/api/3/issue/${issueId}`, {
        method: 'PUT',
        body: { update: { labels: labelOps } },
      });
    }
  }

  /** The assignee alone: needs Assign issues, and no screen. */
  async assign(issueId: string, accountId: string | null): Promise<void> {
    await this.client.request('app', route`/rest/api/3/issue/${issueId}/assignee`, {
      method: 'PUT',
      body: { accountId },
    });
  }

  /** The `spoc` property alone: needs Edit issues, and no screen. */
  async setTriageProperty(issueId: string, value: unknown): Promise<void> {
    await this.client.request('app', route`/rest/api/3/issue/${issueId}/properties/${TRIAGE_PROPERTY_KEY}`, {
      method: 'PUT',
      body: value,
    });
  }

  async addComment(issueId: string, message: Message, visibleToRole: string | null): Promise<void> {
    await this.client.request('app', route`/rest/api/3/issue/${issueId}/comment`, {
      method: 'POST',
      body: {
        body: toAdf(message),
        ...(visibleToRole ? { visibility: { type: 'role', value: visibleToRole } } : {}),
      },
    });
  }

  /** "`issueKey` duplicates `duplicateOf`". */
  async linkDuplicate(issueKey: string, duplicateOf: string): Promise<void> {
    await this.client.request('app', route`/rest/api/3/issueLink`, {
      method: 'POST',
      body: {
        type: { name: 'Duplicate' },
        inwardIssue: { key: issueKey },
        outwardIssue: { key: duplicateOf },
      },
    });
  }

  /** The `spoc` property's value, or undefined when the issue has none. */
  async readTriageProperty(issueId: string): Promise<unknown> {
    try {
      const property = await this.client.request<{ value?: unknown }>(
        'app',
        route`/rest/api/3/issue/${issueId}/properties/${TRIAGE_PROPERTY_KEY}`,
      );
      return property?.value;
    } catch (error) {
      if (error instanceof JiraNotFoundError) return undefined;
      throw error;
    }
  }

  /** Many issues' `spoc` property in one search (points: 1 + one per issue), as the app. */
  async readTriageProperties(issueIds: readonly string[]): Promise<ReadonlyMap<string, unknown>> {
    const found = new Map<string, unknown>();
    if (issueIds.length === 0) return found;
    const answer = await this.client.request<{ issues?: unknown }>('app', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: {
        jql: `id in (${issueIds.join(', ')})`,
        maxResults: issueIds.length,
        properties: [TRIAGE_PROPERTY_KEY],
      },
    });
    for (const issue of Array.isArray(answer.issues) ? answer.issues : []) {
      const { id, properties } = issue as { id?: unknown; properties?: Record<string, unknown> };
      if (typeof id === 'string') found.set(id, properties?.[TRIAGE_PROPERTY_KEY]);
    }
    return found;
  }

  async componentLead(componentId: string): Promise<string | null> {
    try {
      const component = await this.client.request<{ lead?: { accountId?: unknown } }>(
        'app',
        route`/rest/api/3/component/${componentId}`,
      );
      return typeof component.lead?.accountId === 'string' ? component.lead.accountId : null;
    } catch (error) {
      if (error instanceof JiraNotFoundError) return null;
      throw error;
    }
  }
}

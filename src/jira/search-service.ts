import { route } from '@forge/api';
import { TRIAGE_PROPERTY_KEY } from '../domain';
import type { IssueRef, SearchedIssue } from '../usecases/ports';
import { JiraRefusedError } from '../usecases/errors';
import type { JiraClient } from './jira-client';

/** Issues and projects as the person using the app sees them (`asUser()`). */
interface IssueBody {
  readonly id?: unknown;
  readonly key?: unknown;
  readonly fields?: {
    readonly project?: { readonly id?: unknown; readonly key?: unknown };
    readonly summary?: unknown;
    readonly status?: { readonly name?: unknown } | null;
    readonly priority?: { readonly name?: unknown } | null;
  };
  readonly properties?: Readonly<Record<string, unknown>>;
}

function refOf(issue: IssueBody): IssueRef | undefined {
  const project = issue.fields?.project;
  if (typeof issue.id !== 'string' || typeof issue.key !== 'string') return undefined;
  if (typeof project?.id !== 'string' || typeof project.key !== 'string') return undefined;
  return { id: issue.id, key: issue.key, projectId: project.id, projectKey: project.key };
}

export class SearchService {
  constructor(private readonly client: JiraClient) {}

  async issue(issueIdOrKey: string): Promise<IssueRef | undefined> {
    try {
      return refOf(
        await this.client.request<IssueBody>('user', route`/rest/api/3/issue/${issueIdOrKey}?fields=project`),
      );
    } catch (error) {
      if (error instanceof JiraRefusedError && [400, 403, 404].includes(error.status)) return undefined;
      throw error;
    }
  }

  async project(projectKey: string): Promise<{ id: string; key: string } | undefined> {
    try {
      const project = await this.client.request<{ id?: unknown; key?: unknown }>(
        'user',
        route`/rest/api/3/project/${projectKey}`,
      );
      return typeof project.id === 'string' && typeof project.key === 'string'
        ? { id: project.id, key: project.key }
        : undefined;
    } catch (error) {
      if (error instanceof JiraRefusedError && [403, 404].includes(error.status)) return undefined;
      throw error;
    }
  }

  /** Unresolved issues of the project as Jira counts them for the caller; undefined when they cannot see it. */
  async openIssueCount(projectKey: string): Promise<number | undefined> {
    try {
      const answer = await this.client.request<{ count?: unknown }>(
        'user',
        route`/rest/api/3/search/approximate-count`,
        { method: 'POST', body: { jql: `project = "${projectKey}" AND statusCategory != Done` } },
      );
      return typeof answer.count === 'number' ? answer.count : 0;
    } catch (error) {
      if (error instanceof JiraRefusedError && [400, 403, 404].includes(error.status)) return undefined;
      throw error;
    }
  }

  async search(jql: string, max: number): Promise<readonly SearchedIssue[]> {
    const answer = await this.client.request<{ issues?: unknown }>('user', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: {
        jql,
        maxResults: max,
        fields: ['summary', 'status', 'priority', 'project'],
        properties: [TRIAGE_PROPERTY_KEY],
      },
    });
    const issues = Array.isArray(answer.issues) ? (answer.issues as IssueBody[]) : [];
    return issues.flatMap((issue) => {
      const ref = refOf(issue);
      if (!ref) return [];
      return [
        {
          ...ref,
          summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : '',
          status: typeof issue.fields?.status?.name === 'string' ? issue.fields.status.name : null,
          priority: typeof issue.fields?.priority?.name === 'string' ? issue.fields.priority.name : null,
          properties: issue.properties ?? {},
        },
      ];
    });
  }
}

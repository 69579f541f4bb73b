import { route } from '@forge/api';
import type { ClientSight } from '../domain/duplicate-target';
import type {
  IssueInWorkflow,
  NamedValue,
  ResolutionField,
  StatusCategory,
  TransitionOption,
  WorkflowStatus,
} from '../domain/workflow-move';
import { JiraNotFoundError } from '../usecases/errors';
import type { JiraClient } from './jira-client';

/**
 * An issue in its project's workflow, as the app moves it: where it stands, which transitions Jira offers
 * from there (with their screens' Resolution field), taking one, removing a duplicate link, and whether a
 * person can open an issue. Jira's answers are checked here: anything unexpected is left out, never guessed.
 */
interface StatusBody {
  readonly name?: unknown;
  readonly statusCategory?: { readonly key?: unknown } | null;
}

interface FieldBody {
  readonly required?: unknown;
  readonly allowedValues?: unknown;
  readonly defaultValue?: unknown;
}

interface TransitionBody {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly to?: StatusBody;
  readonly fields?: Readonly<Record<string, FieldBody>>;
}

interface LinkBody {
  readonly id?: unknown;
  readonly type?: { readonly name?: unknown };
  readonly outwardIssue?: { readonly key?: unknown };
}

const CATEGORIES: Readonly<Record<string, StatusCategory>> = {
  new: 'new',
  indeterminate: 'indeterminate',
  done: 'done',
};

function statusFrom(body: StatusBody | null | undefined): WorkflowStatus | null {
  const key = body?.statusCategory?.key;
  const category = typeof key === 'string' ? CATEGORIES[key] : undefined;
  return typeof body?.name === 'string' && category ? { name: body.name, category } : null;
}

function namedValue(value: unknown): NamedValue | null {
  const v = value as { id?: unknown; name?: unknown } | null;
  return typeof v?.id === 'string' && typeof v.name === 'string' ? { id: v.id, name: v.name } : null;
}

function resolutionFieldFrom(field: FieldBody | undefined): ResolutionField | null {
  if (!field) return null;
  const allowed = Array.isArray(field.allowedValues)
    ? field.allowedValues.map(namedValue).filter((v): v is NamedValue => v !== null)
    : [];
  return { required: field.required === true, allowed, defaultValue: namedValue(field.defaultValue) };
}

export function transitionsFrom(answer: { transitions?: unknown }): TransitionOption[] {
  const list = Array.isArray(answer.transitions) ? (answer.transitions as TransitionBody[]) : [];
  return list.flatMap((t) => {
    const to = statusFrom(t.to);
    if (typeof t.id !== 'string' || typeof t.name !== 'string' || !to) return [];
    return [{ id: t.id, name: t.name, to, resolutionField: resolutionFieldFrom(t.fields?.resolution) }];
  });
}

export class WorkflowService {
  constructor(private readonly client: JiraClient) {}

  /** Two reads side by side: the issue's status, and its transitions with their screens' fields. */
  async issueWorkflow(issueId: string): Promise<IssueInWorkflow> {
    const [issue, transitions] = await Promise.all([
      this.client.request<{ fields?: { status?: StatusBody } }>(
        'app',
        route`/rest/api/3/issue/${issueId}?fields=status`,
      ),
      this.client.request<{ transitions?: unknown }>(
        'app',
        route`/rest/api/3/issue/${issueId}/transitions?expand=transitions.fields`,
      ),
    ]);
    const status = statusFrom(issue.fields?.status) ?? { name: 'its current status', category: 'new' };
    return { status, transitions: transitionsFrom(transitions) };
  }

  async transitionIssue(issueId: string, transitionId: string, resolution: NamedValue | null): Promise<void> {
    await this.client.request('app', route`/rest/api/3/issue/${issueId}/transitions`, {
      method: 'POST',
      body: {
        transition: { id: transitionId },
        ...(resolution ? { fields: { resolution: { id: resolution.id } } } : {}),
      },
    });
  }

  /** "`issueKey` duplicates `duplicateOf`" undone: the link found on the issue, then deleted. */
  async unlinkDuplicate(issueKey: string, duplicateOf: string): Promise<void> {
    const issue = await this.client.request<{ fields?: { issuelinks?: unknown } }>(
      'app',
      route`/rest/api/3/issue/${issueKey}?fields=issuelinks`,
    );
    const links = Array.isArray(issue.fields?.issuelinks) ? (issue.fields.issuelinks as LinkBody[]) : [];
    const ids = links
      .filter((l) => l.type?.name === 'Duplicate' && l.outwardIssue?.key === duplicateOf)
      .map((l) => l.id)
      .filter((id): id is string => typeof id === 'string');
    for (const id of ids) {
      try {
        await this.client.request('app', route`/rest/api/3/issueLink/${id}`, { method: 'DELETE' });
      } catch (error) {
        // Someone removed it meanwhile: what was wanted is done.
        if (!(error instanceof JiraNotFoundError)) throw error;
      }
    }
  }

  /**
   * Jira's "users with browse permission" for one account and one issue: the account listed means they can
   * open it. An issue Jira does not find for the app says nothing about the person.
   */
  async canBrowse(accountId: string, issueKey: string): Promise<ClientSight> {
    try {
      const users = await this.client.request<unknown>(
        'app',
        route`/rest/api/3/user/viewissue/search?accountId=${accountId}&issueKey=${issueKey}&maxResults=1`,
      );
      if (!Array.isArray(users)) return 'unknown';
      return users.some((u: { accountId?: unknown } | null) => u?.accountId === accountId)
        ? 'can-open'
        : 'cannot-open';
    } catch (error) {
      if (error instanceof JiraNotFoundError) return 'unknown';
      throw error;
    }
  }
}

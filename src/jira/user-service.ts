import { route } from '@forge/api';
import { JiraNotFoundError } from '../usecases/errors';
import type { JiraClient } from './jira-client';

/** People as client matching and the configuration screens need them: groups, visible email, names. */
const BULK_SIZE = 50;

export class UserService {
  constructor(private readonly client: JiraClient) {}

  async groups(accountId: string): Promise<ReadonlyArray<{ id: string | null; name: string }>> {
    try {
      const groups = await this.client.request<unknown>(
        'app',
        route`/rest/api/3/user/groups?accountId=${accountId}`,
      );
      return Array.isArray(groups)
        ? groups
            .filter((g): g is { name: string; groupId?: unknown } => typeof g?.name === 'string')
            .map((g) => ({ id: typeof g.groupId === 'string' ? g.groupId : null, name: g.name }))
        : [];
    } catch (error) {
      if (error instanceof JiraNotFoundError) return [];
      throw error;
    }
  }

  /** The address when the person's profile shows it; Jira Cloud usually hides it. */
  async email(accountId: string): Promise<string | null> {
    try {
      const user = await this.client.request<{ emailAddress?: unknown }>(
        'app',
        route`/rest/api/3/user?accountId=${accountId}`,
      );
      return typeof user.emailAddress === 'string' && user.emailAddress.includes('@')
        ? user.emailAddress
        : null;
    } catch (error) {
      if (error instanceof JiraNotFoundError) return null;
      throw error;
    }
  }

  async names(accountIds: readonly string[]): Promise<Readonly<Record<string, string>>> {
    const names: Record<string, string> = {};
    const ids = [...new Set(accountIds)];
    for (let i = 0; i < ids.length; i += BULK_SIZE) {
      const params = new URLSearchParams();
      for (const id of ids.slice(i, i + BULK_SIZE)) params.append('accountId', id);
      params.set('maxResults', String(BULK_SIZE));
      const page = await this.client.request<{ values?: unknown }>(
        'app',
        route`/rest/api/3/user/bulk?${params}`,
      );
      for (const user of Array.isArray(page.values) ? page.values : []) {
        if (typeof user?.accountId === 'string' && typeof user.displayName === 'string') {
          names[user.accountId] = user.displayName;
        }
      }
    }
    return names;
  }
}

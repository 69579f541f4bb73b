import { route } from '@forge/api';
import { JiraRefusedError } from '../usecases/errors';
import type { JiraClient } from './jira-client';

/**
 * What the person using the app may do, asked of Jira as them (`asUser()`): checked before the app acts
 * for them as itself.
 */
interface MyPermissions {
  readonly permissions?: Readonly<Record<string, { readonly havePermission?: unknown }>>;
}

const granted = (answer: MyPermissions, keys: readonly string[]): ReadonlySet<string> =>
  new Set(keys.filter((k) => answer.permissions?.[k]?.havePermission === true));

export class PermissionService {
  constructor(private readonly client: JiraClient) {}

  async onIssue(issueId: string, keys: readonly string[]): Promise<ReadonlySet<string>> {
    return this.ask(route`/rest/api/3/mypermissions?issueId=${issueId}&permissions=${keys.join(',')}`, keys);
  }

  async onProject(projectKey: string, keys: readonly string[]): Promise<ReadonlySet<string>> {
    return this.ask(
      route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${keys.join(',')}`,
      keys,
    );
  }

  async global(keys: readonly string[]): Promise<ReadonlySet<string>> {
    return this.ask(route`/rest/api/3/mypermissions?permissions=${keys.join(',')}`, keys);
  }

  private async ask(path: ReturnType<typeof route>, keys: readonly string[]): Promise<ReadonlySet<string>> {
    if (keys.length === 0) return new Set();
    try {
      return granted(await this.client.request<MyPermissions>('user', path), keys);
    } catch (error) {
      // An issue or project the person cannot see: they hold nothing on it.
      if (error instanceof JiraRefusedError && [400, 403, 404].includes(error.status)) return new Set();
      throw error;
    }
  }
}

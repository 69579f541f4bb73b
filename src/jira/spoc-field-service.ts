import { getAppContext, route } from '@forge/api';
import type { JiraClient } from './jira-client';

/**
 * The SPOC custom field (manifest `jira:customField` key `spoc-field`): read-only, so only the app sets it,
 * through the app-field API. Jira knows the field by `<appId>__<ENVIRONMENT>__<moduleKey>`.
 */
export const SPOC_FIELD_MODULE_KEY = 'spoc-field';

export function spocFieldKey(): string {
  const context = getAppContext();
  return `${context.appAri.appId}__${context.environmentType}__${SPOC_FIELD_MODULE_KEY}`;
}

export class SpocFieldService {
  constructor(private readonly client: JiraClient) {}

  async setSpocField(issueId: string, accountId: string | null): Promise<void> {
    await this.client.request('app', route`/rest/api/3/app/field/${spocFieldKey()}/value`, {
      method: 'PUT',
      body: { updates: [{ issueIds: [Number(issueId)], value: accountId === null ? null : { accountId } }] },
    });
  }
}

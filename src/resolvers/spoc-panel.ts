import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import type { IssueActivity } from '../triggers/on-issue-event';
import { issueActivityKey } from '../triggers/on-issue-event';
import type { Reply } from './reply';

/**
 * Resolver of the SPOC issue panel. The issue comes from the untrusted front-end context, so the caller's
 * right to see it is checked with Jira as that person before anything is read.
 */

interface PanelContext {
  readonly accountId?: string;
  readonly extension?: { readonly issue?: { readonly id?: unknown; readonly key?: unknown } };
}

const resolver = new Resolver();

resolver.define('getIssueActivity', async ({ context }): Promise<Reply<IssueActivity | null>> => {
  const { accountId, extension } = context as PanelContext;
  if (!accountId) return { ok: false, error: 'Sign in to see this panel.' };
  const issueKey = extension?.issue?.key;
  if (typeof issueKey !== 'string' || !/^[A-Z][A-Z0-9_]*-\d+$/.test(issueKey)) {
    return { ok: false, error: 'This panel needs an issue.' };
  }
  const response = await api.asUser().requestJira(route`/rest/api/3/issue/${issueKey}?fields=summary`);
  if (!response.ok) return { ok: false, error: `You cannot see issue ${issueKey}.` };
  const issue = (await response.json()) as { id: string };
  const activity = await kvs.get<IssueActivity>(issueActivityKey(issue.id));
  return { ok: true, data: activity ?? null };
});

export const spocPanelResolver = resolver.getDefinitions();

import { invoke, requestJira } from '@forge/bridge';
import { fail, ok, type Reply, type ReplyErrorCode } from '../../src/contract/reply';
import type { PickedPerson } from './people-picker';

/**
 * The bridge calls every SPOC screen shares: its resolver as a `Reply`, and Jira's REST API as the signed-in
 * person (people searches, names and avatars). Each feature's `api.ts` names the calls it makes, so one file
 * per screen still lists what that screen costs.
 */
export type { Reply, ReplyErrorCode } from '../../src/contract/reply';

/** A resolver that throws or answers something else still reaches the screen as a Reply it can show. */
export async function invokeReply<T>(
  functionKey: string,
  payload?: Record<string, unknown>,
): Promise<Reply<T>> {
  try {
    const reply = (await invoke<Reply<T>>(functionKey, payload)) as Reply<T> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return fail(`The app answered ${functionKey} with something unexpected.`, 'internal');
  } catch (error) {
    return fail((error as Error).message, 'internal');
  }
}

/** Jira said no to a call of the screen's; `code` tells a busy Jira from a refusal, as the resolvers do. */
export class JiraAnswerError extends Error {
  readonly code: ReplyErrorCode;
  constructor(status: number) {
    super(`Jira answered ${status}.`);
    // Too many requests, or a failure on Jira's side: trying again later can succeed.
    this.code = status === 429 || status >= 500 ? 'jira-busy' : status === 404 ? 'not-found' : 'jira-refused';
  }
}

/** One Jira REST call as the signed-in person, its JSON answer or a JiraAnswerError. */
export async function jiraJson<T>(path: string, init: { method?: string; body?: string } = {}): Promise<T> {
  const response = await requestJira(path, {
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
  });
  if (!response.ok) throw new JiraAnswerError(response.status);
  return (await response.json()) as T;
}

/** A Jira call as a Reply, for a screen's loaders. */
export async function asReply<T>(run: () => Promise<T>): Promise<Reply<T>> {
  try {
    return ok(await run());
  } catch (error) {
    return fail((error as Error).message, error instanceof JiraAnswerError ? error.code : 'internal');
  }
}

interface JiraUser {
  readonly accountId: string;
  readonly displayName: string;
  readonly accountType?: string;
  readonly active?: boolean;
  readonly timeZone?: string;
  readonly avatarUrls?: Readonly<Record<string, string>>;
}

/** A person as the pickers show them, with the time zone Jira has for them (a new SPOC profile starts there). */
export interface FoundPerson extends PickedPerson {
  readonly timeZone?: string;
}

const toPerson = ({ accountId, displayName, avatarUrls, timeZone }: JiraUser): FoundPerson => {
  const avatarUrl = avatarUrls?.['24x24'];
  return { accountId, displayName, ...(avatarUrl ? { avatarUrl } : {}), ...(timeZone ? { timeZone } : {}) };
};

/**
 * People who may be assigned an issue, or the issues of a project: SPOCs, backups, delegates and delivery
 * users must be, since the app assigns client issues to them.
 */
export async function searchAssignablePeople(
  where: { readonly issueKey: string } | { readonly project: string },
  query: string,
): Promise<FoundPerson[]> {
  const params = new URLSearchParams({ ...where, query: query.trim(), maxResults: '20' });
  const people = await jiraJson<JiraUser[]>(`/rest/api/3/user/assignable/search?${params.toString()}`);
  return people.map(toPerson);
}

/** Anyone Jira knows by the start of their name or email: active people, not apps; nothing for no text. */
export async function searchPeople(query: string): Promise<FoundPerson[]> {
  // Jira's user search needs something to look for.
  if (!query.trim()) return [];
  const params = new URLSearchParams({ query: query.trim(), maxResults: '20' });
  const people = await jiraJson<JiraUser[]>(`/rest/api/3/user/search?${params.toString()}`);
  return people.filter((p) => p.accountType === 'atlassian' && p.active !== false).map(toPerson);
}

/** The named people Jira answers for, with their avatars (one call for up to 50; none for nobody). */
export async function getPeople(accountIds: readonly string[]): Promise<FoundPerson[]> {
  if (accountIds.length === 0) return [];
  const params = new URLSearchParams({ maxResults: '50' });
  for (const id of accountIds.slice(0, 50)) params.append('accountId', id);
  const page = await jiraJson<{ values: JiraUser[] }>(`/rest/api/3/user/bulk?${params.toString()}`);
  return page.values.map(toPerson);
}

import type { SpocProfile } from '../../domain';
import type { GadgetConfigBase, GadgetSnapshot } from '../../contract/gadgets';
import { NotAllowedError } from '../errors';
import type { AppJira, Clock, ConfigurationHead, ConfigurationReader, TriageRepository } from '../ports';
import type { TriageEntry } from './triage-entry';

/**
 * The dashboard gadgets' numbers, from the app's own records (kept current by every routing and triage
 * action) and the configuration, both in KVS: a gadget view makes no Jira call. Time-dependent parts (who is
 * away or after hours, what is breached) are worked out at view time. The one exception is a person the app
 * has no name for (chosen in the gadget's settings, or holding issues without being in the configuration):
 * their names are asked of Jira in one call, so nobody is shown as an account id.
 */
export interface GadgetDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: Pick<AppJira, 'userNames'>;
}

/** What a gadget view asks for: its saved configuration, already checked (src/contract/gadgets.ts). */
export interface GadgetParams<Config> {
  readonly callerAccountId: string;
  readonly config: Config;
}

const MAX_OPEN = 2000;

/** What Jira itself shows for an account it no longer knows (a deleted or anonymised person). */
export const FORMER_USER = 'Former user';
/** Jira could not be asked just now: the next view asks again. */
export const NAME_NOT_AVAILABLE = 'Name not available right now';

/** SPOCs, the delivery team and escalation managers: the people a SPOC dashboard is for (known from KVS alone). */
export async function authorizeGadgetViewer(callerAccountId: string, deps: GadgetDeps): Promise<void> {
  const head = await deps.config.head();
  if (head.profileAccountIds.includes(callerAccountId)) return;
  if (head.settings.deliveryTeamAccountIds.includes(callerAccountId)) return;
  if (head.escalationManagerAccountIds.includes(callerAccountId)) return;
  throw new NotAllowedError(
    'SPOC gadgets are for SPOCs, the delivery team and escalation managers: their numbers name clients and colleagues, so they are not shown to you.',
  );
}

/** The open client issues in the gadget's projects (all projects when it names none). */
export async function openEntries(
  config: GadgetConfigBase,
  deps: GadgetDeps,
): Promise<readonly TriageEntry[]> {
  const open = await deps.triage.allOpen(MAX_OPEN);
  const projects = config.projectKeys ?? [];
  return projects.length > 0 ? open.filter((e) => projects.includes(e.projectKey)) : open;
}

/**
 * The display name of everyone a snapshot shows: their profile's, else the one the configuration keeps,
 * else Jira's. Jira is asked once, as the app, and only for people the app's records do not name.
 */
export async function peopleNames(
  accountIds: readonly string[],
  profiles: ReadonlyMap<string, SpocProfile>,
  head: ConfigurationHead,
  deps: GadgetDeps,
): Promise<(accountId: string) => string> {
  const known = (id: string): string | undefined =>
    profiles.get(id)?.displayName || head.names[id] || undefined;
  const missing = [...new Set(accountIds)].filter((id) => known(id) === undefined);
  let fromJira: Readonly<Record<string, string>> = {};
  let jiraAnswered = true;
  if (missing.length > 0) {
    try {
      fromJira = await deps.jira.userNames(missing);
    } catch {
      // The numbers matter more than a name: the view still shows, and says the name is missing for now.
      jiraAnswered = false;
    }
  }
  return (id) => known(id) ?? fromJira[id] ?? (jiraAnswered ? FORMER_USER : NAME_NOT_AVAILABLE);
}

export function scopeOf(
  config: GadgetConfigBase,
  nameOf: (accountId: string) => string,
): GadgetSnapshot<unknown, unknown>['scope'] {
  return {
    projectKeys: config.projectKeys ?? [],
    spocs: (config.spocAccountIds ?? []).map((accountId) => ({ accountId, displayName: nameOf(accountId) })),
  };
}

import type { GadgetConfigBase, GadgetSnapshot } from '../../contract/gadgets';
import { NotAllowedError } from '../errors';
import type { Clock, ConfigurationReader, TriageRepository } from '../ports';
import type { TriageEntry } from './triage-entry';

/**
 * The dashboard gadgets' numbers, from the app's own records (kept current by every routing and triage
 * action) and the configuration, both in KVS: a gadget view makes no Jira call. Time-dependent parts (who is
 * away or after hours, what is breached) are worked out at view time.
 */
export interface GadgetDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
}

/** What a gadget view asks for: its saved configuration, already checked (src/contract/gadgets.ts). */
export interface GadgetParams<Config> {
  readonly callerAccountId: string;
  readonly config: Config;
}

const MAX_OPEN = 2000;

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

export function scopeOf(
  config: GadgetConfigBase,
  nameOf: (accountId: string) => string,
): GadgetSnapshot<unknown, unknown>['scope'] {
  return {
    projectKeys: config.projectKeys ?? [],
    spocs: (config.spocAccountIds ?? []).map((accountId) => ({ accountId, displayName: nameOf(accountId) })),
  };
}

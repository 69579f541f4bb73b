import { matchRuleWarnings, type ClientMatchRule } from './client-matching';
import { DEFAULT_POLICY, type SpocPolicy } from './policy';
import { rosterCandidates, type ClientRoster } from './roster';
import type { SpocProfile } from './spoc-profile';

/**
 * The whole configuration of the app as one document: the clients and the ordered rules that recognise them,
 * each client's dated roster, the SPOC profiles, the policy, and a few settings. It is what managers import
 * and export as JSON; storage splits it into shards, but it is always checked as a whole, because its parts
 * refer to each other (rules and rosters name clients, rosters name SPOCs).
 */
export const CONFIGURATION_SCHEMA_VERSION = 1 as const;

export interface Client {
  readonly id: string;
  readonly name: string;
}

export interface AppSettings {
  /** People who receive vetted work and may send it back to the SPOC. */
  readonly deliveryTeamAccountIds: readonly string[];
  /**
   * The project role that may read the app's internal comments (routing reasons, bypass notes); null makes
   * them public. Messages meant for the client are always public.
   */
  readonly internalCommentRole: string | null;
}

export const DEFAULT_SETTINGS: AppSettings = { deliveryTeamAccountIds: [], internalCommentRole: 'members' };

export interface Configuration {
  readonly schemaVersion: typeof CONFIGURATION_SCHEMA_VERSION;
  readonly clients: readonly Client[];
  readonly rules: readonly ClientMatchRule[];
  readonly rosters: readonly ClientRoster[];
  readonly profiles: readonly SpocProfile[];
  readonly policy: SpocPolicy;
  readonly settings: AppSettings;
}

export const EMPTY_CONFIGURATION: Configuration = {
  schemaVersion: CONFIGURATION_SCHEMA_VERSION,
  clients: [],
  rules: [],
  rosters: [],
  profiles: [],
  policy: DEFAULT_POLICY,
  settings: DEFAULT_SETTINGS,
};

/** Advice that does not block saving: rules that may not work, people on rosters with no profile. */
export function configurationWarnings(configuration: Configuration): readonly string[] {
  const names = Object.fromEntries(configuration.clients.map((c) => [c.id, c.name]));
  const warnings = [...matchRuleWarnings(configuration.rules, names)];
  const profiled = new Set(configuration.profiles.map((p) => p.accountId));
  for (const roster of configuration.rosters) {
    const people = new Set(roster.versions.flatMap((v) => rosterCandidates(v).map((c) => c.accountId)));
    for (const accountId of people) {
      if (!profiled.has(accountId)) {
        warnings.push(
          `${accountId} is on the roster of ${roster.clientName} but has no SPOC profile, so routing skips them.`,
        );
      }
    }
  }
  for (const client of configuration.clients) {
    if (!configuration.rosters.some((r) => r.clientId === client.id)) {
      warnings.push(
        `Client ${client.name} has no roster: its issues are flagged for a manager instead of routed.`,
      );
    }
    if (!configuration.rules.some((r) => r.clientId === client.id && r.enabled !== false)) {
      warnings.push(
        `No enabled rule recognises client ${client.name}, so none of its issues will be routed.`,
      );
    }
  }
  return warnings;
}

/** Every account id the configuration names, for checking that each is a Jira user and for display names. */
export function accountIdsIn(configuration: Configuration): readonly string[] {
  const ids = new Set<string>();
  for (const roster of configuration.rosters) {
    for (const v of roster.versions) {
      for (const c of rosterCandidates(v)) ids.add(c.accountId);
      ids.add(v.escalationManagerAccountId);
      if (v.deliveryTarget.kind === 'user') ids.add(v.deliveryTarget.accountId);
    }
  }
  for (const p of configuration.profiles) {
    ids.add(p.accountId);
    for (const away of p.outOfOffice) if (away.delegateAccountId) ids.add(away.delegateAccountId);
  }
  for (const id of configuration.settings.deliveryTeamAccountIds) ids.add(id);
  for (const rule of configuration.rules)
    if (rule.kind === 'reporter-account') for (const v of rule.values) ids.add(v);
  return [...ids];
}

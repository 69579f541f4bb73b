import type { RosterVersion, SpocPolicy, TriageActionInput, TriageRecord } from '../../domain';
import type { CallerRole, TriageActionName, TriageActionReply } from '../../contract/issue-panel';
import type { AppJira, Clock, ConfigurationReader, IssueRef, TriageRepository, UserJira } from '../ports';
import type { JiraWrite, TriageEntry } from './triage-entry';

/**
 * What every triage action is made of (one file each, e.g. accept-for-delivery.ts): who may take it, how its
 * payload is checked, and the change it plans. The steps they share (find the issue as the caller sees it,
 * check their roles and Jira permissions, apply the state machine, store, send) are apply-triage-action.ts.
 */
export interface TriageActionDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
  readonly user: UserJira;
}

export interface TriageActionParams<P> {
  readonly callerAccountId: string;
  readonly issueIdOrKey: string;
  readonly input: P;
}

export type TriageActionResult = TriageActionReply;

/** Who may take an action: their roles on the issue, and the Jira permissions they must hold on it. */
export interface WhoMay {
  readonly roles: readonly CallerRole[];
  readonly jira: readonly string[];
  /** For the refusal: "the issue's SPOC or their backups". */
  readonly who: string;
}

/** What an action knows when it plans its change. */
export interface ActionContext {
  readonly caller: string;
  readonly issue: IssueRef;
  readonly entry: TriageEntry;
  readonly roster: RosterVersion | null;
  readonly policy: SpocPolicy;
  readonly now: Date;
  readonly names: Readonly<Record<string, string>>;
  readonly deps: TriageActionDeps;
}

export interface ActionPlan {
  readonly action: TriageActionInput;
  /** The writes to Jira, given the record after the action. */
  readonly writes: (record: TriageRecord) => readonly JiraWrite[];
}

export interface TriageVerb<P> {
  /** 'reopen' is a panel action the contract's TriageActionName does not list yet (support/triage-verbs.ts). */
  readonly name: TriageActionName | 'reopen';
  readonly whoMay: WhoMay;
  /** Checks the payload; throws InvalidInputError with a clear message. */
  parse(payload: unknown): P;
  plan(context: ActionContext, input: P): Promise<ActionPlan>;
}

/** The SPOC, their backups (and pool), and the delegate of a SPOC who is away: those who vet. */
export const VETTERS: readonly CallerRole[] = ['spoc', 'backup', 'delegate'];
export const VETTERS_ARE = "the issue's SPOC or their backups";

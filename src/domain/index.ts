// The SPOC domain: pure decisions with their reasons. No Forge, no I/O, no system clock.
export type { Instant } from './time';
export {
  describeProblems,
  excerpt,
  quote,
  under,
  type Validated,
  type ValidationProblem,
} from './validation';
export { isValidTimeZone } from './zone-time';

export {
  matchClient,
  matchRuleWarnings,
  MATCH_RULE_KINDS,
  type ClientMatch,
  type ClientMatchRule,
  type MatchOptions,
  type MatchRuleKind,
  type NewClientIssue,
} from './client-matching';
export { validateMatchRules } from './client-matching-validation';

export {
  resolveDeliveryTarget,
  rosterCandidates,
  rosterInForce,
  scheduleHandover,
  type ClientRoster,
  type DeliveryTarget,
  type RosterVersion,
} from './roster';
export { validateClientRoster, validateRosterVersion } from './roster-validation';

export {
  addWorkingMinutes,
  AROUND_THE_CLOCK,
  describeWorkingHours,
  isWorkingAt,
  nextWorkingStart,
  validateWorkingCalendar,
  workingMinutesBetween,
  WEEKDAYS,
  type Weekday,
  type WorkingCalendar,
  type WorkingShift,
} from './working-hours';

export {
  activeOutOfOffice,
  calendarOf,
  withoutPastOutOfOffice,
  type OutOfOffice,
  type SpocProfile,
} from './spoc-profile';
export { validateSpocProfile } from './spoc-profile-validation';

export { availabilityAt, effectiveCapacity, type Availability, type SpocLoad } from './availability';

export { chooseSpoc, type ConsideredCandidate, type RoutingDecision, type RoutingInput } from './routing';

export {
  allowedTriageActions,
  describeTriageState,
  isUnvetted,
  isWaitingOnSpoc,
  triageTransition,
  TRIAGE_ACTIONS,
  TRIAGE_STATES,
  type TriageAction,
  type TriageState,
} from './triage';

export {
  applyTriageAction,
  awaitsAcknowledgement,
  describeTriageEvent,
  hasTakenStep,
  newTriageRecord,
  recordEscalationStep,
  recordPropertyRepair,
  STEP_LEVEL,
  type Acknowledgement,
  type TriageActionInput,
  type TriageEvent,
  type TriageOutcome,
  type TriageRecord,
} from './triage-record';
export { readTriageRecord } from './triage-record-reader';

export {
  compareWithProperty,
  toTriageProperty,
  TRIAGE_PROPERTY_INDEX,
  TRIAGE_PROPERTY_KEY,
  type TriageProperty,
} from './triage-property';

export {
  checkEscalation,
  responseDueAt,
  sweepAtOf,
  type DueLadderStep,
  type EscalationCheck,
  type ResponseStatus,
} from './escalation';

export {
  DEFAULT_POLICY,
  describeLadderStep,
  judgeAssignmentChange,
  ladderFor,
  responseTargetFor,
  type BypassVerdict,
  type LadderStep,
  type LadderStepKind,
  type ReassignToUnavailable,
  type SpocPolicy,
} from './policy';
export { validatePolicy } from './policy-validation';
export {
  judgeReassignment,
  responseClockFor,
  type ReassignConcern,
  type ReassignVerdict,
  type ResponseClock,
} from './reassignment';

export {
  accountIdsIn,
  configurationWarnings,
  CONFIGURATION_SCHEMA_VERSION,
  DEFAULT_SETTINGS,
  EMPTY_CONFIGURATION,
  type AppSettings,
  type Client,
  type Configuration,
} from './configuration';
export { validateConfiguration, validateSettings } from './configuration-validation';

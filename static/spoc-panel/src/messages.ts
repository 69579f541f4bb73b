import type { CallerRole, TriageActionName } from './api';

/** Every text the SPOC panel shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading SPOC…',
  failed: 'The SPOC panel could not load',
  retry: 'Try again',
  refresh: 'Refresh',
  notRouted: 'SPOC for Jira did not route this issue',
  notRoutedBody:
    'No client rule matched it, so it has no SPOC. A manager can add a rule under Clients & SPOCs.',
  client: 'Client',
  spoc: 'SPOC',
  noSpoc: 'Nobody yet',
  localTime: (time: string, zone: string) => `${time} local time (${zone})`,
  responseDue: 'Response due',
  noDueTime: 'No response target running',
  vettedAt: 'Vetted',
  duplicateOf: 'Duplicate of',
  escalation: (level: number) => `Escalation level ${level}`,
  bounceBacks: (n: number) => (n === 1 ? 'Sent back once' : `Sent back ${n} times`),
  whyHeading: 'Why it was routed here',
  noticesHeading: 'Noticed by the app',
  pending:
    'Some updates to Jira are still waiting (Jira asked the app to slow down); they will follow shortly.',
  historyHeading: (n: number) => `History (${n})`,
  olderHistory: (n: number) => `${n} older entries are not kept.`,
  /** Who did what in the history when nobody did: the app itself. */
  theApp: 'the app',
  actionsHeading: 'Your actions',
  youAre: (roles: string) => `You are ${roles} for this issue.`,
  noActions: 'There is nothing for you to do on this issue right now.',
  cancel: 'Cancel',
  actionFailed: 'That did not work',
  formLoadFailed: 'The form could not load. Reload the issue and try again.',
  /** The picker said nothing about a failed search; the form says it in words. */
  searchFailed: (why: string) => `Could not search for people: ${why}`,
  searchPeople: 'Type a name to search',
  noPeople: 'Nobody matches',
  loadingPeople: 'Searching…',
} as const;

export const roleNames: Record<CallerRole, string> = {
  spoc: 'the SPOC',
  backup: 'a backup SPOC',
  delegate: 'the delegate',
  delivery: 'on the delivery team',
  // Anyone who administers the project may hand its client issues to another SPOC.
  manager: 'a project administrator',
  'escalation-manager': 'the escalation manager',
  'former-spoc': 'its SPOC before your absence',
};

export const responseStatusNames = {
  'not-running': 'not running',
  'on-track': 'on track',
  'at-risk': 'at risk',
  breached: 'breached',
} as const;

export const spocStatusNames = {
  available: 'available',
  away: 'away',
  'at-capacity': 'at capacity',
  'off-shift': 'off shift',
} as const;

/** What each action is called on its button, what its form asks and what its confirm button says. */
export const actionTexts: Record<
  TriageActionName,
  {
    readonly button: string;
    readonly title: string;
    readonly field: string;
    readonly confirm: string;
    /** What to say when the field is required and left empty. */
    readonly missing?: string;
  }
> = {
  'accept-for-delivery': {
    button: 'Accept for delivery',
    title: 'Accept this issue for delivery?',
    field: 'Note for the delivery team (optional)',
    confirm: 'Accept',
  },
  'request-info': {
    button: 'Request information',
    title: 'Ask the client for information',
    field: 'What do you need from the client?',
    confirm: 'Send request',
    missing: 'Write what you need from the client before sending the request.',
  },
  reject: {
    button: 'Reject',
    title: 'Reject this issue',
    field: 'Why is it rejected? The client sees this.',
    confirm: 'Reject',
    missing: 'Write why the issue is rejected; the client reads it.',
  },
  'mark-duplicate': {
    button: 'Duplicate',
    title: 'Mark as a duplicate',
    field: 'Key of the issue it duplicates (e.g. SUP-12)',
    confirm: 'Mark duplicate',
    missing: 'Enter the key of the issue this one duplicates, such as SUP-12.',
  },
  reassign: {
    button: 'Reassign',
    title: 'Reassign to another SPOC',
    field: 'Why are you handing it over?',
    confirm: 'Reassign',
    missing: 'Write why you are handing the issue over.',
  },
  escalate: {
    button: 'Escalate',
    title: 'Escalate this issue',
    field: 'Why does it need escalating?',
    confirm: 'Escalate',
    missing: 'Write why the issue needs escalating.',
  },
  'take-over': {
    button: 'Take over',
    title: 'Take over as SPOC?',
    field: 'Note (optional)',
    confirm: 'Take over',
  },
  'return-to-spoc': {
    button: 'Return to SPOC',
    title: 'Return this issue to its SPOC',
    field: 'What is unclear?',
    confirm: 'Return',
    missing: 'Write what is unclear, so the SPOC can ask the client.',
  },
  acknowledge: {
    button: 'I am on it',
    title: 'Acknowledge the escalation?',
    field: 'Note (optional)',
    confirm: 'Acknowledge',
  },
  'take-back': {
    button: 'Take back',
    title: 'Take this issue back as its SPOC?',
    field: 'Note (optional)',
    confirm: 'Take back',
  },
};

export const reassignTo = 'New SPOC';
export const reassignMissing = 'Choose who becomes the SPOC.';
export const duplicateNote = 'Note (optional)';

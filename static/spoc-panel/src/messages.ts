import type { TriageActionName } from './api';

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
  /** Names the SPOC when the app knows no name for them. */
  theSpoc: 'The SPOC',
  responseDue: 'Response due',
  routedAt: 'Routed',
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

/** What the reassign form says about the person chosen: their availability, load and the due time they get. */
export const reassignTexts = {
  noProfile: 'no SPOC profile',
  onRoster: { primary: 'primary SPOC', backup: 'backup', pool: 'pool' } as Readonly<
    Record<'primary' | 'backup' | 'pool', string>
  >,
  dueFor: (name: string, due: string) => `If ${name} takes it, the response is due ${due}.`,
  dueFromReturn: (name: string, due: string) =>
    `If ${name} takes it, the response is due ${due}, counted from when they are back.`,
  awayTitle: (name: string) => `${name} is out of office`,
  fullTitle: (name: string) => `${name} is full`,
  awayConsequence: (delegate: string | null) =>
    delegate
      ? `While they are away, the app hands their waiting issues to ${delegate}, who covers for them.`
      : 'While they are away, the app hands their waiting issues to the next available backup.',
  fullConsequence: 'Routing gives them no more client issues until they have room.',
  goOn: 'Reassign anyway only if you have agreed it with them.',
  anyway: 'Reassign anyway',
  refusedTitle: 'The policy does not allow this',
  refused: (name: string) =>
    `The policy does not let a client issue be handed to someone away or full, so it cannot go to ${name}. Choose someone else.`,
  noProfileTitle: (name: string) => `${name} has no SPOC profile`,
  noProfileBody: 'Their working hours are unknown, so the app cannot give them client issues. Choose a SPOC.',
  chooseAnother: 'Choose someone the issue can go to.',
  unchecked: (why: string) =>
    `Their availability could not be checked (${why}); the app checks it when you confirm.`,
} as const;

/** While the issue waits for the client: what was asked and how it is answered. */
export const clientTurnTexts = {
  theSpoc: 'Your SPOC',
  clientTitle: (asker: string) => `${asker} needs more information from you`,
  staffTitle: 'Waiting for the client’s answer',
  heading: 'Your turn',
  askedAt: (asker: string, when: string) => `${asker} asked ${when}:`,
  asked: (asker: string) => `${asker} asked:`,
  askedInComment: (asker: string) =>
    `${asker} asked for more information in a comment on this issue: read the comments for the question.`,
  howReporter: (spoc: string) =>
    `To answer, add a comment on this issue with what was asked. Your comment goes straight back to ${spoc}, who picks the issue up from there.`,
  howColleague: (spoc: string) =>
    `The person who reported this issue answers with a comment on it; their comment sends the issue back to ${spoc}.`,
  staffHow:
    'The issue comes back to its SPOC, with a fresh response clock, when the reporter answers with a comment.',
} as const;

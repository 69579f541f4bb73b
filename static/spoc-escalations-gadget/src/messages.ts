/** Every text the escalation status gadget shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading escalation status…',
  failed: 'The escalation status gadget could not load',
  noSnapshot: 'No escalation snapshot yet: it appears once a response target has been watched.',
  snapshot: (takenAt: string, rows: number) =>
    `Snapshot of ${takenAt}: ${rows} escalated ${rows === 1 ? 'issue' : 'issues'}`,
  scopeBreached: 'Breached targets only',
  scopeAll: 'Breached and at-risk targets',
  refreshEvery: (minutes: number) => `Refreshes every ${minutes} min`,
  editHeading: 'Configure escalation status',
  breachedOnlyLabel: 'Show breached targets only',
  refreshLabel: 'Refresh every (minutes, empty for never)',
  invalidRefresh: 'Enter a whole number of minutes from 1 to 1440, or leave it empty.',
  save: 'Save',
  cancel: 'Cancel',
  refreshedByHost: (count: number) => `Refreshed by the dashboard ${count} ${count === 1 ? 'time' : 'times'}`,
} as const;

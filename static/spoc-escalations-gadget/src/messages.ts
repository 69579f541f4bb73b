import type { EscalationRow } from './api';

/** Every text the escalation status gadget shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading escalation status…',
  failed: 'The escalation status gadget could not load',
  retry: 'Try again',
  refresh: 'Refresh',
  title: 'Most urgent escalated issues',
  snapshot: (takenAt: string, shown: number) =>
    `${shown} ${shown === 1 ? 'issue needs' : 'issues need'} attention, as of ${takenAt.slice(11, 16)} UTC`,
  scope: (projectKey: string | undefined) => (projectKey ? `Project ${projectKey}` : 'All projects'),
  empty: 'Nothing is escalated, breached, at risk or unrouted here. All response targets are on track.',
  totals: 'Totals',
  level: (level: string) => `Level ${level}`,
  noLevels: 'Escalated',
  breached: 'Breached',
  atRisk: 'At risk',
  unrouted: 'Unrouted',
  alert: (breached: number, threshold: number) =>
    `${breached} ${breached === 1 ? 'response target is' : 'response targets are'} breached (your alert is set at ${threshold}).`,
  issue: 'Issue',
  levelHeading: 'Level',
  response: 'Response',
  age: 'Age',
  spoc: 'SPOC',
  nobody: 'nobody (unrouted)',
  ageText: (days: number, hours: number, minutes: number) =>
    days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`,
  openIssue: (key: string) => `Open ${key}`,
  editHeading: 'Configure escalation status',
  projectLabel: 'Project',
  allProjects: 'All projects',
  projectsFailed: (error: string) => `The projects could not load (${error}); the gadget shows all projects.`,
  breachedAlertLabel: 'Alert when this many targets are breached',
  breachedAlertHint: 'Leave empty for no alert.',
  maxRowsLabel: 'Issues to list',
  refreshLabel: 'Refresh every (minutes)',
  refreshHint: 'Leave empty to refresh only when the dashboard is reloaded.',
  invalidBreachedAlert: 'Enter a whole number from 1 to 999, or leave it empty.',
  invalidMaxRows: 'Enter a whole number from 1 to 50.',
  invalidRefresh: 'Enter a whole number of minutes from 1 to 1440, or leave it empty.',
  fixErrors: 'Some settings need fixing before they can be saved.',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
} as const;

export const responseNames: Record<EscalationRow['response'], string> = {
  breached: 'breached',
  'at-risk': 'at risk',
  'on-track': 'on track',
  'not-running': 'not running',
};

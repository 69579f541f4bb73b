/** Every text the SPOC workload gadget shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading SPOC workload…',
  failed: 'The SPOC workload gadget could not load',
  noSnapshot: 'No workload snapshot yet: it appears once the app has routed a client issue.',
  snapshot: (takenAt: string, rows: number) =>
    `Snapshot of ${takenAt}: ${rows} ${rows === 1 ? 'SPOC' : 'SPOCs'}`,
  showing: (maxRows: number) => `Showing at most ${maxRows} SPOCs`,
  scope: (projectKey: string | undefined) => (projectKey ? `Clients of ${projectKey}` : 'All projects'),
  projectLabel: 'Project',
  allProjects: 'All projects',
  refreshEvery: (minutes: number) => `Refreshes every ${minutes} min`,
  editHeading: 'Configure SPOC workload',
  maxRowsLabel: 'SPOCs to show',
  refreshLabel: 'Refresh every (minutes, empty for never)',
  invalidMaxRows: 'Enter a whole number from 1 to 50.',
  invalidRefresh: 'Enter a whole number of minutes from 1 to 1440, or leave it empty.',
  save: 'Save',
  cancel: 'Cancel',
  refreshedByHost: (count: number) => `Refreshed by the dashboard ${count} ${count === 1 ? 'time' : 'times'}`,
} as const;

import type { WorkloadRow } from './api';

/** Every text the SPOC workload gadget shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading SPOC workload…',
  failed: 'The SPOC workload gadget could not load',
  retry: 'Try again',
  refresh: 'Refresh',
  title: 'SPOC workload',
  snapshot: (takenAt: string, shown: number) =>
    `${shown} ${shown === 1 ? 'SPOC' : 'SPOCs'}, as of ${takenAt.slice(11, 16)} UTC`,
  scope: (projectKey: string | undefined) => (projectKey ? `Clients of ${projectKey}` : 'All projects'),
  empty: 'No SPOC has client issues waiting here, and none matches this gadget’s settings.',
  totals: 'Totals',
  awaitingTriage: 'Awaiting triage',
  informationRequested: 'Information requested',
  open: 'Open',
  capacity: 'Capacity',
  now: 'Now',
  oldestWaiting: 'Oldest waiting',
  spoc: 'SPOC',
  noLimit: 'no limit',
  ofCapacity: (open: number, capacity: number) => `${open} of ${capacity}`,
  capacityLabel: (name: string, open: number, capacity: number) =>
    `${name}: ${open} open of a capacity of ${capacity}`,
  nothingWaiting: 'nothing waiting',
  waitingFor: (days: number, hours: number, minutes: number) =>
    days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`,
  openIssue: (key: string) => `Open ${key}`,
  chartSummary: (rows: ReadonlyArray<WorkloadRow>) =>
    `Open client issues per SPOC: ${rows
      .map(
        (r) =>
          `${r.displayName} ${r.awaitingTriage} awaiting triage, ${r.informationRequested} information requested, ${r.open} open`,
      )
      .join('; ')}.`,
  otherOpen: 'Other open',
  editHeading: 'Configure SPOC workload',
  projectLabel: 'Project',
  allProjects: 'All projects',
  projectsFailed: (error: string) => `The projects could not load (${error}); the gadget shows all projects.`,
  spocsLabel: 'SPOCs',
  spocsHint: 'Show only the ticked SPOCs; tick none to show everyone.',
  spocsLoading: 'Loading SPOCs…',
  capacityWarnLabel: 'Warn from this share of capacity (%)',
  capacityWarnHint: 'The capacity bar turns amber from this percentage and red when full.',
  maxRowsLabel: 'SPOCs to show',
  refreshLabel: 'Refresh every (minutes)',
  refreshHint: 'Leave empty to refresh only when the dashboard is reloaded.',
  invalidCapacityWarn: 'Enter a whole percentage from 1 to 100.',
  invalidMaxRows: 'Enter a whole number from 1 to 50.',
  invalidRefresh: 'Enter a whole number of minutes from 1 to 1440, or leave it empty.',
  fixErrors: 'Some settings need fixing before they can be saved.',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
} as const;

export const statusNames: Record<WorkloadRow['status'], string> = {
  available: 'available',
  away: 'away',
  'at-capacity': 'at capacity',
  'off-shift': 'after hours',
};

import { GADGET_LIMITS } from '../../../src/contract/gadgets';
import { formMessages, viewMessages } from '../../shared/gadget-messages';
import type { WorkloadRow, WorkloadSnapshot } from './api';

/** Every text the SPOC workload gadget shows, in one place (ready for translation). */
export const messages = {
  ...viewMessages,
  loading: 'Loading SPOC workload…',
  failed: 'The SPOC workload gadget could not load',
  title: 'SPOC workload',
  scope: ({ scope }: WorkloadSnapshot) =>
    [
      scope.projectKeys.length > 0 ? `Clients of ${scope.projectKeys.join(', ')}` : 'All projects',
      scope.spocs.length > 0 ? `SPOCs: ${scope.spocs.map((s) => s.displayName).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  spocsShown: (shown: number, matched: number) =>
    viewMessages.shownOf(shown, matched, matched === 1 ? 'SPOC' : 'SPOCs'),
  empty: 'No SPOC has client issues waiting here, and none matches this gadget’s settings.',
  totals: 'Totals',
  awaitingTriage: 'Awaiting triage',
  informationRequested: 'Information requested',
  open: 'Open',
  nearlyFull: (percent: number) => `Nearly full (from ${percent} %)`,
  full: 'Full',
  capacity: 'Capacity',
  now: 'Now',
  oldestWaiting: 'Oldest waiting',
  spoc: 'SPOC',
  noLimit: 'no limit',
  ofCapacity: (open: number, capacity: number) => `${open} of ${capacity}`,
  capacityLabel: (name: string, open: number, capacity: number) =>
    `${name}: ${open} open of a capacity of ${capacity}`,
  nothingWaiting: 'nothing waiting',
  workingUntil: (when: string) => `until ${when}`,
  backOn: (when: string) => `back ${when}`,
  startsIn: (fromNow: string) => `starts ${fromNow}`,
  /** What is said of a status that names no moment. */
  statusDetail: {
    available: '',
    away: '',
    'at-capacity': '',
    'off-shift': 'no working hours set',
    'no-profile': 'hours and capacity unknown',
  } satisfies Record<WorkloadRow['status'], string>,
  chartSummary: (rows: ReadonlyArray<WorkloadRow>) =>
    `Open client issues per SPOC: ${rows
      .map(
        (r) =>
          `${r.displayName} ${r.awaitingTriage} awaiting triage, ${r.informationRequested} information requested, ${r.open} open`,
      )
      .join('; ')}.`,
  otherOpen: 'Other open',
} as const;

export const formTexts = {
  ...formMessages,
  heading: 'Configure SPOC workload',
  capacityWarnLabel: 'Nearly full from (% of capacity)',
  capacityWarnHint:
    'A SPOC counts as nearly full, and their bar turns amber, from this share of their capacity.',
  invalidCapacityWarn: `Enter a whole percentage from ${GADGET_LIMITS.capacityWarnPercent.min} to ${GADGET_LIMITS.capacityWarnPercent.max}.`,
  maxRowsLabel: 'SPOCs to show',
} as const;

export const statusNames: Record<WorkloadRow['status'], string> = {
  available: 'available',
  away: 'away',
  'at-capacity': 'at capacity',
  'off-shift': 'after hours',
  'no-profile': 'no profile',
};

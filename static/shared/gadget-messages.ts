import { GADGET_LIMITS } from '../../src/contract/gadgets';
import { formatDayAndTime, formatRelative, type Moment, type Viewer } from './time';

/**
 * The texts both gadgets say alike (their edit form's common fields and buttons, the view's refresh and
 * failure words). Each gadget's `messages.ts` spreads these and adds its own, so it still lists every text
 * it shows.
 */
const { maxRows, refresh } = GADGET_LIMITS;

/**
 * Every time is written by static/shared/time.ts, in the viewer's locale and zone, its words ("3 days ago",
 * "tomorrow 09:00") worked out against `now`, the moment the view is looked at.
 */
export const viewMessages = {
  retry: 'Try again',
  asOf: (takenAt: Moment, viewer: Viewer, now: Date) => `as of ${formatDayAndTime(takenAt, viewer, now)}`,
  /** "3 days ago", "in 2 hours". */
  fromNow: (at: Moment, viewer: Viewer, now: Date) => formatRelative(at, viewer, now),
  /** "today 17:00", "Tue 24 Nov, 09:00". */
  dayAndTime: (at: Moment, viewer: Viewer, now: Date) => formatDayAndTime(at, viewer, now),
  shownOf: (shown: number, matched: number, noun: string) =>
    shown < matched ? `${shown} of ${matched} ${noun} shown` : `${matched} ${noun}`,
  openIssue: (key: string) => `Open ${key}`,
} as const;

export const formMessages = {
  loadingEditor: 'Loading the settings…',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  fixErrors: 'Some settings need fixing before they can be saved.',
  savedInvalid: 'The saved settings cannot be used',
  savedInvalidHint: 'The gadget shows an error until they are fixed. Correct the marked fields and save.',
  projectsLabel: 'Projects',
  projectsHint: 'Leave empty to cover all projects.',
  projectsPlaceholder: 'All projects',
  projectsLoading: 'Loading projects…',
  noProjects: 'No project matches.',
  projectsFailed: (error: string) =>
    `The projects could not load (${error}); the projects already chosen are kept.`,
  invalidProjects: `Choose at most ${GADGET_LIMITS.projects} projects.`,
  spocsLabel: 'SPOCs',
  spocsHint: 'Leave empty to cover every SPOC.',
  spocsFailed: (error: string) => `Jira’s people search did not answer (${error}).`,
  invalidSpocs: `Choose at most ${GADGET_LIMITS.spocs} people.`,
  people: {
    placeholder: 'Type part of a name',
    noPeople: 'Nobody found: type part of a name.',
    loading: 'Searching…',
  },
  invalidMaxRows: `Enter a whole number from ${maxRows.min} to ${maxRows.max}.`,
  refreshLabel: 'Refresh every (minutes)',
  refreshHint: 'Leave empty to refresh only when the dashboard is reloaded.',
  invalidRefresh: `Enter a whole number of minutes from ${refresh.min} to ${refresh.max}, or leave it empty.`,
} as const;

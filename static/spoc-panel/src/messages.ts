/** Every text the SPOC panel shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading SPOC…',
  heading: 'SPOC',
  issue: 'Issue',
  project: 'Project',
  viewer: 'You',
  activityHeading: 'What the app has seen',
  noActivity: 'No issue events seen yet. Edit or comment on the issue and reopen the panel.',
  lastEvent: 'Last event',
  eventsSeen: 'Events seen',
  refresh: 'Refresh',
  failed: 'The SPOC panel could not load',
  placeholder: 'Routing, triage and the SPOC field arrive with the full SPOC panel.',
} as const;

/** Every text the SPOC project page shows, in one place (ready for translation). */
export const messages = {
  loading: 'Loading SPOC…',
  heading: 'SPOC',
  failed: 'The SPOC project page could not load',
  openIssues: (count: number, projectKey: string) =>
    `${count} open ${count === 1 ? 'issue' : 'issues'} in ${projectKey}`,
  project: (name: string, key: string) => `${name} (${key})`,
  viewer: (accountId: string) => `Signed in as ${accountId}`,
  placeholder: 'This page fills in with the full SPOC UI.',
  subpages: {
    '/': 'Overview',
    '/triage': 'My triage queue',
    '/vetted': 'Vetted for delivery',
    '/escalations': 'Escalations',
    '/clients': 'Clients & SPOCs',
    '/availability': 'Availability',
    '/policy': 'Policy',
    '/reports': 'Reports',
  } as Readonly<Record<string, string>>,
  unknownSubpage: (path: string) => `No page at ${path}`,
  goTo: 'Go to',
} as const;

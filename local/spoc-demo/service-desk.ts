import type { DemoIssue, DemoOrganization, DemoProject, DemoRequest, DemoServiceDesk } from '../seed/types';

/**
 * The demo's Jira Service Management side: the clients also reach the vendor through a help center (HELP,
 * a service project), where each client is a customer organization with its reporters as members. Five
 * requests were raised there before the app was installed; four were resolved and rated by their customers,
 * one is still open. The SPOC app has no record of these five, so they count in none of its figures.
 */
export function serviceDeskDemo(people: {
  readonly liWei: string;
  readonly tom: string;
  readonly maria: string;
  readonly james: string;
  readonly aisha: string;
  readonly peter: string;
  readonly hannah: string;
  readonly priya: string;
  readonly daniel: string;
  readonly arjun: string;
}) {
  const P = people;
  const project: DemoProject = {
    id: '10050',
    key: 'HELP',
    name: 'Client Help Center',
    description:
      'The vendor’s service desk: clients raise requests on the portal as members of their organization.',
    lead: P.hannah,
    clientFacing: true,
    projectTypeKey: 'service_desk',
    // Agents resolve a request through a screen that asks for the resolution, as service projects do.
    workflow: 'simplified-with-resolve-screen',
    components: [],
  };
  const organizations: DemoOrganization[] = [
    { id: '1', name: 'Acme Logistics', members: [P.liWei, P.tom], created: '2026-09-01T09:00:00.000Z' },
    { id: '2', name: 'Globex Retail', members: [P.maria, P.james], created: '2026-09-01T09:00:00.000Z' },
    { id: '3', name: 'Initech Health', members: [P.aisha, P.peter], created: '2026-09-01T09:00:00.000Z' },
  ];
  const serviceDesk: DemoServiceDesk = {
    id: '1',
    projectKey: 'HELP',
    requestTypes: [
      {
        id: '11',
        name: 'Report a problem',
        description: 'Something is broken or not working as it should.',
        issueType: 'Bug',
      },
      { id: '12', name: 'Ask a question', description: 'How do I …? Where can I find …?', issueType: 'Task' },
      {
        id: '13',
        name: 'Request a change',
        description: 'A new feature or a change to an existing one.',
        issueType: 'Story',
      },
    ],
    organizations: ['1', '2', '3'],
  };
  const issues: DemoIssue[] = [
    {
      id: '10501',
      key: 'HELP-1',
      issueType: 'Bug',
      summary: 'Proof-of-delivery export is empty for November',
      description: 'The monthly proof-of-delivery export downloads, but the file has only the header row.',
      reporter: P.liWei,
      assignee: P.priya,
      priority: 'Medium',
      status: 'Done',
      resolution: 'Done',
      created: '2026-11-09T08:00:00.000Z',
      resolved: '2026-11-10T15:00:00.000Z',
    },
    {
      id: '10502',
      key: 'HELP-2',
      issueType: 'Task',
      summary: 'How do we add a second depot to the portal?',
      description: 'Our Bremen depot opens next month. Can it have its own login and view?',
      reporter: P.tom,
      assignee: P.priya,
      priority: 'Low',
      status: 'Done',
      resolution: 'Done',
      created: '2026-11-16T13:00:00.000Z',
      resolved: '2026-11-16T16:30:00.000Z',
    },
    {
      id: '10503',
      key: 'HELP-3',
      issueType: 'Bug',
      summary: 'Loyalty points missing after the account migration',
      description: 'About 40 customers report their loyalty points went to zero after last week’s migration.',
      reporter: P.maria,
      assignee: P.daniel,
      priority: 'High',
      status: 'Done',
      resolution: 'Done',
      created: '2026-11-11T17:00:00.000Z',
      resolved: '2026-11-14T20:00:00.000Z',
    },
    {
      id: '10504',
      key: 'HELP-4',
      issueType: 'Task',
      summary: 'Change the Aurora store’s opening hours',
      description: 'From December the Aurora store opens at 08:00 instead of 09:00.',
      reporter: P.james,
      assignee: P.daniel,
      priority: 'Low',
      status: 'Done',
      resolution: 'Done',
      created: '2026-11-18T15:00:00.000Z',
      resolved: '2026-11-18T17:00:00.000Z',
    },
    {
      id: '10505',
      key: 'HELP-5',
      issueType: 'Story',
      summary: 'Send appointment reminders in Arabic',
      description: 'Patients at the Dubai clinic would like their reminders in Arabic.',
      reporter: P.aisha,
      assignee: P.arjun,
      priority: 'Medium',
      status: 'To Do',
      created: '2026-11-20T06:00:00.000Z',
    },
  ];
  const requests: DemoRequest[] = [
    {
      issueKey: 'HELP-1',
      requestTypeId: '11',
      organizations: ['1'],
      feedback: { rating: 5, comment: 'Fixed the same day, thank you.', at: '2026-11-10T18:00:00.000Z' },
    },
    {
      issueKey: 'HELP-2',
      requestTypeId: '12',
      organizations: ['1'],
      feedback: { rating: 4, at: '2026-11-17T08:00:00.000Z' },
    },
    {
      issueKey: 'HELP-3',
      requestTypeId: '11',
      organizations: ['2'],
      feedback: {
        rating: 2,
        comment: 'Took three days while our customers complained.',
        at: '2026-11-15T16:00:00.000Z',
      },
    },
    {
      issueKey: 'HELP-4',
      requestTypeId: '12',
      organizations: ['2'],
      feedback: { rating: 5, at: '2026-11-19T09:00:00.000Z' },
    },
    { issueKey: 'HELP-5', requestTypeId: '13', organizations: ['3'] },
  ];
  return { project, organizations, serviceDesk, issues, requests };
}

import { STATUSES, statusById, type StatusDef } from './catalog';

/**
 * The workflows a local project can use, modelled on Jira Cloud's own: the simplified workflow (To Do, In
 * Progress, Done, every status reachable from every other, no screens; moving to Done sets the resolution
 * Done), the same with a resolve screen on the Done transition (the Resolution field, preset to Done, as an
 * administrator adds it), and the classic "jira" workflow (Open, In Progress, Resolved, Reopened, Closed,
 * with its transition ids; Resolve and Close show the resolve screen, Reopen clears the resolution). Leaving
 * a done status clears the resolution, as the workflows' post functions do.
 */
export interface TransitionDef {
  readonly id: string;
  readonly name: string;
  /** Status ids it starts from; absent for a global transition (from every other status). */
  readonly from?: readonly string[];
  readonly to: string;
  /** The transition's screen has the Resolution field (required, preset to the site's default resolution). */
  readonly resolutionScreen?: boolean;
}

export interface WorkflowDef {
  readonly key: WorkflowKey;
  readonly name: string;
  readonly initialStatusId: string;
  readonly statusIds: readonly string[];
  readonly transitions: readonly TransitionDef[];
}

export const WORKFLOW_KEYS = ['simplified', 'simplified-with-resolve-screen', 'classic'] as const;
export type WorkflowKey = (typeof WORKFLOW_KEYS)[number];

const SIMPLIFIED: readonly TransitionDef[] = [
  { id: '11', name: 'To Do', to: '10000' },
  { id: '21', name: 'In Progress', to: '3' },
  { id: '31', name: 'Done', to: '10001' },
];

const OPEN = '1';
const IN_PROGRESS = '3';
const REOPENED = '4';
const RESOLVED = '5';
const CLOSED = '6';

export const WORKFLOWS: Readonly<Record<WorkflowKey, WorkflowDef>> = {
  simplified: {
    key: 'simplified',
    name: 'Software Simplified Workflow',
    initialStatusId: '10000',
    statusIds: ['10000', '3', '10001'],
    transitions: SIMPLIFIED,
  },
  'simplified-with-resolve-screen': {
    key: 'simplified-with-resolve-screen',
    name: 'Software Simplified Workflow with a resolve screen',
    initialStatusId: '10000',
    statusIds: ['10000', '3', '10001'],
    transitions: SIMPLIFIED.map((t) => (t.to === '10001' ? { ...t, resolutionScreen: true } : t)),
  },
  classic: {
    key: 'classic',
    name: 'jira',
    initialStatusId: OPEN,
    statusIds: [OPEN, IN_PROGRESS, RESOLVED, REOPENED, CLOSED],
    transitions: [
      { id: '4', name: 'Start Progress', from: [OPEN, REOPENED], to: IN_PROGRESS },
      { id: '301', name: 'Stop Progress', from: [IN_PROGRESS], to: OPEN },
      {
        id: '5',
        name: 'Resolve Issue',
        from: [OPEN, IN_PROGRESS, REOPENED],
        to: RESOLVED,
        resolutionScreen: true,
      },
      {
        id: '2',
        name: 'Close Issue',
        from: [OPEN, IN_PROGRESS, REOPENED],
        to: CLOSED,
        resolutionScreen: true,
      },
      { id: '701', name: 'Close Issue', from: [RESOLVED], to: CLOSED },
      { id: '3', name: 'Reopen Issue', from: [RESOLVED, CLOSED], to: REOPENED },
    ],
  },
};

export const DEFAULT_WORKFLOW: WorkflowKey = 'simplified';

export const isWorkflowKey = (value: unknown): value is WorkflowKey =>
  typeof value === 'string' && (WORKFLOW_KEYS as readonly string[]).includes(value);

/** The transitions the workflow offers from a status, in the workflow's order. */
export function transitionsFrom(workflow: WorkflowDef, statusId: string): readonly TransitionDef[] {
  return workflow.transitions.filter((t) => (t.from ? t.from.includes(statusId) : t.to !== statusId));
}

export function targetOf(transition: TransitionDef): StatusDef {
  return statusById(transition.to) as StatusDef;
}

export function statusesOf(workflow: WorkflowDef): readonly StatusDef[] {
  return STATUSES.filter((s) => workflow.statusIds.includes(s.id));
}

/** The workflow a project uses (an unknown key stored by hand falls back to the default). */
export function workflowOfProject(
  store: { projectWorkflow(projectId: string): string | undefined },
  projectId: string,
): WorkflowDef {
  const key = store.projectWorkflow(projectId);
  return WORKFLOWS[isWorkflowKey(key) ? key : DEFAULT_WORKFLOW];
}

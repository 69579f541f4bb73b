import {
  DEFAULT_WORKFLOW_POLICY,
  planWorkflowMove,
  workflowGoal,
  type IssueInWorkflow,
  type NamedValue,
  type TransitionOption,
  type WorkflowGoal,
} from './workflow-move';

const DONE: NamedValue = { id: '10000', name: 'Done' };
const WONT_DO: NamedValue = { id: '10001', name: "Won't Do" };
const DUPLICATE: NamedValue = { id: '10002', name: 'Duplicate' };
const RESOLUTIONS = [DONE, WONT_DO, DUPLICATE];

const toDo = { name: 'To Do', category: 'new' } as const;
const inProgress = { name: 'In Progress', category: 'indeterminate' } as const;
const done = { name: 'Done', category: 'done' } as const;

const transition = (
  id: string,
  name: string,
  to: TransitionOption['to'],
  resolutionField: TransitionOption['resolutionField'] = null,
): TransitionOption => ({ id, name, to, resolutionField });

const screen = (overrides: Partial<NonNullable<TransitionOption['resolutionField']>> = {}) => ({
  required: true,
  allowed: RESOLUTIONS,
  defaultValue: DONE,
  ...overrides,
});

/** Jira Cloud's simplified workflow: every status reachable from every other, no screens. */
const simplified = (status: IssueInWorkflow['status']): IssueInWorkflow => ({
  status,
  transitions: [
    transition('11', 'To Do', toDo),
    transition('21', 'In Progress', inProgress),
    transition('31', 'Done', done),
  ].filter((t) => t.to.name !== status.name),
});

/** Jira's classic workflow from Open: Resolve and Close have the resolve screen. */
const classicOpen: IssueInWorkflow = {
  status: { name: 'Open', category: 'new' },
  transitions: [
    transition('4', 'Start Progress', inProgress),
    transition('5', 'Resolve Issue', { name: 'Resolved', category: 'done' }, screen()),
    transition('2', 'Close Issue', { name: 'Closed', category: 'done' }, screen()),
  ],
};

const rejected = workflowGoal(DEFAULT_WORKFLOW_POLICY, 'rejected') as WorkflowGoal;
const duplicate = workflowGoal(DEFAULT_WORKFLOW_POLICY, 'duplicate') as WorkflowGoal;
const reopened = workflowGoal(DEFAULT_WORKFLOW_POLICY, 'reopened') as WorkflowGoal;

describe('where a triage outcome takes the issue in its workflow', () => {
  it("closes a rejection with Won't Do where the transition's screen offers it", () => {
    const issue = {
      ...simplified(toDo),
      transitions: simplified(toDo).transitions.map((t) =>
        t.id === '31' ? { ...t, resolutionField: screen() } : t,
      ),
    };
    expect(planWorkflowMove(issue, rejected)).toEqual({
      kind: 'transition',
      transitionId: '31',
      resolution: WONT_DO,
      summary: "Moved from To Do to Done (transition Done); resolution Won't Do.",
    });
    expect(planWorkflowMove(issue, duplicate)).toMatchObject({ transitionId: '31', resolution: DUPLICATE });
  });

  it('leaves the resolution to the workflow when the transition has no screen for it', () => {
    expect(planWorkflowMove(simplified(inProgress), rejected)).toEqual({
      kind: 'transition',
      transitionId: '31',
      resolution: null,
      summary:
        'Moved from In Progress to Done (transition Done); its screen has no Resolution field, so the workflow sets the resolution it always sets.',
    });
  });

  it("prefers the policy's done statuses in order: Closed before Resolved in the classic workflow", () => {
    expect(planWorkflowMove(classicOpen, rejected)).toMatchObject({
      transitionId: '2',
      resolution: WONT_DO,
      summary: "Moved from Open to Closed (transition Close Issue); resolution Won't Do.",
    });
    const resolvedFirst: WorkflowGoal = { ...duplicate, statuses: ['Resolved'] } as WorkflowGoal;
    expect(planWorkflowMove(classicOpen, resolvedFirst)).toMatchObject({ transitionId: '5' });
  });

  it('takes any done status when none the policy names is offered', () => {
    const custom: IssueInWorkflow = {
      status: toDo,
      transitions: [transition('7', 'Ship it', { name: 'Shipped', category: 'done' })],
    };
    expect(planWorkflowMove(custom, rejected)).toMatchObject({ kind: 'transition', transitionId: '7' });
  });

  it("falls back to the field's default, or its first value when it has none and must be set", () => {
    const only = (field: TransitionOption['resolutionField']): IssueInWorkflow => ({
      status: toDo,
      transitions: [transition('31', 'Done', done, field)],
    });
    expect(planWorkflowMove(only(screen({ allowed: [DONE] })), rejected)).toMatchObject({
      resolution: DONE,
      summary: expect.stringContaining("so the workflow's default, Done."),
    });
    const fixed = { id: '9', name: 'Fixed' };
    expect(planWorkflowMove(only(screen({ allowed: [fixed], defaultValue: null })), duplicate)).toMatchObject(
      { resolution: fixed, summary: expect.stringContaining('the first one offered, Fixed') },
    );
    expect(
      planWorkflowMove(only(screen({ allowed: [fixed], defaultValue: null, required: false })), duplicate),
    ).toMatchObject({ resolution: null, summary: expect.stringContaining('the workflow decides') });
  });

  it('does nothing for an issue already in a done status (a write sent twice)', () => {
    expect(planWorkflowMove(simplified(done), rejected)).toEqual({
      kind: 'already-there',
      summary: 'The issue is already in Done, a done status.',
    });
  });

  it('says plainly when the workflow offers no way into a done status', () => {
    const stuck: IssueInWorkflow = { status: toDo, transitions: [transition('21', 'Start', inProgress)] };
    const move = planWorkflowMove(stuck, rejected);
    expect(move.kind).toBe('impossible');
    expect(move.summary).toMatch(/^The workflow offers no transition from To Do into a done status/);
  });

  it('reopens to the first open status the policy names, else a To Do one', () => {
    expect(planWorkflowMove(simplified(done), reopened)).toEqual({
      kind: 'transition',
      transitionId: '11',
      resolution: null,
      summary: 'Moved from Done back to To Do (transition To Do); the workflow clears the resolution.',
    });
    const classicClosed: IssueInWorkflow = {
      status: { name: 'Closed', category: 'done' },
      transitions: [transition('3', 'Reopen Issue', { name: 'Reopened', category: 'new' })],
    };
    expect(planWorkflowMove(classicClosed, reopened)).toMatchObject({ transitionId: '3' });
    const onlyProgress: IssueInWorkflow = {
      status: done,
      transitions: [transition('21', 'Back to work', inProgress)],
    };
    expect(planWorkflowMove(onlyProgress, { goal: 'reopen', statuses: [] })).toMatchObject({
      transitionId: '21',
    });
  });

  it('reopens nothing that is already open, and says when nothing leads back', () => {
    expect(planWorkflowMove(simplified(toDo), reopened).kind).toBe('already-there');
    const dead: IssueInWorkflow = { status: done, transitions: [] };
    expect(planWorkflowMove(dead, reopened).summary).toMatch(
      /no transition from Done back to an open status/,
    );
  });

  it('asks nothing of Jira when the policy leaves the workflow alone', () => {
    const off = { ...DEFAULT_WORKFLOW_POLICY, moveIssues: false };
    expect(workflowGoal(off, 'rejected')).toBeNull();
    expect(workflowGoal(off, 'reopened')).toBeNull();
  });
});

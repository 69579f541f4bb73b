import { DEFAULT_POLICY } from './policy';
import { validatePolicy } from './policy-validation';
import { DEFAULT_WORKFLOW_POLICY } from './workflow-move';

describe("the policy's workflow settings", () => {
  const problems = (workflow: unknown): string[] => {
    const result = validatePolicy({ workflow });
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("defaults to names that fit Jira Cloud's own workflows, and fills left-out parts", () => {
    expect(DEFAULT_POLICY.workflow).toBe(DEFAULT_WORKFLOW_POLICY);
    expect(DEFAULT_WORKFLOW_POLICY.rejected.resolutions[0]).toBe("Won't Do");
    expect(DEFAULT_WORKFLOW_POLICY.duplicate.resolutions).toEqual(['Duplicate']);
    const result = validatePolicy({ workflow: { rejected: { resolutions: [' Declined '] } } });
    expect(result.ok && result.value.workflow).toEqual({
      ...DEFAULT_WORKFLOW_POLICY,
      rejected: { statuses: DEFAULT_WORKFLOW_POLICY.rejected.statuses, resolutions: ['Declined'] },
    });
  });

  it('takes the switch off and empty lists', () => {
    const result = validatePolicy({ workflow: { moveIssues: false, reopenStatuses: [] } });
    expect(result.ok && result.value.workflow).toMatchObject({ moveIssues: false, reopenStatuses: [] });
  });

  it('refuses bad names, repeats, long lists and unknown settings, each where it is', () => {
    expect(
      problems({
        moveIssues: 'yes',
        colour: 'green',
        rejected: { statuses: ['Closed', 'closed', ''], resolutions: 'Duplicate', extra: 1 },
        reopenStatuses: Array.from({ length: 11 }, (_, i) => `S${i}`),
      }),
    ).toEqual([
      'workflow.colour: "colour" is not a workflow setting.',
      'workflow.moveIssues: Whether the app moves issues in the workflow is yes or no.',
      'workflow.rejected.extra: "extra" is not a setting.',
      'workflow.rejected.statuses[1]: Done statuses for rejected issues: "closed" is listed twice.',
      'workflow.rejected.statuses[2]: Done statuses for rejected issues: "" is not a name; each is text of 1 to 60 characters.',
      'workflow.rejected.resolutions: Resolutions for rejected issues must be a list of names (empty for none).',
      'workflow.reopenStatuses: Open statuses for reopened issues can list at most 10 names.',
    ]);
    expect(problems('on')).toEqual(['workflow: The workflow settings must be an object.']);
  });
});

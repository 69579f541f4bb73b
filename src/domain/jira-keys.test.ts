import { isIssueId, isIssueKey, isProjectKey } from './jira-keys';

describe('Jira keys', () => {
  it('accept the keys Jira writes', () => {
    expect(['SUP-1', 'SUP-12', 'A_B2-999999999999999', 'ABCDEFGHIJ-7'].every(isIssueKey)).toBe(true);
    expect(['SUP', 'A', 'DEV_2'].every(isProjectKey)).toBe(true);
    expect(['10001', '1'].every(isIssueId)).toBe(true);
  });

  it('refuse malformed and absurdly long keys before anyone looks them up', () => {
    const refused = [
      'sup-1',
      'SUP-0',
      'SUP-01',
      'SUP 1',
      `SUP-${'4'.repeat(16)}`,
      `SUP-${'4'.repeat(400_000)}`,
      'ABCDEFGHIJK-1',
      42,
      undefined,
    ];
    expect(refused.filter(isIssueKey)).toEqual([]);
    expect(isIssueId('1'.repeat(19))).toBe(false);
    expect(isProjectKey('ABCDEFGHIJK')).toBe(false);
  });
});

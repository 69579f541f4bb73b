import { byClientSight, describeClientSight, judgeDuplicateTarget } from './duplicate-target';

const choice = { reporterName: 'Li Wei', targetKey: 'DEV-4', confirmedHidden: false } as const;

describe('whether the client can follow the issue theirs duplicates', () => {
  it('allows a target the client can open', () => {
    expect(judgeDuplicateTarget({ ...choice, sight: 'can-open' })).toEqual({
      ok: true,
      clientCanFollow: true,
      reason: 'Li Wei can open DEV-4, so they can follow it there.',
    });
  });

  it('refuses one they cannot open until the SPOC confirms it knowingly', () => {
    const refused = judgeDuplicateTarget({ ...choice, sight: 'cannot-open' });
    expect(refused).toEqual({
      ok: false,
      refusal:
        'Li Wei cannot open DEV-4: they would get "Not found" there. Choose an issue Li Wei can open, or confirm that they will not see DEV-4 and follow this issue instead.',
    });
    expect(judgeDuplicateTarget({ ...choice, sight: 'cannot-open', confirmedHidden: true })).toMatchObject({
      ok: true,
      clientCanFollow: false,
      reason: expect.stringContaining('is told to follow this issue for updates'),
    });
  });

  it('treats an answer Jira would not give like a hidden target', () => {
    expect(judgeDuplicateTarget({ ...choice, sight: 'unknown' })).toMatchObject({ ok: false });
    expect(judgeDuplicateTarget({ ...choice, sight: 'unknown', confirmedHidden: true })).toMatchObject({
      ok: true,
      clientCanFollow: null,
    });
  });

  it('needs nothing when nobody reported the issue', () => {
    expect(judgeDuplicateTarget({ ...choice, reporterName: null, sight: 'cannot-open' })).toMatchObject({
      ok: true,
      clientCanFollow: null,
    });
    expect(describeClientSight(null, 'DEV-4', 'cannot-open')).toBe(
      'The issue has no reporter, so nobody has to follow DEV-4.',
    );
  });

  it('lists what the client can open first, keeping the order within each kind', () => {
    const sorted = byClientSight([
      { key: 'DEV-1', sight: 'cannot-open' as const },
      { key: 'SUP-2', sight: 'can-open' as const },
      { key: 'OPS-3', sight: 'unknown' as const },
      { key: 'SUP-4', sight: 'can-open' as const },
    ]);
    expect(sorted.map((c) => c.key)).toEqual(['SUP-2', 'SUP-4', 'OPS-3', 'DEV-1']);
  });
});

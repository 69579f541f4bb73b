import { capText, fail, REPLY_LIMITS } from './reply';

describe('a failed reply', () => {
  it('carries every field problem beside its sentence, and none when there are none', () => {
    expect(
      fail('The profile was not saved.', 'invalid-input', [
        { field: 'profile.capacity', message: 'Capacity is a whole number.' },
      ]),
    ).toEqual({
      ok: false,
      error: 'The profile was not saved.',
      code: 'invalid-input',
      problems: [{ field: 'profile.capacity', message: 'Capacity is a whole number.' }],
    });
    expect(fail('Sign in.', 'sign-in')).toEqual({ ok: false, error: 'Sign in.', code: 'sign-in' });
  });

  it('never echoes more than a short excerpt, whoever wrote the words', () => {
    const key = `SUP-${'4'.repeat(400_000)}`;
    const reply = fail(`Issue ${key} does not exist or you cannot see it.`, 'not-found', [
      { field: key, message: `"${key}" is not an issue key.` },
    ]);
    if (reply.ok) throw new Error('failed replies fail');
    expect(reply.error).toBe(`Issue SUP-${'4'.repeat(36)}… does not exist or you cannot see it.`);
    expect(reply.problems?.[0]?.field.length).toBeLessThanOrEqual(REPLY_LIMITS.field);
    expect(reply.problems?.[0]?.message).toBe(`"SUP-${'4'.repeat(35)}… is not an issue key.`);
  });

  it('keeps to a bounded length and number of problems, on one line per problem', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ field: `rules[${i}]`, message: `Rule ${i}.` }));
    const reply = fail('word '.repeat(1000), 'invalid-input', many);
    if (reply.ok) throw new Error('failed replies fail');
    expect(reply.error.length).toBe(REPLY_LIMITS.error);
    expect(reply.error.endsWith('…')).toBe(true);
    expect(reply.problems).toHaveLength(REPLY_LIMITS.problems);
    expect(capText('a\u0000b\nc')).toBe('a b c');
  });
});

import { describeProblems, problem, quote, under } from './validation';

describe('quoting what someone sent', () => {
  it('quotes short text as it is, on one line', () => {
    expect(quote('Mars/Olympus')).toBe('"Mars/Olympus"');
    expect(quote('two\nlines\u202Eback')).toBe('"two lines back"');
  });

  it('cuts long text after 40 characters and says how long it was', () => {
    const key = `SUP-${'4'.repeat(400_000)}`;
    const quoted = quote(key);
    expect(quoted).toBe(`"SUP-${'4'.repeat(36)}…" (400,004 characters)`);
    expect(quoted.length).toBeLessThan(70);
  });

  it('counts characters, not UTF-16 units, so an emoji is never split', () => {
    expect(quote('🙂'.repeat(40))).toBe(`"${'🙂'.repeat(40)}"`);
    expect(quote('🙂'.repeat(41))).toBe(`"${'🙂'.repeat(40)}…" (82 characters)`);
  });

  it('says what anything that is not text is', () => {
    expect([quote(undefined), quote(null), quote(12), quote(true), quote([1]), quote({ a: 1 })]).toEqual([
      'nothing',
      'nothing',
      '12',
      'true',
      'a list',
      'an object',
    ]);
  });
});

describe('problems of a part', () => {
  const found = [problem('timeZone', 'No zone.'), problem('', 'Not a profile.'), problem('[2]', 'Third.')];

  it('go under the part’s path, led by whose they are', () => {
    expect(under('profiles[0]', found, 'Profile of Priya')).toEqual([
      { path: 'profiles[0].timeZone', message: 'Profile of Priya: No zone.' },
      { path: 'profiles[0]', message: 'Profile of Priya: Not a profile.' },
      { path: 'profiles[0][2]', message: 'Profile of Priya: Third.' },
    ]);
    expect(under('', found)).toEqual(found);
  });

  it('read as words alone, without their paths', () => {
    expect(describeProblems(found)).toBe('No zone. Not a profile. Third.');
  });
});

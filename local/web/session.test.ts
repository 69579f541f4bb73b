import { openDatabase } from '../db/database';
import { readCookie, safeNext, SESSION_COOKIE, Sessions } from './session';

describe('browser sessions', () => {
  const active = new Set(['acc-1']);
  const db = openDatabase(':memory:');
  const sessions = new Sessions(
    db,
    () => '2026-01-01T00:00:00.000Z',
    (id) => active.has(id),
  );
  afterAll(() => db.close());

  it('maps the session cookie to the person who signed in', () => {
    const token = sessions.open('acc-1');
    expect(sessions.principalFromCookie(`theme=dark; ${SESSION_COOKIE}=${token}`)).toEqual({
      kind: 'user',
      accountId: 'acc-1',
    });
  });

  it('knows nobody without a cookie, with an unknown token, or after sign-out', () => {
    expect(sessions.principalFromCookie(undefined)).toBeUndefined();
    expect(sessions.principalFromCookie(`${SESSION_COOKIE}=forged`)).toBeUndefined();
    const token = sessions.open('acc-1');
    sessions.close(token);
    expect(sessions.principalFromCookie(`${SESSION_COOKIE}=${token}`)).toBeUndefined();
  });

  it('drops sessions of people who can no longer sign in', () => {
    const token = sessions.open('acc-2');
    expect(sessions.principalFromCookie(`${SESSION_COOKIE}=${token}`)).toBeUndefined();
  });

  it('reads one cookie among many', () => {
    expect(readCookie('a=1; b=two%20words; c=3', 'b')).toBe('two words');
    expect(readCookie('a=1', 'b')).toBeUndefined();
  });

  it('only returns to paths on this site', () => {
    expect(safeNext('/browse/SUP-1')).toBe('/browse/SUP-1');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

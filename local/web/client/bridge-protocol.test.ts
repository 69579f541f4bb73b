import { CHANNEL, decode, encode, isFrameMessage, isHostMessage, subPath } from './bridge-protocol';

describe("the bridge's messages between a page and its frames on another origin", () => {
  it('leaves functions with the sender and gives the receiver stand-ins that reach them', () => {
    const kept: Array<(...args: unknown[]) => unknown> = [];
    const register = (fn: (...args: unknown[]) => unknown) => kept.push(fn);
    const onClick = jest.fn();
    const encoded = encode(
      { event: 'x', callback: () => 'cb', actions: [{ text: 'Undo', onClick }], when: new Date(0) },
      register,
    );
    // What crosses is plain data: structured clone accepts it.
    expect(structuredClone(encoded)).toEqual({
      event: 'x',
      callback: { __forgeLocalFunction: 1 },
      actions: [{ text: 'Undo', onClick: { __forgeLocalFunction: 2 } }],
      when: new Date(0),
    });
    const calls: Array<[number, unknown[]]> = [];
    const decoded = decode(
      structuredClone(encoded),
      (fn) =>
        (...args) =>
          calls.push([fn, args]),
    ) as {
      callback: (...a: unknown[]) => unknown;
      actions: Array<{ onClick: () => unknown }>;
    };
    decoded.actions[0]?.onClick();
    decoded.callback('a', 1);
    expect(calls).toEqual([
      [2, []],
      [1, ['a', 1]],
    ]);
    kept[1]?.();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('refuses a payload that refers to itself instead of recursing forever', () => {
    const looped: Record<string, unknown> = {};
    looped.self = looped;
    expect(() => encode(looped, () => 1)).toThrow('nested too deeply');
  });

  it('reads only well-formed messages of its own channel', () => {
    const envelope = { channel: CHANNEL, instance: 'i' };
    expect(isFrameMessage({ ...envelope, kind: 'call', call: 1, command: 'getContext' })).toBe(true);
    expect(isFrameMessage({ ...envelope, kind: 'apply', call: 2, fn: 1, args: [] })).toBe(true);
    expect(isFrameMessage({ ...envelope, kind: 'resize', height: 10 })).toBe(true);
    expect(isFrameMessage({ ...envelope, kind: 'call', call: 0, command: 'getContext' })).toBe(false);
    expect(isFrameMessage({ channel: 'other', instance: 'i', kind: 'resize', height: 1 })).toBe(false);
    expect(isFrameMessage({ ...envelope, kind: 'result', call: 1, ok: true })).toBe(false);
    expect(isHostMessage({ ...envelope, kind: 'result', call: 1, ok: false, error: 'x' })).toBe(true);
    expect(isHostMessage({ ...envelope, kind: 'callback', fn: 1, args: [] })).toBe(true);
    expect(
      isHostMessage({ ...envelope, kind: 'theme', theme: { dataTheme: 'dark:dark', colorMode: 'dark' } }),
    ).toBe(true);
    // A theme is attributes only: nothing that could carry markup or a colour mode Jira has not got.
    expect(
      isHostMessage({ ...envelope, kind: 'theme', theme: { dataTheme: '"><script>', colorMode: 'dark' } }),
    ).toBe(false);
    expect(isHostMessage({ ...envelope, kind: 'theme', theme: { dataTheme: '', colorMode: 'sepia' } })).toBe(
      false,
    );
    expect(isHostMessage('{"channel":"forge-local-bridge"}')).toBe(false);
  });

  it("turns a history target into the path under the page's base", () => {
    expect(subPath('/triage')).toBe('/triage');
    expect(subPath('triage')).toBe('/triage');
    expect(subPath('/')).toBe('');
    expect(subPath({ pathname: '/reports', search: '?q=1' })).toBe('/reports?q=1');
    expect(() => subPath(3)).toThrow('history.push needs a path');
  });
});

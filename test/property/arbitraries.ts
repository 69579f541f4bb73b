import fc from 'fast-check';
import { REPLY_LIMITS } from '../../src/contract/reply';

/**
 * What a browser, a REST client or a damaged store can hand the app, for property-based tests: any JSON
 * (after a JSON round trip, as a resolver payload crosses the bridge and a KVS value comes back), with keys
 * that trip up careless code (`__proto__`, `toString`), the field names a parser reads holding values of
 * every type, long texts, and valid values with one part broken.
 *
 * Runs: ~200 each, so the suite stays fast; fast-check prints the seed and the shrunk counterexample of a
 * failure, and `fc.assert(..., { seed, path })` replays it.
 */
export const RUNS = { numRuns: 200 } as const;

/** Keys that call prototype machinery when code reads or stringifies an object carelessly. */
const TRICKY_KEYS = ['__proto__', 'toString', 'valueOf', 'constructor', 'hasOwnProperty', 'length', 'then'];

/** Text as people and scripts send it: short words, unicode, control characters, and long runs. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t', '\u0000', '\u202e', 'null', '0', '-1', 'SUP-1') },
  { weight: 1, arbitrary: longText() },
);

/** A long text (hundreds to thousands of characters), words or one unbroken run, to check echo caps. */
export function longText(min = 200, max = 3000): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('x', 'y', 'z', '7') }), fc.nat())
      .map(([seed, n]) => seed.repeat(Math.ceil((min + (n % (max - min))) / seed.length))),
    fc
      .array(fc.constantFrom('lorem', 'ipsum', 'dolor', 'sit', 'amet', 'SUP-12', 'acc-1'), {
        minLength: min / 4,
        maxLength: max / 6,
      })
      .map((words) => words.join(' ')),
  );
}

const anyKey = (fields: readonly string[]): fc.Arbitrary<string> =>
  fields.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...fields) },
        { weight: 1, arbitrary: fc.constantFrom(...TRICKY_KEYS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      )
    : fc.oneof(fc.constantFrom(...TRICKY_KEYS), fc.string({ maxLength: 10 }));

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  anyText,
);

/** Any JSON value; objects favour the given field names, so parsers see them with values of every type. */
export function anyJson(fields: readonly string[] = [], maxDepth = 3): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth },
      scalar,
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.array(fc.tuple(anyKey(fields), tie('tree')), { maxLength: 5 }).map(toObject),
    ),
  }));
  return tree.map(throughJson);
}

/** An object payload: some of the given fields, each with any JSON, plus stray keys. */
export function anyRecord(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .array(fc.tuple(anyKey(fields), anyJson(fields, 2)), { maxLength: fields.length + 2 })
    .map((entries) => throughJson(toObject(entries)) as Record<string, unknown>);
}

/** Anything at all: a top-level payload that may not even be an object. */
export function anyPayload(fields: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: anyJson(fields) }, { weight: 3, arbitrary: anyRecord(fields) });
}

/**
 * A valid value with one part broken: a field removed, replaced by any JSON or a long text, or a list
 * emptied or doubled. What a damaged store, an old export or a hand-edited import looks like.
 */
export function brokenCopyOf<T>(valid: T, fields: readonly string[] = []): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  return fc
    .tuple(
      fc.constantFrom(...paths),
      fc.constantFrom('delete', 'replace', 'long-text', 'wrap', 'double') as fc.Arbitrary<Mutation>,
      anyJson(fields, 2),
      longText(),
    )
    .map(([path, mutation, json, text]) => mutate(valid, path, mutation, json, text));
}

type Path = readonly (string | number)[];
type Mutation = 'delete' | 'replace' | 'long-text' | 'wrap' | 'double';

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function mutate(valid: unknown, path: Path, mutation: Mutation, json: unknown, text: string): unknown {
  const copy = structuredClone(valid);
  if (path.length === 0) return mutation === 'wrap' ? [copy] : json;
  let parent: any = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path[path.length - 1] as string | number;
  const current = parent[last];
  switch (mutation) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'replace':
      parent[last] = json;
      break;
    case 'long-text':
      parent[last] = text;
      break;
    case 'wrap':
      parent[last] = [current];
      break;
    case 'double':
      parent[last] = Array.isArray(current) ? [...current, ...current] : { value: current };
      break;
  }
  return throughJson(copy);
}

function toObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  // defineProperty: a `__proto__` key becomes an own field, as JSON.parse makes it.
  for (const [k, v] of entries)
    Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
  return object;
}

/** As the value arrives after crossing the bridge or coming back from storage. */
export function throughJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/** The most of any one input text a message may repeat verbatim (REPLY_LIMITS.run, the reply's own cap). */
export const ECHO_CAP = REPLY_LIMITS.run;

/** Every string in a value, keys included. */
export function textsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsIn(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      textsIn(v, out);
    }
  return out;
}

/** A stretch of more than ECHO_CAP characters of some input text that the message repeats, or null. */
export function longEcho(message: string, input: unknown, cap = ECHO_CAP): string | null {
  for (const text of new Set(textsIn(input))) {
    if (text.length <= cap) continue;
    for (let i = 0; i + cap < text.length; i += 1) {
      const window = text.slice(i, i + cap + 1);
      // Repeated letters ('xxxx…') or filler words may stand in a message by chance only if short.
      if (message.includes(window)) return window;
    }
  }
  return null;
}

/** Errors that mean the code crashed on the input rather than refusing it. */
export function isCrash(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof ReferenceError ||
    error instanceof SyntaxError ||
    !(error instanceof Error)
  );
}

/**
 * Jira's text-search syntax for `~` (Lucene-like, as on Jira Cloud): words are case-insensitive and lightly
 * stemmed, several words are AND-ed, `"exact phrase"` (escaped inside JQL), `AND` `OR` `NOT` `&&` `||` `+` `-` `!`,
 * parentheses, a `*` wildcard anywhere in a word, `?` turned into a trailing `*` (as Jira Cloud does), and `~n` /
 * `^n` modifiers ignored. English stop words are ignored on both sides.
 */
import { fail, messages } from './errors';

/** A compiled text query; `matches` takes an analysed document. */
export interface TextQuery {
  matches(document: AnalysedText): boolean;
}

export interface AnalysedText {
  /** Stemmed words in order, stop words removed. */
  readonly stems: readonly string[];
  /** Lower-cased words in order, stop words removed (for wildcards, which do not stem). */
  readonly words: readonly string[];
}

const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

function splitWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A light English stemmer: enough for plural, -ed, -ing and a final -e to meet (customize ~ customizing). */
export function stem(word: string): string {
  let w = word;
  if (w.length > 3 && w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([^aeiouslz])\1$/.test(w) ? w.slice(0, -1) : w;
}

export function analyse(text: string): AnalysedText {
  const words = splitWords(text).filter((w) => !STOP_WORDS.has(w));
  return { words, stems: words.map(stem) };
}

type Node =
  | { kind: 'and' | 'or'; children: Node[] }
  | { kind: 'not'; child: Node }
  | { kind: 'phrase'; stems: readonly string[] }
  | { kind: 'wildcard'; pattern: RegExp }
  | { kind: 'nothing' };

type Token = { kind: 'word' | 'phrase'; text: string } | { kind: 'op'; text: string };

function tokenize(query: string, field: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] ?? '';
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'op', text: char });
      i++;
    } else if (query.startsWith('&&', i) || query.startsWith('||', i)) {
      tokens.push({ kind: 'op', text: query.slice(i, i + 2) });
      i += 2;
    } else if (
      (char === '+' || char === '-' || char === '!') &&
      i + 1 < query.length &&
      !/\s/.test(query[i + 1] ?? '')
    ) {
      tokens.push({ kind: 'op', text: char });
      i++;
    } else if (char === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) fail(messages.unparsableText(query, field));
      tokens.push({ kind: 'phrase', text: query.slice(i + 1, end) });
      i = end + 1;
      i = skipModifier(query, i);
    } else {
      let word = '';
      while (i < query.length && !/[\s()"]/.test(query[i] ?? '')) {
        if (query[i] === '\\' && i + 1 < query.length) i++;
        else if (query[i] === '~' || query[i] === '^') {
          i = skipModifier(query, i);
          break;
        }
        word += query[i];
        i++;
      }
      if (word === 'AND' || word === 'OR' || word === 'NOT') tokens.push({ kind: 'op', text: word });
      else if (word) tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}

/** Skips a fuzzy (`~0.8`) or boost (`^2`) modifier, which Jira Cloud ignores. */
function skipModifier(query: string, from: number): number {
  let i = from;
  if (query[i] !== '~' && query[i] !== '^') return i;
  i++;
  while (i < query.length && /[0-9.]/.test(query[i] ?? '')) i++;
  return i;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: () => never,
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.position < this.tokens.length) this.fail();
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isOp(...texts: string[]): boolean {
    const token = this.peek();
    return token?.kind === 'op' && texts.includes(token.text);
  }

  private or(): Node {
    const children = [this.and()];
    while (this.isOp('OR', '||')) {
      this.position++;
      children.push(this.and());
    }
    return children.length === 1 ? (children[0] as Node) : { kind: 'or', children };
  }

  private and(): Node {
    const children = [this.unary()];
    for (;;) {
      if (this.isOp('AND', '&&')) {
        this.position++;
        children.push(this.unary());
      } else if (this.peek() && !this.isOp('OR', '||', ')')) {
        children.push(this.unary());
      } else {
        break;
      }
    }
    return children.length === 1 ? (children[0] as Node) : { kind: 'and', children };
  }

  private unary(): Node {
    if (this.isOp('NOT', '-', '!')) {
      this.position++;
      return { kind: 'not', child: this.unary() };
    }
    if (this.isOp('+')) {
      this.position++;
      return this.unary();
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.peek();
    if (!token) return this.fail();
    this.position++;
    if (token.kind === 'op') {
      if (token.text !== '(') return this.fail();
      const inner = this.or();
      if (!this.isOp(')')) return this.fail();
      this.position++;
      return inner;
    }
    if (token.kind === 'phrase') return phrase(token.text);
    return term(token.text);
  }
}

function phrase(text: string): Node {
  const { stems } = analyse(text);
  return stems.length ? { kind: 'phrase', stems } : { kind: 'nothing' };
}

function term(text: string): Node {
  // Jira Cloud turns a `?` into a wildcard at the end of the term.
  const question = text.indexOf('?');
  const word = question >= 0 ? `${text.slice(0, question)}*` : text;
  if (!word.includes('*')) return phrase(word);
  const parts = word.toLowerCase().split('*');
  if (parts.some((part) => /[^\p{L}\p{N}]/u.test(part))) {
    // A wildcard term that also has separators: match its words as a phrase, the last one as a prefix.
    return phrase(word.replace(/\*/g, ' '));
  }
  if (parts.every((part) => part === '')) return { kind: 'wildcard', pattern: /^.+$/u };
  const pattern = new RegExp(`^${parts.map(escapeRegExp).join('.*')}$`, 'u');
  return { kind: 'wildcard', pattern };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Three-valued: `undefined` for a part that analysed to nothing (only stop words), which Lucene drops. */
function evaluate(node: Node, document: AnalysedText): boolean | undefined {
  switch (node.kind) {
    case 'nothing':
      return undefined;
    case 'phrase':
      return containsSequence(document.stems, node.stems);
    case 'wildcard':
      return document.words.some((word) => node.pattern.test(word));
    case 'not': {
      const inner = evaluate(node.child, document);
      return inner === undefined ? undefined : !inner;
    }
    case 'and':
    case 'or': {
      let result: boolean | undefined;
      for (const child of node.children) {
        const value = evaluate(child, document);
        if (value === undefined) continue;
        result = result === undefined ? value : node.kind === 'and' ? result && value : result || value;
      }
      return result;
    }
  }
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Compiles the text of a `~` clause; throws Jira's errors for an empty or unparsable query. */
export function compileTextQuery(query: string, field: string): TextQuery {
  if (!query.trim()) fail(messages.emptyStringNotSupported(field));
  const unparsable = (): never => fail(messages.unparsableText(query, field));
  const root = new Parser(tokenize(query, field), unparsable).parse();
  return { matches: (document) => evaluate(root, document) === true };
}

/**
 * Parses JQL with Atlassian's own parser (@atlaskit/jql-ast) and turns its ANTLR errors into Jira's wording
 * ("Error in the JQL Query: Expecting ... (line 1, character 7)").
 */
import { JastBuilder, JQLSyntaxError, RESERVED_WORDS, type Query } from '@atlaskit/jql-ast';
import { JqlError } from './types';

/** Words the grammar itself uses; a syntax error on one of them is about its place, not about it being reserved. */
const GRAMMAR_WORDS = new Set([
  'and',
  'or',
  'not',
  'empty',
  'null',
  'in',
  'is',
  'was',
  'changed',
  'order',
  'by',
  'asc',
  'desc',
  'before',
  'after',
  'from',
  'to',
  'on',
  'during',
  'cf',
]);

const RESERVED_CHARACTERS = new Set('"\'=!<>()~,[]|&{}*/%+^$#@?;'.split(''));
const VALID_ESCAPES = new Set(['"', "'", 't', 'n', 'r', '\\', ' ', 'u']);
const VALID_ESCAPES_TEXT =
  "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";

export function parseJql(jql: string): Query {
  // A fresh builder each time: JastBuilder memoises the token stream of the last input.
  const jast = new JastBuilder().build(jql);
  const first = jast.errors[0];
  if (first) {
    if (first instanceof JQLSyntaxError) throw new JqlError([describeSyntaxError(jql, first)]);
    throw new JqlError([`Error in the JQL Query: ${first.message}`]);
  }
  if (!jast.query) throw new JqlError(['Error in the JQL Query: the query could not be parsed.']);
  return jast.query;
}

function describeSyntaxError(jql: string, error: JQLSyntaxError): string {
  const atEnd = error.start >= jql.length;
  const got = atEnd ? '' : jql.slice(error.start, Math.max(error.stop, error.start + 1));
  const where = `(line ${error.line}, character ${error.charPositionInLine + 1})`;
  const problem = describeToken(jql, error.start, got) ?? describeExpectation(error.message, got, atEnd);
  return `Error in the JQL Query: ${problem} ${where}`;
}

/** Problems with the offending token itself: unclosed quotes, bad escapes, reserved characters and words. */
function describeToken(jql: string, start: number, got: string): string | undefined {
  if (!got) return undefined;
  const control = controlCharacter(got);
  if (control) return control;
  const quote = got[0];
  if (quote === '"' || quote === "'") return describeQuoted(jql, start, quote);
  if (got.length === 1 && RESERVED_CHARACTERS.has(got) && !'()=!<>~,['.includes(got)) {
    const code = got.charCodeAt(0).toString(16).padStart(4, '0');
    return `The character '${got}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`;
  }
  const word = got.toLowerCase();
  if (RESERVED_WORDS.has(word) && !GRAMMAR_WORDS.has(word)) {
    return `'${got}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`;
  }
  return undefined;
}

/** Jira wants control characters escaped, even inside quotes. */
function controlCharacter(text: string): string | undefined {
  const isControl = (code: number) =>
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
  const char = [...text].find((candidate) => isControl(candidate.charCodeAt(0)));
  if (!char) return undefined;
  const code = char.charCodeAt(0).toString(16).padStart(4, '0');
  return `The character 'U+${code.toUpperCase()}' must be escaped. Use the escape '\\u${code}' instead.`;
}

/** Walks a quoted string in the query to find an illegal escape or a missing closing quote. */
function describeQuoted(jql: string, start: number, quote: string): string | undefined {
  for (let i = start + 1; i < jql.length; i++) {
    const char = jql[i];
    if (char === quote) return undefined;
    const control = controlCharacter(char ?? '');
    if (control) return control;
    if (char !== '\\') continue;
    const next = jql[i + 1];
    if (next === undefined) return `The escape sequence has not been completed. ${VALID_ESCAPES_TEXT}`;
    if (next === 'u') {
      const hex = jql.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex))
        return `'\\u${hex}' is an illegal JQL escape sequence. ${VALID_ESCAPES_TEXT}`;
      i += 5;
    } else if (!VALID_ESCAPES.has(next)) {
      return `'\\${next}' is an illegal JQL escape sequence. ${VALID_ESCAPES_TEXT}`;
    } else {
      i += 1;
    }
  }
  const content = jql.slice(start + 1).replace(/\s+/g, ' ');
  return content
    ? `The quoted string '${content}' has not been completed.`
    : 'The quoted string has not been completed.';
}

/** What the parser wanted at the error, in Jira's phrasing, read from ANTLR's "expecting {...}" set. */
function describeExpectation(message: string, got: string, atEnd: boolean): string {
  const expecting = /expecting (.*)$/.exec(message)?.[1] ?? /missing (.*?) at /.exec(message)?.[1] ?? '';
  const has = (token: string) => expecting.includes(token);
  let wanted: string;
  if (has('EMPTY') && has('STRING')) wanted = 'Expecting either a value, list or function';
  else if (has('CUSTOMFIELD')) wanted = 'Expecting a field name';
  else if (has("'='") || has("'~'")) wanted = 'Expecting operator';
  else if (has('ORDER') && has('<EOF>')) wanted = "Expecting either 'OR' or 'AND'";
  else if (expecting === "')'" || (has("')'") && !has('STRING'))) wanted = "Expecting ')'";
  else if (has("')'") && has('STRING')) wanted = "Expecting a function argument or ')'";
  else if (has('STRING')) wanted = 'Expecting a value';
  else if (expecting === 'IN') wanted = "Expecting 'IN'";
  else if (expecting === "'('") wanted = "Expecting '('";
  else if (expecting === "']'") wanted = "Expecting ']'";
  else if (expecting === 'POSNUMBER') wanted = 'Expecting a custom field id (a positive number)';
  else if (expecting === 'BY') wanted = "Expecting 'by'";
  else if (expecting === '<EOF>') wanted = "Expecting ','";
  else if (expecting === 'EMPTY') wanted = "Expecting 'EMPTY'";
  else return `${message.replace(/<EOF>/g, 'the end of the query')}.`;
  if (atEnd)
    return `${wanted} before the end of the query.${wanted === 'Expecting operator' ? operatorsHint : ''}`;
  return `${wanted} but got '${got}'.${hintFor(wanted, got)}`;
}

function hintFor(wanted: string, got: string): string {
  if (wanted === 'Expecting operator') return operatorsHint;
  const grammar = GRAMMAR_WORDS.has(got.toLowerCase()) || (got.length === 1 && RESERVED_CHARACTERS.has(got));
  if (!grammar) return '';
  if (wanted === 'Expecting a field name')
    return ` You must surround '${got}' in quotation marks to use it as a field name.`;
  if (wanted.startsWith('Expecting either a value'))
    return ` You must surround '${got}' in quotation marks to use it as a value.`;
  return '';
}

const operatorsHint =
  " The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

import { createJqlEngine } from './index';
import { jqlIssue, searchKeys } from './testing/builders';
import { stem } from './text-search';

const engine = createJqlEngine();

const issues = [
  jqlIssue({
    key: 'SUP-1',
    summary: 'Printer on floor 3 is not printing',
    descriptionText: 'The office printer jams when printing envelopes.',
    commentText: 'Customer called twice.\nJira Software is great',
  }),
  jqlIssue({ key: 'SUP-2', summary: 'Windows laptop will not boot', commentText: 'Tried safe mode' }),
  jqlIssue({
    key: 'SUP-3',
    summary: 'Customize the Win95 login screen',
    descriptionText: 'Customizing requested by the client; see lcls-ii notes',
  }),
  jqlIssue({
    key: 'SUP-4',
    summary: 'Jira is the best software',
    descriptionText: 'software and jira mentioned',
  }),
];

const find = (jql: string) => searchKeys(engine, jql, issues).sort();

describe('text search with ~', () => {
  it('matches words case-insensitively, with light stemming', () => {
    expect(find('summary ~ printer')).toEqual(['SUP-1']);
    expect(find('summary ~ PRINTER')).toEqual(['SUP-1']);
    expect(find('summary ~ print')).toEqual(['SUP-1']);
    expect(find('description ~ customize')).toEqual(['SUP-3']);
    expect(find("summary ~ 'laptops'")).toEqual(['SUP-2']);
    expect(find('summary ~ win')).toEqual([]);
  });

  it('joins several words with AND, and knows OR, NOT, -, + and parentheses', () => {
    expect(find('summary ~ "printer floor"')).toEqual(['SUP-1']);
    expect(find('summary ~ "printer laptop"')).toEqual([]);
    expect(find('summary ~ "printer AND laptop"')).toEqual([]);
    expect(find('summary ~ "printer OR laptop"')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('summary ~ "printer || laptop"')).toEqual(['SUP-1', 'SUP-2']);
    expect(find('summary ~ "printer -floor"')).toEqual([]);
    expect(find('summary ~ "+printer +floor"')).toEqual(['SUP-1']);
    expect(find('summary ~ "jira NOT software"')).toEqual([]);
    expect(find('summary ~ "laptop OR (printer AND floor)"')).toEqual(['SUP-1', 'SUP-2']);
  });

  it('matches an escaped "phrase" only as adjacent words', () => {
    expect(find('text ~ "Jira Software"')).toEqual(['SUP-1', 'SUP-4']);
    expect(find('text ~ "\\"Jira Software\\""')).toEqual(['SUP-1']);
    expect(find('description ~ "lcls-ii"')).toEqual(['SUP-3']);
  });

  it('supports * anywhere in a word and turns ? into a trailing *', () => {
    expect(find('summary ~ "win*"')).toEqual(['SUP-2', 'SUP-3']);
    expect(find('summary ~ "*dows"')).toEqual(['SUP-2']);
    expect(find('summary ~ "cust*ize"')).toEqual(['SUP-3']);
    expect(find('summary ~ "win?"')).toEqual(['SUP-2', 'SUP-3']);
  });

  it('ignores stop words, fuzzy and boost modifiers', () => {
    expect(find('summary ~ "the printer"')).toEqual(['SUP-1']);
    expect(find('summary ~ "the"')).toEqual([]);
    expect(find('summary ~ "printer~"')).toEqual(['SUP-1']);
    expect(find('summary ~ "printer^2"')).toEqual(['SUP-1']);
  });

  it('searches comments and descriptions, and text searches summary, description and comments', () => {
    expect(find('comment ~ customer')).toEqual(['SUP-1']);
    expect(find('text ~ customer')).toEqual(['SUP-1']);
    expect(find('text ~ envelopes')).toEqual(['SUP-1']);
    expect(find('text ~ laptop')).toEqual(['SUP-2']);
  });

  it('!~ and NOT never match an empty field', () => {
    expect(find('summary !~ printer')).toEqual(['SUP-2', 'SUP-3', 'SUP-4']);
    expect(find('NOT summary ~ printer')).toEqual(['SUP-2', 'SUP-3', 'SUP-4']);
    expect(find('comment !~ customer')).toEqual(['SUP-2']);
    expect(find('NOT text ~ jira')).toEqual(['SUP-2', 'SUP-3']);
  });

  it('description can be EMPTY', () => {
    expect(find('description is EMPTY')).toEqual(['SUP-2']);
    expect(find('description is not EMPTY')).toEqual(['SUP-1', 'SUP-3', 'SUP-4']);
    expect(find('description ~ EMPTY')).toEqual(['SUP-2']);
  });
});

describe('stem', () => {
  it('brings inflections of a word together', () => {
    expect(stem('printing')).toBe(stem('print'));
    expect(stem('customized')).toBe(stem('customize'));
    expect(stem('issues')).toBe(stem('issue'));
    expect(stem('running')).toBe(stem('run'));
    expect(stem('status')).toBe('status');
    expect(stem('printer')).not.toBe(stem('print'));
  });
});

/**
 * The JQL engine of the local Jira site: Atlassian's parser, then a predicate and a comparator over `JqlIssue`s.
 */
import type { Query } from '@atlaskit/jql-ast';
import { compileOrderBy } from './order';
import { parseJql } from './syntax';
import type { CompiledJql, JqlContext, JqlEngine } from './types';
import { compileWhere } from './where';

/** Parsing costs milliseconds (ANTLR); gadgets and sweeps repeat the same queries, so recent parses are kept. */
const PARSE_CACHE_SIZE = 200;

export function createJqlEngine(): JqlEngine {
  const parsed = new Map<string, Query>();
  const parse = (jql: string): Query => {
    const cached = parsed.get(jql);
    if (cached) {
      parsed.delete(jql);
      parsed.set(jql, cached);
      return cached;
    }
    const query = parseJql(jql);
    parsed.set(jql, query);
    if (parsed.size > PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
    return query;
  };
  return {
    compile(jql: string, context: JqlContext): CompiledJql {
      // Everything that depends on the searcher or the clock (currentUser, now, time zone) is compiled afresh.
      const query = parse(jql);
      const matches = query.where ? compileWhere(query.where, context) : () => true;
      const compare = compileOrderBy(query.orderBy, context);
      return { matches, compare, bounded: Boolean(query.where) };
    },
  };
}

/**
 * Compiles the WHERE part of a query into a predicate. NOT is pushed down to the clauses (De Morgan for AND/OR,
 * the inverted operator for a clause), which is how Jira gives `NOT assignee = x` the meaning of `assignee != x`.
 */
import type { Clause, TerminalClause } from '@atlaskit/jql-ast';
import type { Op, Predicate } from './clause';
import { fail, messages } from './errors';
import { fieldLabel, lookupField } from './fields';
import { flattenOperand, functionKind } from './operands';
import type { JqlContext } from './types';

const SEARCH_OPS = new Set<string>([
  '=',
  '!=',
  'in',
  'not in',
  'is',
  'is not',
  '<',
  '<=',
  '>',
  '>=',
  '~',
  '!~',
]);

export function compileWhere(clause: Clause, context: JqlContext, negated = false): Predicate {
  switch (clause.clauseType) {
    case 'not':
      return compileWhere(clause.clause, context, !negated);
    case 'compound': {
      const parts = clause.clauses.map((child) => compileWhere(child, context, negated));
      const conjunction = (clause.operator.value === 'and') !== negated;
      return conjunction
        ? (issue) => parts.every((part) => part(issue))
        : (issue) => parts.some((part) => part(issue));
    }
    case 'terminal':
      return compileTerminal(clause, context, negated);
  }
}

function compileTerminal(clause: TerminalClause, context: JqlContext, negated: boolean): Predicate {
  const field = lookupField(clause.field, context);
  const name = field?.name ?? fieldLabel(clause.field);
  if (!name) return fail('Error in the JQL Query: A field name cannot be empty.');
  if (!field) return fail(messages.noSuchField(name));
  const operator = clause.operator ? String(clause.operator.value).toLowerCase() : '';
  if (!SEARCH_OPS.has(operator) || clause.predicates.length) {
    // WAS, CHANGED and their predicates need field history, which this site does not keep.
    return fail(messages.historyNotSupported(operator || 'changed', name));
  }
  if (!clause.operand)
    return fail(`Error in the JQL Query: Expecting either a value, list or function for '${name}'.`);
  const operand = flattenOperand(clause.operand);
  // A function this site cannot evaluate is the problem to report, before how the clause uses its value.
  for (const item of operand.items) if (item.kind === 'function') functionKind(item);
  return field.clause(operator as Op, operand, negated);
}

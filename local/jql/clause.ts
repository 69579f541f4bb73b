/**
 * How a clause `field operator operand` becomes a predicate, for fields whose values are sets of comparable keys
 * (names, labels, users, numbers, dates). Jira's rules: `!=` and `NOT IN` never match an empty field, `NOT` is the
 * inverted operator (so it never matches an empty field either), `IS` takes only EMPTY, and each misuse is refused
 * with Jira's message.
 */
import { fail, messages } from './errors';
import {
  evaluateDateFunction,
  evaluateUserFunction,
  functionKind,
  type FlatOperand,
  type ValueItem,
} from './operands';
import type { JqlContext, JqlIssue } from './types';

export type Op = '=' | '!=' | 'in' | 'not in' | 'is' | 'is not' | '<' | '<=' | '>' | '>=' | '~' | '!~';
export type Predicate = (issue: JqlIssue) => boolean;
export type Key = string | number;

export const ORDERED_OPS: readonly Op[] = ['<', '<=', '>', '>='];
export const EQUALITY_OPS: readonly Op[] = ['=', '!=', 'in', 'not in'];
export const EMPTY_OPS: readonly Op[] = ['is', 'is not'];

const INVERSE: Readonly<Record<Op, Op>> = {
  '=': '!=',
  '!=': '=',
  in: 'not in',
  'not in': 'in',
  is: 'is not',
  'is not': 'is',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  '~': '!~',
  '!~': '~',
};

/** Jira evaluates `NOT clause` as the clause with its operator inverted. */
export function effectiveOp(op: Op, negated: boolean): Op {
  return negated ? INVERSE[op] : op;
}

export interface ValueDomain {
  readonly operators: readonly Op[];
  /** Whether the field can be empty (and so searched with EMPTY). */
  readonly emptyState: boolean;
  /** The issue's values; none means EMPTY. */
  values(issue: JqlIssue): readonly Key[];
  /** A literal operand as keys, or 'empty' for a literal that means EMPTY (`resolution = Unresolved`). */
  literal(item: ValueItem): readonly Key[] | 'empty';
  /** Accepts `currentUser()` and `membersOf()` (the keys are account ids). */
  readonly users?: boolean;
  /** Accepts date functions; turns their instant into a key. */
  readonly instant?: (ms: number) => Key;
  /** Orders keys for `<` `>`; undefined for a key with no place in the order. */
  readonly rank?: (key: Key) => number | undefined;
}

export function compileValueClause(
  field: string,
  domain: ValueDomain,
  op: Op,
  operand: FlatOperand,
  negated: boolean,
  context: JqlContext,
): Predicate {
  if (!domain.operators.includes(op)) fail(messages.operatorNotSupported(op, field));
  const effective = effectiveOp(op, negated);
  if (op === 'is' || op === 'is not') {
    const [only] = operand.items;
    if (operand.isList || operand.items.length !== 1 || only?.kind !== 'empty')
      fail(messages.isWithValue(op, field));
    if (!domain.emptyState) fail(messages.emptyNotSupported(field));
    const wantEmpty = effective === 'is';
    return (issue) => (domain.values(issue).length === 0) === wantEmpty;
  }
  checkListUsage(field, op, operand);
  const ordered = ORDERED_OPS.includes(op);
  let hasEmpty = false;
  const keys: Key[] = [];
  for (const item of operand.items) {
    if (item.kind === 'empty') {
      if (ordered) fail(messages.operatorWithEmpty(op, field));
      if (!domain.emptyState) fail(messages.emptyNotSupported(field));
      hasEmpty = true;
    } else if (item.kind === 'function') {
      const kind = functionKind(item);
      if (kind === 'user' && domain.users) keys.push(...evaluateUserFunction(item, context));
      else if (kind === 'date' && domain.instant)
        keys.push(domain.instant(evaluateDateFunction(item, context)));
      else fail(messages.functionInvalidForField(item.name, field));
    } else {
      if (!item.value) fail(messages.emptyStringNotSupported(field));
      const converted = domain.literal(item);
      if (converted === 'empty') {
        if (ordered) fail(messages.operatorWithEmpty(op, field));
        hasEmpty = true;
      } else {
        keys.push(...converted);
      }
    }
  }
  if (ordered) return orderedPredicate(field, domain, effective, keys, operand);
  const wanted = new Set<Key>(keys);
  const hit = (values: readonly Key[]) => values.some((value) => wanted.has(value));
  if (effective === '=' || effective === 'in')
    return (issue) => {
      const values = domain.values(issue);
      return (hasEmpty && values.length === 0) || hit(values);
    };
  return (issue) => {
    const values = domain.values(issue);
    return values.length > 0 && !hit(values);
  };
}

export function checkListUsage(field: string, op: Op, operand: FlatOperand): void {
  const listOp = op === 'in' || op === 'not in';
  if (listOp && !operand.isList) fail(messages.listRequired(op, operand.display, field));
  if (!listOp && operand.isList) fail(messages.listNotAllowed(op, operand.display, field));
}

function orderedPredicate(
  field: string,
  domain: ValueDomain,
  op: Op,
  keys: readonly Key[],
  operand: FlatOperand,
): Predicate {
  const rank = domain.rank;
  if (!rank) return fail(messages.operatorNotSupported(op, field));
  const bounds = keys.map((key) => {
    const value = rank(key);
    if (value === undefined) return fail(messages.valueDoesNotExist(operand.display, field));
    return value;
  });
  const test = comparison(op);
  return (issue) =>
    domain.values(issue).some((value) => {
      const position = rank(value);
      return position !== undefined && bounds.some((bound) => test(position, bound));
    });
}

export function comparison(op: Op): (a: number, b: number) => boolean {
  switch (op) {
    case '<':
      return (a, b) => a < b;
    case '<=':
      return (a, b) => a <= b;
    case '>':
      return (a, b) => a > b;
    default:
      return (a, b) => a >= b;
  }
}

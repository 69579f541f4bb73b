/**
 * Jira's own wording for JQL validation errors, gathered in one place so the engine and its tests agree.
 * Where Jira has no message (things only this local site cannot do) the text says so plainly.
 */
import { JqlError } from './types';

export const fail = (message: string): never => {
  throw new JqlError([message]);
};

export const messages = {
  noSuchField: (field: string) => `Field '${field}' does not exist or you do not have permission to view it.`,
  fieldNotSupportedLocally: (field: string) =>
    `Field '${field}' is not supported by this local Jira site; use a field it keeps.`,
  operatorNotSupported: (operator: string, field: string) =>
    `The operator '${operator}' is not supported by the '${field}' field.`,
  historyNotSupported: (operator: string, field: string) =>
    `The operator '${operator}' is not supported by the '${field}' field on this local Jira site, which keeps no field history.`,
  emptyNotSupported: (field: string) => `The field '${field}' does not support searching for EMPTY values.`,
  emptyStringNotSupported: (field: string) =>
    `The field '${field}' does not support searching for an empty string.`,
  operatorWithEmpty: (operator: string, field: string) =>
    `Operator '${operator}' does not support the empty value representation 'EMPTY' for field '${field}'.`,
  isWithValue: (operator: string, field: string) =>
    `Operator '${operator}' does not support searching for non-empty values for field '${field}'.`,
  listNotAllowed: (operator: string, operand: string, field: string) =>
    `Operator '${operator}' does not support the list value '${operand}' for field '${field}'.`,
  listRequired: (operator: string, operand: string, field: string) =>
    `Operator '${operator}' does not support the non-list value '${operand}' for field '${field}'.`,
  valueDoesNotExist: (value: string, field: string) =>
    `The value '${value}' does not exist for the field '${field}'.`,
  idsNotSupported: (value: string, field: string) =>
    `This local Jira site searches '${field}' by name only; '${value}' looks like an id. Use the name instead.`,
  invalidIssueKey: (value: string, field: string) =>
    `The issue key '${value}' for field '${field}' is invalid.`,
  invalidNumber: (value: string, field: string) =>
    `Value '${value}' for the '${field}' field is not a valid number.`,
  invalidDate: (value: string, field: string) =>
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  invalidDay: (value: string, field: string) =>
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'.`,
  groupDoesNotExist: (value: string, field: string) =>
    `The group '${value}' for field '${field}' does not exist.`,
  unparsableText: (value: string, field: string) =>
    `Unable to parse the text '${value}' for field '${field}'.`,
  noSuchFunction: (display: string) => `Unable to find JQL function '${display}'.`,
  functionNotSupportedLocally: (name: string) =>
    `The JQL function '${name}' is not supported by this local Jira site.`,
  functionInvalidForField: (name: string, field: string) =>
    `A value provided by the function '${name}' is invalid for the field '${field}'.`,
  functionArgumentCount: (name: string, expected: number, received: number) =>
    `Function '${name}' expected '${expected}' arguments but received '${received}'.`,
  functionArgumentRange: (name: string, min: number, max: number, received: number) =>
    `Function '${name}' expected between '${min}' and '${max}' arguments but received '${received}'.`,
  functionDuration: (name: string) =>
    `Duration for function '${name}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.`,
  membersOfNoGroup: (group: string) =>
    `Function 'membersOf' can not generate a list of usernames for group '${group}'; the group does not exist.`,
  objectFieldNotSupported: (field: string) =>
    `The field '${field}' holds JSON objects, which this local Jira site cannot search.`,
  cannotSort: (field: string) => `Not able to sort using field '${field}'.`,
  fieldNotSortable: (field: string) => `Field '${field}' does not support sorting.`,
  sortFieldRepeated: (field: string) =>
    `The sort field '${field}' is referenced multiple times in the JQL sort.`,
  sortFieldAlias: (field: string, original: string) =>
    `The sort field '${field}' is referenced multiple times in the JQL sort. Field '${field}' is an alias for field '${original}'.`,
} as const;

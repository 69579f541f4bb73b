import { messages } from './errors';
import { createJqlEngine, JqlError } from './index';
import { jqlContext, jqlErrorOf, jqlIssue } from './testing/builders';

const engine = createJqlEngine();
const refusal = (jql: string) => jqlErrorOf(engine, jql);

describe('refused queries throw JqlError with Jira’s wording', () => {
  it('throws a JqlError carrying its messages', () => {
    let thrown: unknown;
    try {
      engine.compile('foo = 1', jqlContext());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JqlError);
    expect((thrown as JqlError).messages).toEqual([messages.noSuchField('foo')]);
  });

  it.each([
    ['foo = 1', "Field 'foo' does not exist or you do not have permission to view it."],
    ['cf[99999] = 1', "Field 'cf[99999]' does not exist or you do not have permission to view it."],
    [
      'customfield_99999 is EMPTY',
      "Field 'customfield_99999' does not exist or you do not have permission to view it.",
    ],
    [
      'issue.property[spoc].nope = 1',
      "Field 'issue.property[spoc].nope' does not exist or you do not have permission to view it.",
    ],
    [
      'issue.property[other].state = x',
      "Field 'issue.property[other].state' does not exist or you do not have permission to view it.",
    ],
    [
      'issue.property[spoc].a[0] = 1',
      "Field 'issue.property[spoc].a[0]' does not exist or you do not have permission to view it.",
    ],
    ['duedate < now()', "Field 'duedate' is not supported by this local Jira site; use a field it keeps."],
    [
      '"SPOC details" = x',
      "The field 'SPOC details' holds JSON objects, which this local Jira site cannot search.",
    ],
    ['"" = x', 'Error in the JQL Query: A field name cannot be empty.'],
  ])('unknown field: %s', (jql, message) => {
    expect(refusal(jql)).toBe(message);
  });

  it.each([
    ['summary = printer', "The operator '=' is not supported by the 'summary' field."],
    ['text = printer', "The operator '=' is not supported by the 'text' field."],
    ['text !~ printer', "The operator '!~' is not supported by the 'text' field."],
    ['status > Open', "The operator '>' is not supported by the 'status' field."],
    ['labels ~ vip', "The operator '~' is not supported by the 'labels' field."],
    ['created ~ -1d', "The operator '~' is not supported by the 'created' field."],
    ['key is EMPTY', "The operator 'is' is not supported by the 'key' field."],
    ['project is not EMPTY', "The operator 'is not' is not supported by the 'project' field."],
    ['resolution > Unresolved', "The operator '>' is not supported by the 'resolution' field."],
    ['spocState ~ vetted', "The operator '~' is not supported by the 'spocState' field."],
    [
      'issue.property[spoc].state < b',
      "The operator '<' is not supported by the 'issue.property[spoc].state' field.",
    ],
    [
      'issue.property[spoc].note = x',
      "The operator '=' is not supported by the 'issue.property[spoc].note' field.",
    ],
    [
      'status was Done',
      "The operator 'was' is not supported by the 'status' field on this local Jira site, which keeps no field history.",
    ],
    [
      'assignee changed',
      "The operator 'changed' is not supported by the 'assignee' field on this local Jira site, which keeps no field history.",
    ],
    [
      'status was in (Open) by currentUser() after -1d',
      "The operator 'was in' is not supported by the 'status' field on this local Jira site, which keeps no field history.",
    ],
  ])('wrong operator: %s', (jql, message) => {
    expect(refusal(jql)).toBe(message);
  });

  it.each([
    ['status = EMPTY', "The field 'status' does not support searching for EMPTY values."],
    ['key in (SUP-1, EMPTY)', "The field 'key' does not support searching for EMPTY values."],
    ['summary is EMPTY', "The field 'summary' does not support searching for EMPTY values."],
    ['comment is not EMPTY', "The field 'comment' does not support searching for EMPTY values."],
    ['status = ""', "The field 'status' does not support searching for an empty string."],
    ['summary ~ ""', "The field 'summary' does not support searching for an empty string."],
    [
      'status in currentUser()',
      "Operator 'in' does not support the non-list value 'currentUser()' for field 'status'.",
    ],
    [
      'assignee = membersOf("spoc-team")',
      "Operator '=' does not support the list value 'membersOf(spoc-team)' for field 'assignee'.",
    ],
  ])('wrong operand: %s', (jql, message) => {
    expect(refusal(jql)).toBe(message);
  });

  it.each([
    ['assignee = nobody', "The value 'nobody' does not exist for the field 'assignee'."],
    ['SPOC in ("alice@example.com", nobody)', "The value 'nobody' does not exist for the field 'SPOC'."],
    ['statusCategory = Blocked', "The value 'Blocked' does not exist for the field 'statusCategory'."],
    ['priority > Urgent', "The value 'Urgent' does not exist for the field 'priority'."],
    [
      'status = 3',
      "This local Jira site searches 'status' by name only; '3' looks like an id. Use the name instead.",
    ],
    [
      'priority = 9',
      "This local Jira site searches 'priority' by name only; '9' looks like an id. Use the name instead.",
    ],
    ['key = SUP', "The issue key 'SUP' for field 'key' is invalid."],
    ['"Story Points" = many', "Value 'many' for the 'Story Points' field is not a valid number."],
    [
      'issue.property[spoc].escalationLevel > high',
      "Value 'high' for the 'issue.property[spoc].escalationLevel' field is not a valid number.",
    ],
    ['created > yesterday', messages.invalidDate('yesterday', 'created')],
    ['created > "2026-02-30"', messages.invalidDate('2026-02-30', 'created')],
    ['updated < "10/03/2026"', messages.invalidDate('10/03/2026', 'updated')],
    ['created > "2d 4M"', messages.invalidDate('2d 4M', 'created')],
    ['"Go-live" = "2026-03-12 10:00"', messages.invalidDay('2026-03-12 10:00', 'Go-live')],
    ['"Escalation group" = nope', "The group 'nope' for field 'Escalation group' does not exist."],
    ['text ~ "AND"', "Unable to parse the text 'AND' for field 'text'."],
    ['summary ~ "(printer"', "Unable to parse the text '(printer' for field 'summary'."],
    ['summary ~ "\\"printer"', "Unable to parse the text '\"printer' for field 'summary'."],
  ])('wrong value: %s', (jql, message) => {
    expect(refusal(jql)).toBe(message);
  });

  it.each([
    ['assignee = bogus()', "Unable to find JQL function 'bogus()'."],
    ['created > bogus(1, 2)', "Unable to find JQL function 'bogus(1, 2)'."],
    ['created > startOfWeek()', "The JQL function 'startOfWeek' is not supported by this local Jira site."],
    [
      'status = currentUser()',
      "A value provided by the function 'currentUser' is invalid for the field 'status'.",
    ],
    [
      'created > currentUser()',
      "A value provided by the function 'currentUser' is invalid for the field 'created'.",
    ],
    ['assignee = now()', "A value provided by the function 'now' is invalid for the field 'assignee'."],
    [
      'summary ~ currentUser()',
      "A value provided by the function 'currentUser' is invalid for the field 'summary'.",
    ],
    ['key = currentUser()', "A value provided by the function 'currentUser' is invalid for the field 'key'."],
    ['created > now(1)', "Function 'now' expected '0' arguments but received '1'."],
    ['assignee = currentUser(x)', "Function 'currentUser' expected '0' arguments but received '1'."],
    ['assignee in membersOf()', "Function 'membersOf' expected '1' arguments but received '0'."],
    [
      'assignee in membersOf("nope")',
      "Function 'membersOf' can not generate a list of usernames for group 'nope'; the group does not exist.",
    ],
    [
      'created > startofday(1, 2)',
      "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.",
    ],
    [
      'created > startOfDay("yesterday")',
      "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.",
    ],
  ])('wrong function: %s', (jql, message) => {
    expect(refusal(jql)).toBe(message);
  });

  it.each([
    ['project = SUP ORDER BY bogus', "Not able to sort using field 'bogus'."],
    ['ORDER BY issue.property[spoc].nope', "Not able to sort using field 'issue.property[spoc].nope'."],
    ['ORDER BY description', "Field 'description' does not support sorting."],
    ['ORDER BY text', "Field 'text' does not support sorting."],
    ['ORDER BY comment DESC', "Field 'comment' does not support sorting."],
    ['ORDER BY "SPOC details"', "Field 'SPOC details' does not support sorting."],
    ['ORDER BY duedate', "Field 'duedate' is not supported by this local Jira site; use a field it keeps."],
    ['ORDER BY key, KEY DESC', "The sort field 'KEY' is referenced multiple times in the JQL sort."],
    [
      'ORDER BY key, issuekey',
      "The sort field 'issuekey' is referenced multiple times in the JQL sort. Field 'issuekey' is an alias for field 'key'.",
    ],
  ])('wrong ORDER BY: %s', (jql, message) => {
    expect(refusal(jql)).toBe(message);
  });
});

describe('syntax errors carry the parser’s position', () => {
  const operators =
    "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
  it.each([
    [
      'project = ',
      'Expecting either a value, list or function before the end of the query. (line 1, character 11)',
    ],
    ['project = SUP AND', 'Expecting a field name before the end of the query. (line 1, character 18)'],
    ['project SUP', `Expecting operator but got 'SUP'. ${operators} (line 1, character 9)`],
    ['project', `Expecting operator before the end of the query. ${operators} (line 1, character 8)`],
    [
      'project = SUP status = Open',
      "Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 15)",
    ],
    ['(status = Open', "Expecting ')' before the end of the query. (line 1, character 15)"],
    ['status = Open)', "Expecting either 'OR' or 'AND' but got ')'. (line 1, character 14)"],
    ['summary ~ "abc', "The quoted string 'abc' has not been completed. (line 1, character 11)"],
    ["summary ~ '", 'The quoted string has not been completed. (line 1, character 11)'],
    [
      'status = "a\\qb"',
      "'\\q' is an illegal JQL escape sequence. The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 10)",
    ],
    [
      'status = a{b',
      "The character '{' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007b' instead. (line 1, character 11)",
    ],
    [
      'summary ~ select',
      "'select' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)",
    ],
    [
      'a =b order by asc',
      "Expecting a field name but got 'asc'. You must surround 'asc' in quotation marks to use it as a field name. (line 1, character 15)",
    ],
    [
      'status = !',
      "Expecting either a value, list or function but got '!'. You must surround '!' in quotation marks to use it as a value. (line 1, character 10)",
    ],
    [
      'status = a\u007fb',
      "The character 'U+007F' must be escaped. Use the escape '\\u007f' instead. (line 1, character 11)",
    ],
    ['project = SUP order', "Expecting 'by' before the end of the query. (line 1, character 20)"],
    ['order by key desc key', "Expecting ',' but got 'key'. (line 1, character 19)"],
    ['assignee is currentUser()', "Expecting 'EMPTY' but got 'currentUser'. (line 1, character 13)"],
    [
      'project = SUP\nAND status =',
      'Expecting either a value, list or function before the end of the query. (line 2, character 13)',
    ],
  ])('%j', (jql, message) => {
    expect(refusal(jql)).toBe(`Error in the JQL Query: ${message}`);
  });
});

describe('escapes in values', () => {
  it('decodes \\uXXXX, \\t, \\" and \\\\ as Jira does', () => {
    const context = jqlContext();
    const compiled = engine.compile(
      'labels = "caf\\u00e9" OR labels = "a\\"b" OR labels = tab\\tsep',
      context,
    );
    const labelled = (label: string) => jqlIssue({ key: 'SUP-1', labels: [label] });
    expect(compiled.matches(labelled('café'))).toBe(true);
    expect(compiled.matches(labelled('a"b'))).toBe(true);
    expect(compiled.matches(labelled('tab\tsep'))).toBe(true);
    expect(compiled.matches(labelled('cafe'))).toBe(false);
  });
});

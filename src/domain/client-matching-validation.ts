import {
  describeRuleKind,
  MATCH_RULE_KINDS,
  type ClientMatchRule,
  type MatchRuleKind,
} from './client-matching';
import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  quote,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';

/**
 * Checks the ordered client rules that arrive untrusted, from storage or the manager's rule editor: known
 * kinds, values of the right shape for each kind, and no value claimed by two rules, since the first rule
 * would always win. Kept apart from client-matching.ts so matching reads on its own.
 */
/** Rule sets stay small enough to store as one value and to read in one screen. */
export const MAX_MATCH_RULES = 500;
const MAX_VALUES_PER_RULE = 100;
const MAX_VALUE_LENGTH = 255;

const VALUE_CHECKS: Readonly<Record<MatchRuleKind, { test: (v: string) => boolean; hint: string }>> = {
  'jsm-organization': { test: (v) => /^\d+$/.test(v), hint: 'a JSM organization id is a number, e.g. 17' },
  'reporter-group': { test: () => true, hint: '' },
  'reporter-account': { test: (v) => !/\s/.test(v) && v.length <= 128, hint: 'use a Jira account id' },
  project: {
    test: (v) => /^[A-Za-z][A-Za-z0-9_]{0,254}$/.test(v) || /^\d+$/.test(v),
    hint: 'use a project key such as SUP or a project id',
  },
  component: { test: () => true, hint: '' },
  label: { test: (v) => !/\s/.test(v), hint: 'Jira labels cannot contain spaces' },
  'email-domain': {
    test: (v) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v),
    hint: 'write the domain alone, e.g. acme.com, without @',
  },
};

/** Checks an ordered rule list read from storage or a form. `knownClientIds` catches rules for deleted clients. */
export function validateMatchRules(
  input: unknown,
  knownClientIds?: readonly string[],
): Validated<readonly ClientMatchRule[]> {
  if (!Array.isArray(input)) return invalid([problem('rules', 'The matching rules must be a list.')]);
  const problems: ValidationProblem[] = [];
  if (input.length > MAX_MATCH_RULES) {
    problems.push(
      problem('rules', `There can be at most ${MAX_MATCH_RULES} matching rules; there are ${input.length}.`),
    );
  }
  const rules: ClientMatchRule[] = [];
  const ruleIds = new Map<string, number>();
  // kind + normalised value → position of the first rule that claims it
  const claimed = new Map<string, { position: number; clientId: string }>();
  for (const [index, raw] of input.entries()) {
    const path = at('rules', index);
    const position = index + 1;
    if (!isRecord(raw)) {
      problems.push(problem(path, `Rule ${position} needs a client, what it matches on and its values.`));
      continue;
    }
    const before = problems.length;
    const { id, clientId, kind, values, enabled } = raw;
    if (!isNonEmptyString(id)) problems.push(problem(at(path, 'id'), `Rule ${position} needs an id.`));
    else if (ruleIds.has(id)) {
      problems.push(
        problem(at(path, 'id'), `Rule ${position} has the same id ${quote(id)} as rule ${ruleIds.get(id)}.`),
      );
    } else ruleIds.set(id, position);
    if (!isNonEmptyString(clientId)) {
      problems.push(problem(at(path, 'clientId'), `Rule ${position} must name the client it recognises.`));
    } else if (knownClientIds && !knownClientIds.includes(clientId)) {
      problems.push(
        problem(
          at(path, 'clientId'),
          `Rule ${position} names client ${quote(clientId)}, which does not exist.`,
        ),
      );
    }
    const knownKind = typeof kind === 'string' && (MATCH_RULE_KINDS as readonly string[]).includes(kind);
    if (!knownKind) {
      problems.push(
        problem(
          at(path, 'kind'),
          `Rule ${position} matches on ${quote(kind)}, which the app does not know; use one of ${MATCH_RULE_KINDS.join(', ')}.`,
        ),
      );
    }
    if (enabled !== undefined && typeof enabled !== 'boolean') {
      problems.push(problem(at(path, 'enabled'), `Rule ${position}: enabled must be true or false.`));
    }
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(problem(at(path, 'values'), `Rule ${position} needs at least one value to match.`));
    } else if (values.length > MAX_VALUES_PER_RULE) {
      problems.push(
        problem(at(path, 'values'), `Rule ${position} has more than ${MAX_VALUES_PER_RULE} values.`),
      );
    } else {
      const seen = new Set<string>();
      for (const [vi, value] of values.entries()) {
        const vpath = at(at(path, 'values'), vi);
        if (!isNonEmptyString(value)) {
          problems.push(problem(vpath, `Rule ${position} has an empty value.`));
          continue;
        }
        if (value.length > MAX_VALUE_LENGTH) {
          problems.push(
            problem(vpath, `Rule ${position} has a value longer than ${MAX_VALUE_LENGTH} characters.`),
          );
          continue;
        }
        const trimmed = value.trim();
        const norm = trimmed.toLowerCase();
        if (seen.has(norm)) {
          problems.push(problem(vpath, `Rule ${position} lists ${quote(trimmed)} twice.`));
          continue;
        }
        seen.add(norm);
        if (!knownKind) continue;
        const check = VALUE_CHECKS[kind as MatchRuleKind];
        if (kind === 'reporter-account') checkAccountId(trimmed, vpath, `Rule ${position}'s value`, problems);
        else if (!check.test(trimmed)) {
          problems.push(
            problem(vpath, `Rule ${position}: ${quote(trimmed)} is not valid here; ${check.hint}.`),
          );
          continue;
        }
        const key = `${String(kind)}\u0000${norm}`;
        const first = claimed.get(key);
        if (first === undefined) {
          claimed.set(key, { position, clientId: typeof clientId === 'string' ? clientId : '' });
        } else {
          const label = describeRuleKind(kind as MatchRuleKind);
          problems.push(
            problem(
              vpath,
              first.clientId === clientId
                ? `Rule ${position}: ${label} ${quote(trimmed)} is already covered by rule ${first.position}.`
                : `Rule ${position}: ${label} ${quote(trimmed)} already matches client ${quote(first.clientId)} in rule ` +
                    `${first.position}; the first rule wins, so this one would never apply.`,
            ),
          );
        }
      }
    }
    if (problems.length === before) {
      rules.push({
        id: id as string,
        clientId: clientId as string,
        kind: kind as MatchRuleKind,
        values: (values as string[]).map((v) => v.trim()),
        ...(enabled === undefined ? {} : { enabled: enabled as boolean }),
      });
    }
  }
  return problems.length ? invalid(problems) : valid(rules);
}
